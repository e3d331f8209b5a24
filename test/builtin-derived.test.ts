/**
 * The built-in template is a template like any team's (SPEC §9): derived by `deriveProfile` from
 * `fixtures/template.md`, it has the built-in profile's sections in its order, writes its blank
 * draft as the template (R1), and reads and writes the bundled examples exactly as written, saying
 * what the built-in profile says of them (date, severity, minutes, timeline, action items). What
 * the hand-kept built-in profile adds is its own ids, aliases and conditions.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lostWords} from '../src/lossless.js'
import {blankDraft} from '../src/model/draft.js'
import {incidentFacts} from '../src/model/facts.js'
import {parse} from '../src/parse/document.js'
import {builtinProfile} from '../src/profile/builtin.js'
import {deriveProfile} from '../src/profile/derive/index.js'
import {stringify} from '../src/stringify/index.js'
import {firstDifference} from '../scripts/fuzz.js'
import {fixtures, template} from './helpers.js'

const derived = deriveProfile(template, {file: 'fixtures/template.md'})
if (!derived.ok) throw new Error(derived.errors.map((error) => `${error.line}: ${error.message}`).join('; '))
const {profile} = derived
const examples = readdirSync(path.join(fixtures, 'examples'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({name, text: readFileSync(path.join(fixtures, 'examples', name), 'utf8')}))

describe('the built-in template, derived as a team template', () => {
  it("has the built-in profile's sections, in its order, and its header fields", () => {
    expect(profile.sections.map((section) => section.heading)).toEqual(builtinProfile.sections.filter((section) => section.kind !== 'footer').map((section) => section.heading))
    const labels = (of: typeof profile): string[] => of.fields.filter(({field}) => !field.path.includes('.')).map(({field}) => field.label)
    expect(labels(profile)).toEqual(expect.arrayContaining(['Date', 'Incident', 'Duration', 'Severity', 'Author']))
    expect(profile.fields.find(({field}) => field.label === 'Duration' && !field.path.includes('.'))?.field.suffix).toBe(' minutes')
  })

  it('writes its blank draft as the template (R1)', () => {
    expect(stringify(blankDraft(profile), {profile})).toBe(template)
  })

  it.each(examples.map((example) => [example.name, example] as const))('reads and writes %s as written, and says what the built-in profile says of it', (_, {text}) => {
    const draft = parse(text, {profile})
    const once = stringify(draft, {profile})
    expect(once).toBe(text)
    expect(lostWords(text, once, {profile})).toEqual([])
    expect(firstDifference(draft, parse(once, {profile}))).toBe('')
    const own = incidentFacts(draft, profile)
    const builtin = incidentFacts(parse(text), builtinProfile)
    expect({incidentDate: own.incidentDate, severity: own.severity, minutes: own.durationMinutes, timeline: own.timelineEntries, items: own.actionItems}).toEqual({
      incidentDate: builtin.incidentDate,
      severity: builtin.severity,
      minutes: builtin.durationMinutes,
      timeline: builtin.timelineEntries,
      items: builtin.actionItems
    })
  })
})
