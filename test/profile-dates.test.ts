/**
 * A template that writes its dates `DD-MM-YYYY`: the built-in spec with the header's Date and the
 * action items' Due Date in that notation (the meeting date stays ISO), and the first example
 * with its dates rewritten. Every stage reads each date in its own notation and compares, stores
 * and reports ISO dates.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {computeStats} from '../src/cli/commands/stats.js'
import {actionItemsOf, builtinSpec, compileProfile, isOverdue, lint, parse, parseDocument, reportData, validate, validateDocument, type Profile, type ProfileSpec} from '../src/index.js'
import type {Block, SectionSpec} from '../src/profile/spec.js'
import {fixtures} from './helpers.js'

const format = 'DD-MM-YYYY'

function withDates(spec: ProfileSpec): ProfileSpec {
  const block = (section: SectionSpec, from: Block): Block => {
    if (from.type === 'fieldLines' && section.kind === 'title') return {...from, fields: from.fields.map((field) => (field.role === 'incidentDate' ? {...field, format} : field))}
    if (from.type === 'table') return {...from, columns: from.columns.map((column) => (column.role === 'actionItems.due' ? {...column, format} : column))}
    return from
  }
  return {...spec, name: 'dd-mm-yyyy', sections: spec.sections.map((section) => ({...section, blocks: section.blocks.map((from) => block(section, from))}))}
}

const profile: Profile = compileProfile(withDates(builtinSpec))
const iso = readFileSync(path.join(fixtures, 'examples/01-checkout-db-pool.md'), 'utf8')
/** The example as the team writes it: the header's Date and every Due Date `DD-MM-YYYY`. */
const text = iso
  .replace('**Date:** 2026-03-14', '**Date:** 14-03-2026')
  .replace(/(\| [^|\n]+ \| )(\d{4})-(\d{2})-(\d{2})( \|)/g, (_, before: string, year: string, month: string, day: string, after: string) => `${before}${day}-${month}-${year}${after}`)

const byRule = (findings: readonly {ruleId: string}[], rule: string): unknown[] => findings.filter((finding) => finding.ruleId === rule)

