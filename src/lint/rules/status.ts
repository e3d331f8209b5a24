import type {Rule} from '../rule.js'
import {checkActionEnum} from './shared.js'

/**
 * Open and overdue action items are found by their status, and another tracker's word (`WIP`,
 * `Closed`, `done`) is understood by neither. Matched as written, case included; a placeholder
 * is `no-placeholder`'s. An overdue status is `overdue-action`'s, not this rule's.
 */
export const status: Rule<'status'> = {
  id: 'status',
  severity: 'error',
  description: "An action item Status that is not `Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`.",
  rationale: 'Open and overdue action items are found by status (`postmortem actions --open`); `WIP`, `todo` or `Closed` is not understood. Use the template statuses, spelled as written.',
  examples: [
    {title: 'Template statuses pass', edits: [], findings: []},
    {title: 'Another tracker’s word', edits: [['| Jonas Weber | 2027-02-26 | Medium | Not Started |', '| Jonas Weber | 2027-02-26 | Medium | Todo |']], findings: ['107:130'], messages: ["Unexpected `Todo` for Status of action item 2 in `### Improve Detection`, expected `Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`"]},
    {title: 'Lower case', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Medium | done |']], findings: ['100:134'], messages: ["Unexpected `done` for Status of action item 2 in `### Prevent Recurrence`, expected `Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`"]}
  ],
  check(context) {
    checkActionEnum(context, 'actionItems.status')
  }
}
