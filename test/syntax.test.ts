/**
 * The parser reads GFM without autolink literals (src/model/syntax.ts). Every result the library
 * gives must be the one it would give with the full GFM parse: drafts, findings, validation and
 * `fmt` output, on every fixture and on documents full of bare URLs.
 */
import remarkGfm from 'remark-gfm'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import * as minimal from '../src/index.js'
import {allMarkdownFiles, template} from './helpers.js'

type Library = typeof minimal
let fullGfm: Library

beforeAll(async () => {
  vi.resetModules()
  vi.doMock('../src/model/syntax.js', () => ({remarkPostmortemSyntax: remarkGfm}))
  fullGfm = (await import('../src/index.js')) as Library
  vi.doUnmock('../src/model/syntax.js')
})

const now = '2026-12-01'

/** Everything the library says about one document, in plain data. */
function results(library: Library, text: string): unknown {
  const document = library.parseDocument(text)
  const formatted = library.format(text)
  return {
    draft: document.draft,
    fields: [...document.fields.entries()],
    findings: library.lint(text, {now}),
    validate: library.validate(document.draft),
    fmt: formatted.output,
    refused: formatted.refused
  }
}

const urls = `${template.replace('{2-3_sentence_summary_of_incident_and_resolution}', 'Checkout at www.example.com/cart failed; see https://status.example.com and ops@example.com.')}
## Links

- https://grafana.example.com/d/abc?from=now-6h&to=now
- www.example.com/{ID} and ~~struck~~ text, footnote[^1]

[^1]: http://example.com/runbook
`

const tableUrls = template
  .replace('| {TIME} | {event_description} |', '| 14:02 | Alert fired, https://alerts.example.com/42 (www.example.com) |')
  .replace('{action_1}', 'Fix https://github.com/example/repo/issues/1')

describe('parsing without autolink literals gives what the full GFM parse gives', () => {
  it('on a template whose values hold bare URLs, e-mail addresses, strikethrough and footnotes', () => {
    expect(urls).toContain('https://status.example.com')
    expect(tableUrls).toContain('| 14:02 | Alert fired, https://alerts.example.com/42')
    for (const text of [urls, tableUrls]) expect(results(minimal, text)).toEqual(results(fullGfm, text))
  })

  it('is really a different parser (autolink literals are not links)', () => {
    const link = (library: Library): number =>
      JSON.stringify(library.parseDocument('See https://example.com\n').tree).split('"type":"link"').length - 1
    expect(link(minimal)).toBe(0)
    expect(link(fullGfm)).toBe(1)
  })

  const files = allMarkdownFiles()
  it('covers every fixture', () => {
    expect(files.length).toBeGreaterThan(50)
  })
  for (const {name, text} of files) {
    it(name, () => {
      expect(results(minimal, text)).toEqual(results(fullGfm, text))
    })
  }
})
