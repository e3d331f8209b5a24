/**
 * The progress line of long runs: on stderr only, only on a terminal, only over more than 50
 * files, never with a machine-read format, erased before other output and at the end.
 */
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {makeDocument} from '../scripts/bench/corpus.mjs'
import {main} from '../src/cli/main.js'
import {Progress, progressText, progressThreshold} from '../src/cli/progress.js'
import {runInProcess, runProcess} from './cli-harness.js'
import {root} from './helpers.js'

const clear = '\r\u001B[K'

describe('the progress line', () => {
  it('says the command, files done of the total, and the share', () => {
    expect(progressText('lint', 0, 1000)).toBe('lint:    0/1000 files (0%)')
    expect(progressText('lint', 5, 120)).toBe('lint:   5/120 files (4%)')
    expect(progressText('stats', 120, 120)).toBe('stats: 120/120 files (100%)')
    expect(progressText('fmt', 0, 0)).toBe('fmt: 0/0 files (100%)')
  })

  it('is redrawn at most once an interval, always at the end, at once after it was cleared, and erased by clear', () => {
    let written = ''
    let time = 0
    const progress = new Progress({write: (text) => void (written += text), isTTY: true}, 'lint', 60, {interval: 100, clock: () => time})
    progress.update(1)
    time = 50
    progress.update(2)
    expect(written).toBe(clear + progressText('lint', 1, 60))
    time = 150
    progress.update(3)
    expect(written.endsWith(clear + progressText('lint', 3, 60))).toBe(true)
    progress.clear()
    expect(written.endsWith(clear)).toBe(true)
    progress.clear()
    const before = written.length
    time = 160
    progress.update(4)
    expect(written.slice(before)).toBe(clear + progressText('lint', 4, 60))
    time = 170
    progress.update(60)
    expect(written.endsWith(clear + progressText('lint', 60, 60))).toBe(true)
  })

  it('is shown only on a terminal, over more than the threshold, when wanted', () => {
    const tty = {stderr: {write: () => undefined, isTTY: true}}
    expect(Progress.for(tty, 'lint', progressThreshold + 1)).toBeInstanceOf(Progress)
    expect(Progress.for(tty, 'lint', progressThreshold)).toBeUndefined()
    expect(Progress.for(tty, 'lint', 1000, false)).toBeUndefined()
    expect(Progress.for({stderr: {write: () => undefined}}, 'lint', 1000)).toBeUndefined()
    expect(Progress.for({stderr: {write: () => undefined, isTTY: false}}, 'lint', 1000)).toBeUndefined()
  })
})

describe('progress of lint, fmt and stats over many files', () => {
  let cwd: string
  beforeAll(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'pm-progress-'))
    mkdirSync(path.join(cwd, 'pm'))
    for (let index = 0; index < progressThreshold; index++) {
      writeFileSync(path.join(cwd, 'pm', `pm-${String(index).padStart(2, '0')}.md`), makeDocument({seed: 9, name: 'small', index, target: 1024}))
    }
    // One more in a folder whose configuration cannot be used (it may name the template the file
    // is read by): lint, fmt and stats report it on stderr.
    mkdirSync(path.join(cwd, 'pm/broken'))
    writeFileSync(path.join(cwd, 'pm/broken/.postmortemrc.json'), '{"rules": {"no-such-rule": "error"}}')
    writeFileSync(path.join(cwd, 'pm/broken/pm.md'), makeDocument({seed: 9, name: 'small', index: 99, target: 1024}))
  })

  /** Run in-process with stderr on a terminal. */
  const onTerminal = async (argv: string[]): Promise<{stdout: string; stderr: string; code: number}> => {
    let stdout = ''
    let stderr = ''
    const code = await main({argv, cwd, env: {}, stdout: {write: (text) => void (stdout += text)}, stderr: {write: (text) => void (stderr += text), isTTY: true}, stdin: async () => ''})
    return {stdout, stderr, code}
  }

  it('shows on a terminal, erased at the end, and changes nothing on stdout', async () => {
    for (const argv of [['lint', '--now', '2026-12-01', 'pm'], ['fmt', '--check', 'pm'], ['stats', '--now', '2026-12-01', 'pm']]) {
      const tty = await onTerminal(argv)
      const piped = await runInProcess(argv, {cwd})
      expect(tty.stdout).toBe(piped.stdout)
      expect(tty.code).toBe(piped.code)
      expect(tty.stderr).toContain(`${argv[0]}: ${progressThreshold + 1}/${progressThreshold + 1} files (100%)`)
      expect(tty.stderr.endsWith(clear)).toBe(true)
      // Once erased, what remains is what stderr says without a terminal.
      expect(piped.stderr).toMatch(/pm\/broken\/pm\.md: not (linted|formatted|counted)/)
      expect(tty.stderr.replace(/\r\u001B\[K(?:\w+: +\d+\/\d+ files \(\d+%\))?/g, '')).toBe(piped.stderr)
    }
  })

  it('never shows with --format json, sarif or github', async () => {
    for (const format of ['json', 'sarif', 'github']) {
      expect((await onTerminal(['lint', '--now', '2026-12-01', '--format', format, 'pm'])).stderr).not.toContain('\r')
    }
    expect((await onTerminal(['stats', '--now', '2026-12-01', '--format', 'json', 'pm'])).stderr).toMatch(/^pm\/broken\/\.postmortemrc\.json: .*\npm\/broken\/pm\.md: not counted: its configuration cannot be used\n$/)
  })

  it.runIf(existsSync(path.join(root, 'dist/cli/bin.js')))('never shows when stderr is not a terminal (a real process, piped)', () => {
    const run = runProcess(['lint', '--now', '2026-12-01', 'pm'], {cwd, env: {POSTMORTEM_WORKERS: '0'}})
    expect(run.stdout).not.toBe('')
    expect(run.stderr).toMatch(/^pm\/broken\/\.postmortemrc\.json: .*\npm\/broken\/pm\.md: not linted: its configuration cannot be used\n$/)
  })
})
