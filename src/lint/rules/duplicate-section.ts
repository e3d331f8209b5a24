import {sectionById} from '../../model/sections.js'
import type {Rule} from '../types.js'

/** A second heading of a section already present, reported at that second heading. */
export const duplicateSection: Rule = {
  id: 'duplicate-section',
  severity: 'error',
  description: 'A section appears twice.',
  rationale: 'Only the first occurrence is read as the section; the second is kept as written but its content is not part of the model. Merge the two.',
  examples: [
    {title: 'Each section once', edits: [], findings: []},
    {title: 'A second What Went Well', edits: [["## What Didn't Go Well", "## What Went Well\n\n1. Paging worked.\n\n## What Didn't Go Well"]], findings: ['81:1']}
  ],
  check(context) {
    const seen = new Set<string>()
    for (const occurrence of context.document.sections) {
      if (seen.has(occurrence.id)) {
        const section = sectionById.get(occurrence.id)!
        context.report(section.path, `Unexpected second \`${section.heading}\` section, expected it once`, occurrence.span)
      }
      seen.add(occurrence.id)
    }
  }
}
