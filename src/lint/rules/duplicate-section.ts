import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * The parser reads a section's first heading only; whatever a second one holds is kept as
 * written but read as nothing, so a reader and the tools would disagree about the section.
 * Reported at the second heading; two different aliases of one section (`## Impact`, then
 * `## Customer Impact`) count as two headings of it.
 */
export const duplicateSection: Rule<'duplicate-section'> = {
  id: 'duplicate-section',
  severity: 'error',
  description: 'A section appears twice.',
  rationale: 'Only the first occurrence is read as the section; the second is kept as written but its content is not part of the model. Merge the two.',
  examples: [
    {title: 'Each section once', edits: [], findings: []},
    {title: 'A second What Went Well', edits: [["## What Didn't Go Well", "## What Went Well\n\n1. Paging worked.\n\n## What Didn't Go Well"]], findings: ['81:1'], messages: ['Unexpected second `What Went Well` section, expected it once']}
  ],
  check(context) {
    const seen = new Set<string>()
    for (const occurrence of context.document.sections) {
      if (seen.has(occurrence.id)) {
        const section = context.profile.sectionById.get(occurrence.id)
        if (section) context.report(section.path, say('duplicateSection', {section: section.id}), occurrence.span)
      }
      seen.add(occurrence.id)
    }
  }
}
