/**
 * Worker threads for many files: the built CLI prints the same bytes with the pool forced on
 * (`POSTMORTEM_WORKERS=2`) as with it off (`0`), for lint in every format, fmt --check and
 * stats, with and without --cache; and the pieces behind it, in-process.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeDocument} from '../scripts/bench/corpus.mjs'
import {computeStats, StatsTally} from '../src/cli/commands/stats.js'
import {poolThreshold, workerCount} from '../src/cli/pool.js'
import {FileWork} from '../src/cli/tasks.js'
import {parseDocument} from '../src/index.js'
import {runProcess, runWithModuleLog, type Run} from './cli-harness.js'
import {markdownFiles, root} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')
const now = ['--now', '2026-12-01']

/** A run's exit code, stdout and stderr, without the cache's debug line. */
const shownOf = (run: Run): Run => ({code: run.code, stdout: run.stdout, stderr: run.stderr.replace(/^postmortem \w+: cache: .*\n/m, '')})

/**
 * 64 generated postmortems in `pm/` (most with findings), the examples and some real-world
 * documents beside them, and a folder whose configuration cannot be used (its files are
 * reported, in order).
 */
function corpus(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pm-pool-'))
  mkdirSync(path.join(cwd, 'pm'))
  for (let index = 0; index < 64; index++) {
    writeFileSync(path.join(cwd, 'pm', `pm-${String(index).padStart(3, '0')}.md`), makeDocument({seed: 9, name: 'files', index, target: 2 * 1024}))
  }
  cpSync(path.join(root, 'fixtures/examples'), path.join(cwd, 'pm/examples'), {recursive: true})
  // Documents that fmt rewrites (one with a byte-order mark and tabs).
  mkdirSync(path.join(cwd, 'pm/real-world'))
  for (const name of ['action-sub-bullets', 'aliases', 'atlassian-sev-words', 'atlassian-style', 'bom-and-tabs', 'out-of-order']) {
    cpSync(path.join(root, `fixtures/real-world/${name}.md`), path.join(cwd, `pm/real-world/${name}.md`))
  }
  mkdirSync(path.join(cwd, 'pm/broken'))
  writeFileSync(path.join(cwd, 'pm/broken/.postmortemrc.json'), '{"rules": {"no-such-rule": "error"}}')
  cpSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), path.join(cwd, 'pm/broken/warnings.md'))
  cpSync(path.join(root, 'fixtures/lint-cli/files/clean.md'), path.join(cwd, 'pm/broken/zz-clean.md'))
  return cwd
}

