import {blockPaths} from '../../profile/blocks.js'
import {missingFieldMessage, say} from '../messages.js'
import type {Rule} from '../rule.js'
import {firstOccurrences, isPresent, sectionAnchor} from './presence.js'
import {emptySections, exempt} from './shared.js'

/**
 * Tools and readers find a field by its label, so a section without it answers less than it
 * seems to. Only sections the document has are judged (an absent one is `missing-section`'s);
 * a section with nothing under its heading is one `empty-field` instead of a finding per field,
 * and a full fix needs no proper-fix checklist (SPEC §2), so its absent lines are not reported.
 */
export const missingField: Rule<'missing-field'> = {
  id: 'missing-field',
  severity: 'error',
  description: 'A labelled field (`**Severity:**`, a checklist line, a table) is absent from its section.',
  rationale: 'Tools and readers look for each field under its label. Add the label line back, with its value.',
  examples: [
    {title: 'All fields present', edits: [], findings: []},
    {title: 'The Author line removed: reported at the title', edits: [['**Author:** Priya Raman\n', '']], findings: ['1:1'], messages: ['Missing field `**Author:**`']},
    {title: 'A section with nothing under its heading is `empty-field`, not a missing field each', edits: [['**Public postmortem:** No, the impact was short and fully covered by the status page update\n\n', ''], ['**Customer notification:** Yes, status page incident from 14:24 to 14:52 and a follow-up email to merchants with failed orders on 2026-03-15\n\n', ''], ['**Internal notification:** #inc-2291 opened at 14:08; #eng-announce and the Commerce leads were notified at 14:26 by Priya Raman\n\n', '']], findings: []},
    {title: 'A full fix needs no checklist lines', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix'], ['**If temporary, proper fix required:**\n- [x] Story created: PAY-1432\n- [x] Scheduled for: Sprint 2026-14\n', '**If temporary, proper fix required:**\n']], findings: []},
    {title: 'A temporary workaround needs them', edits: [['**If temporary, proper fix required:**\n- [x] Story created: PAY-1432\n- [x] Scheduled for: Sprint 2026-14\n', '**If temporary, proper fix required:**\n']], findings: ['115:1', '115:1'], messages: ['Missing checklist line `- [ ] Story created: …`', 'Missing checklist line `- [ ] Scheduled for: …`']}
  ],
  check(context) {
    const {document, draft, profile} = context
    const present = firstOccurrences(document)
    const empty = new Set(emptySections(document).map((occurrence) => occurrence.id))
    const id = profile.title?.id
    for (const section of profile.sections) {
      if (!isPresent(document, section, present) || empty.has(section.id)) continue
      const anchor = sectionAnchor(document, section)
      if (section.kind === 'title' && id && !document.fields.has(id.path)) context.report(id.path, say('missingHotfixId', {}), anchor)
      for (const block of section.blocks) {
        if (exempt(profile, draft, block)) continue
        for (const path of blockPaths(block)) {
          // A heading's fields are there with the heading, or the heading is kept whole.
          if (block.type === 'headingFields') continue
          if (!document.fields.has(path)) context.report(path, missingFieldMessage(block, path), anchor)
        }
      }
    }
  }
}
