import {missingSectionMessage} from '../messages.js'
import type {Rule} from '../rule.js'
import {firstOccurrences, isPresent, nextPresentSpan} from './presence.js'

/**
 * Each section of the template is a question the review must answer, and a missing heading is
 * the one gap nothing else shows. Reported at the next section present (or the end), since the
 * missing one has no place of its own; a sub-section of a group the document lacks as a whole
 * is not reported again (the group is), and aliases count as present (`heading-text`'s).
 */
export const missingSection: Rule<'missing-section'> = {
  id: 'missing-section',
  severity: 'error',
  description: 'A section of the template is absent.',
  rationale: 'Every section of the template is a question the review must answer. Add the section (its heading and content); if there is nothing to say, say so in it.',
  examples: [
    {title: 'All sections present', edits: [], findings: []},
    {title: 'Where We Got Lucky removed: reported at the next section present', edits: [['## Where We Got Lucky\n\nThe incident happened on a Saturday afternoon in the EU, when checkout traffic is ~40% below the weekday peak. At weekday volume the same change would have failed well over half of checkouts.\n\n`inventory-sync` was idle during the window. Had its hourly batch started at 14:30 instead of 15:00, the raised PgBouncer limit would have starved it of connections too, and stock levels on the storefront would have drifted.\n\n', '']], findings: ['87:1'], messages: ['Missing section `## Where We Got Lucky`']}
  ],
  check(context) {
    const {document, profile} = context
    const present = firstOccurrences(document)
    for (const section of profile.sections) {
      if (section.optional || isPresent(document, section, present)) continue
      if (section.parent && !present.has(section.parent)) continue
      context.report(section.path, missingSectionMessage(profile, section.id), nextPresentSpan(document, section, present))
    }
  }
}
