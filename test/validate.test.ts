import {describe, expect, it} from 'vitest'
import {blankDraft, lint, parse, parseDocument, validate, validateDocument} from '../src/index.js'
import {allMarkdownFiles, markdownFiles, template} from './helpers.js'

describe('validate', () => {
  it('reports every unfilled field of the blank template, each at its placeholder', () => {
    const result = validateDocument(parseDocument(template))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = Object.fromEntries(result.issues.map((issue) => [issue.path, `${issue.ruleId}@${issue.line}:${issue.column}`]))
    expect(byPath).toMatchObject({
      hotfixId: 'no-placeholder@1:22',
      date: 'no-placeholder@3:11',
      severity: 'no-placeholder@6:15',
      executiveSummary: 'no-placeholder@11:1',
      'impact.usersAffected': 'no-placeholder@15:23',
      'timeline[0].time': 'no-placeholder@25:3',
      'timeline[2].event': 'no-placeholder@27:12',
      'rootCause.contributingFactors[0]': 'no-placeholder@40:4',
      'actionItems.improveDetection[1].dueDate': 'no-placeholder@82:26',
      'properFix.hotfixWas': 'hotfix-choice@93:17',
      'lessonsLearned.team[1]': 'no-placeholder@123:4',
      'meeting.attendees': 'no-placeholder@132:16'
    })
    // The unfilled rows' Who cells may stay unfilled; their Priority and Status are written.
    expect(byPath['timeline[0].who']).toBeUndefined()
    expect(byPath['actionItems.preventRecurrence[0].priority']).toBeUndefined()
    expect(result.issues).toHaveLength(65)
  })

  it('words each defect as lint does: the same finding, at the same place', () => {
    for (const {name, text} of allMarkdownFiles()) {
      const document = parseDocument(text)
      const result = validateDocument(document)
      if (result.ok) continue
      // The same defect, worded and placed the same; only the level may differ (every issue
      // blocks a complete postmortem, while lint reports some as warnings). One exception: a
      // complete postmortem needs every action item's Status, while lint takes an unchecked task
      // (`- [ ] …`) as open and asks for none.
      const openTask = (path: string): boolean => path.endsWith('.status') && !document.fields.has(path) && document.fields.has(path.slice(0, -'.status'.length))
      const findings = lint(text, {now: '2026-11-26'}).map(({severity: _, ...rest}) => rest)
      for (const {severity: _, ...issue} of result.issues.filter((candidate) => !openTask(candidate.path))) {
        expect(issue.ruleId, `${name}: ${issue.message}`).not.toBe('schema')
        expect(findings, `${name}: ${issue.ruleId} ${issue.path}`).toContainEqual(issue)
      }
    }
  })

  it('words a draft built in code the same way, without positions', () => {
    const result = validate({...blankDraft(), severity: 'High', date: '2026-02-30'})
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = new Map(result.issues.map((issue) => [issue.path, issue]))
    expect(byPath.get('severity')).toEqual({
      ruleId: 'severity',
      severity: 'error',
      message: 'Unexpected `High` for `**Severity:**`, expected `P0`, `P1` or `P2`',
      messageId: 'unexpectedValue',
      data: {field: 'severity', value: 'High', expected: ['P0', 'P1', 'P2']},
      path: 'severity'
    })
    expect(byPath.get('date')?.message).toBe('Unexpected `2026-02-30` for `**Date:**`, expected a real calendar date (there is no such day)')
    expect(byPath.get('hotfixId')?.message).toBe('Unexpected placeholder `{ID}`, expected it filled in')
    expect(byPath.get('actionItems.preventRecurrence[0].action')?.message).toBe('Unexpected placeholder `{action_1}`, expected it filled in')
  })

  it('reports what a draft lacks as the sections and fields it misses', () => {
    const result = validate({executiveSummary: 'Short.'})
    expect(result.ok).toBe(false)
    if (result.ok) return
    const rules = new Set(result.issues.map((issue) => `${issue.ruleId} ${issue.path}`))
    expect(rules).toContain('missing-section hotfixId')
    expect(rules).toContain('missing-section impact')
    expect(rules).toContain('missing-section meeting')
    expect(rules).not.toContain('missing-section executiveSummary')
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
    const result = validate(blankDraft())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.every((issue) => issue.line === undefined)).toBe(true)
  })

  it('parseDocument gives every field a position', () => {
    const document = parseDocument(markdownFiles('examples')[0]!.text)
    expect(document.fields.get('actionItems.improveDetection[1].owner')?.span.start).toMatchObject({line: 107, column: 94})
    expect(document.fields.get('timeline[3].event')?.state).toBe('filled')
  })
})
