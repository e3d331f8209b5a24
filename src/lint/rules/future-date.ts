import {describePath} from '../../model/names.js'
import {isIsoDate} from '../../model/text.js'
import type {Rule} from '../types.js'
import {code, written} from './shared.js'

/** The `future-date` rule: the incident Date is after today (against `--now`, default today). */
export const futureDate: Rule = {
  id: 'future-date',
  severity: 'warning',
  description: 'The incident Date is after today (against `--now`, default today).',
  rationale:
    'An incident is written up after it happened, so a future date is a typo (often in the year) that puts the postmortem in the wrong period of every report. Examples are checked with `now` 2026-11-26.',
  examples: [
    {title: 'A past date', edits: [], findings: []},
    {title: 'A typo in the year', edits: [['**Date:** 2026-03-14', '**Date:** 2062-03-14']], findings: ['3:11']},
    {title: 'Today passes', edits: [['**Date:** 2026-03-14', '**Date:** 2026-11-26']], findings: []}
  ],
  check(context) {
    const {now} = context
    const date = context.draft.date
    if (!written(date) || !isIsoDate(date) || !isIsoDate(now) || date <= now) return
    context.report('date', `Unexpected ${code(date)} for ${describePath('date')}, expected a date on or before today (${code(now)})`)
  }
}
