/**
 * How the report names postmortems where room is short: chart labels that never read the same
 * for two files, and a Postmortem column of the open action items filled on every row.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {parseDocument, reportData} from '../src/index.js'
import {distinctLabels} from '../src/report/short-labels.js'
import {postmortemNamer} from '../src/report/summaries.js'
import {runInProcess} from './cli-harness.js'
import {root} from './helpers.js'
import {reportNow} from './report-helpers.js'

const work = mkdtempSync(path.join(tmpdir(), 'postmortem-labels-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

// Files of one project, as a folder of another team's postmortems names them.
const kubernetes = [
  'kubernetes__test-infra__2019-06-12-prow-outage.md',
  'kubernetes__test-infra__2019-06-20-gcs-bucket-deleted.md',
  'kubernetes__test-infra__2019-07-01-tide-stuck-merging.md',
  'kubernetes__test-infra__2019-08-15-boskos-leak.md',
  'kubernetes__test-infra__2019-08-15-boskos-leak-followup.md'
]

describe('distinctLabels', () => {
  it('cuts files of one project to what tells them apart, from the start of a word', () => {
    expect(distinctLabels(kubernetes)).toEqual([
      '…2019-06-12-prow-outage.md',
      '…2019-06-20-gcs-bucket-dele…',
      '…2019-07-01-tide-stuck-merg…',
      '…2019-08-15-boskos-leak.md',
      '…2019-08-15-boskos-leak-fol…'
    ])
    // The same names in a folder: the folder goes too.
    expect(distinctLabels(kubernetes.map((name) => `docs/postmortems/imported/${name}`))).toEqual(distinctLabels(kubernetes))
  })

  it('keeps names that fit, and cuts a lone long name at its end', () => {
    expect(distinctLabels(['HOTFIX-101', 'HOTFIX-102', 'dana'])).toEqual(['HOTFIX-101', 'HOTFIX-102', 'dana'])
    expect(distinctLabels(['a-very-long-name-of-a-postmortem-file.md'])).toEqual(['a-very-long-name-of-a-postm…'])
    expect(distinctLabels([])).toEqual([])
  })

  it('keeps apart names that share more than the others do', () => {
    const names = ['team/2024-01-01-database-failover-during-maintenance-a.md', 'team/2024-01-01-database-failover-during-maintenance-b.md', 'team/2024-03-09-cdn.md']
    const labels = distinctLabels(names)
    expect(labels[2]).toBe('team/2024-03-09-cdn.md')
    expect(new Set(labels).size).toBe(3)
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(28)
  })

  it('gives different names different labels, none longer than asked (property)', () => {
    const piece = fc.constantFrom('kubernetes__', 'test-infra__', '2019-', '06-', '12', '-prow', '-outage', '.md', '/', 'a', 'b', '__', '😀')
    const name = fc.array(piece, {minLength: 1, maxLength: 14}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.uniqueArray(name, {minLength: 1, maxLength: 30}), fc.integer({min: 8, max: 40}), (names, max) => {
        const labels = distinctLabels(names, max)
        expect(labels).toHaveLength(names.length)
        expect(new Set(labels).size).toBe(names.length)
        for (const [index, label] of labels.entries()) {
          expect(label.length).toBeLessThanOrEqual(Math.max(max, 0))
          if (names[index]!.length <= max) expect(label).toBe(names[index])
          // No half of a surrogate pair.
          expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
        }
      }),
      {numRuns: 500}
    )
  })
})

describe('the report names each postmortem apart', () => {
  const base = readFileSync(path.join(root, 'fixtures/report/2026-03-18-dns-records.md'), 'utf8')
  // Postmortems without a hotfix id (other teams' documents), one without a title either, and
  // two that give the same hotfix id.
  const withoutId = base.replace('# Postmortem: HOTFIX-104', '# DNS records deleted by a Terraform apply')
  const folder = path.join(work, 'project')
  mkdirSync(path.join(folder, 'postmortems'), {recursive: true})
  for (const name of kubernetes) writeFileSync(path.join(folder, 'postmortems', name), withoutId)
  const untitled = withoutId.replace('# DNS records deleted by a Terraform apply\n', '').replace(/\*\*Incident:\*\*.*\n/, '')
  writeFileSync(path.join(folder, 'postmortems/untitled.md'), untitled)
  writeFileSync(path.join(folder, 'postmortems/a-104.md'), base)
  writeFileSync(path.join(folder, 'postmortems/b-104.md'), base)

  it('in the charts: no two bars of the lint-errors chart share a label', async () => {
    const run = await runInProcess(['report', 'postmortems', '--now', reportNow], {cwd: folder})
    expect(run.code).toBe(0)
    const chart = run.stdout.match(/<svg [^>]*id="chart-completeness"[\s\S]*?<\/svg>/)![0]
    const ticks = chart.match(/aria-label="y-axis tick label"[^>]*>([\s\S]*?)<\/g>/)![1]!
    const labels = [...ticks.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!)
    expect(labels).toHaveLength(8)
    expect(new Set(labels).size).toBe(8)
    expect(labels).toEqual(expect.arrayContaining(['…2019-06-12-prow-outage.md', '…2019-08-15-boskos-leak.md', 'postmortems/untitled.md']))
    // The two files that give HOTFIX-104 are named with their files.
    expect(labels).toEqual(expect.arrayContaining(['HOTFIX-104 (postmortems/a-1…', 'HOTFIX-104 (postmortems/b-1…']))
  })

  it('names postmortems that share a hotfix id with their files', () => {
    const data = reportData(
      [
        {file: 'a.md', document: parseDocument(base)},
        {file: 'b.md', document: parseDocument(base)},
        {file: 'c.md', document: parseDocument(base.replace('HOTFIX-104', 'HOTFIX-105'))},
        {file: 'd.md', document: parseDocument(withoutId)}
      ],
      {now: reportNow}
    )
    const name = postmortemNamer(data)
    expect(data.postmortems.map(name).sort()).toEqual(['HOTFIX-104 (a.md)', 'HOTFIX-104 (b.md)', 'HOTFIX-105', 'd.md'])
  })

  it('in the open action items: the Postmortem column on every row (id, else title, else file)', async () => {
    const html = await runInProcess(['report', 'postmortems', '--now', reportNow], {cwd: folder})
    const table = html.stdout.split('<h2 id="open-action-items">')[1]!
    const rows = [...table.matchAll(/<tr><td>[\s\S]*?<\/tr>/g)].map((match) => [...match[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!))
    expect(rows.length).toBe(16)
    const postmortems = rows.map((cells) => cells[4]!.replace(/<[^>]+>/g, ''))
    expect(postmortems.filter((cell) => cell.trim() === '')).toEqual([])
    expect(new Set(postmortems)).toEqual(new Set(['HOTFIX-104', 'A Terraform apply deleted public DNS records', 'postmortems/untitled.md']))
    const markdown = await runInProcess(['report', 'postmortems', '--now', reportNow, '--format', 'md'], {cwd: folder})
    const lines = markdown.stdout.split('\n## Open action items\n')[1]!.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Owner') && !line.startsWith('| ---'))
    expect(lines).toHaveLength(16)
    expect(new Set(lines.map((line) => line.split(' | ')[4]))).toEqual(new Set(['HOTFIX-104', 'A Terraform apply deleted public DNS records', 'postmortems/untitled.md']))
  })
})
