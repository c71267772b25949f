// node citeproc.mjs STYLE.csl LOCALES_DIR LANG FORMAT ITEMS.json [--bench N]
//
// The bibliography of ITEMS.json (a CSL-JSON array) in STYLE for LANG, by
// citeproc-js, printed as a JSON array of {id, text} in the style's order.
// FORMAT is html or text; each html entry is given without citeproc-js's
// <div class="csl-entry"> wrapper; an item the style renders as nothing (Chicago
// leaves unsigned encyclopedia entries out) is given with an empty text. Locales are read from LOCALES_DIR
// (locales-xx-XX.xml, the files Python's citeproc-py ships) so that both
// engines use the same terms.
//
// With --bench N the bibliography is made N times, by a new engine each time,
// and {seconds: [...], setup: [...], entries} is printed instead: per run the
// time of updateItems + makeBibliography, and apart the time of the engine's
// construction (style and locale parsing), without process start-up.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = process.env.YALTA_RENDER_NODE || resolve(here, '../../../.cache/readers/render')
const require = createRequire(join(root, 'package.json'))
const CSL = require('citeproc')

const [stylePath, localesDir, lang, format, itemsPath, flag, count] = process.argv.slice(2)
if (!itemsPath || !['html', 'text'].includes(format)) {
  console.error('usage: node citeproc.mjs STYLE.csl LOCALES_DIR LANG html|text ITEMS.json [--bench N]')
  process.exit(2)
}
const style = readFileSync(stylePath, 'utf8')
const items = JSON.parse(readFileSync(itemsPath, 'utf8'))
const byId = new Map(items.map(item => [String(item.id), item]))
const localeCache = new Map()

const sys = {
  retrieveItem: id => byId.get(String(id)),
  retrieveLocale: code => {
    if (!localeCache.has(code)) {
      const file = join(localesDir, `locales-${code}.xml`)
      localeCache.set(code, existsSync(file) ? readFileSync(file, 'utf8') : false)
    }
    return localeCache.get(code)
  },
}

function makeEngine () {
  const engine = new CSL.Engine(sys, style, lang, true)
  engine.setOutputFormat(format)
  return engine
}

function bibliography (engine = makeEngine()) {
  engine.updateItems(items.map(item => String(item.id)))
  const result = engine.makeBibliography()
  if (!result) return []
  const [params, strings] = result
  // an item the style renders as nothing has no string but keeps its entry id;
  // bibliography_errors names it. It is given here as an empty entry.
  const empty = new Set((params.bibliography_errors || []).map(e => String(e.itemID)))
  const ids = params.entry_ids.map(id => String(Array.isArray(id) ? id[0] : id))
  let next = 0
  return ids.map(id => {
    if (empty.has(id)) return { id, text: '' }
    let out = strings[next++].trim()
    if (format === 'html') {
      out = out.replace(/^<div class="csl-entry">/, '').replace(/<\/div>$/, '').trim()
    }
    return { id, text: out }
  })
}

if (flag === '--bench') {
  const seconds = []
  const setup = []
  let entries = 0
  for (let n = 0; n < Number(count || 3); n++) {
    const start = process.hrtime.bigint()
    const engine = makeEngine()
    const built = process.hrtime.bigint()
    entries = bibliography(engine).length
    setup.push(Number(built - start) / 1e9)
    seconds.push(Number(process.hrtime.bigint() - built) / 1e9)
  }
  process.stdout.write(JSON.stringify({ seconds, setup, entries }) + '\n')
} else {
  process.stdout.write(JSON.stringify(bibliography()) + '\n')
}
