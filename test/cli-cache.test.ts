/**
 * `--cache` of lint, fmt and stats, on the built CLI as a real process: a second run prints
 * the same bytes from the cache; what changes a result (the file, its configuration, a flag,
 * the package version) computes it again; a cache that is corrupt or cannot be written is
 * ignored. `POSTMORTEM_CACHE_DEBUG=1` says on stderr how many results came from the cache.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {isFmtValue, isLintValue, isStatsValue} from '../src/cli/tasks.js'
import {runProcess, type Run} from './cli-harness.js'
import {root} from './helpers.js'

const now = ['--now', '2026-03-20']
const debug = {POSTMORTEM_CACHE_DEBUG: '1'}
const built = existsSync(path.join(root, 'dist/cli/bin.js'))

/** A fresh working folder with three postmortems in `docs/`: clean, with a warning, the blank template. */
function project(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pm-cache-'))
  mkdirSync(path.join(cwd, 'docs'))
  cpSync(path.join(root, 'fixtures/lint-cli/files/clean.md'), path.join(cwd, 'docs/a-clean.md'))
  cpSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), path.join(cwd, 'docs/b-warnings.md'))
  cpSync(path.join(root, 'fixtures/template.md'), path.join(cwd, 'docs/c-template.md'))
  return cwd
}

/** `from` results came from the cache and `computed` were computed, as the debug line says. */
function counted(run: Run): {from: number; computed: number} {
  const match = /cache: (\d+) from the cache, (\d+) computed/.exec(run.stderr)
  if (!match) throw new Error(`no cache line in stderr: ${run.stderr}`)
  return {from: Number(match[1]), computed: Number(match[2])}
}

/** stdout, exit code and stderr without the debug line. */
function shown(run: Run): {code: number; stdout: string; stderr: string} {
  return {code: run.code, stdout: run.stdout, stderr: run.stderr.replace(/^postmortem \w+: cache: .*\n/m, '')}
}

const cacheDir = (cwd: string): string => path.join(cwd, 'node_modules/.cache/postmortem-md')

