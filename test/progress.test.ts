/**
 * The progress line of long runs: on stderr only, only on a terminal, only over more than 50
 * files, never with a machine-read format, erased before other output and at the end.
 */
import {describe, expect, it} from 'vitest'
import {Progress, progressText, progressThreshold} from '../src/cli/progress.js'

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
