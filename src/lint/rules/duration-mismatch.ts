import {roleValue} from '../../model/roles.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {timelineTimes, written as isWritten} from './shared.js'

/** Differences up to this many minutes, or up to this share of the Duration, are fine. */
const slackMinutes = 5
const slackShare = 0.1

/**
 * Two numbers for one duration means one of them is wrong, and reports quote the header's. Only
 * compared when both are numbers a reader can trust: whole minutes in the header, every
 * timeline time parsing and of one kind (clock times or ISO date-times), in order. Small
 * differences are rounding, not errors: up to 5 minutes or 10% passes.
 */
export const durationMismatch: Rule<'duration-mismatch'> = {
  id: 'duration-mismatch',
  severity: 'warning',
  description: 'The header Duration disagrees with the span of the timeline (last time minus first time).',
  rationale:
    'Two numbers for one duration means one is wrong, and reports quote the header. Checked only when the Duration is whole minutes and every timeline time parses; a difference of more than 5 minutes and more than 10% is reported. Fix the Duration, or the timeline.',
  examples: [
    {title: 'Duration matches the timeline (14:02 to 14:49)', edits: [], findings: []},
    {title: 'Far off: reported at the Duration', edits: [['**Duration:** 47 minutes', '**Duration:** 20 minutes']], findings: ['5:15'], messages: ['Unexpected `20` minutes for `**Duration:**`, expected about `47`, the span of the timeline (`14:02` to `14:49`)']},
    {title: 'Within 5 minutes', edits: [['**Duration:** 47 minutes', '**Duration:** 51 minutes']], findings: []},
    {title: 'A time that does not parse: no comparison', edits: [['**Duration:** 47 minutes', '**Duration:** 20 minutes'], ['| 14:49 |', '| ten to three |']], findings: []}
  ],
  check(context) {
    const {profile, draft} = context
    const duration = roleValue(profile, draft, 'duration')
    const written = duration?.value
    if (!duration || typeof written !== 'string' || !isWritten(written) || !/^\d+$/.test(written)) return
    const times = timelineTimes(profile, draft)
    if (times.length < 2) return
    if (times.some((time) => time === undefined)) return
    const first = times[0]!
    const last = times.at(-1)!
    if (times.some((time) => time!.kind !== first.kind)) return
    const span = last.minutes - first.minutes
    if (span < 0) return // Out of order: `timeline-order` reports it.
    const minutes = Number(written)
    const difference = Math.abs(minutes - span)
    if (difference <= slackMinutes || difference <= minutes * slackShare) return
    context.report(duration.path, say('durationMismatch', {field: duration.path, value: written, expected: Math.round(span), first: first.value, last: last.value}))
  }
}
