/**
 * Fuzz properties (SPEC §4 "never throws", §8 "Bad input", R4 through `fmt`): arbitrary Unicode,
 * Markdown token soup, mutated postmortems and mutated JSON never make the library throw or
 * report an `internal-error`, and always give findings or a result. The generators and checks
 * are shared with `npm run fuzz` (scripts/fuzz.ts), which runs 100,000 cases.
 *
 * FUZZ_RUNS=N multiplies the runs of each property (default 1: about 2,100 cases in all).
 */
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {format, lint, parse, parseDocument, stringify, validate} from '../src/index.js'
import {lostWords} from '../src/lossless.js'
import {applyCase, exerciseJson, exerciseMarkdown, firstDifference, jsonText, mutatedCase, seeds, tokenSoup, unicodeText} from '../scripts/fuzz.js'
import {runInProcess} from './cli-harness.js'

const scale = Number(process.env.FUZZ_RUNS ?? 1)
const runs = (n: number): number => Math.max(1, Math.round(n * scale))

/** Every public entry point on one input; throws on a throw, an internal-error or a malformed result. */
function everything(text: string): void {
  const findings = lint(text)
  expect(Array.isArray(findings)).toBe(true)
  for (const finding of findings) expect(finding.ruleId).not.toBe('internal-error')
  const draft = parse(text)
  expect(typeof draft).toBe('object')
  const result = validate(draft)
  expect(result.ok || result.issues.length > 0).toBe(true)
  if (!result.ok) for (const issue of result.issues) expect(issue.ruleId).not.toBe('internal-error')
  expect(typeof stringify(draft)).toBe('string')
  exerciseJson(text)
}

describe('arbitrary strings', () => {
  it('never throw, never report an internal-error (full Unicode, lone surrogates, NUL, CR, BOM)', () => {
    fc.assert(fc.property(unicodeText, everything), {numRuns: runs(700)})
  })

  it('Markdown token soup never throws', () => {
    fc.assert(fc.property(tokenSoup, everything), {numRuns: runs(450)})
  })

  it('edge strings', () => {
    for (const text of ['', '\uFEFF', '\r', '\r\n', '\n\r', '\u0000', '\uD800', '\uDFFF\uD800', '\uFEFF\uFEFF#', '#', '|', '---', '>', '- ', '1.', '{', '{}', '{ID}']) everything(text)
  })
})

/** Inputs whose rewrite would lose words: a parser/serializer bug (R4) that fmt must refuse. */
const lossy: {text: string; lost: readonly string[]}[] = []

describe('mutated postmortems', () => {
  it('seeds are the template and the fixtures', () => {
    expect(seeds.length).toBeGreaterThan(20)
    expect(seeds[0]!.name).toBe('template.md')
  })

  it('the seeds themselves parse, lint and format without losing a word', () => {
    for (const seed of seeds) {
      const outcome = exerciseMarkdown(seed.text, {lossless: true})
      expect(outcome.parsed).toBe(true)
      expect(outcome.lost, seed.name).toEqual([])
    }
  })

  it('never throw; a rewrite that would lose words is one fmt refuses', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCase, async (edits) => {
        const text = applyCase(edits)
        const outcome = exerciseMarkdown(text, {lossless: true})
        if (outcome.lost.length === 0) return
        lossy.push({text, lost: outcome.lost})
        // SPEC §8: fmt refuses to write a file whose rewrite would lose text.
        const run = await runInProcess(['fmt', '-'], {stdin: text})
        expect(run.code).toBe(1)
        expect(run.stdout).toBe('')
        expect(run.stderr).toMatch(/not formatted: the rewrite would lose/)
      }),
      {numRuns: runs(150)}
    )
  })

  afterAll(() => {
    if (lossy.length === 0) return
    const smallest = lossy.reduce((a, b) => (b.text.length < a.text.length ? b : a))
    console.warn(`fuzz: ${lossy.length} mutated input(s) whose rewrite would lose words (fmt refuses them); smallest (${smallest.text.length} chars) loses ${smallest.lost.join(', ')}`)
  })
})

/**
 * SPEC R3 for every input: formatting twice equals once, and reads back as the same draft. Over
 * the template and every fixture with lines deleted, duplicated, swapped, cut, characters
 * injected, sections shuffled, CRLF and byte-order marks (`npm run fuzz` runs 100,000).
 */
describe('R3: fmt is a fixed point and keeps meaning', () => {
  let cases = 0
  let refused = 0
  const holds = (text: string): void => {
    cases++
    const once = format(text)
    // A rewrite `fmt` cannot make without losing a word or changing what is read is refused:
    // the file stays as it is, which is a fixed point too.
    if (once.refused) refused++
    const twice = format(once.output)
    expect(twice.output).toBe(once.output)
    expect(firstDifference(once.document.draft, twice.document.draft), 'parse(fmt(x)) differs from parse(x) at').toBe('')
  }

  afterAll(() => {
    console.info(`R3: fmt refused ${refused} of ${cases} generated inputs (a rewrite that would lose a word or not read back the same)`)
  })

  it('over mutated postmortems (at least 2,000 runs)', () => {
    fc.assert(fc.property(mutatedCase, (edits) => holds(applyCase(edits))), {numRuns: runs(2000)})
  }, 600_000)

  it('over arbitrary strings and Markdown token soup', () => {
    fc.assert(fc.property(fc.oneof(unicodeText, tokenSoup), holds), {numRuns: runs(1000)})
  })
})

/**
 * SPEC R3 on the library functions themselves, without `fmt`'s guard: `stringify(parse(x))` is a
 * fixed point and reads back as `parse(x)`, for generated and mutated inputs. Note: the seed is
 * fixed so that the suite is the same on every run; `npm run fuzz` draws new cases and counts the
 * inputs where this does not hold (those `fmt` refuses).
 */
describe('R3: stringify(parse(x)) is a fixed point and reads back as parse(x)', () => {
  const holds = (text: string): void => {
    const draft = parse(text)
    const once = stringify(draft)
    const again = parse(once)
    expect(firstDifference(draft, again), 'parse(stringify(parse(x))) differs from parse(x) at').toBe('')
    expect(stringify(again)).toBe(once)
  }

  it('over mutated postmortems (2,000 runs)', () => {
    fc.assert(fc.property(mutatedCase, (edits) => holds(applyCase(edits))), {numRuns: runs(2000), seed: 20261207})
  }, 600_000)

  it('over arbitrary strings and Markdown token soup (1,000 runs)', () => {
    fc.assert(fc.property(fc.oneof(unicodeText, tokenSoup), holds), {numRuns: runs(1000), seed: 20261207})
  })
})

describe('JSON', () => {
  it('parseJson and modelFromJson never throw and never pollute Object.prototype', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        exerciseJson(text)
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      }),
      {numRuns: runs(400)}
    )
  })

  it('arbitrary strings as JSON', () => {
    fc.assert(fc.property(fc.oneof(unicodeText, fc.tuple(fc.json(), fc.nat()).map(([json, cut]) => json.slice(0, cut % (json.length + 1)))), exerciseJson), {numRuns: runs(300)})
  })
})

describe('R4 examples (lostWords)', () => {
  it('a parsed fixture keeps every word through stringify', () => {
    for (const seed of seeds.slice(0, 7)) expect(lostWords(seed.text, stringify(parseDocument(seed.text).draft))).toEqual([])
  })
})
