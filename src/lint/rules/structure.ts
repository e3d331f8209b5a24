import type {Finding} from '../../model/finding.js'
import type {Rule, RuleContext, RuleExample} from '../types.js'
import {emptySections} from './shared.js'

/**
 * Rules whose findings the parser makes while reading the document's structure (sections,
 * fields): the rule only passes them on, so the one parse serves every rule.
 */
function structural(
  id: string,
  severity: Rule['severity'],
  description: string,
  rationale: string,
  examples: RuleExample[],
  skip?: (context: RuleContext) => (finding: Finding) => boolean
): Rule {
  return {
    id,
    severity,
    description,
    rationale,
    examples,
    check(context) {
      const skipped = skip?.(context)
      for (const finding of context.document.findings) {
        if (finding.ruleId !== id || skipped?.(finding)) continue
        context.report(finding.path, finding.message, finding.line === undefined ? undefined : spanOf(finding))
      }
    }
  }
}

function spanOf(finding: {line?: number; column?: number; endLine?: number; endColumn?: number}) {
  // Offsets are not needed by reporters; line and column are what findings carry.
  return {
    start: {line: finding.line!, column: finding.column!, offset: -1},
    end: {line: finding.endLine ?? finding.line!, column: finding.endColumn ?? finding.column!, offset: -1}
  }
}

export const missingSection = structural(
  'missing-section',
  'error',
  'A section of the template is absent.',
  'Every section of the template is a question the review must answer. Add the section (its heading and content); if there is nothing to say, say so in it.',
  [
    {title: 'All sections present', edits: [], findings: []},
    {title: 'Where We Got Lucky removed: reported at the next section present', edits: [['## Where We Got Lucky\n\nThe incident happened on a Saturday afternoon in the EU, when checkout traffic is ~40% below the weekday peak. At weekday volume the same change would have failed well over half of checkouts.\n\n`inventory-sync` was idle during the window. Had its hourly batch started at 14:30 instead of 15:00, the raised PgBouncer limit would have starved it of connections too, and stock levels on the storefront would have drifted.\n\n', '']], findings: ['87:1']}
  ]
)

export const missingField = structural(
  'missing-field',
  'error',
  'A labelled field (`**Severity:**`, a checklist line, a table) is absent from its section.',
  'Tools and readers look for each field under its label. Add the label line back, with its value.',
  [
    {title: 'All fields present', edits: [], findings: []},
    {title: 'The Author line removed: reported at the title', edits: [['**Author:** Priya Raman\n', '']], findings: ['1:1']},
    {title: 'A section with nothing under its heading is `empty-field`, not a missing field each', edits: [['**Public postmortem:** No, the impact was short and fully covered by the status page update\n\n', ''], ['**Customer notification:** Yes, status page incident from 14:24 to 14:52 and a follow-up email to merchants with failed orders on 2026-03-15\n\n', ''], ['**Internal notification:** #inc-2291 opened at 14:08; #eng-announce and the Commerce leads were notified at 14:26 by Priya Raman\n\n', '']], findings: []},
    {title: 'A full fix needs no checklist lines', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix'], ['**If temporary, proper fix required:**\n- [x] Story created: PAY-1432\n- [x] Scheduled for: Sprint 2026-14\n', '**If temporary, proper fix required:**\n']], findings: []},
    {title: 'A temporary workaround needs them', edits: [['**If temporary, proper fix required:**\n- [x] Story created: PAY-1432\n- [x] Scheduled for: Sprint 2026-14\n', '**If temporary, proper fix required:**\n']], findings: ['115:1', '115:1']}
  ],
  // Note: the fields of a section with nothing under its heading are reported once, as that
  // section's `empty-field`, instead of once each here.
  // A full fix needs no proper-fix checklist (SPEC §2), so its absent lines are not reported either.
  (context) => {
    const empty = emptySections(context.document).map((occurrence) => occurrence.span.start)
    const fullFix = context.draft.properFix.hotfixWas === 'Full fix'
    return (finding) =>
      (fullFix && /^properFix\.(?:storyCreated|scheduledFor|description)$/.test(finding.path)) ||
      empty.some((point) => point.line === finding.line && point.column === finding.column)
  }
)

export const duplicateSection = structural(
  'duplicate-section',
  'error',
  'A section appears twice.',
  'Only the first occurrence is read as the section; the second is kept as written but its content is not part of the model. Merge the two.',
  [
    {title: 'Each section once', edits: [], findings: []},
    {title: 'A second What Went Well', edits: [["## What Didn't Go Well", "## What Went Well\n\n1. Paging worked.\n\n## What Didn't Go Well"]], findings: ['81:1']}
  ]
)

export const sectionOrder = structural(
  'section-order',
  'warning',
  "Sections out of the template's order.",
  'Readers expect the template order; `postmortem fmt` restores it without changing any text.',
  [
    {title: 'Template order', edits: [], findings: []},
    {title: 'Where We Got Lucky moved before What Went Well: the section that moved is reported', edits: [['## What Went Well', '## Where We Got Lucky\n\nNothing else broke.\n\n## What Went Well'], ['## Where We Got Lucky\n\nThe incident happened', '## Lucky Notes\n\nThe incident happened']], findings: ['75:1']}
  ]
)

export const headingText = structural(
  'heading-text',
  'warning',
  'A section found under a variant or alias of its heading.',
  'The section is recognised (`## Summary` is the Executive Summary), but the template wording keeps documents searchable and uniform; `postmortem fmt` rewrites it.',
  [
    {title: 'Template headings', edits: [], findings: []},
    {title: '`## Summary` for `## Executive Summary`', edits: [['## Executive Summary', '## Summary']], findings: ['9:1']}
  ]
)

export const unknownSection = structural(
  'unknown-section',
  'info',
  'A section the template lacks (kept as is).',
  'Extra sections are kept exactly where they stood; this note only tells you the template has no place for them.',
  [
    {title: 'Template sections only', edits: [], findings: []},
    {title: 'A Detection section', edits: [['## Root Cause Analysis', '## Detection Details\n\nPaged by Alertmanager.\n\n## Root Cause Analysis']], findings: ['38:1']}
  ]
)
