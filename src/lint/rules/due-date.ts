import {describePath} from '../../model/names.js'
import {isIsoDate} from '../../model/text.js'
import type {Rule} from '../types.js'
import {actionItemsOf} from '../../model/action-items.js'
import {code, written} from './shared.js'

/** The `due-date` rule: an action item due before the incident date. */
export const dueDate: Rule = {
  id: 'due-date',
  severity: 'warning',
  description: 'An action item due before the incident date.',
  rationale:
    'Action items come out of the incident, so none can be due before it; such a date is almost always a typo in the year or month. Silent when either date is not a real `YYYY-MM-DD` date (`date-format` reports that).',
  examples: [
    {title: 'Due dates after the incident', edits: [], findings: []},
    {title: 'Due a week before the incident', edits: [['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-07 |']], findings: ['106:104']},
    {title: 'Due on the incident date passes', edits: [['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-14 |']], findings: []},
    {title: 'An invalid incident date: no comparison', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30'], ['| @ana.souza | 2026-03-27 |', '| @ana.souza | 2026-03-07 |']], findings: []}
  ],
  check(context) {
    const incident = context.draft.date
    if (!written(incident) || !isIsoDate(incident)) return
    for (const {path, item} of actionItemsOf(context.draft)) {
      const due = item.dueDate
      if (!written(due) || !isIsoDate(due) || due >= incident) continue
      context.report(`${path}.dueDate`, `Unexpected ${code(due)} for ${describePath(`${path}.dueDate`)}, expected a date on or after the incident date ${code(incident)}`)
    }
  }
}
