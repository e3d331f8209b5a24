import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * A section the template has no place for is kept exactly where it stood, so nothing is lost;
 * the note tells the writer that tools will not read it. An info, never more by default: extra
 * sections are welcome. Every heading the parser does not recognise is noted, sub-headings
 * (`### Immediate`) included, except those inside a second heading of a section, which are kept
 * whole with it (`duplicate-section`'s).
 */
export const unknownSection: Rule<'unknown-section'> = {
  id: 'unknown-section',
  severity: 'info',
  description: 'A section the template lacks (kept as is).',
  rationale: 'Extra sections are kept exactly where they stood; this note only tells you the template has no place for them.',
  examples: [
    {title: 'Template sections only', edits: [], findings: []},
    {title: 'A Detection section', edits: [['## Root Cause Analysis', '## Detection Details\n\nPaged by Alertmanager.\n\n## Root Cause Analysis']], findings: ['38:1'], messages: ['Unexpected section `Detection Details`, the template has no such section (kept as is)']}
  ],
  check(context) {
    for (const section of context.document.unknownSections) {
      context.report('', say('unknownSection', {heading: section.text}), section.span)
    }
  }
}
