import {describe, expect, it} from 'vitest'
import {parse, parseDocument, validate, validateDocument, emptyDraft} from '../src/index.js'
import {markdownFiles, template} from './helpers.js'

describe('validate', () => {
  it('reports every required field of the blank template with its path and line', () => {
    const result = validateDocument(parseDocument(template))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = Object.fromEntries(result.issues.map((issue) => [issue.path, `${issue.ruleId}@${issue.line}:${issue.column}`]))
    expect(byPath).toEqual({
      hotfixId: 'no-placeholder@1:22',
      date: 'no-placeholder@3:11',
      incident: 'no-placeholder@4:15',
      durationMinutes: 'no-placeholder@5:15',
      severity: 'no-placeholder@6:15',
      author: 'no-placeholder@7:13',
      executiveSummary: 'no-placeholder@11:1',
      'impact.usersAffected': 'no-placeholder@15:23',
      'impact.duration': 'no-placeholder@16:17',
      'impact.revenueImpact': 'no-placeholder@17:23',
      'impact.dataImpact': 'no-placeholder@18:20',
      'impact.reputationImpact': 'no-placeholder@19:26',
      timeline: 'empty-field@23:1',
      'rootCause.whatHappened': 'no-placeholder@33:1',
      'rootCause.immediateCause': 'no-placeholder@37:22',
      'rootCause.contributingFactors': 'empty-field@40:1',
      'rootCause.testingGap': 'no-placeholder@46:18',
      'rootCause.monitoringGap': 'no-placeholder@48:21',
      'rootCause.processGap': 'no-placeholder@50:18',
      wentWell: 'empty-field@54:1',
      wentPoorly: 'empty-field@60:1',
      gotLucky: 'no-placeholder@66:1',
      actionItems: 'no-action-items@68:1',
      'properFix.hotfixWas': 'hotfix-choice@93:17',
      'communication.internalNotification': 'no-placeholder@102:28',
      'communication.customerNotification': 'no-placeholder@104:28',
      'communication.publicPostmortem': 'no-placeholder@106:24',
      'lessonsLearned.technical': 'empty-field@112:1',
      'lessonsLearned.process': 'empty-field@117:1',
      'lessonsLearned.team': 'empty-field@122:1',
      blamelessNote: 'no-placeholder@127:1',
      'meeting.heldOn': 'no-placeholder@131:19',
      'meeting.attendees': 'no-placeholder@132:16',
      'meeting.documentedBy': 'no-placeholder@133:20'
    })
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(10)
  })

  it('gives typed values for every example', () => {
    for (const {text} of markdownFiles('examples')) {
      const result = validate(parse(text))
      expect(result.ok).toBe(true)
      if (!result.ok) continue
      expect(Number.isInteger(result.postmortem.durationMinutes)).toBe(true)
      expect(['P0', 'P1', 'P2']).toContain(result.postmortem.severity)
      expect(result.postmortem.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('keeps what a user wrote even when invalid, and says what was expected', () => {
    const text = markdownFiles('examples')[0]!.text.replace('**Severity:** P1', '**Severity:** High').replace('**Date:** 2026-03-14', '**Date:** 2026-02-30')
    const document = parseDocument(text)
    expect(document.draft.severity).toBe('High')
    const result = validateDocument(document)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((issue) => [issue.ruleId, issue.path, issue.line])).toEqual([
      ['date-format', 'date', 3],
      ['severity', 'severity', 6]
    ])
    expect(result.issues[1]!.message).toBe('Unexpected `High` for `**Severity:**`, expected `P0`, `P1` or `P2`')
  })

  it('needs the proper-fix checklist done for a temporary workaround, not for a full fix', () => {
    const example = markdownFiles('examples').find(({name}) => name.startsWith('01'))!.text
    const unchecked = example.replace('- [x] Scheduled for:', '- [ ] Scheduled for:')
    const result = validate(parse(unchecked))
    expect(result.ok ? [] : result.issues.map((issue) => [issue.ruleId, issue.path])).toEqual([['proper-fix', 'properFix.scheduledFor']])
    const fullFix = unchecked.replace('**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix')
    expect(validate(parse(fullFix)).ok).toBe(true)
  })

  it('works on drafts built in code (no positions)', () => {
    const result = validate(emptyDraft())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.every((issue) => issue.line === undefined)).toBe(true)
  })

  it('parseDocument gives every field a position', () => {
    const document = parseDocument(markdownFiles('examples')[0]!.text)
    expect(document.fields.get('actionItems.improveDetection[1].owner')?.span.start).toMatchObject({line: 107, column: 94})
    expect(document.fields.get('timeline[3].event')?.state).toBe('filled')
  })
})
