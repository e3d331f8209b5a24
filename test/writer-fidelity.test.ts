/**
 * The reader and the writer right on their own (issue cases of real documents): each case below
 * was refused by `fmt`, misread, or reported wrongly, and is fixed in the reader or the writer.
 */
import {describe, expect, it} from 'vitest'
import {format, lint, parse, parseDocument, stringify} from '../src/index.js'
import {lostWords} from '../src/lossless.js'
import {markdownFiles} from './helpers.js'

const fixture = (name: string): string => markdownFiles('real-world').find((file) => file.name === name)!.text

/** fmt is not refused, keeps every word, is a fixed point and reads back as the same draft. */
function formatsCleanly(text: string): string {
  const result = format(text)
  expect(result.refused).toBeUndefined()
  expect(lostWords(text, result.output)).toEqual([])
  expect(format(result.output).output).toBe(result.output)
  expect(parse(result.output)).toEqual(parse(text))
  return result.output
}

describe('front matter that repeats the header', () => {
  const text = fixture('front-matter-title-repeats-id.md')

  it('formats, keeping the title heading and the header line the front matter repeats', () => {
    const output = formatsCleanly(text)
    expect(output).toContain('\n# Postmortem: HOTFIX-2431\n')
    expect(output).toContain('**Date:** 2026-05-02')
    expect(output.match(/2431/g)).toHaveLength(text.match(/2431/g)!.length)
  })

  it('reads the fields once, from the header or the front matter', () => {
    const draft = parse(text)
    expect(draft).toMatchObject({hotfixId: '2431', date: '2026-05-02', incident: 'Invoice totals corrupted for multi-currency accounts', severity: 'P1'})
  })
})

