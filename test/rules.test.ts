import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint, ruleIds, rules} from '../src/lint/index.js'
import {ruleList} from '../src/lint/rules/index.js'
import type {RuleExample} from '../src/lint/types.js'
import {fixtures, template} from './helpers.js'
import {deriveProfile} from '../src/profile/derive/index.js'
import type {Profile} from '../src/profile/compile.js'

/** The base document of rule examples: a complete postmortem that lints clean. */
const example = readFileSync(path.join(fixtures, 'examples', '01-checkout-db-pool.md'), 'utf8')

/** Examples are checked against a fixed day, so `overdue-action` and `future-date` stay put. */
const now = '2026-11-26'

/** A team's template, derived once per team. */
const teams = new Map<string, Profile>()
function teamProfile(team: string): Profile {
  let profile = teams.get(team)
  if (!profile) {
    const derived = deriveProfile(readFileSync(path.join(fixtures, 'templates', team, 'template.md'), 'utf8'), {file: `${team}/template.md`})
    if (!derived.ok) throw new Error(`${team}: ${derived.errors.map((error) => error.message).join('; ')}`)
    profile = derived.profile
    teams.set(team, profile)
  }
  return profile
}

/** The options an example is linted with: a team's document is read by its template. */
function optionsOf(item: RuleExample): {now: string; profile?: Profile} {
  return typeof item.base === 'object' ? {now, profile: teamProfile(item.base.team)} : {now}
}

/** Apply an example's edits in order, each `find` replaced everywhere; every `find` must occur. */
function applyEdits(item: RuleExample): string {
  let text = typeof item.base === 'object' ? readFileSync(path.join(fixtures, 'templates', item.base.team, item.base.document), 'utf8') : item.base === 'template' ? template : example
  for (const [find, replace] of item.edits) {
    expect(find, `\`${find.slice(0, 60)}…\` should occur in the document`).not.toBe('')
    expect(text.includes(find), `\`${find.slice(0, 60)}…\` should occur in the document`).toBe(true)
    text = text.split(find).join(replace)
  }
  return text
}

describe('rule catalog', () => {
  it('has kebab-case, unique, documented rules', () => {
    const ids = ruleList.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of ruleList) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(['error', 'warning', 'info']).toContain(rule.severity)
      expect(rule.description.length, rule.id).toBeGreaterThan(10)
      expect(rule.rationale.length, rule.id).toBeGreaterThan(10)
      expect(rules[rule.id]).toBe(rule)
      expect(ruleIds).toContain(rule.id)
    }
  })

  it('covers the catalog of the specification', () => {
    const catalog = [
      'missing-section', 'missing-field', 'duplicate-section', 'section-order', 'heading-text', 'unknown-section', 'table-shape',
      'no-placeholder', 'empty-field', 'date-format', 'severity', 'duration', 'priority', 'status', 'hotfix-choice', 'proper-fix',
      'no-action-items', 'time-format', 'timeline-order', 'duration-mismatch', 'due-date', 'meeting-date', 'overdue-action'
    ]
    expect(ruleList.map((rule) => rule.id).slice(0, catalog.length)).toEqual(catalog)
    expect(ruleIds).toContain('input-limit')
  })

  it('gives every rule a failing and a passing example', () => {
    for (const rule of ruleList) {
      expect(rule.examples.some((item) => item.findings.length > 0), `${rule.id} needs a failing example`).toBe(true)
      expect(rule.examples.some((item) => item.findings.length === 0), `${rule.id} needs a passing example`).toBe(true)
      for (const item of rule.examples) expect(item.title.length, rule.id).toBeGreaterThan(3)
    }
  })
})

describe('rule examples', () => {
  for (const rule of ruleList) {
    describe(rule.id, () => {
      for (const item of rule.examples) {
        it(item.title, () => {
          const text = applyEdits(item)
          const found = lint(text, optionsOf(item)).filter((finding) => finding.ruleId === rule.id)
          expect(found.map((finding) => `${finding.line}:${finding.column}`)).toEqual(item.findings)
          // The documented message of each finding, word for word.
          expect(found.map((finding) => finding.message)).toEqual(item.messages ?? [])
        })
      }
    })
  }

  it('documents a message for each finding of an example, and no more', () => {
    for (const rule of ruleList) {
      for (const item of rule.examples) expect(item.messages ?? [], `${rule.id}: ${item.title}`).toHaveLength(item.findings.length)
    }
  })

  it('messages of the examples name a field and quote values in backticks', () => {
    for (const rule of ruleList) {
      for (const item of rule.examples) {
        if (item.findings.length === 0) continue
        for (const finding of lint(applyEdits(item), optionsOf(item)).filter((candidate) => candidate.ruleId === rule.id)) {
          expect(finding.message, rule.id).toMatch(/^(?:Unexpected|Missing|Empty) /)
          expect(finding.message, rule.id).toMatch(/`[^`]+`/)
          expect(finding.severity).toBe(rule.severity)
        }
      }
    }
  })
})
