import type {Rule} from '../rule.js'
import {checkActionEnum} from './shared.js'

/**
 * Action items are sorted and counted by priority across postmortems, and a word outside the
 * scale (`P1`, `Urgent`, `high`) falls out of every count. The scale is matched as written,
 * case included, so the counts agree; a placeholder is `no-placeholder`'s.
 */
export const priority: Rule<'priority'> = {
  id: 'priority',
  severity: 'error',
  description: 'An action item Priority that is not `High`, `Medium` or `Low`.',
  rationale: 'Action items are sorted and counted by priority across postmortems; a value outside the scale (`P1`, `high`, `Urgent`) is not counted. Use the template scale, spelled as written.',
  examples: [
    {title: 'Template priorities pass', edits: [], findings: []},
    {title: 'An abbreviation', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Med | Done |']], findings: ['100:125'], messages: ['Unexpected `Med` for Priority of action item 2 in `### Prevent Recurrence`, expected `High`, `Medium` or `Low`']},
    {title: 'Lower case', edits: [['| Jonas Weber | 2027-02-26 | Medium |', '| Jonas Weber | 2027-02-26 | medium |']], findings: ['107:121'], messages: ['Unexpected `medium` for Priority of action item 2 in `### Improve Detection`, expected `High`, `Medium` or `Low`']}
  ],
  check(context) {
    checkActionEnum(context, 'actionItems.priority')
  }
}