describe.runIf(built)('lint --cache', () => {
  let cwd: string
  beforeEach(() => {
    cwd = project()
  })
  const lint = (...args: string[]): Run => runProcess(['lint', ...now, ...args, 'docs'], {cwd, env: debug})

  it('prints the same bytes as without --cache, in every format, the second time from the cache', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const plain = runProcess(['lint', ...now, '--format', format, 'docs'], {cwd})
      const first = lint('--cache', '--format', format)
      const second = lint('--cache', '--format', format)
      expect(shown(first)).toEqual(plain)
      expect(shown(second)).toEqual(plain)
      expect(plain.code).toBe(1)
      expect(counted(second)).toEqual({from: 3, computed: 0})
    }
    expect(readdirSync(cacheDir(cwd))).toEqual(['lint.json'])
  })

  it('lints an edited file again, and only that one', () => {
    const first = lint('--cache')
    expect(counted(first)).toEqual({from: 0, computed: 3})
    const file = path.join(cwd, 'docs/a-clean.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('**Severity:** P1', '**Severity:** High'))
    const second = lint('--cache')
    expect(counted(second)).toEqual({from: 2, computed: 1})
    expect(second.stdout).toMatch(/a-clean\.md\n.*error\s+severity\s+/)
    expect(shown(second)).toEqual(runProcess(['lint', ...now, 'docs'], {cwd}))
  })

  it('lints again when the configuration, a --rule or --now changes', () => {
    expect(counted(lint('--cache'))).toEqual({from: 0, computed: 3})
    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({rules: {'heading-text': 'error'}}))
    const configured = lint('--cache')
    expect(counted(configured)).toEqual({from: 0, computed: 3})
    expect(configured.stdout).toMatch(/b-warnings\.md\n.*error\s+heading-text/)
    expect(counted(lint('--cache'))).toEqual({from: 3, computed: 0})

    const ruled = lint('--cache', '--rule', 'heading-text=off')
    expect(counted(ruled)).toEqual({from: 0, computed: 3})
    expect(ruled.stdout).not.toMatch(/heading-text/)

    const later = runProcess(['lint', '--now', '2030-01-01', '--cache', 'docs'], {cwd, env: debug})
    expect(counted(later)).toEqual({from: 0, computed: 3})
  })

  it('lints again under another version of the package', () => {
    expect(counted(lint('--cache'))).toEqual({from: 0, computed: 3})
    // The same build, installed as version 9.9.9: version() reads the package.json above dist/.
    const other = mkdtempSync(path.join(tmpdir(), 'pm-cache-version-'))
    cpSync(path.join(root, 'dist'), path.join(other, 'dist'), {recursive: true})
    symlinkSync(path.join(root, 'node_modules'), path.join(other, 'node_modules'), 'dir')
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>
    writeFileSync(path.join(other, 'package.json'), JSON.stringify({...pkg, version: '9.9.9'}))
    const bin = path.join(other, 'dist/cli/bin.js')
    const upgraded = runProcess(['lint', ...now, '--cache', 'docs'], {cwd, env: debug, bin})
    expect(counted(upgraded)).toEqual({from: 0, computed: 3})
    expect(shown(upgraded)).toEqual(runProcess(['lint', ...now, 'docs'], {cwd}))
    expect(counted(runProcess(['lint', ...now, '--cache', 'docs'], {cwd, env: debug, bin}))).toEqual({from: 3, computed: 0})
  })

  it('ignores a corrupt cache file, and one whose entries are not findings', () => {
    const plain = runProcess(['lint', ...now, 'docs'], {cwd})
    mkdirSync(cacheDir(cwd), {recursive: true})
    const file = path.join(cacheDir(cwd), 'lint.json')
    for (const junk of ['{"layout": 1, "entries": {', '\u0000\u0001binary', '[1, 2, 3]', 'null', '{"layout": 1, "entries": []}']) {
      writeFileSync(file, junk)
      const run = lint('--cache')
      expect(shown(run)).toEqual(plain)
      expect(counted(run)).toEqual({from: 0, computed: 3})
    }
    // Entries with the right keys but results that are not findings: computed again.
    const cache = JSON.parse(readFileSync(file, 'utf8')) as {entries: Record<string, {key: string; value: unknown}>}
    const names = Object.keys(cache.entries)
    expect(names).toHaveLength(3)
    cache.entries[names[0]!]!.value = 'not findings'
    cache.entries[names[1]!]!.value = [{ruleId: 'x', severity: 'fatal', message: 'm', path: ''}]
    writeFileSync(file, JSON.stringify(cache))
    const run = lint('--cache')
    expect(shown(run)).toEqual(plain)
    expect(counted(run)).toEqual({from: 1, computed: 2})
  })

  it('runs as without a cache where the cache cannot be written, and leaves no temporary file', () => {
    const plain = runProcess(['lint', ...now, 'docs'], {cwd})
    // A file where the cache folder would be: nothing can be written under it.
    writeFileSync(path.join(cwd, 'blocked'), '')
    const blocked = runProcess(['lint', ...now, '--cache-location', 'blocked/cache', 'docs'], {cwd, env: debug})
    expect(shown(blocked)).toEqual(plain)
    expect(counted(blocked)).toEqual({from: 0, computed: 3})

    const located = runProcess(['lint', ...now, '--cache-location', 'elsewhere', 'docs'], {cwd, env: debug})
    expect(shown(located)).toEqual(plain)
    expect(readdirSync(path.join(cwd, 'elsewhere'))).toEqual(['lint.json'])
    expect(existsSync(cacheDir(cwd))).toBe(false)
    expect(counted(runProcess(['lint', ...now, '--cache-location', 'elsewhere', 'docs'], {cwd, env: debug}))).toEqual({from: 3, computed: 0})
  })

  it('does not cache standard input', () => {
    const text = readFileSync(path.join(cwd, 'docs/c-template.md'), 'utf8')
    const run = runProcess(['lint', ...now, '--cache', '-'], {cwd, env: debug, stdin: text})
    expect(run.code).toBe(1)
    expect(counted(run)).toEqual({from: 0, computed: 0})
  })
})

