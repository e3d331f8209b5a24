import {actionItemsOf} from '../../model/action-items.js'
import {isoDate} from '../../model/dates.js'
import {roleNotation, roleText} from '../../model/roles.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {written} from './shared.js'

/**
 * Catches the typo in a due date's year or month that makes an item look overdue from the day
 * it was written. Compares only two real dates, each read in its own notation (`YYYY-MM-DD`
 * unless the template says another): a date that is not one is `date-format`'s, and an item due
 * on the incident day itself is fine.
 */
export const dueDate: Rule<'due-date'> = {
  id: 'due-date',
  severity: 'warning',
  description: 'An action item due before the incident date.',
  rationale:
    'Action items come out of the incident, so none can be due before it; such a date is almost always a typo in the year or month. Silent when either date is not a real `YYYY-MM-DD` date (`date-format` reports that).',
  examples: [
    {title: 'Due dates after the incident', edits: [], findings: []},
    {title: 'Due a week before the incident', edits: [['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-07 |']], findings: ['106:104'], messages: ['Unexpected `2026-03-07` for Due Date of action item 1 in `### Improve Detection`, expected a date on or after the incident date `2026-03-14`']},
    {title: 'Due on the incident date passes', edits: [['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-14 |']], findings: []},
    {title: 'An invalid incident date: no comparison', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30'], ['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-07 |']], findings: []}
  ],
  check(context) {
    const incident = roleText(context.profile, context.draft, 'incidentDate')
    const incidentDay = incident === undefined ? undefined : isoDate(incident, roleNotation(context.profile, 'incidentDate'))
    if (!incident || incidentDay === undefined) return
    for (const {path, item, keys, dueFormat} of actionItemsOf(context.draft, context.profile)) {
      const due = item.dueDate
      const dueDay = written(due) ? isoDate(due, dueFormat) : undefined
      if (keys.dueDate === undefined || !written(due) || dueDay === undefined || dueDay >= incidentDay) continue
      context.report(`${path}.${keys.dueDate}`, say('beforeIncident', {field: `${path}.${keys.dueDate}`, value: due, incident}))
    }
  }
}
