// Where the readers' node_modules are: $YALTA_READERS_NODE, else
// <repo>/.cache/readers/node (where .ci/install-readers puts them).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = process.env.YALTA_READERS_NODE || resolve(here, '../../../.cache/readers/node')

/** CommonJS require from the readers' folder. */
export const require = createRequire(join(root, 'package.json'))

/** An ES module package from the readers' folder (its "exports" import entry). */
export async function importPackage (name) {
  const dir = join(root, 'node_modules', name)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const entry = pkg.exports?.['.']?.import?.default ?? pkg.module ?? pkg.main
  return import(pathToFileURL(join(dir, entry)).href)
}
