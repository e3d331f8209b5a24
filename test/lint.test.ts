import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint/index.js'
import {ruleList} from '../src/lint/rules/index.js'
import {expectedJson, fixtures, markdownFiles, template} from './helpers.js'

const now = '2026-11-26'

/** `ruleId@line:column` of each finding, in the order lint gives them. */
function places(markdown: string, options: Parameters<typeof lint>[1] = {now}): string[] {
  return lint(markdown, options).map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)
}

const example = readFileSync(path.join(fixtures, 'examples', '01-checkout-db-pool.md'), 'utf8')

describe('lint: the blank template', () => {
  // Every `{…}` of the template, at its line:column.
  const placeholders = [
    '1:22', '3:11', '4:15', '5:15', '6:15', '7:13', '11:1', '15:23', '16:17', '17:23', '18:20', '19:26',
    '25:3', '25:12', '25:34', '26:3', '26:12', '26:34', '27:3', '27:12', '27:34',
    '33:1', '37:22', '40:4', '41:4', '42:4', '46:18', '48:21', '50:18',
    '54:4', '55:4', '56:4', '60:4', '61:4', '62:4', '66:1',
    '74:3', '74:16', '74:26', '75:3', '75:16', '75:26',
    '81:3', '81:16', '81:26', '82:3', '82:16', '82:26',
    '88:3', '88:16', '88:26', '89:3', '89:16', '89:26',
    '96:22', '97:22', '98:20', '102:28', '104:28', '106:24',
    '112:4', '113:4', '117:4', '118:4', '122:4', '123:4', '127:1', '131:19', '132:16', '133:20'
  ]

  it('reports each of the 70 placeholders once, at its place', () => {
    expect(placeholders).toHaveLength(70)
    const found = lint(template, {now}).filter((finding) => finding.ruleId === 'no-placeholder')
    expect(found.map((finding) => `${finding.line}:${finding.column}`)).toEqual(placeholders)
    for (const finding of found) expect(finding.severity).toBe('error')
  })

  it('reports the unresolved hotfix choice, and nothing else', () => {
    const findings = lint(template, {now})
    expect(findings.filter((finding) => finding.ruleId === 'hotfix-choice').map((finding) => `${finding.line}:${finding.column}`)).toEqual(['93:17'])
    expect([...new Set(findings.map((finding) => finding.ruleId))].sort()).toEqual(['hotfix-choice', 'no-placeholder'])
    expect(findings).toHaveLength(71)
  })
})

describe('lint: complete examples', () => {
  for (const {name, text} of markdownFiles('examples')) {
    it(`${name} has no finding`, () => {
      expect(lint(text, {now})).toEqual([])
    })
  }
})

describe('lint: defect documents', () => {
  const defects = markdownFiles('defects')

  it('has a defect document for every rule', () => {
    expect(defects.length).toBeGreaterThanOrEqual(15)
    const ruleIdsFound = new Set<string>()
    for (const {file} of defects) {
      const expected = JSON.parse(readFileSync(file.replace(/\.md$/, '.expected.json'), 'utf8')) as {ruleId: string}[]
      for (const item of expected) ruleIdsFound.add(item.ruleId)
    }
    // Rules that only a team's template gives a reason to fire are shown on its documents (rules.test.ts).
    const builtinRules = ruleList.filter((rule) => !rule.examples.some((example) => typeof example.base === 'object'))
    for (const {id} of builtinRules) expect(ruleIdsFound.has(id), id).toBe(true)
  })

  for (const {name, file, text} of defects) {
    it(name, () => {
      const expectedFile = file.replace(/\.md$/, '.expected.json')
      if (!process.env.UPDATE_FIXTURES) expect(existsSync(expectedFile), `${expectedFile} should exist`).toBe(true)
      const actual = lint(text, {now}).map(({ruleId, severity, line, column, path, message}) => ({ruleId, severity, line, column, path, message}))
      expect(actual.length).toBeGreaterThan(0)
      expect(actual).toEqual(expectedJson(expectedFile, actual))
    })
  }
})

