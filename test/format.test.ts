/**
 * `fmt` on every fixture (SPEC R3, R6): a fixed point, the same draft before and after, nothing
 * added or removed (placeholders, sections, fields), each section's words still under one
 * heading, line endings and byte-order mark kept.
 */
import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {format, parse, parseDocument, sections, stringify, type PostmortemDocument} from '../src/index.js'
import {userWords} from '../src/lossless.js'
import {parseMarkdown} from '../src/model/markdown.js'
import {findPlaceholders} from '../src/model/text.js'
import {allMarkdownFiles} from './helpers.js'

/** Placeholders outside code, as the template writes them. */
function placeholders(text: string): number {
  return findPlaceholders(text.replace(/`[^`\n]*`/g, '')).length
}

/**
 * The user's words under each heading, by what the heading is: a template section's id (its
 * wording does not matter), an unknown heading's text, `start` before the first heading, and
 * `footer` for the meeting footer. Words under one heading in the input must stay under one
 * heading of the same section in the output.
 */
function sectionWords(text: string): Map<string, Map<string, number>> {
  const document = parseDocument(text)
  const tree = parseMarkdown(document.source.text)
  const labels = new Map<number, string>()
  for (const occurrence of document.sections) labels.set(occurrence.span.start.offset, occurrence.id === 'preventRecurrence' ? 'actionItems' : occurrence.id)
  for (const unknown of document.unknownSections) labels.set(unknown.span.start.offset, `unknown:${unknown.text}`)
  const footer = document.footer?.start.offset
  const regions = new Map<string, Root>()
  let label = 'start'
  for (const node of tree.children) {
    const offset = node.position?.start.offset ?? -1
    if (node.type === 'heading') label = labels.get(offset) ?? `unknown:${offset}`
    else if (offset === footer) label = 'footer'
    if (!regions.has(label)) regions.set(label, {type: 'root', children: []})
    if (node.type !== 'heading') regions.get(label)!.children.push(node)
  }
  return new Map([...regions].map(([key, region]) => [key, userWords(region)]))
}

function contains(outer: ReadonlyMap<string, number>, inner: ReadonlyMap<string, number>): boolean {
  for (const [word, count] of inner) if ((outer.get(word) ?? 0) < count) return false
  return true
}

/** Section ids written by a document, and the groups and children a format may add around them. */
function sectionIds(document: PostmortemDocument): Set<string> {
  return new Set(document.sections.map((occurrence) => occurrence.id))
}

/** Field paths of a document, rows and cells aside. */
function fieldPaths(document: PostmortemDocument): Set<string> {
  return new Set([...document.fields.keys()].filter((path) => !path.includes('[')))
}

const implied = new Map<string, string>(sections.flatMap((section) => (section.parent ? [[section.id, section.parent] as const] : [])))
const bare = new Map<string, string>(sections.flatMap((section) => (section.bareContent ? [[section.id, section.bareContent] as const] : [])))

describe('fmt on every fixture', () => {
  for (const {name, text} of allMarkdownFiles()) {
    describe(name, () => {
      const once = format(text)
      const output = once.output

      it('is not refused, and formatting its output changes nothing', () => {
        expect(once.refused).toBeUndefined()
        const twice = format(output)
        expect(twice.refused).toBeUndefined()
        expect(twice.output).toBe(output)
        expect(stringify(parse(output))).toBe(stringify(parse(text)))
      })

      it('reads back as the same draft', () => {
        expect(parse(output)).toEqual(parse(text))
      })

      it('adds and removes no placeholder, section or field', () => {
        expect(placeholders(output)).toBe(placeholders(text))
        const before = parseDocument(text)
        const after = parseDocument(output)
        const allowed = sectionIds(before)
        for (const id of [...allowed]) {
          const group = implied.get(id)
          if (group) allowed.add(group)
          const child = bare.get(id)
          if (child) allowed.add(child)
        }
        for (const id of sectionIds(after)) expect(allowed, `section ${id}`).toContain(id)
        expect(after.unknownSections.map((section) => section.text).sort()).toEqual(before.unknownSections.map((section) => section.text).sort())
        const fields = fieldPaths(before)
        for (const path of fieldPaths(after)) expect(fields, `field ${path}`).toContain(path)
      })

      it("keeps each section's words under the heading they were written under", () => {
        const after = sectionWords(output)
        for (const [label, words] of sectionWords(text)) {
          if (words.size === 0) continue
          expect(contains(after.get(label) ?? new Map(), words), `the words under ${label}`).toBe(true)
        }
      })

      it('keeps line endings and the byte-order mark', () => {
        expect(output.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'))
        const crlf = (value: string): boolean => (value.match(/\r\n/g) ?? []).length > (value.match(/(?<!\r)\n/g) ?? []).length
        expect(crlf(output)).toBe(crlf(text))
      })
    })
  }
})

/** Inputs the fuzzer found where formatting was not a fixed point or changed what was said. */
describe('R3 regressions found by fuzzing', () => {
  const cases: Record<string, string> = {
    'an unclosed fence': '~~~',
    'an unclosed comment': '<!--',
    'a byte-order mark that starts a block': ' \uFEFF\uFEFF>x ',
    'a byte-order mark after other blocks': 'a\r\r\uFEFF #\u0000|',
    'an unclosed fence after sections, whose sections move before it': '# T\n\n## Root Cause\n\n   ```js\n   x\n\n## Action Items\n\n- [x] Fix it (@kofi, done 2026-03-13)\n',
    'a table of no rows, then a list': '## Action Items\n\n### Improve Response\n\n| Action | Owner |\n|---|---|\n* **Duration:** 52 minutes\n',
    'a setext heading of several lines after the last section': '## Lessons Learned\n\n### Team Lessons\n\n1. One\n\nThe seller did nothing wrong\n**Customer notification:** yes\n---\n\n**Meeting held:** 2026-02-20\n',
    'a heading-only table under the timeline keeps its zone in the heading': '## Timeline\n\n| Time (PST) | Event |\n|---|---|\n\n- notes\n'
  }
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const once = stringify(parse(text))
      expect(stringify(parse(once))).toBe(once)
      expect(parse(once)).toEqual(parse(text))
    })
  }
})
