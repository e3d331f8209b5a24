import {describePath} from '../../model/names.js'
import {isIsoDate} from '../../model/text.js'
import type {Rule} from '../types.js'
import {code, written} from './shared.js'

/** The `meeting-date` rule: the review meeting held before the incident date. */
export const meetingDate: Rule = {
  id: 'meeting-date',
  severity: 'warning',
  description: 'The review meeting held before the incident date.',
  rationale:
    'The postmortem meeting reviews the incident, so it cannot come before it; such a date is almost always a typo. Silent when either date is not a real `YYYY-MM-DD` date (`date-format` reports that).',
  examples: [
    {title: 'Meeting three days after', edits: [], findings: []},
    {title: 'Meeting before the incident', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-10']], findings: ['155:19']},
    {title: 'Meeting on the incident day passes', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-14']], findings: []},
    {title: 'An invalid incident date: no comparison', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30'], ['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-10']], findings: []}
  ],
  check(context) {
    const {date, meeting} = context.draft
    const heldOn = meeting?.heldOn
    if (!written(date) || !isIsoDate(date) || !written(heldOn) || !isIsoDate(heldOn) || heldOn >= date) return
    context.report('meeting.heldOn', `Unexpected ${code(heldOn)} for ${describePath('meeting.heldOn')}, expected a date on or after the incident date ${code(date)}`)
  }
}
