import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {actionItemsOf, lint, parse, parseDocument, stringify} from '../src/index.js'
import {lostWords} from '../src/lossless.js'
import {expectedJson, markdownFiles} from './helpers.js'

interface Facts {
  hotfixId: string | null
  date: string | null
  severity: string | null
  durationMinutes: string | null
  author: string | null
  summaryContains: string
  timelineRows: number
  firstTimelineTime: string | null
  timelineTimeZone: string
  actionItems: number
  firstActionContains: string
  wentWell: number
  wentPoorly: number
  unknownSections: string[]
}

const now = '2026-11-26'

describe('real-world postmortems', () => {
  for (const {name, file, text} of markdownFiles('real-world').filter(({file}) => existsSync(file.replace(/\.md$/, '.facts.json')))) {
    describe(name, () => {
      const facts = JSON.parse(readFileSync(file.replace(/\.md$/, '.facts.json'), 'utf8')) as Facts
      const document = parseDocument(text)
      const draft = document.draft
      const actions = actionItemsOf(draft).map(({item}) => item)

      it('recovers the fields a reader finds in it', () => {
        expect({
          hotfixId: draft.hotfixId ?? null,
          date: draft.date ?? null,
          severity: draft.severity ?? null,
          durationMinutes: draft.durationMinutes ?? null,
          author: draft.author ?? null,
          timelineRows: (draft.timeline ?? []).filter((row) => Object.values(row).some((cell) => cell !== null)).length,
          firstTimelineTime: draft.timeline?.[0]?.time ?? null,
          timelineTimeZone: draft.timelineTimeZone ?? null,
          actionItems: actions.length,
          wentWell: (draft.wentWell ?? []).filter((item) => item !== null).length,
          wentPoorly: (draft.wentPoorly ?? []).filter((item) => item !== null).length,
          unknownSections: document.unknownSections.map((section) => section.text)
        }).toEqual({
          hotfixId: facts.hotfixId,
          date: facts.date,
          severity: facts.severity,
          durationMinutes: facts.durationMinutes,
          author: facts.author,
          timelineRows: facts.timelineRows,
          firstTimelineTime: facts.firstTimelineTime,
          timelineTimeZone: facts.timelineTimeZone,
          actionItems: facts.actionItems,
          wentWell: facts.wentWell,
          wentPoorly: facts.wentPoorly,
          unknownSections: facts.unknownSections
        })
        expect(draft.executiveSummary ?? '').toContain(facts.summaryContains)
        if (facts.actionItems > 0) expect(actions[0]!.action ?? '').toContain(facts.firstActionContains)
      })

      it('matches its expected draft JSON and findings', () => {
        expect(draft).toEqual(expectedJson(file.replace(/\.md$/, '.draft.json'), draft))
        const findings = lint(text, {now}).map(({ruleId, severity, line, column, path, message}) => ({ruleId, severity, line, column, path, message}))
        expect(findings).toEqual(expectedJson(file.replace(/\.md$/, '.findings.json'), findings))
      })

      it('keeps every word through fmt, and fmt is a fixed point', () => {
        const once = stringify(draft)
        expect(lostWords(text, once)).toEqual([])
        expect(stringify(parse(once))).toBe(once)
      })

      it('after fmt, shows no heading-text or section-order finding', () => {
        const once = stringify(draft)
        const left = lint(once, {now}).filter((finding) => finding.ruleId === 'heading-text' || finding.ruleId === 'section-order')
        expect(left).toEqual([])
      })
    })
  }

  it('a timeline row written as a bullet keeps the bullet position', () => {
    const {text} = markdownFiles('real-world').find(({name}) => name === 'bullet-timeline-brackets.md')!
    const document = parseDocument(text)
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('- [13:55]')) + 1
    expect(document.fields.get('timeline[1]')?.span.start.line).toBe(line)
    expect(document.fields.get('timeline[1].time')?.span.start).toMatchObject({line, column: 4})
  })

  it('an action written as a task list line gives what the line says', () => {
    const {text} = markdownFiles('real-world').find(({name}) => name === 'pagerduty-style.md')!
    const draft = parse(text)
    const rotate = draft.actionItems?.preventRecurrence?.find((item) => item.action?.startsWith('Rotate'))
    expect(rotate).toMatchObject({owner: '@dana', dueDate: expect.stringMatching(/^2026-/), status: 'Done'})
    expect(rotate?.priority).toBeUndefined()
  })
})

/** What a careful reader finds in a postmortem written from another team's template. */
interface HumanReading {
  hotfixId: string | null
  date: string | null
  severity: string | null
  durationMinutes: string | null
  author: string | null
  summaryContains: string
  timelineZone: string | null
  timelineEntries: number
  timedTimelineEntries: number
  sections: string[]
  doneActions: string[]
  openActions: string[]
}

/**
 * Other teams' postmortems, read conservatively (SPEC §4): the draft may lack what a reader
 * finds, but never says something else. Each value it has is the one the reader finds.
 */
describe('other teams’ postmortems are never misread', () => {
  for (const {name, file, text} of markdownFiles('real-world').filter(({file}) => existsSync(file.replace(/\.md$/, '.human.json')))) {
    describe(name, () => {
      const human = JSON.parse(readFileSync(file.replace(/\.md$/, '.human.json'), 'utf8')) as HumanReading
      const document = parseDocument(text)
      const {draft} = document

      it('reads header values as written, or not at all', () => {
        for (const key of ['hotfixId', 'date', 'severity', 'durationMinutes', 'author'] as const) {
          const value = draft[key]
          if (value === undefined || value === null) continue
          expect(human[key], key).not.toBeNull()
          expect(value, key).toContain(human[key])
        }
      })

      it('reads a timeline only when every entry reads as a row, in the zone the document names', () => {
        const rows = (draft.timeline ?? []).filter((row) => Object.values(row).some((cell) => cell !== null))
        if (rows.length === 0) return
        const start = document.fields.get('timeline')?.span.start.offset
        const fromList = document.tree.children.some((node) => node.type === 'list' && node.position?.start.offset === start)
        // A table's rows are rows whatever their times; a list's items only when each has a time.
        if (fromList) expect(human.timedTimelineEntries).toBe(human.timelineEntries)
        expect(rows).toHaveLength(human.timelineEntries)
        expect(draft.timelineTimeZone).toBe(human.timelineZone ?? 'UTC')
      })

      it('marks done only the action items the document says are done', () => {
        for (const {item} of actionItemsOf(draft)) {
          const text = item.action ?? ''
          if (item.status === 'Done') expect(human.doneActions.some((phrase) => text.includes(phrase)), text).toBe(true)
          expect(item.status === 'Done' && human.openActions.some((phrase) => text.includes(phrase)), text).toBe(false)
        }
      })

      it('keeps every heading and the summary', () => {
        const headings = [...document.sections.map((occurrence) => occurrence.text), ...document.unknownSections.map((section) => section.text)]
        for (const heading of human.sections) expect(headings, heading).toContain(heading)
        const kept = [draft.executiveSummary ?? '', ...(draft.extra ?? []).map((extra) => extra.markdown)].join('\n')
        expect(kept).toContain(human.summaryContains)
      })

      it('matches its expected draft JSON and findings', () => {
        expect(draft).toEqual(expectedJson(file.replace(/\.md$/, '.draft.json'), draft))
        const findings = lint(text, {now}).map(({ruleId, severity, line, column, path, message}) => ({ruleId, severity, line, column, path, message}))
        expect(findings).toEqual(expectedJson(file.replace(/\.md$/, '.findings.json'), findings))
      })
    })
  }
})
