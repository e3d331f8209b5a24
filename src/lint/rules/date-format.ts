import {isIsoDate} from '../../model/text.js'
import {messages} from '../messages.js'
import type {Rule} from '../types.js'
import {actionItemsOf} from '../../model/action-items.js'
import {hasPlaceholder, written} from './shared.js'

/** The `date-format` rule: a Date, Due Date or Meeting held that is not a real calendar date written `YYYY-MM-DD`. */
export const dateFormat: Rule = {
  id: 'date-format',
  severity: 'error',
  description: 'A Date, Due Date or Meeting held that is not a real calendar date written `YYYY-MM-DD`.',
  rationale:
    'Dates are compared (due dates with the incident date, with today) and sorted; `March 14`, `14/03/2026` or `2026-02-30` cannot be. Write ISO dates: `2026-03-14`. An impossible day is never rolled over to the next month.',
  examples: [
    {title: 'ISO dates pass', edits: [], findings: []},
    {title: 'A day February does not have', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30']], findings: ['3:11']},
    {title: 'A date in words', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** March 17, 2026']], findings: ['155:19']},
    {title: 'A due date in another format', edits: [['| @marcus | 2026-04-10 |', '| @marcus | 10/04/2026 |']], findings: ['100:112']}
  ],
  check(context) {
    const {draft} = context
    const dates: [string, string | null | undefined][] = [
      ['date', draft.date],
      ...actionItemsOf(draft).map(({path, item}): [string, string | null | undefined] => [`${path}.dueDate`, item.dueDate]),
      ['meeting.heldOn', draft.meeting?.heldOn]
    ]
    for (const [path, value] of dates) {
      if (!written(value) || isIsoDate(value) || hasPlaceholder(value)) continue
      context.report(path, messages.dateFormat(path, value))
    }
  }
}
