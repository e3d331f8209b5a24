/**
 * SPEC §8 "Bad input": nothing crashes or hangs the library or the CLI, every input gets
 * findings or one clear error, in time linear in its size. Times are compared between two sizes
 * measured in the same test (best of a few runs after a warm-up), never against a clock.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {format, lint, parse, parseDocument, stringify, validateDocument, type PostmortemDocument} from '../src/index.js'
import {runInProcess} from './cli-harness.js'
import {template} from './helpers.js'

/** Best time of `repeat` runs (ms). */
function best(run: () => unknown, repeat = 2): number {
  let fastest = Infinity
  for (let attempt = 0; attempt < repeat; attempt++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

/** Ratio of times for `large` over `small` (each parsed and linted), with a floor of 1 ms. */
function ratio(small: string, large: string, repeat = 2): {ratio: number; small: number; large: number} {
  const work = (text: string) => () => lint(text)
  work(small)() // warm-up
  const a = best(work(small), repeat)
  const b = best(work(large), repeat)
  return {ratio: b / Math.max(a, 1), small: a, large: b}
}

/** Findings or a result, never an internal error; returns the document. */
function sane(text: string): PostmortemDocument {
  const document = parseDocument(text)
  expect(Array.isArray(document.findings)).toBe(true)
  const findings = lint(text)
  expect(findings.some((finding) => finding.ruleId === 'internal-error')).toBe(false)
  expect(findings.length > 0 || document.parsed).toBe(true)
  const result = validateDocument(document)
  expect(result.ok || result.issues.length > 0).toBe(true)
  expect(typeof stringify(parse(text))).toBe('string')
  return document
}

const limitOnly = (text: string): void => {
  const findings = lint(text)
  expect(findings).toHaveLength(1)
  expect(findings[0]!.ruleId).toBe('input-limit')
  expect(parseDocument(text).parsed).toBe(false)
}

const timeline = (rows: number): string =>
  '# Postmortem: HOTFIX-1\n\n## Timeline (Detailed)\n\n| Time (UTC) | Event | Who |\n|------------|-------|-----|\n' +
  Array.from({length: rows}, (_, index) => `| ${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} | event ${index} | sre |`).join('\n') +
  '\n'
const headings = (count: number): string => Array.from({length: count}, (_, index) => `## Heading ${index}\n\ntext ${index}`).join('\n\n')
const longLine = (size: number): string => '**Incident:** ' + 'word '.repeat(size / 5)
const bytes = (size: number): string => {
  let seed = 7
  const out = new Uint8Array(size)
  for (let index = 0; index < size; index++) out[index] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16
  return Buffer.from(out).toString('latin1')
}

// Measured ratios, printed once at the end for the record.
const measured: string[] = []
const record = (name: string, result: {ratio: number; small: number; large: number}): void =>
  void measured.push(`${name}: ${result.ratio.toFixed(1)}x (${result.small.toFixed(0)} → ${result.large.toFixed(0)} ms)`)

describe('library', () => {
  it('empty file and white space only', () => {
    for (const text of ['', ' ', '\n\n\n', ' \t\r\n \r\n\t', '\uFEFF', '\uFEFF\r\n']) {
      const document = sane(text)
      expect(document.parsed).toBe(true)
      expect(lint(text).some((finding) => finding.ruleId === 'missing-section')).toBe(true)
    }
    // An empty document says nothing: formatting it adds nothing.
    expect(stringify(parse(''))).toBe('')
  })

  it('binary data, NUL bytes, lone surrogates', () => {
    sane(bytes(64 * 1024))
    sane(Buffer.from(bytes(64 * 1024), 'latin1').toString('utf8'))
    sane('\u0000'.repeat(100_000))
    sane(template.replace(/ /g, '\u0000'))
    sane('\uD800'.repeat(10_000) + '\uDFFF'.repeat(10_000))
    sane(template.replace(/e/g, '\uDC00'))
  })

  it('binary data is linear', () => {
    const result = ratio(bytes(10_000), bytes(100_000))
    record('binary 10 kB → 100 kB', result)
    expect(result.ratio).toBeLessThan(30)
  })

  it('a 20 MB file: one input-limit, at once (linear in its size)', () => {
    const big = 'a'.repeat(20 * 1024 * 1024)
    limitOnly(big)
    // Refusing costs a pass over the text: 20 MB vs 2 MB, both over a 1 MB limit.
    const refuse = (text: string) => () => parseDocument(text, {maxSize: 1024 * 1024})
    refuse(big.slice(0, 2 * 1024 * 1024))()
    const small = best(refuse(big.slice(0, 2 * 1024 * 1024)), 3)
    const large = best(refuse(big), 3)
    record('20 MB refusal vs 2 MB', {ratio: large / Math.max(small, 1), small, large})
    expect(large / Math.max(small, 1)).toBeLessThan(30)
  })

  it('100,000 timeline rows parse, in time linear in the rows (vs 10,000)', {timeout: 900_000}, () => {
    const large = timeline(100_000)
    const document = sane(timeline(1_000))
    expect((document.draft as {timeline?: unknown[]}).timeline).toHaveLength(1_000)
    const result = ratio(timeline(10_000), large, 1)
    record('timeline 10,000 → 100,000 rows', result)
    expect(parse(large).timeline).toHaveLength(100_000)
    expect(result.ratio).toBeLessThan(30)
  })

  it('5,000-deep block quotes and lists, and `> - ` × 2,000: one input-limit, linear', () => {
    const inputs = [
      '>'.repeat(5000) + ' x\n',
      '> '.repeat(5000) + 'x\n',
      '- '.repeat(5000) + 'x\n',
      '1. '.repeat(5000) + 'x\n',
      Array.from({length: 5000}, (_, index) => '>'.repeat(index + 1) + ' line').join('\n'),
      Array.from({length: 3000}, (_, index) => ' '.repeat(2 * index) + '- item').join('\n'),
      '> - '.repeat(2000),
      template + '\n' + '> - '.repeat(2000) + 'x\n'
    ]
    for (const text of inputs) limitOnly(text)
    const result = ratio('> - '.repeat(2000), '> - '.repeat(20_000))
    record('`> - ` × 2,000 → 20,000', result)
    expect(result.ratio).toBeLessThan(30)
  })

  it('nesting up to the limit still parses', () => {
    sane('> '.repeat(60) + 'x\n')
    sane('- '.repeat(30) + 'x\n')
    // Deep indentation that opens no container (a line in a code fence) is not nesting.
    const fenced = template + '\n```yaml\nroot:\n' + ' '.repeat(200) + '- deep: value\n' + ' '.repeat(300) + '> quoted\n```\n'
    expect(sane(fenced).parsed).toBe(true)
    expect(sane('-' + ' '.repeat(200) + 'x\n').parsed).toBe(true)
  })

  it('10,000 headings parse, linear vs 1,000', () => {
    const document = sane(headings(1_000))
    expect(document.unknownSections.length).toBeGreaterThan(900)
    const result = ratio(headings(1_000), headings(10_000))
    record('headings 1,000 → 10,000', result)
    expect(result.ratio).toBeLessThan(30)
  })

  it('one 1 MB line parses, linear vs 100 kB', () => {
    sane(longLine(100_000))
    const result = ratio(longLine(100_000), longLine(1_000_000), 1)
    record('one line 100 kB → 1 MB', result)
    expect(result.ratio).toBeLessThan(30)
  })

  it('many placeholders are linear (lint and the lossless check)', () => {
    const text = (count: number): string => template + '\n' + '{a} '.repeat(count)
    sane(text(1_000))
    const result = ratio(text(10_000), text(100_000), 1)
    record('placeholders 10,000 → 100,000', result)
    expect(result.ratio).toBeLessThan(30)
  })

  it('ratios measured', () => {
    // For the record (visible with --reporter=verbose or in CI logs).
    console.info(measured.join('\n'))
    expect(measured.length).toBeGreaterThan(0)
  })
})

describe('CLI (in-process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-hostile-'))
  const files: Record<string, string> = {
    'empty.md': '',
    'spaces.md': ' \n\t\r\n ',
    'binary.md': bytes(32 * 1024),
    'nul.md': '\u0000'.repeat(10_000),
    'surrogates.md': '\uD800x\uDC00'.repeat(1000),
    'huge.md': 'a'.repeat(20 * 1024 * 1024),
    'rows.md': timeline(10_000),
    'quotes.md': '>'.repeat(5000) + ' x\n',
    'lists.md': '- '.repeat(5000) + 'x\n',
    'quote-list.md': '> - '.repeat(2000),
    'headings.md': headings(10_000),
    'line.md': longLine(1_000_000)
  }
  const refused = new Set(['huge.md', 'quotes.md', 'lists.md', 'quote-list.md'])
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)

  it.each(Object.keys(files))('to-json --draft %s', async (name) => {
    const run = await runInProcess(['to-json', '--draft', name], {cwd: dir})
    expect(run.stderr).not.toMatch(/unexpected failure|internal-error/)
    if (refused.has(name)) {
      // An input over a limit has no draft to print: its `input-limit` error, exit 1.
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/input-limit/)
    } else {
      expect(run.code).toBe(0)
      expect(() => JSON.parse(run.stdout)).not.toThrow()
    }
  })

  it.each([...refused])('to-json %s: the input-limit error', async (name) => {
    const run = await runInProcess(['to-json', name], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/\[input-limit\]/)
    expect(run.stdout).toBe('')
  })

  it.each(Object.keys(files))('fmt %s', async (name) => {
    const run = await runInProcess(['fmt', name], {cwd: dir})
    expect(run.stderr).not.toMatch(/unexpected failure|internal-error/)
    if (refused.has(name)) {
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/not formatted/)
      expect(run.stdout).toBe('')
    } else {
      // Formatted, or refused because the rewrite would lose text.
      expect([0, 1]).toContain(run.code)
      if (run.code === 1) expect(run.stderr).toMatch(/would lose/)
      else expect(run.stdout).toBe(format(readFileSync(path.join(dir, name), 'utf8')).output)
    }
  })

  it.each(Object.keys(files))('lint %s', async (name) => {
    const run = await runInProcess(['lint', '--format', 'json', name], {cwd: dir})
    expect(run.stderr).not.toMatch(/unexpected failure/)
    expect([0, 1]).toContain(run.code)
    const report = JSON.parse(run.stdout) as {findings: {ruleId: string}[]}[]
    const ids = report[0]!.findings.map((finding) => finding.ruleId)
    expect(ids).not.toContain('internal-error')
    if (refused.has(name)) expect(ids).toEqual(['input-limit'])
  })
})
