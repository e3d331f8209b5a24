import {isoDate} from '../../model/dates.js'
import {getPath} from '../../model/paths.js'
import {cellsOfType, fieldsOfType} from '../../model/roles.js'
import {dateMessage} from '../messages.js'
import type {Rule} from '../rule.js'
import {hasPlaceholder, written} from './shared.js'

/**
 * Dates are the one value every report sorts and compares, so each must be one reading can
 * trust: written in its field's notation (`YYYY-MM-DD` unless the template says another, such
 * as `DD-MM-YYYY` or `MMMM Do, YYYY`), and a day the calendar has (`2026-02-30` is never rolled
 * over to March). A date still holding its placeholder is `no-placeholder`'s, an empty one
 * `empty-field`'s.
 */
export const dateFormat: Rule<'date-format'> = {
  id: 'date-format',
  severity: 'error',
  description: 'A Date, Due Date or Meeting held that is not a real calendar date written `YYYY-MM-DD` (or in the notation the template gives the field).',
  rationale:
    'Dates are compared (due dates with the incident date, with today) and sorted; `March 14`, `14/03/2026` or `2026-02-30` cannot be. Write ISO dates: `2026-03-14`, or the notation your template gives the field (`DD-MM-YYYY`: `14-03-2026`). An impossible day is never rolled over to the next month.',
  examples: [
    {title: 'ISO dates pass', edits: [], findings: []},
    {title: 'A day February does not have', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30']], findings: ['3:11'], messages: ['Unexpected `2026-02-30` for `**Date:**`, expected a real calendar date (there is no such day)']},
    {title: 'A date in words', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** March 17, 2026']], findings: ['155:19'], messages: ['Unexpected `March 17, 2026` for `**Meeting held:**`, expected a date written `YYYY-MM-DD`']},
    {title: 'A due date in another format', edits: [['| @marcus | 2026-04-10 |', '| @marcus | 10/04/2026 |']], findings: ['100:112'], messages: ['Unexpected `10/04/2026` for Due Date of action item 2 in `### Prevent Recurrence`, expected a date written `YYYY-MM-DD`']}
  ],
  check(context) {
    const {profile, draft} = context
    // Every date, with its notation: the profile's date fields and the cells of its date columns.
    const dates: {path: string; value: unknown; format: string | undefined}[] = [
      ...fieldsOfType(profile, 'date').map((field) => ({path: field.path, value: getPath(draft, field.path), format: field.format})),
      ...cellsOfType(profile, draft, 'date').map(({path, value, column}) => ({path, value, format: column.format}))
    ]
    for (const {path, value, format} of dates) {
      if (typeof value !== 'string' || !written(value) || isoDate(value, format) !== undefined || hasPlaceholder(value)) continue
      context.report(path, dateMessage(path, value, format))
    }
  }
}
