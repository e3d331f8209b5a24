import {isoDate} from '../../model/dates.js'
import {roleNotation, roleText, roleValue} from '../../model/roles.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {written} from './shared.js'

/**
 * The review meets after the incident, so a meeting dated before it is a typo in one of the two
 * dates, and the postmortem reads as reviewed before anything happened. Compares only two real
 * dates, each read in its own notation (`YYYY-MM-DD` unless the template says another; a date
 * that is not one is `date-format`'s); the incident day passes.
 */
export const meetingDate: Rule<'meeting-date'> = {
  id: 'meeting-date',
  severity: 'warning',
  description: 'The review meeting held before the incident date.',
  rationale:
    'The postmortem meeting reviews the incident, so it cannot come before it; such a date is almost always a typo. Silent when either date is not a real `YYYY-MM-DD` date (`date-format` reports that).',
  examples: [
    {title: 'Meeting three days after', edits: [], findings: []},
    {title: 'Meeting before the incident', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-10']], findings: ['155:19'], messages: ['Unexpected `2026-03-10` for `**Meeting held:**`, expected a date on or after the incident date `2026-03-14`']},
    {title: 'Meeting on the incident day passes', edits: [['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-14']], findings: []},
    {title: 'An invalid incident date: no comparison', edits: [['**Date:** 2026-03-14', '**Date:** 2026-02-30'], ['**Meeting held:** 2026-03-17', '**Meeting held:** 2026-03-10']], findings: []}
  ],
  check(context) {
    const {profile, draft} = context
    const date = roleText(profile, draft, 'incidentDate')
    const meeting = roleValue(profile, draft, 'meetingDate')
    const heldOn = meeting?.value
    if (!meeting || !date || typeof heldOn !== 'string' || !written(heldOn)) return
    const incidentDay = isoDate(date, roleNotation(profile, 'incidentDate'))
    const meetingDay = isoDate(heldOn, roleNotation(profile, 'meetingDate'))
    if (incidentDay === undefined || meetingDay === undefined || meetingDay >= incidentDay) return
    context.report(meeting.path, say('beforeIncident', {field: meeting.path, value: heldOn, incident: date}))
  }
}
