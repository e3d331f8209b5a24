/**
 * A file that is not UTF-8 (SPEC §5, §8): lint reports one `encoding` finding at the first
 * invalid byte; every other command reports it and exits 2; nothing is ever rewritten.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {decodeUtf8, EncodingError} from '../src/cli/decode.js'
import {runProcess} from './cli-harness.js'
import {fixtures, root} from './helpers.js'

const latin1 = path.join(fixtures, 'encoding/latin1-name.md')
const name = 'fixtures/encoding/latin1-name.md'
const where = /line 4, column 10/

describe('a file that is not UTF-8', () => {
  it('gets one encoding finding from lint, at the first invalid byte (exit 1)', () => {
    const run = runProcess(['lint', '--format', 'json', name])
    expect(run.code).toBe(1)
    const [report] = JSON.parse(run.stdout) as {findings: {ruleId: string; line: number; column: number; message: string}[]}[]
    expect(report!.findings).toHaveLength(1)
    expect(report!.findings[0]).toMatchObject({
      ruleId: 'encoding',
      severity: 'error',
      line: 4,
      column: 10,
      messageId: 'notUtf8',
      data: {line: 4, column: 10},
      message: 'The file is not valid UTF-8 (the byte at line 4, column 10 is not part of a UTF-8 character); save it as UTF-8 to have it linted'
    })
    expect(report!.findings[0]!.message).toMatch(/not valid UTF-8/)
    // Read as Latin-1, line 4 is `Author: Søren …`: the ø is the tenth character.
    expect(readFileSync(latin1, 'latin1').split('\n')[3]!.indexOf('ø')).toBe(9)
  })

  it('gets it from standard input too', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist/cli/bin.js'), 'lint', '-'], {cwd: root, input: readFileSync(latin1)})
    expect(result.status).toBe(1)
    expect(result.stdout.toString()).toMatch(/4:10\s+error\s+encoding/)
  })

  it('can be turned off like any rule', () => {
    const run = runProcess(['lint', '--rule', 'encoding=off', name])
    expect(run.code).toBe(0)
  })

  it('is an error (exit 2) for to-json, stats and fmt, which never rewrite it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'postmortem-encoding-'))
    const copy = path.join(folder, 'latin1.md')
    copyFileSync(latin1, copy)
    const before = readFileSync(copy)
    for (const argv of [['to-json', copy], ['stats', copy], ['fmt', '--check', copy], ['fmt', '--write', copy]]) {
      const run = runProcess(argv)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr, argv.join(' ')).toMatch(where)
      expect(run.stderr).toMatch(/not valid UTF-8/)
    }
    expect(readFileSync(copy).equals(before)).toBe(true)
  })
})

describe('decodeUtf8', () => {
  it('keeps a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFF# x\n'))).toBe('\uFEFF# x\n')
  })

  it('places the first invalid byte by line and character', () => {
    const bytes = Buffer.concat([Buffer.from('a\nÅrhus — '), Buffer.from([0xf8]), Buffer.from('ren\n')])
    expect(() => decodeUtf8(bytes)).toThrow(EncodingError)
    try {
      decodeUtf8(bytes)
    } catch (error) {
      expect(error).toMatchObject({line: 2, column: 9})
    }
  })

  it('accepts exactly what a strict decoder accepts, and places errors within the input', () => {
    const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 40}), fc.string({unit: 'binary'}), (raw, prefix) => {
        const bytes = Buffer.concat([Buffer.from(prefix), raw])
        let expected: string | undefined
        try {
          expected = strict.decode(bytes)
        } catch {
          expected = undefined
        }
        if (expected !== undefined) {
          expect(decodeUtf8(bytes)).toBe(expected)
          return
        }
        try {
          decodeUtf8(bytes)
          expect.unreachable('decodeUtf8 accepted bytes a strict decoder refuses')
        } catch (error) {
          expect(error).toBeInstanceOf(EncodingError)
          const {line} = error as EncodingError
          expect(line).toBeGreaterThanOrEqual(1)
          expect(line).toBeLessThanOrEqual(bytes.filter((byte) => byte === 0x0a).length + 1)
        }
      }),
      {numRuns: 3000}
    )
  })
})
