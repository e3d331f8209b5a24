/**
 * The fuzz script's inputs: the seeds (the template, every Markdown fixture and the team
 * templates' documents), the generators (arbitrary Unicode, Markdown token soup, mutations of the
 * seeds, JSON) and `firstDifference`, which the property tests share.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {parseDocument} from '../src/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// -- seeds -------------------------------------------------------------------------------------

/** The template and every Markdown fixture, by name. */
export const seeds: readonly {name: string; text: string}[] = (() => {
  const out = [{name: 'template.md', text: readFileSync(path.join(root, 'fixtures/template.md'), 'utf8')}]
  const teams = (() => {
    try {
      return readdirSync(path.join(root, 'fixtures/templates'), {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => `templates/${entry.name}`).sort()
    } catch {
      return []
    }
  })()
  // Note: teams' templates and documents too, read here by the built-in template.
  for (const folder of ['examples', 'messy', 'real-world', ...teams]) {
    const dir = path.join(root, 'fixtures', folder)
    let names: string[] = []
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.md')).sort()
    } catch {
      continue
    }
    for (const name of names) out.push({name: `${folder}/${name}`, text: readFileSync(path.join(dir, name), 'utf8')})
  }
  return out
})()

// -- generators --------------------------------------------------------------------------------

/** Pieces of Markdown and of the template that make parsers take unusual paths. */
export const tokens: readonly string[] = [
  '\n', '\n\n', '\r\n', '\r', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\t', ' ', '    ', '\u00A0', '\u200B', '\u2028',
  '#', '# ', '## ', '### ', '#### ', '|', ' | ', '|---|', '| --- | --- |', ':-:', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>', '[ ] ', '[x] ',
  '```', '~~~', '    code', '<!--', '-->', '<!-- postmortem disable no-placeholder -->', '<div>', '</div>', '---', '***', '===', '**', '__', '*', '_', '`',
  '{', '}', '{ID}', '{DATE}', '\\', '\\|', '[', ']', '(', ')', '](x)', '![a](b)', '<', '>', '&amp;', '&#0;', ':', '**Date:** ', 'Date: ', '**Date**: ',
  '**Severity:** P1', '**Duration:** 47 minutes', '**Hotfix was:** ', 'Full fix / Temporary workaround', '## Timeline (all times PST)', '| Time (UTC) | Event | Who |',
  '## Action Items', '### Prevent Recurrence', '| Action | Owner | Due Date | Priority | Status |', '---\ntitle: x\n---\n', '**Meeting held:** 2026-01-02',
  '**Attendees:** a, b', '14:02', '2026-02-30', 'HOTFIX-', 'é', 'Ω', '日本', '🔥', '👩‍💻', 'e\u0301', 'https://example.com/a_b'
]

/** Arbitrary Unicode: code units of every kind (lone surrogates included), graphemes, ASCII. */
export const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({unit: 'binary', maxLength: 400}),
  fc.string({unit: 'grapheme', maxLength: 200}),
  fc.string({unit: 'binary-ascii', maxLength: 400}),
  fc.string({unit: fc.constantFrom('\u0000', '\r', '\n', '\uFEFF', '\uD800', '\uDC00', ' ', '\t', 'a', '>', '-', '|', '#'), maxLength: 300})
)

/** Markdown-ish token soup. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {weight: 6, arbitrary: fc.constantFrom(...tokens)},
      {weight: 2, arbitrary: fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 8})},
      {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 3})}
    ),
    {maxLength: 120}
  )
  .map((parts) => parts.join(''))

/** One edit of a document. Positions are taken modulo the document's size. */
export type Mutation =
  | {readonly kind: 'delete'; readonly at: number; readonly count: number}
  | {readonly kind: 'duplicate'; readonly at: number; readonly count: number}
  | {readonly kind: 'swap'; readonly a: number; readonly b: number}
  | {readonly kind: 'truncate'; readonly at: number}
  | {readonly kind: 'inject'; readonly at: number; readonly text: string}
  | {readonly kind: 'replaceLine'; readonly at: number; readonly text: string}
  | {readonly kind: 'shuffle'; readonly keys: readonly number[]}
  | {readonly kind: 'window'; readonly at: number; readonly count: number}
  | {readonly kind: 'crlf'}
  | {readonly kind: 'bom'}

