/**
 * `reportData` over fixtures/report/ with figures worked out by hand, and `postmortem report`
 * as a command: its options, its self-contained page, its escaping and its Markdown.
 * The browser test (test/browser.test.ts) opens the page in Chromium.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parseDocument, reportData, type ReportData, type ReportInput} from '../src/index.js'
import {actionColors, severityColors} from '../src/report/summaries.js'
import {inlineMarkdown, relativeHref, splitCodeSpans} from '../src/report/escape.js'
import {runInProcess, runProcess} from './cli-harness.js'
import {root, template} from './helpers.js'
import {hostile, isLocalReference, reportNow, references, writeHostileFolder} from './report-helpers.js'

const folder = 'fixtures/report'

function inputs(dir = folder): ReportInput[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({file: `${dir}/${name}`, document: parseDocument(readFileSync(path.join(root, dir, name), 'utf8'))}))
}

const work = mkdtempSync(path.join(tmpdir(), 'postmortem-report-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('reportData over fixtures/report (figures worked out by hand)', () => {
  // The five postmortems:
  //   101  2025-12-15  P1   30 min   actions: Done · In Progress due 03-01 (@dana) · Not Started due 07-15 (Lee)
  //   102  2026-01-28  P0  120 min   actions: Blocked due 04-01 (@sam) · Not Started due 08-01 (@dana, Lee) · Won't Do
  //   103  2026-03-05  P2   45 min   actions: In Progress due 06-29 (lee) · Not Started due 06-30 (@sam) · Done
  //   104  2026-03-18  P1  "about two hours" (not minutes); Due Date "next sprint" (@grace) · In Progress due 09-01 (@grace) · Done
  //   105  2026-06-10  P0  240 min   actions: In Progress due 06-20 (@sam) · Done · Not Started due 07-01 (@dana)
  const data = reportData(inputs(), {now: reportNow})

  it('counts postmortems by severity and month, with empty months kept', () => {
    expect(data.postmortems.map((entry) => entry.hotfixId)).toEqual(['101', '102', '103', '104', '105'])
    expect(data.severity).toEqual({P0: 2, P1: 2, P2: 1, other: 0, unfilled: 0})
    expect(data.months.map((month) => [month.month, month.total])).toEqual([
      ['2025-12', 1],
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 2],
      ['2026-04', 0],
      ['2026-05', 0],
      ['2026-06', 1]
    ])
    expect(data.months[3]!.bySeverity).toEqual({P0: 0, P1: 1, P2: 1, other: 0, unfilled: 0})
    expect(data.months[0]!.bySeverity.P1).toBe(1)
    expect(data.months[6]!.bySeverity.P0).toBe(1)
    expect({undated: data.undated, excluded: data.excluded, since: data.since, until: data.until, now: data.now}).toEqual({undated: 0, excluded: 0, since: null, until: null, now: reportNow})
  })

  it('computes median and p90 of durations in whole minutes, overall and by severity', () => {
    // Sorted: 30, 45, 120, 240 (104 says "about two hours"). Median (45 + 120) / 2 = 82.5;
    // p90 by nearest rank: rank ⌈0.9 × 4⌉ = 4 → 240; mean 435 / 4 = 108.75.
    expect(data.durationMinutes).toMatchObject({count: 4, mean: 108.75, median: 82.5, p90: 240})
    // P0: 120, 240 → median 180, p90 rank ⌈1.8⌉ = 2 → 240. P1: only 101's 30. P2: 45.
    expect(data.durationMinutes.bySeverity).toEqual({
      P0: {count: 2, mean: 180, median: 180, p90: 240},
      P1: {count: 1, mean: 30, median: 30, p90: 30},
      P2: {count: 1, mean: 45, median: 45, p90: 45},
      other: {count: 0, mean: null, median: null, p90: null},
      unfilled: {count: 0, mean: null, median: null, p90: null}
    })
    expect(data.postmortems.find((entry) => entry.hotfixId === '104')!.durationMinutes).toBeNull()
  })

  it('counts action items by status; open and overdue against now', () => {
    // 15 items: Done 4, Won't Do 1 → 10 open. Overdue on 2026-06-30 (due strictly before it):
    // 101's 03-01, 102's 04-01, 103's 06-29, 105's 06-20 → 4. 103's 06-30 is due today, not
    // overdue; "next sprint" is no date, so never overdue.
    expect(data.actionItems.total).toBe(15)
    expect(data.actionItems.open).toBe(10)
    expect(data.actionItems.overdue).toBe(4)
    expect(data.actionItems.byStatus).toEqual({'Not Started': 5, 'In Progress': 4, Blocked: 1, Done: 4, "Won't Do": 1, other: 0, unfilled: 0})
    const dueToday = data.actionItems.items.find((item) => item.dueDate === '2026-06-30')!
    expect({open: dueToday.open, overdue: dueToday.overdue, daysOverdue: dueToday.daysOverdue}).toEqual({open: true, overdue: false, daysOverdue: null})
    const oldest = data.actionItems.items.find((item) => item.dueDate === '2026-03-01')!
    // 2026-03-01 → 2026-06-30: 30 + 30 + 31 + 30 = 121 days overdue; incident 2025-12-15 → 197 days old.
    expect(oldest).toMatchObject({open: true, overdue: true, daysOverdue: 121, ageDays: 197, hotfixId: '101', incidentDate: '2025-12-15', owners: ['dana']})
    expect(oldest.file).toBe('fixtures/report/2025-12-15-queue-backlog.md')
    expect(oldest.line).toBe(75)
    expect(readFileSync(path.join(root, oldest.file), 'utf8').split('\n')[74]).toContain('Alert on the age of the oldest queued message')
    expect(data.postmortems.map((entry) => [entry.actionItems, entry.openActionItems, entry.overdueActionItems])).toEqual([
      [3, 2, 1],
      [3, 2, 1],
      [3, 2, 1],
      [3, 2, 0],
      [3, 2, 1]
    ])
  })

  it('counts open items by owner, an item with two owners for each, names case-insensitively', () => {
    // sam: 102 Blocked (overdue), 103 06-30, 105 06-20 (overdue) → 3 open, 2 overdue.
    // dana: 101 03-01 (overdue), 102 "@dana, Lee", 105 07-01 → 3, 1.
    // Lee: 101 07-15, 102 "@dana, Lee", 103 "lee" 06-29 (overdue) → 3, 1. grace: 2, 0.
    expect(data.actionItems.byOwner).toEqual([
      {owner: 'sam', open: 3, overdue: 2},
      {owner: 'dana', open: 3, overdue: 1},
      {owner: 'Lee', open: 3, overdue: 1},
      {owner: 'grace', open: 2, overdue: 0}
    ])
  })

  it('buckets open items by days since their incident', () => {
    // Ages on 2026-06-30: 101 → 197 days, 102 → 153, 103 → 117, 104 → 104, 105 → 20.
    expect(data.actionItems.byAge.map(({label, open, overdue}) => [label, open, overdue])).toEqual([
      ['0–29 days', 2, 1],
      ['30–89 days', 0, 0],
      ['90–179 days', 6, 2],
      ['180–364 days', 2, 1],
      ['365 days or more', 0, 0],
      ['incident date unknown', 0, 0]
    ])
    expect([...new Set(data.actionItems.items.map((item) => `${item.hotfixId} ${item.ageDays}`))]).toEqual(['101 197', '102 153', '103 117', '104 104', '105 20'])
  })

  it('reports completeness per document: validation and lint errors by rule', () => {
    expect(data.completeness).toMatchObject({complete: 4, incomplete: 1, errorsByRule: {duration: 1, 'date-format': 1}})
    expect(data.completeness.fields).toEqual([
      {path: 'actionItems.improveDetection[].dueDate', field: 'Due Date of any action item in `### Improve Detection`', count: 1},
      {path: 'durationMinutes', field: '`**Duration:**` in the header', count: 1}
    ])
    const incomplete = data.postmortems.find((entry) => entry.hotfixId === '104')!
    expect(incomplete).toMatchObject({complete: false, errors: 2, warnings: 0, errorsByRule: {duration: 1, 'date-format': 1}})
    expect(data.postmortems.filter((entry) => entry.complete && entry.errors === 0)).toHaveLength(4)
  })

  it('leaves out postmortems outside --since/--until, and undated ones when a window is set', () => {
    const window = reportData(inputs(), {now: reportNow, since: '2026-01-01', until: '2026-03-31'})
    expect(window.postmortems.map((entry) => entry.hotfixId)).toEqual(['102', '103', '104'])
    expect(window.excluded).toBe(2)
    expect(window.months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(window.durationMinutes).toMatchObject({count: 2, median: 82.5, p90: 120})
    const undated = {file: 'undated.md', document: parseDocument(template)}
    expect(reportData([...inputs(), undated], {now: reportNow}).undated).toBe(1)
    expect(reportData([...inputs(), undated], {now: reportNow, since: '2000-01-01'}).excluded).toBe(1)
  })

  it('keeps items without an owner apart, and leaves out template rows nobody filled', () => {
    const text = readFileSync(path.join(root, folder, '2025-12-15-queue-backlog.md'), 'utf8').replace('| Write the queue backlog runbook | Lee |', '| Write the queue backlog runbook |  |')
    const document = parseDocument(text)
    // A row of the template's placeholders, as the model keeps unfilled rows (SPEC §2).
    ;(document.draft.actionItems!.improveResponse as unknown[]).push({action: null, owner: null, dueDate: null, priority: 'High', status: 'Not Started'})
    const one = reportData([{file: 'a.md', document}], {now: reportNow})
    expect(one.actionItems.total).toBe(3)
    expect(one.actionItems.byOwner).toEqual([
      {owner: 'dana', open: 1, overdue: 1},
      {owner: null, open: 1, overdue: 0}
    ])
  })

  it('throws a TypeError naming an invalid date option', () => {
    expect(() => reportData([], {now: '2026-02-30'})).toThrow(TypeError)
    expect(() => reportData([], {since: 'yesterday'})).toThrow(/`since`/)
    const empty: ReportData = reportData([], {now: reportNow})
    expect(empty).toMatchObject({postmortems: [], months: [], durationMinutes: {count: 0, median: null}, actionItems: {total: 0, byOwner: []}})
  })
})

describe('escaping and links', () => {
  it('escapes text and renders only code spans of inline Markdown', () => {
    expect(inlineMarkdown('<img src=x onerror=alert(1)> & `a<b>` [x](javascript:y)').value).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; <code>a&lt;b&gt;</code> [x](javascript:y)')
    expect(inlineMarkdown('`` a ` b `` and ` lone').value).toBe('<code> a ` b </code> and ` lone')
    expect(splitCodeSpans('``x`')).toEqual([{text: '``x`', fence: null}])
    // Linear in the number of backtick runs.
    const many = '`'.repeat(1) + ' ``'.repeat(50_000)
    const started = performance.now()
    expect(splitCodeSpans(many).length).toBeGreaterThan(0)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('builds relative hrefs that cannot carry a scheme or a host', () => {
    expect(relativeHref('fixtures/a b.md', 12)).toBe('./fixtures/a%20b.md#L12')
    expect(relativeHref('../notes/x.md')).toBe('../notes/x.md')
    expect(relativeHref('javascript:alert(1).md')).toBe('./javascript%3Aalert(1).md')
    expect(relativeHref('//evil.example/x.md')).toBe('./evil.example/x.md')
    expect(relativeHref('x"><img src=y>.md')).toBe('./x%22%3E%3Cimg%20src%3Dy%3E.md')
    expect(relativeHref('\ud800.md')).toBe('./%EF%BF%BD.md')
  })
})

describe('colours', () => {
  /** CIE L* of `#rrggbb`. */
  function lightness(hex: string): number {
    const value = Number.parseInt(hex.slice(1), 16)
    const linear = (shift: number): number => {
      const c = ((value >> shift) & 255) / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    const y = 0.2126 * linear(16) + 0.7152 * linear(8) + 0.0722 * linear(0)
    return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y
  }

  it('differ in lightness, so severities and overdue-ness read in greyscale', () => {
    const severity = Object.values(severityColors).map(lightness)
    for (let index = 1; index < severity.length; index++) expect(severity[index]! - severity[index - 1]!).toBeGreaterThanOrEqual(12)
    expect(lightness(actionColors.open) - lightness(actionColors.overdue)).toBeGreaterThanOrEqual(40)
  })
})

