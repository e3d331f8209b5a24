import {say} from '../messages.js'
import {matchPattern} from '../../model/patterns.js'
import {normalizeName} from '../../model/text.js'
import type {Rule} from '../rule.js'
import {firstOccurrences} from './presence.js'

/**
 * The parser reads aliases (`## Summary`) so old documents work, but uniform headings keep a
 * folder of postmortems searchable, and `fmt` writes the template's. Only the heading's words
 * count: its depth is the document's own business, and a later heading of the same section is
 * `duplicate-section`'s. The title is judged by `missing-field` (its hotfix id), not here.
 */
export const headingText: Rule<'heading-text'> = {
  id: 'heading-text',
  severity: 'warning',
  description: 'A section found under a variant or alias of its heading.',
  rationale: 'The section is recognised (`## Summary` is the Executive Summary), but the template wording keeps documents searchable and uniform; `postmortem fmt` rewrites it.',
  examples: [
    {title: 'Template headings', edits: [], findings: []},
    {title: '`## Summary` for `## Executive Summary`', edits: [['## Executive Summary', '## Summary']], findings: ['9:1'], messages: ['Unexpected heading `Summary`, expected `Executive Summary`']}
  ],
  check(context) {
    const present = firstOccurrences(context.document)
    for (const section of context.profile.sections) {
      const occurrence = present.get(section.id)
      if (!occurrence || section.kind === 'title' || section.heading === null) continue
      const text = occurrence.text.trim()
      // The template's `aka` is a heading as good as its own; a heading in the template's words
      // (`Short-term Improvements (Target: July 2025)`) reads as its pattern.
      if ((section.accepted ?? []).some((alias) => normalizeName(alias) === normalizeName(text))) continue
      const worded = section.blocks.find((block) => block.type === 'headingFields')
      if (worded?.type === 'headingFields' && matchPattern(text, worded.pattern)) continue
      if (text !== section.heading) context.report(section.path, say('headingText', {section: section.id, heading: text, expected: section.heading}), occurrence.span)
    }
  }
}
