/**
 * Fuzz the library: arbitrary Unicode strings, Markdown token soup, mutated postmortems (the
 * template and the fixtures with lines deleted, duplicated, swapped, truncated, characters
 * injected, sections shuffled) and mutated JSON, each run through `parseDocument`, `lint`,
 * `validate`, `stringify`, `lostWords` (what `fmt` checks) and `parseJson` / `modelFromJson`.
 *
 * Usage (runs on the TypeScript sources through tsx, nothing to build first):
 *
 *   npm run fuzz                          100,000 cases
 *   npm run fuzz -- --cases 5000          fewer cases (or FUZZ_CASES=5000)
 *   npm run fuzz -- --seed 42             another seed (or FUZZ_SEED=42; default: random)
 *   npm run fuzz -- --hang 2000           milliseconds over which a case counts as a hang
 *
 * Prints the totals, the 10 slowest inputs and every failure (throws, `internal-error`
 * findings, hangs, `fmt` output that is not a fixed point or changes what a document says) and
 * the rewrites `fmt` refuses (that would lose words, or whose `stringify(parse(x))` would not be
 * a fixed point or would read back differently); exits 1 when a case threw, reported an
 * `internal-error`, hung, or broke R3 through `fmt`. Each batch runs in a worker thread watched by the main thread, so a
 * case that never ends is killed, reported and skipped instead of stopping the run.
 *
 * The generators are exported for `test/fuzz.test.ts`.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fork} from 'node:child_process'
import fc from 'fast-check'
import {format, lintDocument, parseDocument, stringify, validateDocument, type Finding} from '../src/index.js'
import {modelFromJson, parseJson} from '../src/json.js'
import {lostWords} from '../src/lossless.js'

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

// -- checks ------------------------------------------------------------------------------------

const severities = new Set(['error', 'warning', 'info'])

function checkFindings(where: string, findings: readonly Finding[]): void {
  if (!Array.isArray(findings)) throw new Error(`${where}: findings are not an array`)
  for (const item of findings) {
    if (item.ruleId === 'internal-error') throw new Error(`${where}: internal-error: ${item.message}`)
    if (typeof item.ruleId !== 'string' || !severities.has(item.severity) || typeof item.message !== 'string' || typeof item.path !== 'string') {
      throw new Error(`${where}: malformed finding ${JSON.stringify(item)}`)
    }
  }
}

/** What one input gave: the words a rewrite would lose (when it was parsed) and more. */
export interface Outcome {
  readonly parsed: boolean
  /** Words of the input missing from `stringify(parse(input))` (`fmt` refuses such files). */
  readonly lost: readonly string[]
  readonly findings: number
  /** SPEC R3, `fmt` (`format`): formatting the formatted text changes it again (empty when it does not). */
  readonly notFixed: string
  /** SPEC R3, `fmt`: the formatted text reads back as another draft (the first key that differs). */
  readonly meaningChanged: string
  /**
   * Where `stringify(parse(x))` alone would not be a fixed point or would read back differently:
   * `fmt` checks for this and refuses to rewrite such a file (empty when it holds).
   */
  readonly refused: string
}

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

/**
 * Run one Markdown input through the library. Throws (with the reason) when a function throws,
 * reports an `internal-error`, or returns something malformed. `lossless` also checks what
 * `fmt` checks (two more parses).
 */
