// node citationjs.mjs FORMAT FILE: FILE (bibtex, biblatex, ris or csl-json)
// read by citation-js, printed as a CSL-JSON array on stdout.
import { readFileSync } from 'node:fs'
import { require } from './_modules.mjs'

const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const TYPES = {
  bibtex: '@bibtex/text',
  biblatex: '@biblatex/text',
  ris: '@ris/file',
  'csl-json': '@csl/list+object',
}

const [fmt, file] = process.argv.slice(2)
if (!(fmt in TYPES) || !file) {
  console.error('usage: node citationjs.mjs bibtex|biblatex|ris|csl-json FILE')
  process.exit(2)
}
plugins.config.get('@bibtex').parse.strict = false
const text = readFileSync(file, 'utf8')
const input = fmt === 'csl-json' ? JSON.parse(text) : text
const cite = new Cite(input, { forceType: TYPES[fmt] })
process.stdout.write(JSON.stringify(cite.data, null, 1) + '\n')