/** Per file, the lint errors the report's Markdown gives in its table of postmortems. */
function reportedErrors(markdown: string): Record<string, number> {
  const table = markdown.split('\n## Postmortems\n')[1]!.split('\n## ')[0]!
  const counts: Record<string, number> = {}
  for (const row of table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Date') && !line.startsWith('| ---'))) {
    const cells = row.split(' | ')
    const file = cells.at(-1)!.match(/^\[(.+?)\]\(/)![1]!
    counts[file] = Number(cells.at(-2)!.match(/^(\d+) errors?:/)?.[1] ?? 0)
  }
  return counts
}

/** Per file, the errors `lint --format json` counts. */
function lintedErrors(json: string): Record<string, number> {
  return Object.fromEntries((JSON.parse(json) as {file: string; errorCount: number}[]).map(({file, errorCount}) => [file, errorCount]))
}

describe('postmortem report counts lint errors as lint does', () => {
  // A folder whose configuration turns rules off, extends a preset for one folder, overrides
  // one file, ignores another folder, and a subfolder with its own (nearest) configuration.
  const project = path.join(work, 'configured')
  const dns = readFileSync(path.join(root, folder, '2026-03-18-dns-records.md'), 'utf8')
  const otherTemplate = readFileSync(path.join(root, 'fixtures/real-world/atlassian-style.md'), 'utf8')
  const files: Record<string, string> = {
    '.postmortemrc.json': JSON.stringify({
      extends: 'postmortem-md/recommended',
      rules: {'date-format': 'off'},
      ignores: ['drafts/**'],
      overrides: [
        {files: ['legacy/**'], extends: 'postmortem-md/legacy'},
        {files: ['b.md'], rules: {'no-placeholder': 'off', 'missing-field': 'warn'}}
      ]
    }),
    'a.md': dns,
    'b.md': template,
    'legacy/c.md': otherTemplate,
    'drafts/d.md': template,
    'sub/.postmortemrc.json': '// nearest wins: date-format is on again here\n{"rules": {"no-placeholder": "off"}}',
    'sub/e.md': dns,
    'sub/f.md': template,
    'empty.json': '{}'
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, name)), {recursive: true})
    writeFileSync(path.join(project, name), text)
  }
  const both = async (...argv: string[]): Promise<{report: Record<string, number>; lint: Record<string, number>}> => {
    const report = await runInProcess(['report', '.', '--now', reportNow, '--format', 'md', ...argv], {cwd: project})
    const lint = await runInProcess(['lint', '.', '--now', reportNow, '--format', 'json', ...argv], {cwd: project})
    expect(report.stderr).toBe('')
    expect(report.code).toBe(0)
    return {report: reportedErrors(report.stdout), lint: lintedErrors(lint.stdout)}
  }

  it('with the nearest .postmortemrc.json of each file: presets, rules, overrides and ignores', async () => {
    const {report, lint} = await both()
    expect(report).toEqual(lint)
    expect(Object.keys(report).sort()).toEqual(['a.md', 'b.md', 'legacy/c.md', 'sub/e.md', 'sub/f.md'])
    // The configuration changed the counts: without it, every file has more errors.
    const {report: plain, lint: plainLint} = await both('--config', 'empty.json')
    expect(plain).toEqual({...plainLint, 'drafts/d.md': plainLint['drafts/d.md']})
    expect(report['a.md']).toBe(1)
    expect(plain['a.md']).toBe(2)
    expect(report['sub/e.md']).toBe(2)
    for (const file of ['b.md', 'legacy/c.md', 'sub/f.md']) expect(report[file]!, file).toBeLessThan(plain[file]!)
  })

  it('with --rule over the configuration', async () => {
    const {report, lint} = await both('--rule', 'duration=off')
    expect(report).toEqual(lint)
    expect(report['a.md']).toBe(0)
  })

  it('leaves out the files a configuration that cannot be used governs (exit 2), and names what it skips', async () => {
    const broken = path.join(work, 'configured-broken')
    mkdirSync(path.join(broken, 'bad'), {recursive: true})
    writeFileSync(path.join(broken, 'a.md'), dns)
    writeFileSync(path.join(broken, 'bad/.postmortemrc.json'), '{"rules": {"heading-txt": "off"}}')
    writeFileSync(path.join(broken, 'bad/b.md'), dns)
    writeFileSync(path.join(broken, '.postmortemrc.json'), '{"ignores": ["c.md"]}')
    writeFileSync(path.join(broken, 'c.md'), dns)
    const run = await runInProcess(['report', '.', 'c.md', '--now', reportNow, '--format', 'md'], {cwd: broken})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'c.md: not read: matched by `c.md` in `ignores` of `.postmortemrc.json`\n' +
        'bad/.postmortemrc.json: Unknown rule `heading-txt` in `rules`; did you mean `heading-text`?\n' +
        'bad/b.md: not reported: its configuration cannot be used\n'
    )
    expect(Object.keys(reportedErrors(run.stdout))).toEqual(['a.md'])
  })
})

