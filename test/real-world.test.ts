import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint, parse, parseDocument, stringify} from '../src/index.js'
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
  for (const {name, file, text} of markdownFiles('real-world')) {
    describe(name, () => {
      const facts = JSON.parse(readFileSync(file.replace(/\.md$/, '.facts.json'), 'utf8')) as Facts
      const document = parseDocument(text)
      const draft = document.draft
      const actions = [...draft.actionItems.preventRecurrence, ...draft.actionItems.improveDetection, ...draft.actionItems.improveResponse]

      it('recovers the fields a reader finds in it', () => {
        expect({
          hotfixId: draft.hotfixId,
          date: draft.date,
          severity: draft.severity,
          durationMinutes: draft.durationMinutes,
          author: draft.author,
          timelineRows: draft.timeline.length,
          firstTimelineTime: draft.timeline[0]?.time ?? null,
          timelineTimeZone: draft.timelineTimeZone,
          actionItems: actions.length,
          wentWell: draft.wentWell.length,
          wentPoorly: draft.wentPoorly.length,
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
        const findings = lint(text, {now}).map(({ruleId, severity, line, column, path}) => ({ruleId, severity, line, column, path}))
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
    const rotate = draft.actionItems.preventRecurrence.find((item) => item.action?.startsWith('Rotate'))
    expect(rotate).toMatchObject({owner: '@dana', dueDate: expect.stringMatching(/^2026-/), status: 'Done', priority: null})
  })
})