const injected = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...tokens)},
  {weight: 2, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 6})},
  {weight: 1, arbitrary: tokenSoup}
)

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({min: 1, max: 5})}),
  fc.record({kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({min: 1, max: 5})}),
  fc.record({kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat()}),
  fc.record({kind: fc.constant('truncate' as const), at: fc.nat()}),
  {weight: 2, arbitrary: fc.record({kind: fc.constant('inject' as const), at: fc.nat(), text: injected})},
  fc.record({kind: fc.constant('replaceLine' as const), at: fc.nat(), text: injected}),
  fc.record({kind: fc.constant('shuffle' as const), keys: fc.array(fc.nat({max: 1000}), {minLength: 24, maxLength: 24})}),
  fc.record({kind: fc.constant('window' as const), at: fc.nat(), count: fc.integer({min: 1, max: 40})}),
  fc.constant({kind: 'crlf' as const}),
  fc.constant({kind: 'bom' as const})
)

/** Apply one mutation. Never throws. */
export function mutate(text: string, edit: Mutation): string {
  const lines = text.split('\n')
  const line = (at: number): number => at % lines.length
  switch (edit.kind) {
    case 'delete':
      lines.splice(line(edit.at), edit.count)
      return lines.join('\n')
    case 'duplicate': {
      const at = line(edit.at)
      lines.splice(at, 0, ...lines.slice(at, at + edit.count))
      return lines.join('\n')
    }
    case 'swap': {
      const a = line(edit.a)
      const b = line(edit.b)
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      return lines.join('\n')
    }
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1))
    case 'inject': {
      const at = edit.at % (text.length + 1)
      return text.slice(0, at) + edit.text + text.slice(at)
    }
    case 'replaceLine':
      lines[line(edit.at)] = edit.text
      return lines.join('\n')
    case 'shuffle': {
      const parts = text.split('\n## ')
      const order = parts.map((_, index) => index).sort((a, b) => (edit.keys[a % edit.keys.length]! - edit.keys[b % edit.keys.length]!) || a - b)
      return order.map((index, position) => (position === 0 ? '' : '\n## ') + parts[index]!).join('')
    }
    case 'window': {
      const at = line(edit.at)
      return lines.slice(at, at + edit.count).join('\n')
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n')
    case 'bom':
      return '\uFEFF' + text
  }
}

/** A seed with its mutations, kept apart so a failure shrinks to the fewest edits. */
export const mutatedCase: fc.Arbitrary<{seed: string; edits: Mutation[]}> = fc.record({
  seed: fc.constantFrom(...seeds.map((seed) => seed.name)),
  edits: fc.array(mutation, {minLength: 1, maxLength: 6})
})

const seedText = new Map(seeds.map((seed) => [seed.name, seed.text]))

/** The text of a mutated case. */
export function applyCase({seed, edits}: {seed: string; edits: readonly Mutation[]}): string {
  return edits.reduce(mutate, seedText.get(seed) ?? '')
}

/** A mutated postmortem. */
export const mutatedDocument: fc.Arbitrary<string> = mutatedCase.map(applyCase)

/** JSON text: drafts of the fixtures, mutated; hostile keys; arbitrary JSON values. */
export const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({maxDepth: 4}).map((value) => JSON.stringify(value)),
  fc
    .tuple(fc.constantFrom(...seeds.map((seed) => seed.text)), fc.array(fc.oneof(
      fc.record({kind: fc.constant('truncate' as const), at: fc.nat()}),
      fc.record({kind: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '"__proto__":{"polluted":1},', '"constructor":{"prototype":{"polluted":1}},', 'null', '1e999', '\u0000', '\uD800'), injected)})
    ), {maxLength: 3}))
    .map(([markdown, edits]) => edits.reduce(mutate, JSON.stringify(parseDocument(markdown).draft, null, 2))),
  fc.constantFrom('{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '[' .repeat(50), '{"a":', '', '\uFEFF{}')
)

/** What a case exercises. */
export type CaseKind = 'unicode' | 'soup' | 'mutated' | 'json'

/** Every generator, labelled. */
export const anyCase: fc.Arbitrary<{kind: CaseKind; text: string}> = fc.oneof(
  {weight: 4, arbitrary: unicodeText.map((text) => ({kind: 'unicode' as const, text}))},
  {weight: 4, arbitrary: tokenSoup.map((text) => ({kind: 'soup' as const, text}))},
  // Note: a mutated postmortem costs about a hundred times a short string (three remark parses
  // of ~9 kB), so it is one case in ten.
  {weight: 1, arbitrary: mutatedDocument.map((text) => ({kind: 'mutated' as const, text}))},
  {weight: 1, arbitrary: jsonText.map((text) => ({kind: 'json' as const, text}))}
)

/** The first path at which two JSON-like values differ, or `''` when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (Object.is(a, b)) return ''
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path || '(root)'
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key)
    if (found) return found
  }
  return ''
}
