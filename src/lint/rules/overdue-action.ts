import {actionItemsOf} from '../../model/action-items.js'
import {formatDate, isoDate} from '../../model/dates.js'
import {isIsoDate} from '../../model/text.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {written} from './shared.js'

/**
 * A postmortem is only as good as its follow-up, and an item past its date without being closed
 * is the follow-up slipping. An info, not an error: the document is not wrong, time has passed.
 * Judged against `now` (the `--now` option) so a run is reproducible; due dates that are not
 * real dates in their column's notation (`YYYY-MM-DD` unless the template says another) are
 * `date-format`'s, and closed items (`Done`, `Won't Do`: the statuses the table closes items
 * with) are done. Today is shown in the due date's notation.
 */
export const overdueAction: Rule<'overdue-action'> = {
  id: 'overdue-action',
  severity: 'info',
  description: 'An action item whose due date has passed (against `--now`, default today) and whose status is not `Done` or `Won\'t Do`.',
  rationale:
    'A postmortem is only as good as its follow-up. Finish the item, update its Status, or agree a new Due Date. Examples are checked with `now` 2026-11-26.',
  examples: [
    {title: 'Open items due later, passed items done', edits: [], findings: []},
    {title: 'Passed and not started: reported at the Due Date', edits: [['| Jonas Weber | 2027-02-26 | Medium | Not Started |', '| Jonas Weber | 2026-09-30 | Medium | Not Started |']], findings: ['107:108'], messages: ["Unexpected status `Not Started` for action item 2 in `### Improve Detection` due `2026-09-30`, expected `Done` or `Won't Do` by now (`2026-11-26`), or a later Due Date"]},
    {title: 'Passed and blocked', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Medium | Blocked |']], findings: ['100:112'], messages: ["Unexpected status `Blocked` for action item 2 in `### Prevent Recurrence` due `2026-04-10`, expected `Done` or `Won't Do` by now (`2026-11-26`), or a later Due Date"]},
    {title: "Passed and won't do", edits: [['| @marcus | 2026-04-10 | Medium | Done |', "| @marcus | 2026-04-10 | Medium | Won't Do |"]], findings: []}
  ],
  check(context) {
    const now = context.now
    if (!isIsoDate(now)) return
    for (const {path, item, keys, closed, dueFormat} of actionItemsOf(context.draft, context.profile)) {
      const due = item.dueDate
      if (keys.dueDate === undefined || !written(due) || (written(item.status) && closed.includes(item.status))) continue
      const day = isoDate(due, dueFormat)
      if (day === undefined || day >= now) continue
      const status = written(item.status) ? {status: item.status} : {}
      context.report(`${path}.${keys.dueDate}`, say('overdue', {item: path, ...status, due, today: formatDate(now, dueFormat) ?? now, closed}))
    }
  }
}