export function exerciseMarkdown(text: string, options: {lossless?: boolean} = {}): Outcome {
  const document = parseDocument(text)
  checkFindings('parseDocument', document.findings)
  if (!document.draft || typeof document.draft !== 'object') throw new Error('parseDocument: no draft')
  const findings = lintDocument(document)
  checkFindings('lint', findings)
  if (!document.parsed && !findings.some((item) => item.ruleId === 'input-limit')) throw new Error('not parsed, yet no input-limit finding')
  const result = validateDocument(document)
  if (result.ok) {
    if (!result.postmortem) throw new Error('validate: ok without a postmortem')
  } else {
    checkFindings('validate', result.issues)
    if (result.issues.length === 0) throw new Error('validate: not ok, yet no issues')
  }
  const output = stringify(document.draft)
  if (typeof output !== 'string') throw new Error('stringify: not a string')
  const lost = options.lossless && document.parsed ? lostWords(text, output) : []
  // SPEC R3 for every input: formatting twice equals once, and changes nothing it says. The
  // serializer alone is checked too; where it would not hold, `fmt` refuses the rewrite.
  let refused = ''
  let notFixed = ''
  let meaningChanged = ''
  if (document.parsed) {
    const again = parseDocument(output)
    const difference = firstDifference(document.draft, again.draft)
    if (difference) refused = `reads back differently at \`${difference}\``
    else if (stringify(again.draft) !== output) refused = 'fmt of fmt differs'
    const once = format(text)
    const twice = format(once.output)
    if (twice.output !== once.output) notFixed = `differs at character ${[...twice.output].findIndex((char, index) => char !== [...once.output][index])}`
    meaningChanged = firstDifference(document.draft, parseDocument(once.output).draft)
  }
  return {parsed: document.parsed, lost, findings: findings.length, notFixed, meaningChanged, refused}
}

/** Run one JSON input through `parseJson` and `modelFromJson` (and `stringify` when accepted). */
export function exerciseJson(text: string): void {
  const json = parseJson(text)
  if (!json.ok) {
    const {line, column, message} = json.error
    if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1 || typeof message !== 'string') {
      throw new Error(`parseJson: bad error position ${JSON.stringify(json.error)}`)
    }
    return
  }
  const model = modelFromJson(json.value)
  if (model.ok) {
    if (typeof stringify(model.model) !== 'string') throw new Error('stringify: not a string')
  } else if (!Array.isArray(model.problems) || model.problems.length === 0) {
    throw new Error('modelFromJson: not ok, yet no problems')
  }
  if (({} as Record<string, unknown>)['polluted'] !== undefined) throw new Error('Object.prototype was polluted')
}

/** Run any case: JSON cases through the JSON functions too, Markdown cases through fmt's check. */
export function exercise(input: {kind: CaseKind; text: string}): Outcome {
  if (input.kind === 'json') exerciseJson(input.text)
  else exerciseJson(input.text.slice(0, 2000))
  return exerciseMarkdown(input.text, {lossless: input.kind === 'mutated'})
}

// -- the runner --------------------------------------------------------------------------------

interface Options {
  cases: number
  seed: number
  hang: number
}