describe('remediation by horizon, lessons with sub-sections', () => {
  const text = fixture('remediation-by-horizon.md')

  it('keeps an unknown sub-section of Lessons Learned in Lessons Learned', () => {
    const output = formatsCleanly(text)
    const lessons = output.indexOf('## Lessons Learned')
    const takeaways = output.indexOf('### Key Takeaways')
    expect(lessons).toBeGreaterThan(-1)
    expect(takeaways).toBeGreaterThan(lessons)
    expect(output.slice(lessons, takeaways)).not.toMatch(/\n## /)
    // The closing section stays last.
    expect(output.trimEnd().split('\n## ').at(-1)).toMatch(/^Moving Forward/)
  })

  it('keeps the horizon sub-sections under Action Items, in their order', () => {
    const output = formatsCleanly(text)
    const at = ['## Action Items', '### Immediate Actions', '### Short-term Improvements', '### Long-term Improvements (Target: Q4 2026)'].map((heading) => output.indexOf(heading))
    expect(at.every((offset) => offset > -1)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })
})

describe('time zones as documents name them', () => {
  it('reads the zone anywhere in the first line under the Timeline heading', () => {
    const text = fixture('zone-prose-line-pst.md')
    expect(parse(text).timelineTimeZone).toBe('PST')
    const output = formatsCleanly(text)
    expect(output).toContain('| Time (PST) |')
    expect(output).toContain('All times in PST, on February 5th 2019')
  })

  it('reads the zone a column header names in words', () => {
    const text = fixture('zone-column-cet-tasks.md')
    const draft = parse(text)
    expect(draft.timelineTimeZone).toBe('CET')
    expect(draft.timeline?.[0]).toEqual({time: '2024-11-19 08:40', event: 'First pipelines fail with "no space left on device"'})
    expect(formatsCleanly(text)).toContain('| Time (CET) | Event |')
  })

  it.each([
    ['| Time (PST) | Event |', 'PST'],
    ['| Date and Time in CET | Event |', 'CET'],
    ['| Time, Pacific | Event |', 'Pacific'],
    ['| Time UTC+2 | Event |', 'UTC+2']
  ])('%s names %s', (header, zone) => {
    const text = `# Postmortem: HOTFIX-1\n\n## Timeline\n\n${header}\n|---|---|\n| 08:02 | Deploy starts |\n`
    expect(parse(text).timelineTimeZone).toBe(zone)
    expect(formatsCleanly(text)).toContain(`| Time (${zone}) | Event |`)
  })

  it('takes no zone from a line that names none', () => {
    const text = '# Postmortem: HOTFIX-1\n\n## Timeline\n\nWe moved the API to AWS that morning.\n\n| Time | Event |\n|---|---|\n| 08:02 | Deploy starts |\n'
    expect(parse(text).timelineTimeZone).toBe('UTC')
  })
})

describe('lists read all or nothing', () => {
  it('keeps a timeline whose bullets only partly read as rows as written', () => {
    const text = fixture('timeline-half-list.md')
    expect(parse(text).timeline).toBeUndefined()
    const output = formatsCleanly(text)
    expect(output).not.toContain('| Time')
    expect(output).toContain('- **16:58 UTC** – Delivery latency alert fires')
    expect(output).toContain('* The on-call engineer acknowledges')
  })

  it('keeps a timeline split into one list per day as written', () => {
    const text = fixture('timeline-days.md')
    const output = formatsCleanly(text)
    expect(output).toContain('**2021-03-05**\n\n- 23:40 - Failover')
    expect(output).toContain('**2021-03-06**\n\n- 00:10 - Double import')
  })
})

describe('durations written back as written', () => {
  it('adds no unit to a duration in words', () => {
    const text = fixture('zone-prose-line-pst.md')
    expect(parse(text).durationMinutes).toBe('about 1h 20m')
    const output = formatsCleanly(text)
    expect(output).toContain('**Duration:** about 1h 20m\n')
  })

  it('writes the unit after a number, and keeps one written after words', () => {
    expect(stringify(parse('# Postmortem: HOTFIX-1\n\n**Duration:** 47\n'))).toContain('**Duration:** 47 minutes\n')
    const words = '# Postmortem: HOTFIX-1\n\n**Duration:** about 80 minutes\n'
    expect(parse(words).durationMinutes).toBe('about 80 minutes')
    expect(stringify(parse(words))).toBe(words)
  })
})

describe('findings real documents do not deserve', () => {
  it('a Timeline whose entries sit under date sub-headings is not empty', () => {
    const findings = lint(fixture('timeline-days.md'), {now: '2026-11-26'})
    expect(findings.filter((finding) => finding.ruleId === 'empty-field' && finding.path === 'timeline')).toEqual([])
  })

  it('an unchecked task is open, not an empty Status', () => {
    const text = fixture('zone-column-cet-tasks.md')
    const findings = lint(text, {now: '2026-11-26'})
    expect(findings.filter((finding) => finding.path.endsWith('.status'))).toEqual([])
    const items = parse(text).actionItems?.preventRecurrence ?? []
    expect(items.map((item) => item.status)).toEqual(['Done', '', '', ''])
  })

  it('a trailing parenthetical that names no person stays in the action', () => {
    const items = parse(fixture('zone-column-cet-tasks.md')).actionItems?.preventRecurrence ?? []
    expect(items[2]).toMatchObject({action: 'Clean the cache (Docker images etc)', owner: ''})
    expect(items[0]).toMatchObject({action: 'Re-enable the nightly prune job', owner: '@lena', dueDate: '2024-11-20', status: 'Done'})
  })

  it('reads an owner written as a name, or as a lower-case handle beside a due date', () => {
    const text = '# Postmortem: HOTFIX-1\n\n## Action Items\n\n- [ ] Rotate the key (Grace Liu)\n- [ ] Add an alert (grace, due 2026-04-01)\n- [ ] Tidy the docs (later)\n'
    const items = parse(text).actionItems?.preventRecurrence ?? []
    expect(items.map((item) => [item.action, item.owner])).toEqual([
      ['Rotate the key', 'Grace Liu'],
      ['Add an alert', 'grace'],
      ['Tidy the docs (later)', '']
    ])
  })
})

describe('indented code and definitions as the first block of a section', () => {
  const around = (body: string): string => `# Postmortem: HOTFIX-1\n\n## Root Cause Analysis\n\n### What Happened\n\n${body}\n\n### Why It Happened\n\n**Immediate cause:** x\n`

  it.each(['    # foo', '    foo\n---', '    [foo]: /url "title"\n\n[foo]', '\tcode'])('keeps %j as code', (body) => {
    const text = around(body)
    expect(parseDocument(text).draft.rootCause?.whatHappened).toBe(body)
    expect(formatsCleanly(text)).toContain(body)
  })

  it('reads a definition followed by a setext heading once', () => {
    formatsCleanly(around('[foo]: /url\nbar\n===\n[foo]'))
  })
})