// Note: each run reads 78 files in a process of its own; the suite runs test files side by side.
describe.runIf(existsSync(bin))('the worker pool, as a real process', {timeout: 400_000}, () => {
  let cwd: string
  let written: number
  beforeAll(() => {
    cwd = corpus()
    written = Date.now()
  })
  const run = (argv: string[], workers: string, env: Record<string, string> = {}): Run => runProcess(argv, {cwd, env: {POSTMORTEM_WORKERS: workers, ...env}})

  it('lint prints the same bytes with workers as without, in every format', () => {
    const files = readdirSync(path.join(cwd, 'pm'), {recursive: true}).filter((name) => String(name).endsWith('.md'))
    expect(files.length).toBeGreaterThan(poolThreshold)
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const argv = ['lint', ...now, '--format', format, 'pm']
      const alone = run(argv, '0')
      expect(alone.code).toBe(2)
      expect(alone.stderr).toMatch(/^pm\/broken\/\.postmortemrc\.json: .*no-such-rule[^]*pm\/broken\/warnings\.md: not linted[^]*pm\/broken\/zz-clean\.md: not linted/m)
      expect(run(argv, '2')).toEqual(alone)
    }
    const stylish = ['lint', ...now, 'pm']
    expect(run(stylish, '3')).toEqual(run(stylish, '0'))
    expect(run(['lint', ...now, '--quiet', '--max-warnings', '0', 'pm'], '2')).toEqual(run(['lint', ...now, '--quiet', '--max-warnings', '0', 'pm'], '0'))
  })

  it('fmt --check and stats print the same bytes with workers as without', () => {
    for (const argv of [['fmt', '--check', 'pm'], ['stats', ...now, 'pm'], ['stats', ...now, '--format', 'json', '--since', '2025-01-01', 'pm']]) {
      const alone = run(argv, '0')
      expect(alone.stdout).not.toBe('')
      expect(run(argv, '2')).toEqual(alone)
    }
  })

  it('with --cache too: the second run, from the cache, prints the same bytes', () => {
    const argv = ['lint', ...now, '--cache', '--cache-location', 'cache-pool', 'pm']
    const alone = run(['lint', ...now, 'pm'], '0')
    const first = run(argv, '2', {POSTMORTEM_CACHE_DEBUG: '1'})
    const second = run(argv, '2', {POSTMORTEM_CACHE_DEBUG: '1'})
    expect(second.stderr).toMatch(/cache: 76 from the cache, 0 computed/)
    for (const each of [first, second]) expect({...each, stderr: each.stderr.replace(/^postmortem lint: cache: .*\n/m, '')}).toEqual(alone)
  })

  it('runs the files in worker threads when asked, and never for a few files unless asked', () => {
    const loaded = (argv: string[], env: Record<string, string>): string => runWithModuleLog(bin, argv, {cwd, env}).resolved.join('\n')
    expect(loaded(['lint', ...now, 'pm'], {POSTMORTEM_WORKERS: '2'})).toMatch(/\/dist\/cli\/worker\.js$/m)
    expect(loaded(['lint', ...now, 'pm'], {POSTMORTEM_WORKERS: '0'})).not.toMatch(/\/dist\/cli\/worker\.js$/m)
    expect(loaded(['lint', ...now, 'pm/examples'], {})).not.toMatch(/\/dist\/cli\/worker\.js$/m)
  })

  it.runIf(availableParallelism() > 1)('over many files, uses the pool by itself, and prints what one thread prints', () => {
    const logged = runWithModuleLog(bin, ['lint', ...now, '--format', 'json', 'pm'], {cwd})
    // Every worker loads the worker module: one per core.
    expect(logged.resolved.filter((url) => url.endsWith('/dist/cli/worker.js'))).toHaveLength(availableParallelism())
    const alone = run(['lint', ...now, '--format', 'json', 'pm'], '0')
    expect({code: logged.code, stdout: logged.stdout, stderr: logged.stderr}).toEqual(alone)
    for (const argv of [['lint', ...now, 'pm'], ['stats', ...now, '--format', 'json', 'pm'], ['fmt', '--check', 'pm']]) {
      expect(runProcess(argv, {cwd})).toEqual(run(argv, '0'))
    }
  })

  it.runIf(availableParallelism() > 1)('answers an unchanged file from the cache without reading it', async () => {
    // Note: a file changed in the last 3 seconds is not known by its stat (its times may not
    // have moved yet on a file system with coarse times): wait until the corpus is older.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, written + 3100 - Date.now())))
    const argv = ['lint', ...now, '--format', 'json', '--cache', '--cache-location', 'cache-stat', 'pm']
    const alone = run(['lint', ...now, '--format', 'json', 'pm'], '0')
    expect(shownOf(run(argv, '2', {POSTMORTEM_CACHE_DEBUG: '1'}))).toEqual(alone)
    const entries = Object.values((JSON.parse(readFileSync(path.join(cwd, 'cache-stat/lint.json'), 'utf8')) as {entries: Record<string, {stat?: string}>}).entries)
    expect(entries).toHaveLength(76)
    expect(entries.filter((entry) => entry.stat === undefined)).toEqual([])
    // The second run answers every file from its stat in the main thread but the two whose
    // configuration cannot be used: too few to start the pool for (the 76 others, read again,
    // would start it on this machine), and the output is the same.
    const second = runWithModuleLog(bin, argv, {cwd, env: {POSTMORTEM_CACHE_DEBUG: '1'}})
    expect(second.stderr).toMatch(/cache: 76 from the cache, 0 computed/)
    expect(shownOf(second)).toEqual(alone)
    expect(second.resolved.filter((url) => url.endsWith('/dist/cli/worker.js'))).toEqual([])
  })

  it('POSTMORTEM_WORKERS must be a whole number', () => {
    const bad = run(['lint', ...now, 'pm'], 'many')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/Unexpected `POSTMORTEM_WORKERS=many`, expected a whole number of worker threads/)
  })
})

