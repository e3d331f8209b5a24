/**
 * `deriveProfile` on any text (SPEC §9): never a throw — a profile and its warnings, or the errors
 * that make the template unusable, each at a line — and for every template it can use, a blank
 * draft that can be written (R1 and R3 on the fixture templates are in team-templates.test.ts).
 * Over mutations of every team template and the built-in one, and over token soup (fast-check).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {deriveProfile} from '../src/profile/derive/index.js'
import {blankDraft} from '../src/model/draft.js'
import {stringify} from '../src/stringify/index.js'
import {mutate, mutation, tokenSoup, unicodeText} from '../scripts/fuzz.js'
import {template} from './helpers.js'
import {teams, teamTemplate} from './teams.js'

const templates = [
  template,
  ...teams.map(teamTemplate)
]
const mutatedTemplate = fc
  .record({seed: fc.nat(templates.length - 1), edits: fc.array(mutation, {minLength: 1, maxLength: 4})})
  .map(({seed, edits}) => edits.reduce(mutate, templates[seed]!))

function derivesOrSaysWhy(text: string): void {
  const derived = deriveProfile(text, {file: 'template.md'})
  if (!derived.ok) {
    expect(derived.errors.length).toBeGreaterThan(0)
    for (const error of derived.errors) expect(error.line).toBeGreaterThanOrEqual(1)
    return
  }
  // A usable template gives a profile whose blank draft can be written.
  expect(typeof stringify(blankDraft(derived.profile), {profile: derived.profile})).toBe('string')
}

describe('deriveProfile on any text', () => {
  it('never throws on mutated templates: a profile with a blank draft, or errors at lines', () => {
    fc.assert(fc.property(mutatedTemplate, derivesOrSaysWhy), {numRuns: 400, seed: 20261207})
  })

  it('never throws on token soup and arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, unicodeText), (text) => {
        const derived = deriveProfile(text)
        expect(typeof derived.ok).toBe('boolean')
      }),
      {numRuns: 1000, seed: 20261207}
    )
  })

  it('says which ids clash, at their lines, rather than read two blocks into one value', () => {
    const table = '| Action | Owner |\n|---|---|\n| {action} | {owner} |'
    const derived = deriveProfile(`# {Title}\n\n## Summary\n\n{summary}\n\n## Follow-ups\n\n${table}\n\n${table}\n`, {file: 'template.md'})
    expect(derived.ok).toBe(false)
    if (derived.ok) return
    expect(derived.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      '7: Two blocks of `Follow-ups` have the id `followUps.items`: give one another id with `<!-- postmortem: id=… -->` after it'
    ])
  })
})
