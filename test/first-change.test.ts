/**
 * Where a refused rewrite would first change a document (`src/first-change.ts`,
 * `firstLostLine` in `src/lossless.ts`), and the refusal `fmt` prints from it: the line, the
 * section heading as the document writes it, and the field.
 */
import {describe, expect, it} from 'vitest'
import {parseDocument, type PostmortemDraft} from '../src/index.js'
import {refusal} from '../src/cli/tasks.js'
import {draftLeaves, firstChangedField, headingAt, lineOfPath, pathAtOffset} from '../src/first-change.js'
import {firstLostLine} from '../src/lossless.js'
import {markdownFiles} from './helpers.js'

const aliases = markdownFiles('real-world').find((file) => file.name === 'aliases.md')!
const example = markdownFiles('examples')[0]!

/** The 1-based line of `text` that holds `needle` (the first one). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle)
  expect(at, needle).toBeGreaterThanOrEqual(0)
  return text.slice(0, at).split('\n').length
}

describe('firstLostLine', () => {
  // A heading with a control character mid-word, as the fuzz run writes them: `Detail\u0001ed`
  // reads as the words `detail` and `ed`, and a rewrite to `## Timeline` would lose `ed`.
  const text = [
    '# Postmortem: HOTFIX-12',
    '',
    '- **Date:** 2026-03-14',
    '- **Incident:** Check\u0001out failed',
    '- **Severity:** P1',
    '',
    '## Timeline (Detail\u0001ed)',
    '',
    '| Time (UTC) | Event | Who |',
    '|---|---|---|',
    '| 10:00 | Checkout [failed](https://example.com/runbook) | dana |',
    ''
  ].join('\n')
  const document = parseDocument(text)

  it('finds the line of the first lost word, in document order', () => {
    expect(firstLostLine(document.tree, document.source.text, ['ed'])).toBe(7)
    // Words of a header list item with a control character in it.
    expect(firstLostLine(document.tree, document.source.text, ['out'])).toBe(4)
    // Given in any order, the earliest wins; a word is matched whole and in any case.
    expect(firstLostLine(document.tree, document.source.text, ['ed', 'check'])).toBe(4)
    expect(firstLostLine(document.tree, document.source.text, ['CHECK'])).toBe(4)
    expect(firstLostLine(document.tree, document.source.text, ['runbook'])).toBe(11)
    expect(firstLostLine(document.tree, document.source.text, ['nowhere'])).toBeUndefined()
    expect(firstLostLine(document.tree, document.source.text, [])).toBeUndefined()
  })

  it('names the heading of that line as the document writes it', () => {
    expect(headingAt(document, 7)).toBe('## Timeline (Detail\u0001ed)')
    expect(headingAt(document, 11)).toBe('## Timeline (Detail\u0001ed)')
    expect(headingAt(document, 4)).toBe('# Postmortem: HOTFIX-12')
    expect(headingAt(parseDocument('Before any heading.\n\n## Later\n'), 1)).toBeUndefined()
    // A setext heading: its first line.
    expect(headingAt(parseDocument('Intro\n\nWhat we learnt\n---\n\nText.\n'), 6)).toBe('What we learnt')
  })

  it('is what fmt prints, control characters shown escaped', () => {
    const line = firstLostLine(document.tree, document.source.text, ['ed'])!
    expect(refusal({reason: 'the rewrite would lose words', lost: ['ed'], line, section: headingAt(document, line)!})).toBe(
      'the rewrite would lose `ed` (line 7, in `## Timeline (Detail\\u0001ed)`)'
    )
    expect(refusal({reason: 'the rewrite would lose words', lost: ['ed', 'out'], line: 4, section: '# Postmortem: HOTFIX-12'})).toBe(
      'the rewrite would lose `ed`, `out` (first at line 4, in `# Postmortem: HOTFIX-12`)'
    )
    expect(refusal({reason: 'the rewrite would lose words', lost: ['ed']})).toBe('the rewrite would lose `ed`')
  })
})

describe('firstChangedField', () => {
  const document = parseDocument(aliases.text)
  const changed = (edit: (draft: PostmortemDraft) => void): ReturnType<typeof firstChangedField> => {
    const other = structuredClone(document.draft)
    edit(other)
    return firstChangedField(document, other)
  }

  it('finds nothing when the readings agree', () => {
    expect(firstChangedField(document, structuredClone(document.draft))).toBeUndefined()
  })

  it('gives the first field in document order, not in the order of the draft', () => {
    // The draft lists actionItems before extra and after severity; the document writes the
    // severity on line 6 and the Improve Detection row on line 93.
    const found = changed((draft) => {
      draft.actionItems!.improveDetection![1]!.owner = 'Chen Jia, Chen Jia'
      draft.severity = 'P2'
    })
    expect(found).toEqual({path: 'severity', line: lineOf(aliases.text, '**Severity:** P1')})
    const row = changed((draft) => {
      draft.actionItems!.improveDetection![1]!.owner = 'Chen Jia, Chen Jia'
    })
    expect(row).toEqual({path: 'actionItems.improveDetection[1].owner', line: lineOf(aliases.text, '| Add mobile social sign-in')})
    expect(headingAt(document, row!.line!)).toBe('### Improve Detection')
  })

  it('places a row only one reading has at its list, and a field the input lacks at its section', () => {
    const added = changed((draft) => {
      draft.wentWell = [...(draft.wentWell ?? []), 'A third thing']
    })
    expect(added?.path).toMatch(/^wentWell\[\d+\]$/)
    expect(added?.line).toBe(lineOf(aliases.text, '## What Went Well') + 2)
    expect(headingAt(document, added!.line!)).toBe('## What Went Well')
    const zone = changed((draft) => {
      draft.timelineTimeZone = 'PST'
    })
    expect(zone?.path).toBe('timelineTimeZone')
    expect(headingAt(document, zone!.line!)).toBe('## Timeline of Events')
  })

  it('places an extra block where its Markdown stands, the second copy of a repeated one at its own line', () => {
    const text = example.text.replace('## Action Items', 'A note before the actions.\n\n## Action Items') + '\nA closing note.\n\nA closing note.\n'
    const withExtras = parseDocument(text)
    const extras = withExtras.draft.extra ?? []
    const last = extras.length - 1
    expect(extras[last]!.markdown).toBe('A closing note.')
    expect(extras[last - 1]!.markdown).toBe('A closing note.')
    expect(lineOfPath(withExtras, `extra[${last}].markdown`)).toBe(text.split('\n').length - 1)
    expect(lineOfPath(withExtras, `extra[${last - 1}].after`)).toBe(text.split('\n').length - 3)
    const other = structuredClone(withExtras.draft)
    other.extra![last - 1]!.after = 'impact'
    expect(firstChangedField(withExtras, other)).toEqual({path: `extra[${last - 1}].after`, line: text.split('\n').length - 3})
    // Where the rewrite would differ a second time: the innermost field (or extra) at that offset.
    expect(pathAtOffset(withExtras, text.lastIndexOf('A closing note.') + 3)).toBe(`extra[${last}]`)
    expect(pathAtOffset(withExtras, text.indexOf('A note before') + 3)).toBe('gotLucky')
    expect(pathAtOffset(withExtras, text.indexOf('| @marcus |') + 3)).toBe('actionItems.preventRecurrence[1].owner')
  })

  it('lists a draft leaf by leaf, empty lists included', () => {
    expect([...draftLeaves({severity: 'P1', wentWell: [], timeline: [{time: '10:00', event: 'x'}]})]).toEqual([
      ['severity', 'P1'],
      ['wentWell', '[]'],
      ['timeline[0].time', '10:00'],
      ['timeline[0].event', 'x']
    ])
  })

  it('is what fmt prints', () => {
    expect(refusal({reason: 'the rewrite would not read back as the same postmortem', path: 'severity', line: 6, section: '# Postmortem: HOTFIX-2904'})).toBe(
      'the rewrite would not read back as the same postmortem (`severity` at line 6, in `# Postmortem: HOTFIX-2904`); please report it'
    )
    expect(refusal({reason: 'the rewrite would not read back as the same postmortem'})).toBe('the rewrite would not read back as the same postmortem; please report it')
  })
})