describe.runIf(built)('fmt --cache', () => {
  it('checks, prints and writes as without --cache', () => {
    const cwd = project()
    const check = (): Run => runProcess(['fmt', '--check', '--cache', 'docs'], {cwd, env: debug})
    const plain = runProcess(['fmt', '--check', 'docs'], {cwd})
    expect(shown(check())).toEqual(plain)
    const second = check()
    expect(shown(second)).toEqual(plain)
    expect(counted(second)).toEqual({from: 3, computed: 0})

    // A file made non-canonical is checked again and listed.
    const file = path.join(cwd, 'docs/a-clean.md')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, original.replace('## Executive Summary', '## Executive Summary   '))
    const edited = check()
    expect(counted(edited)).toEqual({from: 2, computed: 1})
    expect(shown(edited)).toEqual(runProcess(['fmt', '--check', 'docs'], {cwd}))
    expect(edited.stdout).toMatch(/^docs\/a-clean\.md$/m)

    // Printing one file: the same text, with or without the cache; a canonical file is printed
    // from the cache as it is, one that would change is formatted again to print its rewrite.
    for (const [name, from] of [['docs/c-template.md', 1], ['docs/b-warnings.md', 0]] as const) {
      const print = runProcess(['fmt', name], {cwd})
      expect(shown(runProcess(['fmt', '--cache', name], {cwd, env: debug}))).toEqual(print)
      const printed = runProcess(['fmt', '--cache', name], {cwd, env: debug})
      expect(shown(printed)).toEqual(print)
      expect(counted(printed)).toEqual({from, computed: 1 - from})
    }

    // --write rewrites the changed file even though the cache knows it would change.
    const written = runProcess(['fmt', '--write', '--cache', 'docs'], {cwd, env: debug})
    expect(written.stderr).toMatch(/docs\/a-clean\.md: formatted/)
    expect(readFileSync(file, 'utf8')).toBe(original)
    expect(shown(check())).toEqual(runProcess(['fmt', '--check', 'docs'], {cwd}))
  })
})

describe.runIf(built)('stats --cache', () => {
  it('prints the same figures as without --cache, and reads an edited file again', () => {
    const cwd = project()
    cpSync(path.join(root, 'fixtures/examples'), path.join(cwd, 'docs/examples'), {recursive: true})
    for (const format of ['text', 'json']) {
      const plain = runProcess(['stats', ...now, '--format', format, 'docs'], {cwd})
      expect(shown(runProcess(['stats', ...now, '--cache', '--format', format, 'docs'], {cwd, env: debug}))).toEqual(plain)
      const second = runProcess(['stats', ...now, '--cache', '--format', format, 'docs'], {cwd, env: debug})
      expect(shown(second)).toEqual(plain)
      expect(counted(second).computed).toBe(0)
    }
    const file = path.join(cwd, 'docs/a-clean.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('**Severity:** P1', '**Severity:** P0'))
    const edited = runProcess(['stats', ...now, '--cache', '--format', 'json', 'docs'], {cwd, env: debug})
    expect(counted(edited).computed).toBe(1)
    expect(shown(edited)).toEqual(runProcess(['stats', ...now, '--format', 'json', 'docs'], {cwd}))
    // --since changes what is counted: computed again.
    expect(counted(runProcess(['stats', ...now, '--since', '2026-01-01', '--cache', 'docs'], {cwd, env: debug})).from).toBe(0)
  })
})

describe('cached results', () => {
  it('checks cached results before they are used', () => {
    const finding = {ruleId: 'severity', severity: 'error', message: 'm', path: 'severity', line: 1, column: 2, endLine: 1, endColumn: 3}
    expect(isLintValue([finding, {ruleId: 'x', severity: 'info', message: '', path: ''}])).toBe(true)
    for (const bad of [null, {}, [null], [{...finding, severity: 'fatal'}], [{...finding, line: '1'}], [{...finding, message: 1}]]) expect(isLintValue(bad)).toBe(false)
    expect(isFmtValue({state: 'canonical'})).toBe(true)
    expect(isFmtValue({state: 'refused', why: 'the rewrite would lose `x`'})).toBe(true)
    expect(isFmtValue({state: 'refused', findings: [finding]})).toBe(true)
    for (const bad of [null, [], {state: 'other'}, {state: 'refused', why: 1}, {state: 'refused', findings: [1]}]) expect(isFmtValue(bad)).toBe(false)
    const byStatus = {'Not Started': 1, 'In Progress': 0, Blocked: 0, Done: 0, "Won't Do": 0, other: 0, unfilled: 0}
    const row = {excluded: false, severity: 'P1', severities: ['P0', 'P1', 'P2', 'other', 'unfilled'], statuses: Object.keys(byStatus), durationMinutes: 30, complete: false, fields: [{path: 'p', field: 'f'}], actionItems: {total: 1, open: 1, overdue: 0, byStatus}}
    expect(isStatsValue({parsed: true, row})).toBe(true)
    expect(isStatsValue({parsed: false, findings: [finding]})).toBe(true)
    // A severity is any template's value (`SEV1`, `Critical`), so only its type is checked.
    for (const bad of [{parsed: true, row: {...row, severity: 7}}, {parsed: true, row: {...row, durationMinutes: '30'}}, {parsed: true, row: {...row, actionItems: {...row.actionItems, byStatus: {Done: '1'}}}}, {parsed: true, row: {...row, severities: 'P1'}}, {parsed: 'yes'}]) {
      expect(isStatsValue(bad)).toBe(false)
    }
  })
})
