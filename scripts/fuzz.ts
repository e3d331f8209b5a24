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
 * The generators (`fuzz-inputs.ts`) are exported for `test/fuzz.test.ts` and the property tests.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fork} from 'node:child_process'
import fc from 'fast-check'
import {format, lintDocument, parseDocument, stringify, validateDocument, type Finding} from '../src/index.js'
import {modelFromJson, parseJson} from '../src/json.js'
import {lostWords} from '../src/lossless.js'
import {anyCase, firstDifference, type CaseKind} from './fuzz-inputs.js'

export {anyCase, applyCase, firstDifference, jsonText, mutate, mutatedCase, mutatedDocument, mutation, seeds, tokens, tokenSoup, unicodeText} from './fuzz-inputs.js'
export type {CaseKind, Mutation} from './fuzz-inputs.js'

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
