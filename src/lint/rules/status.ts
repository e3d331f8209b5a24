import {statuses} from '../../model/schema.js'
import type {Rule} from '../types.js'
import {checkActionEnum} from './shared.js'

/** The `status` rule: an action item Status that is not `Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`. */
export const status: Rule = {
  id: 'status',
  severity: 'error',
  description: "An action item Status that is not `Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`.",
  rationale: 'Open and overdue action items are found by status (`postmortem actions --open`); `WIP`, `todo` or `Closed` is not understood. Use the template statuses, spelled as written.',
  examples: [
    {title: 'Template statuses pass', edits: [], findings: []},
    {title: 'Another tracker’s word', edits: [['| Jonas Weber | 2027-02-26 | Medium | Not Started |', '| Jonas Weber | 2027-02-26 | Medium | Todo |']], findings: ['107:130']},
    {title: 'Lower case', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Medium | done |']], findings: ['100:134']}
  ],
  check(context) {
    checkActionEnum(context, 'status', statuses)
  }
}