describe('lint: levels', () => {
  const text = example.replace('**Severity:** P1', '**Severity:** High').replace('| 14:13 |', '| 14:03 |')

  it('uses each rule’s default severity', () => {
    const findings = lint(text, {now})
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['severity', 'error'],
      ['timeline-order', 'warning']
    ])
  })

  it('turns a rule off', () => {
    expect(places(text, {now, rules: {severity: 'off'}})).toEqual(['timeline-order@30:1'])
  })

  it('changes a rule’s severity', () => {
    const findings = lint(text, {now, rules: {'timeline-order': 'error', severity: 'info'}})
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['severity', 'info'],
      ['timeline-order', 'error']
    ])
  })

  it('turns off a structural rule', () => {
    const missing = example.replace('**Author:** Priya Raman\n', '')
    expect(places(missing)).toEqual(['missing-field@1:1'])
    expect(places(missing, {now, rules: {'missing-field': 'off'}})).toEqual([])
  })

  it('checks overdue action items against `now`', () => {
    expect(places(example, {now: '2027-02-01'})).toEqual(['overdue-action@99:130'])
    expect(places(example, {now: '2027-03-01'})).toEqual(['overdue-action@99:130', 'overdue-action@107:108'])
  })
})

describe('lint: inline control', () => {
  const text = example
    .replace('**Severity:** P1', '**Severity:** High')
    .replace('**Author:** Priya Raman', '**Author:** {PM_NAME}')
    .replace('**Internal notification:** #inc-2291 opened at 14:08', '**Internal notification:** #inc-2291 opened at {TIME}')

  it('reports every finding without comments', () => {
    expect(places(text)).toEqual(['severity@6:15', 'no-placeholder@7:13', 'no-placeholder@126:48'])
  })

  it('disables and enables a rule between comments', () => {
    const controlled = text.replace('**Date:** 2026-03-14', '<!-- postmortem disable severity -->\n\n**Date:** 2026-03-14').replace(
      '## Executive Summary',
      '<!-- postmortem enable severity -->\n\n## Executive Summary'
    )
    // Two lines were added above the header, two more above the summary.
    expect(places(controlled)).toEqual(['no-placeholder@9:13', 'no-placeholder@130:48'])
    const reEnabled = controlled.replace('## Root Cause Analysis', '## Root Cause Analysis\n\n<!-- postmortem disable no-placeholder -->')
    expect(places(reEnabled)).toEqual(['no-placeholder@9:13'])
  })

  it('ignores a rule for the next node only', () => {
    const ignored = text.replace('**Internal notification:**', '<!-- postmortem ignore no-placeholder -->\n\n**Internal notification:**')
    expect(places(ignored)).toEqual(['severity@6:15', 'no-placeholder@7:13'])
  })

  it('can be switched off', () => {
    const ignored = text.replace('**Internal notification:**', '<!-- postmortem ignore no-placeholder -->\n\n**Internal notification:**')
    expect(places(ignored, {now, inlineControl: false})).toEqual(['severity@6:15', 'no-placeholder@7:13', 'no-placeholder@128:48'])
  })

  it('warns about an unknown rule id in a comment', () => {
    const unknown = text.replace('## Impact', '<!-- postmortem disable no-such-rule -->\n\n## Impact')
    expect(lint(unknown, {now}).map((finding) => finding.ruleId)).toContain('unknown-rule')
  })
})

describe('lint: never throws', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
  }

  it('on an empty string', () => {
    const findings = lint('', {now})
    expect(findings.some((finding) => finding.ruleId === 'missing-section')).toBe(true)
    expect(findings.some((finding) => finding.ruleId === 'internal-error')).toBe(false)
  })

  it('on random binary data', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed)
      let text = ''
      for (let index = 0; index < 2000; index++) text += String.fromCharCode(Math.floor(next() * 65536))
      const findings = lint(text, {now})
      expect(Array.isArray(findings)).toBe(true)
      expect(findings.some((finding) => finding.ruleId === 'internal-error')).toBe(false)
    }
  })

  it('on the template and an example with their lines shuffled', () => {
    for (const base of [template, example]) {
      for (let seed = 1; seed <= 20; seed++) {
        const next = random(seed)
        const lines = base.split('\n')
        for (let index = lines.length - 1; index > 0; index--) {
          const other = Math.floor(next() * (index + 1))
          ;[lines[index], lines[other]] = [lines[other]!, lines[index]!]
        }
        const findings = lint(lines.join('\n'), {now})
        expect(Array.isArray(findings)).toBe(true)
        expect(findings.some((finding) => finding.ruleId === 'internal-error')).toBe(false)
      }
    }
  })
})
