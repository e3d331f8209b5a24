/**
 * JSON input (SPEC §6 `from-json`, §8): invalid JSON is reported with its line and column (exit
 * 2), schema errors with field paths (exit 1), and keys such as `__proto__` never reach a
 * prototype nor the model.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/index.js'
import {modelFromJson, parseJson, syntaxErrorOffset} from '../src/json.js'
import {runInProcess} from './cli-harness.js'
import {template} from './helpers.js'

const invalid: {text: string; line: number; column: number}[] = [
  {text: '{"a":}', line: 1, column: 6},
  {text: '{\n  "a": 1,\n  "b": tru\n}', line: 3, column: 8},
  {text: '{\n  "hotfixId": "1",\n  oops\n}', line: 3, column: 3},
  {text: '', line: 1, column: 1},
  {text: '[1,2', line: 1, column: 5},
  {text: '{"a":1}x', line: 1, column: 8},
  {text: '"abc', line: 1, column: 5},
  {text: '{"a" 1}', line: 1, column: 6},
  {text: '[1,]', line: 1, column: 4},
  {text: '{"a":1,}', line: 1, column: 8},
  {text: '"\\x"', line: 1, column: 3},
  {text: '\r\n\r\n  {"a": nul}', line: 3, column: 9},
  {text: '\uFEFF{\n"a": [1 2]}', line: 2, column: 9},
  {text: '{"a":' + '[' .repeat(5000) + 'x', line: 1, column: 5006}
]

describe('parseJson', () => {
  it.each(invalid)('reports $text at $line:$column', ({text, line, column}) => {
    const result = parseJson(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect({line: result.error.line, column: result.error.column}).toEqual({line, column})
    expect(result.error.message).not.toMatch(/\n/)
  })

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', '1', '-0.5e+3', '"\\u00e9\\n"', 'true', ' null ', '{"a": [1, {"b": false}]}']) {
      expect(parseJson(text)).toEqual({ok: true, value: JSON.parse(text)})
      expect(syntaxErrorOffset(text)).toBe(text.length + 1)
    }
  })

  it('is safe for deep nesting (no recursion)', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(parseJson(deep).ok).toBe(true)
    const broken = parseJson('['.repeat(200_000) + ']'.repeat(199_999) + '}')
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(broken.error.column).toBe(400_000)
    expect(modelFromJson(JSON.parse('['.repeat(10_000) + ']'.repeat(10_000))).ok).toBe(false)
  })
})

const hostile = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"prototype": {"polluted": true}, "hotfixId": "1"}',
  '{"hotfixId": "1", "impact": {"__proto__": {"polluted": true}}, "timeline": [{"__proto__": {"polluted": true}, "time": "10:00"}]}'
]

function hasUnsafeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  return Object.keys(value).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key) || hasUnsafeKey((value as Record<string, unknown>)[key]))
}

describe('prototype pollution', () => {
  it.each(hostile)('%s never reaches Object.prototype nor the model', (text) => {
    const json = parseJson(text)
    expect(json.ok).toBe(true)
    if (!json.ok) return
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(hasUnsafeKey(json.value)).toBe(false)
    expect(Object.getPrototypeOf(json.value)).toBe(Object.prototype)
    const model = modelFromJson(json.value)
    if (model.ok) expect(hasUnsafeKey(model.model)).toBe(false)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a draft with hostile keys reads as the draft without them', () => {
    const draft = parse(template)
    const text = JSON.stringify(draft).replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')
    const json = parseJson(text)
    expect(json.ok).toBe(true)
    if (!json.ok) return
    const model = modelFromJson(json.value)
    expect(model.ok).toBe(true)
    if (model.ok) expect(model.model).toEqual(draft)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('from-json (CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-json-'))

  it.each(invalid.slice(0, 4))('invalid JSON exits 2 with file:line:col ($line:$column)', async ({text, line, column}) => {
    writeFileSync(path.join(dir, 'bad.json'), text)
    const run = await runInProcess(['from-json', 'bad.json'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`bad.json:${line}:${column}: invalid JSON`)
  })

  it('schema errors exit 1 with field paths', async () => {
    const run = await runInProcess(['from-json', '-'], {stdin: JSON.stringify({...parse(template), hotfixId: 7, timeline: [{time: 1, event: null, who: null}]})})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^-: hotfixId: /m)
    expect(run.stderr).toMatch(/^-: timeline\[0\]\.time: /m)
  })

  it('a JSON array or number is a schema error at the root', async () => {
    const run = await runInProcess(['from-json', '-'], {stdin: '[1]'})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/\(root\)/)
  })

  it.each(hostile)('%s: nothing reaches Object.prototype through the CLI', async (text) => {
    writeFileSync(path.join(dir, 'hostile.json'), text)
    const run = await runInProcess(['from-json', 'hostile.json'], {cwd: dir})
    expect([0, 1]).toContain(run.code)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(run.stdout).not.toContain('polluted')
  })

  it('a complete draft with hostile keys converts to the same Markdown', async () => {
    const text = JSON.stringify(parse(template)).replace('{', '{"__proto__": {"polluted": true},')
    const run = await runInProcess(['from-json', '-'], {stdin: text})
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(template)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
