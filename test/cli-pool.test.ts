/**
 * Worker threads for many files: the built CLI prints the same bytes with the pool forced on
 * (`POSTMORTEM_WORKERS=2`) as with it off (`0`), for lint in every format, fmt --check and
 * stats, with and without --cache; and the pieces behind it, in-process.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeDocument} from '../scripts/bench/corpus.mjs'
import {computeStats, StatsTally} from '../src/cli/commands/stats.js'
import {inOrder, poolThreshold, workerCount} from '../src/cli/pool.js'
import {runTask, type StatsValue} from '../src/cli/tasks.js'
import {parseDocument} from '../src/index.js'
import {runProcess, runWithModuleLog, type Run} from './cli-harness.js'
import {markdownFiles, root} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')
const now = ['--now', '2026-12-01']

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
  beforeAll(() => {
    cwd = corpus()
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

describe('inOrder', () => {
  it('yields in the order of the items, whatever order the runs end in, with at most `window` in flight', async () => {
    const prepared: number[] = []
    let inFlight = 0
    let most = 0
    const delays = [30, 1, 20, 0, 10, 5, 0, 25]
    const results: number[] = []
    for await (const {item, result} of inOrder(
      delays.keys(),
      async (index) => {
        prepared.push(index)
        return index
      },
      async (index) => {
        inFlight++
        most = Math.max(most, inFlight)
        await new Promise((resolve) => setTimeout(resolve, delays[index]))
        inFlight--
        return index * 10
      },
      3
    )) {
      expect(result).toBe(item * 10)
      results.push(item)
    }
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(prepared).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(most).toBe(3)
  })

  it('surfaces a failed run at its turn', async () => {
    const seen: number[] = []
    const consume = async (): Promise<void> => {
      for await (const {item} of inOrder([0, 1, 2], async (index) => index, async (index) => (index === 1 ? Promise.reject(new Error('boom')) : index), 3)) seen.push(item)
    }
    await expect(consume()).rejects.toThrow('boom')
    expect(seen).toEqual([0])
  })
})

describe('stats one file at a time', () => {
  it('adds up to what computeStats gives over the same documents', async () => {
    const files = [...markdownFiles('examples'), ...markdownFiles('real-world'), ...markdownFiles('report')]
    for (const dates of [{now: '2026-12-01'}, {now: '2026-12-01', since: '2025-06-01'}, {now: '2024-01-01', until: '2025-12-31'}]) {
      const tally = new StatsTally()
      const documents = []
      for (const {name, file, text} of files) {
        const result = await runTask({kind: 'stats', input: {name, file}, ...dates})
        const value = result.value as StatsValue
        if (value.parsed) tally.add(value.row)
        const document = parseDocument(text)
        if (document.parsed) documents.push({file: name, document})
      }
      const expected = computeStats(documents, dates)
      expect(expected.postmortems).toBeGreaterThan(0)
      expect(JSON.stringify(tally.result())).toBe(JSON.stringify(expected))
    }
  })
})

describe('a task reads its file and nothing else', () => {
  it('reports a file it cannot read, and keeps no text in its result', async () => {
    const missing = await runTask({kind: 'lint', input: {name: 'nope.md', file: path.join(root, 'nope.md')}, rules: {}, now: '2026-12-01'})
    expect(missing).toEqual({stderr: 'Cannot read `nope.md`: no such file\n', code: 2})
    const file = path.join(root, 'fixtures/template.md')
    const linted = await runTask({kind: 'lint', input: {name: 'template.md', file}, rules: {}, now: '2026-12-01'})
    expect(Object.keys(linted).sort()).toEqual(['code', 'hit', 'stderr', 'value'])
    expect(JSON.stringify(linted)).not.toContain(readFileSync(file, 'utf8').slice(0, 200))
  })
})