describe('postmortem report', () => {
  it('writes one self-contained page that links to the files relative to itself', async () => {
    const project = path.join(work, 'links')
    cpSync(path.join(root, folder), path.join(project, 'postmortems'), {recursive: true})
    const run = await runInProcess(['report', 'postmortems', '--now', reportNow, '--out', 'out/report.html', '--title', 'Q2 review'], {cwd: project})
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('Wrote out/report.html: 5 postmortems, 10 open action items (4 overdue)\n')
    expect(run.code).toBe(0)
    const page = readFileSync(path.join(project, 'out/report.html'), 'utf8')
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(page).toContain('<title>Q2 review</title>')
    expect(page).toContain('<h1>Q2 review</h1>')
    // Links to the postmortem files and their lines, relative to out/.
    expect(page).toContain('<a href="../postmortems/2026-03-18-dns-records.md">postmortems/2026-03-18-dns-records.md</a>')
    expect(page).toContain('<a href="../postmortems/2025-12-15-queue-backlog.md#L75">postmortems/2025-12-15-queue-backlog.md:75</a>')
    // Five charts, each an SVG image with a title and a description.
    const charts = page.match(/<svg [^>]*role="img"[^>]*>/g) ?? []
    expect(charts.map((tag) => tag.match(/ id="(chart-[a-z-]+)"/)?.[1])).toEqual(['chart-incidents-per-month', 'chart-duration', 'chart-owners', 'chart-age', 'chart-completeness'])
    for (const tag of charts) {
      const id = tag.match(/ id="([^"]+)"/)![1]
      expect(tag).toContain(`aria-labelledby="${id}-title"`)
      expect(tag).toContain(`aria-describedby="${id}-desc"`)
    }
    expect(page.match(/<title id="chart-[a-z-]+-title">/g)).toHaveLength(5)
    expect(page).toContain('<desc id="chart-owners-desc">10 open action items, 4 overdue on 2026-06-30; an item with several owners counts for each. sam: 3 open, 2 overdue; dana: 3 open, 1 overdue; Lee: 3 open, 1 overdue; grace: 2 open, 0 overdue.</desc>')
    expect(page).toContain('@media print')
  })

  it('references nothing outside itself: no script, no stylesheet or font link, no remote URL', () => {
    const run = runProcess(['report', folder, '--now', reportNow])
    expect(run.code).toBe(0)
    const page = run.stdout
    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/<link/i)
    expect(page).not.toMatch(/<(?:iframe|object|embed|img|video|audio|source|base)\b/i)
    expect(page).not.toMatch(/@import|@font-face/i)
    const found = references(page)
    expect(found.length).toBeGreaterThan(10)
    expect(found.filter((reference) => !isLocalReference(reference))).toEqual([])
    expect(page.match(/[a-z]+:\/\/[^\s"'<>)]*/gi)).toBeNull()
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`)
  })

  it('escapes every text from a document; no document supplies a tag, an attribute or a link', async () => {
    const dir = writeHostileFolder(path.join(work, 'hostile'))
    const run = await runInProcess(['report', '.', '--now', reportNow, '--title', hostile.pageTitle], {cwd: dir})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const page = run.stdout
    expect(page).not.toMatch(/<(?:script|img|iframe|svg\/|b )/i)
    // No tag carries an event handler, and every link is a relative file link.
    expect(page.match(/<[a-z][^>]*\son[a-z]+\s*=/gi)).toBeNull()
    expect([...page.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !href!.startsWith('./'))).toEqual([])
    expect(page).toContain('./javascript%3Aalert(10).md')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;')
    expect(page).toContain('&lt;svg/onload=alert(3)&gt;')
    expect(page).toContain('[click me](javascript:alert(4)) &lt;a href=&quot;javascript:alert(5)&quot;&gt;x&lt;/a&gt;')
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(11)&lt;/script&gt;</title>')
    // In the charts too (Plot's titles and axis labels); the owner cell reads as two names.
    expect(page).toContain('<title>&lt;svg: 2 overdue</title>')
    expect(page).toContain('>onload=alert(3)&gt;</text>')

    const markdown = (await runInProcess(['report', '.', '--now', reportNow, '--format', 'md'], {cwd: dir})).stdout
    expect(markdown).not.toMatch(/<(?:script|img|iframe|svg|a )/i)
    expect(markdown).toContain('&#91;click me&#93;(javascript:alert(4))')
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)> and &lt;script>alert(2)&lt;/script>')
    expect(markdown).toContain('(<./javascript%3Aalert(10).md>)')
  })

  it('writes the same figures as Markdown tables', async () => {
    const run = await runInProcess(['report', folder, '--now', reportNow, '--format', 'md', '--title', 'Q2 | review'])
    expect(run.code).toBe(0)
    const text = run.stdout
    expect(text).toMatch(/^# Q2 \\\| review\n\n5 postmortems · as of 2026-06-30\n/)
    expect(text).toContain('| Median duration | 82.5 min (over 4) |')
    expect(text).toContain('| 90th percentile duration | 240 min |')
    expect(text).toContain('| Open action items | 10 of 15 |')
    expect(text).toContain('| Overdue action items | 4 |')
    expect(text).toContain('| 2026-03 | 0 | 1 | 1 | 2 |')
    expect(text).toContain('| P0 | 2 | 180 | 240 |')
    expect(text).toContain('| sam | 3 | 2 |')
    expect(text).toContain('| 90–179 days | 6 | 2 |')
    expect(text).toContain('| HOTFIX-104 | 2 | date-format 1, duration 1 |')
    expect(text).toContain('| @dana | 2026-03-01 | In Progress (**overdue 121 days**) | Alert on the age of the oldest queued message | HOTFIX-101 | [fixtures/report/2025-12-15-queue-backlog.md:75](<./fixtures/report/2025-12-15-queue-backlog.md#L75>) |')
    // Every table row has as many cells as its header.
    for (const table of text.split(/\n\n/).filter((block) => block.startsWith('| '))) {
      const widths = table
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/\\\||&#124;/g, '').split('|').length)
      expect(new Set(widths).size).toBe(1)
    }
  })

  it('reads standard input, with no link for it', async () => {
    const text = readFileSync(path.join(root, folder, '2026-01-28-login-outage.md'), 'utf8')
    const run = await runInProcess(['report', '-', '--now', reportNow], {stdin: text})
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('<a ')
    expect(run.stdout).toContain('<td class="file">-:69</td>')
  })

  it('counts only the postmortems between --since and --until', async () => {
    const run = await runInProcess(['report', folder, '--now', reportNow, '--since', '2026-01-01', '--until', '2026-03-31', '--format', 'md'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('3 postmortems · as of 2026-06-30 · incidents from 2026-01-01 · incidents up to 2026-03-31 · 2 postmortems outside that window left out')
  })

  it.each([
    [['--now', '2026-13-01'], /--now expects a date written YYYY-MM-DD, got `2026-13-01`/],
    [['--since', '2026-05-01', '--until', '2026-04-01'], /--since `2026-05-01` is after --until `2026-04-01`/],
    [['--format', 'pdf'], /unknown format `pdf`, expected `html`, `md`/],
    [['--title', ' '], /--title expects some text/],
    [['--out', 'fixtures/report/2026-03-05-search-mapping.md'], /--out `fixtures\/report\/2026-03-05-search-mapping.md` is one of the postmortems read/]
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const run = await runInProcess(['report', folder, ...argv])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })

  it('writes nothing when no postmortem was read, and reports a file it cannot write', async () => {
    const out = path.join(work, 'nothing.html')
    const none = await runInProcess(['report', 'fixtures/nothing-here/*.md', '--out', out])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/No files match `fixtures\/nothing-here\/\*\.md`\nNot writing a report: no postmortem was read\n/)
    expect(existsSync(out)).toBe(false)
    const blocked = path.join(work, 'a-file')
    writeFileSync(blocked, '')
    const cannot = await runInProcess(['report', folder, '--out', path.join(blocked, 'report.html')])
    expect(cannot.code).toBe(2)
    expect(cannot.stderr).toMatch(/^Cannot write `.+report\.html`: /)
  })

  it('loads the charting code only when it draws a report', () => {
    // Installed with the package, since the CLI needs them at run time.
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['@observablehq/plot', 'linkedom']))
    // The CLI loads each command's chunk when the command runs; neither those chunks nor what
    // they import up front hold Plot or linkedom: the report loads them when it draws.
    const dist = path.join(root, 'dist')
    const read = (file: string): string => readFileSync(file, 'utf8')
    const statics = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen
      seen.add(file)
      for (const match of read(file).matchAll(/^import\s[^;]*?from\s*["'](\.[^"']+)["']/gm)) statics(path.resolve(path.dirname(file), match[1]!), seen)
      return seen
    }
    const dynamics = (file: string): string[] => [...read(file).matchAll(/import\(["'](\.[^"']+)["']\)/g)].map((match) => path.resolve(path.dirname(file), match[1]!))
    const bin = path.join(dist, 'cli/bin.js')
    const commands = [...statics(bin)].flatMap(dynamics)
    expect(commands.length).toBeGreaterThanOrEqual(10)
    const eager = new Set([...statics(bin), ...commands.flatMap((file) => [...statics(file)])])
    for (const file of eager) expect(read(file)).not.toMatch(/from\s*["'](?:@observablehq\/plot|linkedom)["']/)
    const drawing = [...eager].flatMap(dynamics).filter((file) => !commands.includes(file))
    expect(drawing.filter((file) => /from\s*["']@observablehq\/plot["']/.test(read(file)))).toHaveLength(1)
  })

  it('--help, and the main help lists it', async () => {
    const run = await runInProcess(['report', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: postmortem report \[paths…\]/)
    expect((await runInProcess(['--help'])).stdout).toMatch(/\n {2}report +write one self-contained HTML page/)
  })
})