function options(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`)
    if (index !== -1) return argv[index + 1]
    return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  }
  const positional = argv.find((arg) => /^\d+$/.test(arg))
  const number = (text: string | undefined, fallback: number): number => {
    const parsed = Number(text)
    return text !== undefined && text !== '' && Number.isFinite(parsed) ? parsed : fallback
  }
  return {
    cases: number(value('cases') ?? positional ?? process.env.FUZZ_CASES, 100_000),
    seed: number(value('seed') ?? process.env.FUZZ_SEED, Math.floor(Math.random() * 2 ** 31)),
    hang: number(value('hang') ?? process.env.FUZZ_HANG_MS, 2000)
  }
}

/** A record of one case worth showing. */
interface Shown {
  index: number
  kind: CaseKind
  text: string
  ms: number
  reason?: string
  lost?: readonly string[]
}

/** Messages from the worker. */
type Message =
  | {type: 'start'; index: number}
  | {
      type: 'done'
      index: number
      kind: CaseKind
      ms: number
      size: number
      text?: string
      error?: string
      lost?: readonly string[]
      notFixed?: string
      meaningChanged?: string
      refused?: string
      parsed: boolean
    }
  | {type: 'end'}

const batchSize = 500

/** Worker side (a child process): run cases `from`..`to` of the seed, reporting each. */
async function work(job: {seed: number; from: number; to: number; hang: number}): Promise<void> {
  const {seed, from, to, hang} = job
  const port = {postMessage: (message: Message): void => void process.send!(message)}
  for (let batch = Math.floor(from / batchSize); batch * batchSize < to; batch++) {
    const inputs = fc.sample(anyCase, {numRuns: batchSize, seed: seed + batch})
    for (let offset = 0; offset < batchSize; offset++) {
      const index = batch * batchSize + offset
      if (index < from) continue
      if (index >= to) break
      const input = inputs[offset]!
      port.postMessage({type: 'start', index} satisfies Message)
      const started = performance.now()
      let error: string | undefined
      let outcome: Outcome | undefined
      try {
        outcome = exercise(input)
      } catch (caught) {
        error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
      }
      const ms = performance.now() - started
      const lost = outcome?.lost ?? []
      const notFixed = outcome?.notFixed ?? ''
      const meaningChanged = outcome?.meaningChanged ?? ''
      const refused = outcome?.refused ?? ''
      const keep = error !== undefined || lost.length > 0 || notFixed !== '' || meaningChanged !== '' || refused !== '' || ms > hang || ms > 50
      port.postMessage({
        type: 'done',
        index,
        kind: input.kind,
        ms,
        size: input.text.length,
        parsed: outcome?.parsed ?? false,
        ...(keep ? {text: input.text} : {}),
        ...(error !== undefined ? {error} : {}),
        ...(lost.length > 0 ? {lost} : {}),
        ...(notFixed ? {notFixed} : {}),
        ...(meaningChanged ? {meaningChanged} : {}),
        ...(refused ? {refused} : {})
      } satisfies Message)
      // Let the messages out, so the watchdog sees progress.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  port.postMessage({type: 'end'} satisfies Message)
}

/** Escape and shorten an input for the report. */
function show(text: string, max = 160): string {
  const escaped = JSON.stringify(text.length > max ? text.slice(0, max) : text)
  return text.length > max ? `${escaped}… (${text.length} chars)` : escaped
}

async function run(): Promise<number> {
  const {cases, seed, hang} = options(process.argv.slice(2))
  const kill = Math.max(hang * 10, 30_000)
  process.stdout.write(`Fuzzing ${cases} cases (seed ${seed}, hang over ${hang} ms, killed after ${kill} ms)\n`)
  const started = performance.now()
  const counts: Record<CaseKind, number> = {unicode: 0, soup: 0, mutated: 0, json: 0}
  let done = 0
  let notParsed = 0
  let totalMs = 0
  const slowest: Shown[] = []
  const throws: Shown[] = []
  const internal: Shown[] = []
  const hangs: Shown[] = []
  const lossy: Shown[] = []
  const notFixed: Shown[] = []
  const meaning: Shown[] = []
  const refusedRewrites: Shown[] = []
  let next = 0
  let lastProgress = 0
  let failure: string | undefined
  let interrupted = false
  let stopWorker: (() => void) | undefined
  process.once('SIGINT', () => {
    // Ctrl-C: stop, and report what ran so far.
    interrupted = true
    next = cases
    stopWorker?.()
  })
  while (next < cases) {
    const from = next
    await new Promise<void>((resolve) => {
      const worker = fork(fileURLToPath(import.meta.url), [], {
        execArgv: process.execArgv,
        env: {...process.env, FUZZ_JOB: JSON.stringify({seed, from, to: cases, hang})},
        stdio: ['ignore', 'inherit', 'inherit', 'ipc']
      })
      let alive = false
      stopWorker = () => worker.kill('SIGKILL')
      let current = from
      let since = performance.now()
      const watchdog = setInterval(() => {
        if (performance.now() - since < kill) return
        // A case that never ends: record it, kill the worker, go on after it.
        const input = fc.sample(anyCase, {numRuns: batchSize, seed: seed + Math.floor(current / batchSize)})[current % batchSize]!
        hangs.push({index: current, kind: input.kind, text: input.text, ms: performance.now() - since, reason: 'killed'})
        done++
        next = current + 1
        clearInterval(watchdog)
        worker.once('exit', () => resolve())
        worker.kill('SIGKILL')
      }, 250)
      worker.on('message', (message: Message) => {
        alive = true
        if (message.type === 'start') {
          current = message.index
          since = performance.now()
          return
        }
        if (message.type === 'end') {
          next = cases
          clearInterval(watchdog)
          worker.disconnect()
          return
        }
        done++
        next = message.index + 1
        counts[message.kind]++
        totalMs += message.ms
        if (!message.parsed) notParsed++
        const shown: Shown = {index: message.index, kind: message.kind, text: message.text ?? '', ms: message.ms}
        if (message.error) {
          shown.reason = message.error
          ;(message.error.includes('internal-error') ? internal : throws).push(shown)
        }
        if (message.ms > hang) hangs.push(shown)
        if (message.lost) lossy.push({...shown, lost: message.lost})
        if (message.notFixed) notFixed.push({...shown, reason: `fmt of fmt ${message.notFixed}`})
        if (message.meaningChanged) meaning.push({...shown, reason: `reads back differently at \`${message.meaningChanged}\``})
        if (message.refused) refusedRewrites.push({...shown, reason: message.refused})
        if (message.text !== undefined) {
          slowest.push(shown)
          slowest.sort((a, b) => b.ms - a.ms)
          if (slowest.length > 10) slowest.pop()
        }
        if (done - lastProgress >= 5000) {
          lastProgress = done
          process.stdout.write(`  ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
        }
      })
      worker.on('exit', (code, signal) => {
        clearInterval(watchdog)
        if (next >= cases || signal === 'SIGKILL' || interrupted) return resolve()
        if (!alive) {
          failure = `the fuzz worker could not start (exit ${code ?? signal})`
          next = cases
          return resolve()
        }
        // The worker died on a case (out of memory, a native crash): record it and go on.
        const input = fc.sample(anyCase, {numRuns: batchSize, seed: seed + Math.floor(current / batchSize)})[current % batchSize]!
        throws.push({index: current, kind: input.kind, text: input.text, ms: performance.now() - since, reason: `the process died (exit ${code ?? signal})`})
        done++
        next = current + 1
        resolve()
      })
    })
  }
  if (failure) throw new Error(failure)
  const seconds = (performance.now() - started) / 1000
  const lines: string[] = []
  if (interrupted) lines.push('', `Interrupted after ${done} of ${cases} cases.`)
  lines.push('', `Cases: ${done} (unicode ${counts.unicode}, soup ${counts.soup}, mutated ${counts.mutated}, json ${counts.json}) in ${seconds.toFixed(1)} s`)
  lines.push(`Mean per case: ${(totalMs / Math.max(done, 1)).toFixed(2)} ms; not parsed (input-limit): ${notParsed}`)
  lines.push(
    `Throws: ${throws.length}`,
    `Internal errors: ${internal.length}`,
    `Hangs (over ${hang} ms): ${hangs.length}`,
    `fmt not a fixed point (fmt of fmt changes it): ${notFixed.length}`,
    `fmt changed the meaning (parse of fmt differs from parse): ${meaning.length}`,
    `Rewrites that would lose words (fmt refuses them): ${lossy.length}`,
    `Rewrites that would not read back the same (fmt refuses them): ${refusedRewrites.length}`
  )
  lines.push('', 'Slowest inputs:')
  for (const item of slowest) lines.push(`  ${item.ms.toFixed(1).padStart(8)} ms  ${String(item.text.length).padStart(7)} chars  #${item.index} ${item.kind}  ${show(item.text, 100)}`)
  const list = (title: string, items: Shown[]): void => {
    if (items.length === 0) return
    const smallest = [...items].sort((a, b) => a.text.length - b.text.length).slice(0, 5)
    lines.push('', `${title} (smallest ${smallest.length} of ${items.length}):`)
    for (const item of smallest) lines.push(`  #${item.index} ${item.kind} ${item.ms.toFixed(1)} ms: ${item.reason ?? (item.lost ? `loses ${item.lost.slice(0, 8).join(', ')}` : '')}`, `    ${show(item.text, 600)}`)
  }
  list('Throws', throws)
  list('Internal errors', internal)
  list('Hangs', hangs)
  list('Not a fixed point', notFixed)
  list('Meaning changed', meaning)
  list('Lossy rewrites', lossy)
  list('Rewrites that would not read back the same', refusedRewrites)
  lines.push('', `Seed: ${seed} (repeat with --seed ${seed} --cases ${cases})`)
  process.stdout.write(lines.join('\n') + '\n')
  return throws.length + internal.length + hangs.length + notFixed.length + meaning.length > 0 ? 1 : 0
}

if (process.env.FUZZ_JOB && process.send) {
  void work(JSON.parse(process.env.FUZZ_JOB) as {seed: number; from: number; to: number; hang: number})
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exit(2)
    }
  )
}