describe('worker count', () => {
  it('is one per core over more than the threshold, none below it or on one core, and what POSTMORTEM_WORKERS says', () => {
    expect(workerCount({}, poolThreshold + 1, 4)).toBe(4)
    expect(workerCount({}, poolThreshold, 4)).toBe(0)
    expect(workerCount({}, 10_000, 1)).toBe(0)
    expect(workerCount({POSTMORTEM_WORKERS: '0'}, 10_000, 4)).toBe(0)
    expect(workerCount({POSTMORTEM_WORKERS: '3'}, 2, 1)).toBe(3)
    expect(workerCount({POSTMORTEM_WORKERS: ''}, 2, 4)).toBe(0)
    expect(() => workerCount({POSTMORTEM_WORKERS: '-1'}, 2, 4)).toThrow(/POSTMORTEM_WORKERS=-1/)
  })
})

describe('stats one file at a time', () => {
  it('adds up to what computeStats gives over the same documents', async () => {
    const files = [...markdownFiles('examples'), ...markdownFiles('real-world'), ...markdownFiles('report')]
    for (const dates of [{now: '2026-12-01'}, {now: '2026-12-01', since: '2025-06-01'}, {now: '2024-01-01', until: '2025-12-31'}]) {
      const tally = new StatsTally()
      const documents = []
      const work = new FileWork({kind: 'stats', cwd: root, version: '0.0.0', cache: false, dates})
      for (const {name, file, text} of files) {
        const output = await work.run({input: {name, file}})
        if (output.row) tally.add(output.row)
        const document = parseDocument(text)
        if (document.parsed) documents.push({file: name, document})
      }
      const expected = computeStats(documents, dates)
      expect(expected.postmortems).toBeGreaterThan(0)
      expect(JSON.stringify(tally.result())).toBe(JSON.stringify(expected))
    }
  })
})

describe('the work on one file: it reads the file and gives back its output', () => {
  const job = {kind: 'lint', cwd: root, version: '0.0.0', cache: false, now: '2026-12-01', ruleFlags: {}, format: 'json', formatOptions: {color: false, quiet: false, version: '0.0.0'}} as const

  it('reports a file it cannot read, and keeps no text in its output', async () => {
    const work = new FileWork(job)
    const missing = await work.run({input: {name: 'nope.md', file: path.join(root, 'nope.md')}})
    expect(missing).toEqual({stderr: 'Cannot read `nope.md`: no such file\n', stdout: '', code: 2})
    const file = path.join(root, 'fixtures/template.md')
    const linted = await work.run({input: {name: 'template.md', file}})
    expect(Object.keys(linted).sort()).toEqual(['code', 'hit', 'piece', 'stderr', 'stdout'])
    expect(linted.piece!.errors).toBeGreaterThan(0)
    expect(JSON.stringify(linted)).not.toContain(readFileSync(file, 'utf8').slice(0, 200))
  })

  it('with --cache, keys the file and gives back its findings for the cache to keep; a matching key answers from the cache', async () => {
    const work = new FileWork({...job, cache: true})
    const input = {name: 'template.md', file: path.join(root, 'fixtures/template.md')}
    const first = await work.run({input})
    expect(first).toMatchObject({hit: false, key: expect.stringMatching(/^[0-9a-f]{64}$/)})
    expect(Array.isArray(first.value)).toBe(true)
    const second = await work.run({input, cached: {key: first.key!, value: first.value}})
    expect(second).toMatchObject({hit: true, key: first.key, piece: first.piece})
    expect(second.value).toBeUndefined()
    // A key of other options or another text: computed again.
    expect(await work.run({input, cached: {key: 'other', value: []}})).toMatchObject({hit: false, piece: first.piece})
  })
})
