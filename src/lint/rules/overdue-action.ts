import {describePath} from '../../model/names.js'
import {isIsoDate} from '../../model/text.js'
import type {Rule} from '../types.js'
import {actionItemsOf} from '../../model/action-items.js'
import {code, written} from './shared.js'

/** Statuses of an action item that is finished, one way or the other. */
const closed = new Set(['Done', "Won't Do"])

/** The `overdue-action` rule: an action item whose due date has passed (against `--now`, default today) and whose status is not `Done` or `Won't Do`. */
export const overdueAction: Rule = {
  id: 'overdue-action',
  severity: 'info',
  description: 'An action item whose due date has passed (against `--now`, default today) and whose status is not `Done` or `Won\'t Do`.',
  rationale:
    'A postmortem is only as good as its follow-up. Finish the item, update its Status, or agree a new Due Date. Examples are checked with `now` 2026-11-26.',
  examples: [
    {title: 'Open items due later, passed items done', edits: [], findings: []},
    {title: 'Passed and not started: reported at the Due Date', edits: [['| Jonas Weber | 2027-02-26 | Medium | Not Started |', '| Jonas Weber | 2026-09-30 | Medium | Not Started |']], findings: ['107:108']},
    {title: 'Passed and blocked', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Medium | Blocked |']], findings: ['100:112']},
    {title: "Passed and won't do", edits: [['| @marcus | 2026-04-10 | Medium | Done |', "| @marcus | 2026-04-10 | Medium | Won't Do |"]], findings: []}
  ],
  check(context) {
    const now = context.now
    if (!isIsoDate(now)) return
    for (const {path, item} of actionItemsOf(context.draft)) {
      const due = item.dueDate
      if (!written(due) || !isIsoDate(due) || due >= now || (written(item.status) && closed.has(item.status))) continue
      const status = !written(item.status) ? 'no status' : `status ${code(item.status)}`
      context.report(
        `${path}.dueDate`,
        `Unexpected ${status} for ${describePath(path)} due ${code(due)}, expected \`Done\` or \`Won't Do\` by now (${code(now)}), or a later Due Date`
      )
    }
  }
}