describe('a profile whose dates are written DD-MM-YYYY', () => {
  it('rewrites the example as the team writes it', () => {
    expect(text).toContain('**Date:** 14-03-2026')
    expect(text).toContain('| @marcus | 10-04-2026 | Medium | Done |')
    expect(text).toContain('**Meeting held:** 2026-03-17')
    expect(text).not.toMatch(/\| \d{4}-\d{2}-\d{2} \|/)
  })

  it('lints the document as the built-in template lints the ISO one', () => {
    for (const now of ['2026-11-26', '2027-02-01']) {
      const strip = (findings: readonly {message: string}[]): string[] => findings.map((finding) => finding.message)
      expect(strip(lint(text, {profile, now})), now).toEqual(strip(lint(iso, {now})).map((message) => message.replace('`2027-01-29`', '`29-01-2027`').replace('`2027-02-01`', '`01-02-2027`')))
    }
    expect(lint(text, {profile, now: '2026-11-26'})).toEqual([])
  })

  it('reports a date not written in its notation, naming the notation', () => {
    const findings = lint(text.replace('**Date:** 14-03-2026', '**Date:** 2026-03-14'), {profile, now: '2026-11-26'})
    expect(byRule(findings, 'date-format')).toEqual([
      expect.objectContaining({
        path: 'date',
        messageId: 'dateFormat',
        data: {field: 'date', value: '2026-03-14', format},
        message: 'Unexpected `2026-03-14` for `**Date:**`, expected a date written `DD-MM-YYYY`'
      })
    ])
    const cell = lint(text.replace('| @marcus | 10-04-2026 |', '| @marcus | 2026-04-10 |'), {profile, now: '2026-11-26'})
    expect(byRule(cell, 'date-format')).toEqual([
      expect.objectContaining({path: 'actionItems.preventRecurrence[1].dueDate', message: 'Unexpected `2026-04-10` for Due Date of action item 2 in `### Prevent Recurrence`, expected a date written `DD-MM-YYYY`'})
    ])
  })

  it('reports a day the calendar has not as no such day', () => {
    const findings = lint(text.replace('**Date:** 14-03-2026', '**Date:** 31-04-2026'), {profile, now: '2026-11-26'})
    expect(byRule(findings, 'date-format')).toEqual([expect.objectContaining({path: 'date', message: 'Unexpected `31-04-2026` for `**Date:**`, expected a real calendar date (there is no such day)'})])
  })

  it('checks the meeting date, written ISO, against the incident date written DD-MM-YYYY', () => {
    expect(byRule(lint(text, {profile, now: '2026-11-26'}), 'meeting-date')).toEqual([])
    const before = lint(text.replace('**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-10'), {profile, now: '2026-11-26'})
    expect(byRule(before, 'meeting-date')).toEqual([expect.objectContaining({message: 'Unexpected `2026-03-10` for `**Meeting held:**`, expected a date on or after the incident date `14-03-2026`'})])
    // The meeting's own notation is ISO: a DD-MM-YYYY meeting date is not one.
    const written = lint(text.replace('**Meeting held:** 2026-03-17', '**Meeting held:** 17-03-2026'), {profile, now: '2026-11-26'})
    expect(byRule(written, 'date-format')).toEqual([expect.objectContaining({path: 'meeting.heldOn', message: 'Unexpected `17-03-2026` for `**Meeting held:**`, expected a date written `YYYY-MM-DD`'})])
  })

  it('compares due dates with the incident date as dates, not as text', () => {
    // `20-02-2026` sorts after `14-03-2026` as text but is a month before the incident.
    const early = lint(text.replace('| @ana.souza | 27-03-2026 |', '| @ana.souza | 20-02-2026 |'), {profile, now: '2026-11-26'})
    expect(byRule(early, 'due-date')).toEqual([
      expect.objectContaining({
        path: 'actionItems.improveDetection[0].dueDate',
        message: 'Unexpected `20-02-2026` for Due Date of action item 1 in `### Improve Detection`, expected a date on or after the incident date `14-03-2026`'
      })
    ])
    // `01-04-2026` sorts before it as text but is after the incident.
    expect(byRule(lint(text.replace('| @ana.souza | 27-03-2026 |', '| @ana.souza | 01-04-2026 |'), {profile, now: '2026-11-26'}), 'due-date')).toEqual([])
    expect(byRule(lint(text.replace('| @ana.souza | 27-03-2026 |', '| @ana.souza | 14-03-2026 |'), {profile, now: '2026-11-26'}), 'due-date')).toEqual([])
  })

  it('finds overdue items by date, and says today in the due date’s notation', () => {
    // Open and due 30-09-2026: overdue on 2026-11-26 (as text, `30-…` sorts after `2026-…`).
    const passed = lint(text.replace('| Jonas Weber | 26-02-2027 |', '| Jonas Weber | 30-09-2026 |'), {profile, now: '2026-11-26'})
    expect(byRule(passed, 'overdue-action')).toEqual([
      expect.objectContaining({
        path: 'actionItems.improveDetection[1].dueDate',
        message: "Unexpected status `Not Started` for action item 2 in `### Improve Detection` due `30-09-2026`, expected `Done` or `Won't Do` by now (`26-11-2026`), or a later Due Date"
      })
    ])
    // Open and due 01-12-2026: not yet overdue (as text, `01-…` sorts before `2026-…`).
    expect(byRule(lint(text.replace('| Jonas Weber | 26-02-2027 |', '| Jonas Weber | 01-12-2026 |'), {profile, now: '2026-11-26'}), 'overdue-action')).toEqual([])
  })

  it('says today in the incident date’s notation for a date in the future', () => {
    const findings = lint(text.replace('**Date:** 14-03-2026', '**Date:** 14-03-2062'), {profile, now: '2026-11-26'})
    expect(byRule(findings, 'future-date')).toEqual([expect.objectContaining({message: 'Unexpected `14-03-2062` for `**Date:**`, expected a date on or before today (`26-11-2026`)'})])
  })

  it('reads overdue action items by their column’s notation', () => {
    const items = actionItemsOf(parse(text, {profile}), profile)
    expect(new Set(items.map((item) => item.dueFormat))).toEqual(new Set([format]))
    const overdue = items.filter(({item, closed, dueFormat}) => isOverdue(item, '2027-02-01', closed, dueFormat)).map(({item}) => item.dueDate)
    expect(overdue).toEqual(['29-01-2027'])
    // Read as ISO, no DD-MM-YYYY date is a date.
    expect(items.filter(({item, closed}) => isOverdue(item, '2027-02-01', closed))).toEqual([])
  })

  it('validates to a complete postmortem with ISO dates', () => {
    const result = validate(parse(text, {profile}), {profile})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const postmortem = result.postmortem as {date: string; meeting: {heldOn: string}; actionItems: Record<string, {dueDate: string}[]>}
    const complete = validate(parse(iso))
    expect(complete.ok).toBe(true)
    if (!complete.ok) return
    // The same complete postmortem as the ISO example's.
    expect(postmortem).toEqual(complete.postmortem)
    expect(postmortem.date).toBe('2026-03-14')
    expect(postmortem.meeting.heldOn).toBe('2026-03-17')
    expect(Object.values(postmortem.actionItems).flatMap((rows) => rows.map((row) => row.dueDate))).toEqual(['2027-01-29', '2026-04-10', '2026-03-27', '2027-02-26', '2026-03-31'])
  })

  it('words each date defect as lint does', () => {
    for (const broken of [
      text.replace('**Date:** 14-03-2026', '**Date:** 2026-03-14'),
      text.replace('**Date:** 14-03-2026', '**Date:** 30-02-2026'),
      text.replace('**Date:** 14-03-2026', '**Date:** March 14, 2026'),
      text.replace('| @marcus | 10-04-2026 |', '| @marcus | 2026-04-10 |'),
      text.replace('| @marcus | 10-04-2026 |', '| @marcus | 31-04-2026 |')
    ]) {
      const document = parseDocument(broken, {profile})
      const result = validateDocument(document)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      const findings = lint(broken, {profile, now: '2026-11-26'}).map(({severity: _, ...rest}) => rest)
      expect(result.issues.map((issue) => issue.ruleId)).toEqual(['date-format'])
      for (const {severity: _, ...issue} of result.issues) expect(findings).toContainEqual(issue)
      // Without positions, the same message.
      const fromDraft = validate(document.draft, {profile})
      expect(fromDraft.ok ? [] : fromDraft.issues.map((issue) => issue.message)).toEqual(result.issues.map((issue) => issue.message))
    }
  })

  it('reports ISO dates and months, ages and days overdue as for the ISO example', () => {
    const now = '2027-02-01'
    const ours = reportData([{file: 'a.md', document: parseDocument(text, {profile})}], {now})
    const theirs = reportData([{file: 'a.md', document: parseDocument(iso)}], {now})
    expect(ours).toEqual(theirs)
    expect(ours.postmortems[0]).toMatchObject({date: '2026-03-14', month: '2026-03', overdueActionItems: 1})
    expect(ours.months.map((month) => month.month)).toEqual(['2026-03'])
    expect(ours.actionItems.items.map((item) => item.dueDate)).toEqual(['2027-01-29', '2026-04-10', '2026-03-27', '2027-02-26', '2026-03-31'])
    expect(ours.actionItems.items[0]).toMatchObject({incidentDate: '2026-03-14', ageDays: 324, overdue: true, daysOverdue: 3})
    const filtered = reportData([{file: 'a.md', document: parseDocument(text, {profile})}], {now, since: '2026-03-14', until: '2026-03-14'})
    expect(filtered.postmortems).toHaveLength(1)
    expect(reportData([{file: 'a.md', document: parseDocument(text, {profile})}], {now, since: '2026-03-15'}).excluded).toBe(1)
  })

  it('counts stats as for the ISO example', () => {
    const now = '2027-02-01'
    expect(computeStats([{file: 'a.md', document: parseDocument(text, {profile})}], {now})).toEqual(computeStats([{file: 'a.md', document: parseDocument(iso)}], {now}))
  })
})
