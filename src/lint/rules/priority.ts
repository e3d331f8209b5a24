import {priorities} from '../../model/schema.js'
import type {Rule} from '../types.js'
import {checkActionEnum} from './shared.js'

/** The `priority` rule: an action item Priority that is not `High`, `Medium` or `Low`. */
export const priority: Rule = {
  id: 'priority',
  severity: 'error',
  description: 'An action item Priority that is not `High`, `Medium` or `Low`.',
  rationale: 'Action items are sorted and counted by priority across postmortems; a value outside the scale (`P1`, `high`, `Urgent`) is not counted. Use the template scale, spelled as written.',
  examples: [
    {title: 'Template priorities pass', edits: [], findings: []},
    {title: 'An abbreviation', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Med | Done |']], findings: ['100:125']},
    {title: 'Lower case', edits: [['| Jonas Weber | 2027-02-26 | Medium |', '| Jonas Weber | 2027-02-26 | medium |']], findings: ['107:121']}
  ],
  check(context) {
    checkActionEnum(context, 'priority', priorities)
  }
}
