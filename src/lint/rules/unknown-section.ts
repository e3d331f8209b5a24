import type {Rule} from '../types.js'

/** A heading the template has no section for: an info, since the parser keeps it where it stood. */
export const unknownSection: Rule = {
  id: 'unknown-section',
  severity: 'info',
  description: 'A section the template lacks (kept as is).',
  rationale: 'Extra sections are kept exactly where they stood; this note only tells you the template has no place for them.',
  examples: [
    {title: 'Template sections only', edits: [], findings: []},
    {title: 'A Detection section', edits: [['## Root Cause Analysis', '## Detection Details\n\nPaged by Alertmanager.\n\n## Root Cause Analysis']], findings: ['38:1']}
  ],
  check(context) {
    for (const section of context.document.unknownSections) {
      context.report('', `Unexpected section \`${section.text}\`, the template has no such section (kept as is)`, section.span)
    }
  }
}
