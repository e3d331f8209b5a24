/**
 * `--cache` knows an unchanged file by its stat: a second run opens none of the files it has
 * results for, a file whose text changed is read and linted again, and a file only touched is
 * read, found unchanged by its key, and known by its new stat from then on. In-process, with the
 * file system's `openSync` counted.
 */
import * as fs from 'node:fs'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {runInProcess, type Run} from './cli-harness.js'
import {root} from './helpers.js'

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return {...actual, openSync: vi.fn(actual.openSync)}
})

/** The files of `folder` opened since the last call. */
function opened(folder: string): string[] {
  const calls = vi.mocked(fs.openSync).mock.calls.map(([file]) => String(file)).filter((file) => file.startsWith(folder))
  vi.mocked(fs.openSync).mockClear()
  return calls.map((file) => path.relative(folder, file)).sort()
}

const shown = (run: Run): Run => ({code: run.code, stdout: run.stdout, stderr: run.stderr.replace(/^postmortem \w+: cache: .*\n/m, '')})

describe('--cache and the stat of each file', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pm-cache-stat-'))
  const lint = (): Promise<Run> => runInProcess(['lint', '--now', '2026-03-20', '--cache', 'docs'], {cwd, env: {POSTMORTEM_CACHE_DEBUG: '1'}})

  beforeAll(() => {
    mkdirSync(path.join(cwd, 'docs'))
    cpSync(path.join(root, 'fixtures/lint-cli/files/clean.md'), path.join(cwd, 'docs/a-clean.md'))
    cpSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), path.join(cwd, 'docs/b-warnings.md'))
    cpSync(path.join(root, 'fixtures/template.md'), path.join(cwd, 'docs/c-template.md'))
    // Note: a file changed in the last 3 seconds is not known by its stat; these runs happen
    // "a minute later" than the files were written.
    vi.useFakeTimers({toFake: ['Date'], now: Date.now() + 60_000})
  })
  afterAll(() => {
    vi.useRealTimers()
  })

  it('opens no unchanged file, reads a changed one again, and a touched one once', async () => {
    const plain = await runInProcess(['lint', '--now', '2026-03-20', 'docs'], {cwd})
    const docs = path.join(cwd, 'docs')
    opened(docs)
    const first = await lint()
    expect(shown(first)).toEqual(plain)
    expect(opened(docs)).toEqual(['a-clean.md', 'b-warnings.md', 'c-template.md'])

    const second = await lint()
    expect(second.stderr).toMatch(/cache: 3 from the cache, 0 computed/)
    expect(shown(second)).toEqual(plain)
    expect(opened(docs)).toEqual([])

    const file = path.join(docs, 'a-clean.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('**Severity:** P1', '**Severity:** P7'))
    const edited = await lint()
    expect(edited.stderr).toMatch(/cache: 2 from the cache, 1 computed/)
    expect(edited.stdout).toMatch(/a-clean\.md\n.*error\s+severity\s+/)
    expect(opened(docs)).toEqual(['a-clean.md'])

    // Touched, not changed: read once (its key says it is the same text), then known again.
    const later = new Date(Date.now() - 30_000)
    utimesSync(path.join(docs, 'b-warnings.md'), later, later)
    const touched = await lint()
    expect(touched.stderr).toMatch(/cache: 3 from the cache, 0 computed/)
    expect(opened(docs)).toEqual(['b-warnings.md'])
    expect(shown(await lint())).toEqual(shown(touched))
    expect(opened(docs)).toEqual([])
  })
})
