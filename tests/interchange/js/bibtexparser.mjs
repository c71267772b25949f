// node bibtexparser.mjs FILE [--raw]: FILE parsed by @retorquere/bibtex-parser
// (the parser of Better BibTeX), printed on stdout as a CSL-JSON array: each
// entry field is put under the CSL variable our writer took it from (the
// inverse of src/yalta_refs/formats/bibtex.py's mapping), so that what is
// checked is the parser's reading of the syntax: LaTeX decoding, name
// splitting, braces. Parse errors go to stderr. --raw prints the parser's
// own {entries, errors} instead. No sentence-casing: titles stay as written.
import { readFileSync } from 'node:fs'
import { importPackage } from './_modules.mjs'

const bibtex = await importPackage('@retorquere/bibtex-parser')

const FIELDS = {
  author: 'author', editor: 'editor', translator: 'translator', bookauthor: 'container-author',
  title: 'title', journal: 'container-title', journaltitle: 'container-title',
  booktitle: 'container-title', organization: 'container-title', series: 'collection-title',
  publisher: 'publisher', school: 'publisher', institution: 'publisher',
  address: 'publisher-place', location: 'publisher-place', origdate: 'original-date',
  origtitle: 'original-title', urldate: 'accessed', edition: 'edition', volume: 'volume',
  volumes: 'number-of-volumes', pages: 'page', pagetotal: 'number-of-pages', type: 'genre',
  howpublished: 'medium', language: 'language', isbn: 'ISBN', issn: 'ISSN', doi: 'DOI',
  url: 'URL', abstract: 'abstract', note: 'note', annote: 'annote',
}
const NAMES = new Set(['author', 'editor', 'translator', 'container-author'])
const DATES = new Set(['original-date', 'accessed'])
const TYPES = {
  book: 'book', collection: 'book', incollection: 'chapter', inbook: 'chapter',
  article: 'article-journal', misc: 'webpage', online: 'webpage', phdthesis: 'thesis',
  mastersthesis: 'thesis', thesis: 'thesis', techreport: 'report', report: 'report',
  inproceedings: 'paper-conference',
}
const ARTICLES = new Set(['article-journal', 'article-magazine', 'article-newspaper'])

function names (creators) {
  return creators.map(c => c.name !== undefined
    ? { literal: c.name }
    : Object.fromEntries([['family', c.lastName], ['given', c.firstName],
      ['non-dropping-particle', c.prefix], ['suffix', c.suffix]].filter(([, v]) => v)))
}

function toCsl (entry) {
  const f = entry.fields
  let type = TYPES[entry.type] ?? entry.type
  if (type === 'article-journal' && ['magazine', 'newspaper'].includes(f.entrysubtype)) {
    type = `article-${f.entrysubtype}`
  }
  const item = { id: entry.key, type }
  for (const [name, value] of Object.entries(f)) {
    const csl = name === 'howpublished' && type === 'webpage' ? 'container-title' : FIELDS[name]
    if (!csl || csl in item) continue
    if (NAMES.has(csl)) item[csl] = names(value)
    else if (DATES.has(csl)) item[csl] = { raw: value }
    // a list field split in two shows as "a; b", which compares unequal
    else item[csl] = Array.isArray(value) ? value.join('; ') : value
  }
  if (f.number) {
    const slot = type === 'report' ? 'number' : ARTICLES.has(type) ? 'issue' : 'collection-number'
    item[slot] = f.number
  }
  const date = f.date ?? [f.year, f.month].filter(Boolean).join('-')
  if (date) item.issued = { raw: date }
  return item
}

const [file, flag] = process.argv.slice(2)
if (!file) {
  console.error('usage: node bibtexparser.mjs FILE [--raw]')
  process.exit(2)
}
const library = bibtex.parse(readFileSync(file, 'utf8'), {
  sentenceCase: false,
  english: false,
  caseProtection: false,
})
for (const error of library.errors) console.error(JSON.stringify(error))
const out = flag === '--raw'
  ? { entries: library.entries, errors: library.errors }
  : library.entries.map(toCsl)
process.stdout.write(JSON.stringify(out, null, 1) + '\n')
