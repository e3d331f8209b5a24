import {sections} from '../../model/sections.js'
import type {Rule} from '../types.js'
import {firstOccurrences} from './presence.js'

/**
 * A section recognised under another wording than the template's. Only the heading's words
 * count: its depth is `section-order`'s and the document's own business.
 */
export const headingText: Rule = {
  id: 'heading-text',
  severity: 'warning',
  description: 'A section found under a variant or alias of its heading.',
  rationale: 'The section is recognised (`## Summary` is the Executive Summary), but the template wording keeps documents searchable and uniform; `postmortem fmt` rewrites it.',
  examples: [
    {title: 'Template headings', edits: [], findings: []},
    {title: '`## Summary` for `## Executive Summary`', edits: [['## Executive Summary', '## Summary']], findings: ['9:1']}
  ],
  check(context) {
    const present = firstOccurrences(context.document)
    for (const section of sections) {
      const occurrence = present.get(section.id)
      if (!occurrence || section.kind === 'title' || section.heading === null) continue
      const text = occurrence.text.trim()
      if (text !== section.heading) context.report(section.path, `Unexpected heading \`${text}\`, expected \`${section.heading}\``, occurrence.span)
    }
  }
}
