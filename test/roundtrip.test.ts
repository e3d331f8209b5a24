import {describe, expect, it} from 'vitest'
import {blankDraft, parse, parseDocument, stringify, validate} from '../src/index.js'
import {lostWords} from '../src/lossless.js'
import {expectedJson, markdownFiles, template} from './helpers.js'

describe('R1: the blank template', () => {
  it('stringify(parse(template)) equals fixtures/template.md byte for byte', () => {
    expect(stringify(parse(template))).toBe(template)
  })

  it('parses to the blank draft: every key present, every value unfilled, the unfilled rows kept', () => {
    const document = parseDocument(template)
    expect(document.findings).toEqual([])
    expect(document.draft).toEqual(blankDraft())
    expect(document.draft.hotfixId).toBeNull()
    expect(document.draft.timeline).toEqual([
      {time: null, event: null, who: null},
      {time: null, event: null, who: null},
      {time: null, event: null, who: null}
    ])
    expect(document.draft.actionItems?.preventRecurrence).toEqual([
      {action: null, owner: null, dueDate: null, priority: 'High', status: 'Not Started'},
      {action: null, owner: null, dueDate: null, priority: 'Medium', status: 'Not Started'}
    ])
    expect(document.draft.wentWell).toEqual([null, null, null])
    expect(document.draft.properFix?.hotfixWas).toBeNull()
    expect(stringify(blankDraft())).toBe(template)
  })

  it('writes nothing for what a draft lacks, and everything with addMissing', () => {
    expect(stringify({})).toBe('')
    expect(stringify({executiveSummary: 'Short.'})).toBe('## Executive Summary\n\nShort.\n')
    expect(stringify({}, {addMissing: true})).toBe(template)
  })
})

describe('examples: canonical, complete, byte for byte', () => {
  for (const {name, file, text} of markdownFiles('examples')) {
    it(`${name} round-trips byte for byte and matches its expected JSON`, () => {
      const draft = parse(text)
      expect(stringify(draft)).toBe(text)
      const result = validate(draft)
      expect(result.ok ? [] : result.issues).toEqual([])
      if (!result.ok) return
      expect(result.postmortem).toEqual(expectedJson(file.replace(/\.md$/, '.json'), result.postmortem))
      expect(stringify(result.postmortem)).toBe(text)
    })
  }
})

describe('R3 and R4 on every fixture', () => {
  const all = [...markdownFiles('examples'), ...markdownFiles('messy'), ...markdownFiles('real-world')]
  for (const {name, text} of all) {
    it(`${name}: canonical output is a fixed point and keeps every word`, () => {
      const once = stringify(parse(text))
      expect(stringify(parse(once))).toBe(once)
      expect(lostWords(text, once)).toEqual([])
    })
  }
})

describe('R4: content the template has no field for', () => {
  it('keeps front matter, comments, unknown sections and extra content where they stood', () => {
    for (const {text} of markdownFiles('messy').filter(({name}) => name !== 'half-filled.md')) {
      expect(stringify(parse(text))).toBe(text)
    }
  })

  it('would notice one dropped word', () => {
    const text = markdownFiles('messy').find(({name}) => name === 'extra-content.md')!.text
    const output = stringify(parse(text))
    const damaged = output.replace('latency graph', 'graph')
    expect(lostWords(text, damaged)).toEqual(['latency'])
  })

  it('keeps every leaf of the input tree in the output', () => {
    for (const {text} of [...markdownFiles('messy'), ...markdownFiles('real-world')]) {
      const draft = parse(text)
      const output = stringify(draft)
      for (const extra of draft.extra ?? []) expect(output).toContain(extra.markdown)
      if (draft.frontMatter !== undefined) expect(output).toContain(draft.frontMatter)
    }
  })
})

describe('R4 regressions found by fuzzing', () => {
  const cases: [string, string][] = [
    ['a timeline row with more cells than its header', template.replace('| {TIME} | {event_description} | {person_or_system} |', '| 14:02 | Paged | Alertmanager | extra words here |')],
    ['a label paragraph with lines under it', template.replace('**Contributing factors:**\n1. {factor_1}', '**Contributing factors:**\nsee the incident channel\n1. {factor_1}')],
    ['a checklist line the template lacks', template.replace('- [ ] Description: {proper_fix_description}', '- [ ] Description: {proper_fix_description}\n- [x] Rollback tested in staging')],
    ['a title whose HOTFIX- is not at a word start', template.replace('# Postmortem: HOTFIX-{ID}', '# Postmortem: HHOTFIX-OTFIX-2318')],
    ['a header table whose rows are all known', template.replace('**Date:** {DATE}\n', '| Field | Value |\n|---|---|\n| Date | 2026-03-04 |\n\n')]
  ]
  for (const [name, text] of cases) {
    it(`keeps every word of ${name}`, () => {
      const once = stringify(parse(text))
      expect(lostWords(text, once)).toEqual([])
      expect(stringify(parse(once))).toBe(once)
    })
  }
})
