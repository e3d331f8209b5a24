import {formatDate, isoDate} from '../../model/dates.js'
import {roleNotation, roleValue} from '../../model/roles.js'
import {isIsoDate} from '../../model/text.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {written} from './shared.js'

/**
 * An incident is written up after it happened, so a date after today is a typo (most often in
 * the year) that files the postmortem in the wrong period of every report. Today is `now` (the
 * `--now` option), so the rule gives the same answer on every machine for the same `now`; a
 * date that is not a real date in its notation (`YYYY-MM-DD` unless the template says another)
 * is `date-format`'s. Today is shown in the field's notation.
 */
export const futureDate: Rule<'future-date'> = {
  id: 'future-date',
  severity: 'warning',
  description: 'The incident Date is after today (against `--now`, default today).',
  rationale:
    'An incident is written up after it happened, so a future date is a typo (often in the year) that puts the postmortem in the wrong period of every report. Examples are checked with `now` 2026-11-26.',
  examples: [
    {title: 'A past date', edits: [], findings: []},
    {title: 'A typo in the year', edits: [['**Date:** 2026-03-14', '**Date:** 2062-03-14']], findings: ['3:11'], messages: ['Unexpected `2062-03-14` for `**Date:**`, expected a date on or before today (`2026-11-26`)']},
    {title: 'Today passes', edits: [['**Date:** 2026-03-14', '**Date:** 2026-11-26']], findings: []}
  ],
  check(context) {
    const {now, profile, draft} = context
    const date = roleValue(profile, draft, 'incidentDate')
    const value = date?.value
    if (!date || typeof value !== 'string' || !written(value) || !isIsoDate(now)) return
    const notation = roleNotation(profile, 'incidentDate')
    const day = isoDate(value, notation)
    if (day === undefined || day <= now) return
    context.report(date.path, say('futureDate', {field: date.path, value, today: formatDate(now, notation) ?? now}))
  }
}
