import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {median, nearestRank, type Stats} from '../src/cli/commands/stats.js'
import {runInProcess} from './cli-harness.js'
import {root, template} from './helpers.js'

const examples = 'fixtures/examples'

// Note: a fixed "today", so that overdue counts do not change with the calendar.
const now = '2026-12-01'

async function stats(argv: string[], stdin?: string): Promise<Stats> {
  const run = await runInProcess(['stats', ...argv, '--now', now, '--format', 'json'], stdin === undefined ? {} : {stdin})
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as Stats
}

/** The template with some header fields filled. */
function header(fields: {severity?: string; duration?: string}): string {
  let text = template
  if (fields.severity !== undefined) text = text.replace('**Severity:** {P0/P1/P2}', `**Severity:** ${fields.severity}`)
  if (fields.duration !== undefined) text = text.replace('**Duration:** {DURATION_MINUTES} minutes', `**Duration:** ${fields.duration} minutes`)
  expect(text).not.toBe(template)
  return text
}

describe('postmortem stats', () => {
  it('summarises the six examples', async () => {
    const result = await stats([examples])
    expect(result).toEqual({
      postmortems: 6,
      severity: {P0: 2, P1: 2, P2: 2, other: 0, unfilled: 0},
      // 47, 62, 73, 94, 132, 185 minutes
      durationMinutes: {count: 6, mean: 593 / 6, median: 83.5, p90: 185},
      actionItems: {
        total: 38,
        open: 14,
        overdue: 0,
        byStatus: {'Not Started': 6, 'In Progress': 6, Blocked: 2, Done: 21, "Won't Do": 3, other: 0, unfilled: 0}
      },
      completeness: {complete: 6, incomplete: 0, fields: []}
    })
  })

  it('prints the same figures as text', async () => {
    const run = await runInProcess(['stats', examples, '--now', now])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const out = run.stdout
    expect(out).toMatch(/^Postmortems: 6\n/)
    expect(out).toMatch(/Severity:\n {2}P0 +2\n {2}P1 +2\n {2}P2 +2\n {2}other +0\n {2}unfilled +0\n/)
    expect(out).toMatch(/Duration in minutes \(6 of 6 with whole minutes\):\n {2}mean +98\.8\n {2}median +83\.5\n {2}p90 +185\n/)
    expect(out).toMatch(/Action items: 38 \(14 open, 0 overdue\)\n {2}Not Started +6\n {2}In Progress +6\n {2}Blocked +2\n {2}Done +21\n {2}Won't Do +3\n/)
    expect(out).toMatch(/Complete: 6 of 6 \(0 incomplete\)\n$/)
  })

  it('counts severity as P0/P1/P2, other and unfilled', async () => {
    const run = await runInProcess(['stats', '-', 'fixtures/template.md', 'fixtures/examples/02-cdn-cert-expiry.md', '--format', 'json'], {stdin: header({severity: 'High'})})
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as Stats
    expect(result.postmortems).toBe(3)
    expect(result.severity).toEqual({P0: 1, P1: 0, P2: 0, other: 1, unfilled: 1})
  })

  it('takes durations only from files with whole minutes', async () => {
    const about = await stats(['-'], header({duration: 'about an hour'}))
    expect(about.durationMinutes).toEqual({count: 0, mean: null, median: null, p90: null})
    const half = await stats(['-', 'fixtures/examples/01-checkout-db-pool.md'], header({duration: '12.5'}))
    expect(half.durationMinutes).toEqual({count: 1, mean: 47, median: 47, p90: 47})
    const text = await runInProcess(['stats', '-'], {stdin: header({duration: 'about an hour'})})
    expect(text.stdout).toMatch(/Duration in minutes \(0 of 1 with whole minutes\):\n {2}none\n/)
  })

  it('computes median and p90 by nearest rank', () => {
    expect(median([])).toBeNull()
    expect(median([5])).toBe(5)
    expect(median([1, 2, 3])).toBe(2)
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(nearestRank([], 90)).toBeNull()
    expect(nearestRank([7], 90)).toBe(7)
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(nearestRank(ten, 90)).toBe(9) // rank ⌈9⌉ = 9
    expect(nearestRank([...ten, 11], 90)).toBe(10) // rank ⌈9.9⌉ = 10
    expect(nearestRank(Array.from({length: 20}, (_, index) => index + 1), 90)).toBe(18)
    expect(nearestRank([1, 2], 0)).toBe(1)
    expect(nearestRank([1, 2], 100)).toBe(2)
  })

  it('reports completeness and the fields most often missing or invalid', async () => {
    const run = await runInProcess(['stats', '-', 'fixtures/template.md', 'fixtures/examples/03-auth-token-cache.md', '--format', 'json'], {
      stdin: header({severity: 'P3', duration: '30'})
    })
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as Stats
    expect(result.completeness.complete).toBe(1)
    expect(result.completeness.incomplete).toBe(2)
    const byPath = new Map(result.completeness.fields.map((entry) => [entry.path, entry]))
    // Unfilled in both incomplete files: counted once per file.
    expect(byPath.get('hotfixId')).toEqual({path: 'hotfixId', field: expect.stringContaining('Postmortem'), count: 2})
    expect(byPath.get('severity')).toEqual({path: 'severity', field: '`**Severity:**`', count: 2})
    // Filled with whole minutes in one of them.
    expect(byPath.get('durationMinutes')?.count).toBe(1)
    const counts = result.completeness.fields.map((entry) => entry.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(counts.every((count) => count >= 1 && count <= 2)).toBe(true)

    const text = await runInProcess(['stats', '-', 'fixtures/template.md'], {stdin: header({severity: 'P3'})})
    expect(text.stdout).toMatch(/Complete: 0 of 2 \(2 incomplete\)\nMost often missing or invalid:\n(?: {2}2 {2}.+ \(\S+\)\n){10} {2}… and \d+ more \(see --format json\)\n$/)
    const example = readFileSync(path.join(root, 'fixtures/examples/01-checkout-db-pool.md'), 'utf8')
    const oneWrong = await runInProcess(['stats', '-', 'fixtures/examples/02-cdn-cert-expiry.md'], {stdin: example.replace('**Severity:** P1', '**Severity:** P3')})
    expect(oneWrong.code).toBe(0)
    expect(oneWrong.stdout).toMatch(/Complete: 1 of 2 \(1 incomplete\)\nMost often missing or invalid:\n {2}1 {2}`\*\*Severity:\*\*` \(severity\)\n$/)
  })

  it('names which Duration a missing or invalid field is: the header or Impact', async () => {
    const result = await stats(['fixtures/template.md'])
    const byPath = new Map(result.completeness.fields.map((entry) => [entry.path, entry.field]))
    expect(byPath.get('durationMinutes')).toBe('`**Duration:**` in the header')
    expect(byPath.get('impact.duration')).toBe('`**Duration:**` in `## Impact`')
    // Labels no other field shares stay as they were.
    expect(byPath.get('severity')).toBe('`**Severity:**`')
    const labels = result.completeness.fields.map((entry) => entry.field)
    expect(new Set(labels).size).toBe(labels.length)
    const example = readFileSync(path.join(root, 'fixtures/examples/01-checkout-db-pool.md'), 'utf8')
    const text = await runInProcess(['stats', '-', '--now', now], {stdin: example.replace(/\*\*Duration:\*\* \d+ minutes/, '**Duration:** about an hour minutes')})
    expect(text.stdout).toContain('`**Duration:**` in the header (durationMinutes)')
  })

  it('counts overdue items against --now, and only incidents between --since and --until', async () => {
    const later = await runInProcess(['stats', examples, '--format', 'json', '--now', '2027-02-15'])
    expect((JSON.parse(later.stdout) as Stats).actionItems).toMatchObject({open: 14, overdue: 9})
    const window = await stats([examples, '--since', '2026-03-01', '--until', '2026-06-30'])
    // 01 (2026-03-14), 03 (2026-05-19) and 04 (2026-06-23): 47, 73 and 132 minutes.
    expect(window.postmortems).toBe(3)
    expect(window.durationMinutes).toEqual({count: 3, mean: 84, median: 73, p90: 132})
    const bad = await runInProcess(['stats', examples, '--since', 'March'])
    expect({code: bad.code, stderr: bad.stderr}).toEqual({code: 2, stderr: expect.stringMatching(/--since expects a date written YYYY-MM-DD, got `March`/)})
  })

  it('folds the rows of a list into one field', async () => {
    const text = template.replace('| {action_1} | {owner} | {date} | High | Not Started |', '| Fix it | @sam | someday | Urgent | Not Started |')
    const result = await stats(['-'], text)
    const entry = result.completeness.fields.find((field) => field.path === 'actionItems.preventRecurrence[].dueDate')
    expect(entry).toEqual({path: 'actionItems.preventRecurrence[].dueDate', field: 'Due Date of any action item in `### Prevent Recurrence`', count: 1})
    expect(result.actionItems).toEqual({
      total: 1,
      open: 1,
      overdue: 0,
      byStatus: {'Not Started': 1, 'In Progress': 0, Blocked: 0, Done: 0, "Won't Do": 0, other: 0, unfilled: 0}
    })
  })

  it('counts statuses outside the enum as other and empty ones as unfilled', async () => {
    const text = template.replace(
      '| {action_1} | {owner} | {date} | High | Not Started |\n| {action_2} | {owner} | {date} | Medium | Not Started |',
      '| A | @a | 2026-01-01 | High | Waiting |\n| B | @b | 2026-01-01 | High |  |\n| C | @c | 2026-01-01 | High | done |'
    )
    const result = await stats(['-'], text)
    expect(result.actionItems).toEqual({
      total: 3,
      open: 2,
      // Both open items are due 2026-01-01, before --now.
      overdue: 2,
      byStatus: {'Not Started': 0, 'In Progress': 0, Blocked: 0, Done: 1, "Won't Do": 0, other: 1, unfilled: 1}
    })
  })

  it('exits 2 for a file it cannot read, and still counts the others', async () => {
    const run = await runInProcess(['stats', 'fixtures/examples/01-checkout-db-pool.md', 'fixtures/missing.md', '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Cannot read `fixtures\/missing.md`/)
    expect((JSON.parse(run.stdout) as Stats).postmortems).toBe(1)
  })

  it('prints zeros for no postmortems', async () => {
    const run = await runInProcess(['stats', 'fixtures/nothing-here/*.md'])
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^Postmortems: 0\n/)
    expect(run.stdout).toMatch(/Action items: 0 \(0 open, 0 overdue\)\n/)
  })

  it.each([
    [['--format', 'csv'], /unknown format `csv`/],
    [['--open'], /Unknown option '--open'/]
  ])('exits 2 on a usage error: %j', async (argv, stderr) => {
    const run = await runInProcess(['stats', examples, ...argv])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(stderr)
  })

  it('--help', async () => {
    const run = await runInProcess(['stats', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: postmortem stats/)
    expect(run.stdout).toContain('nearest rank')
    expect((await runInProcess(['--help'])).stdout).toMatch(/stats +summarise postmortems/)
  })
})
