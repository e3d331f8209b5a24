import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {timelineTimes} from './shared.js'

/**
 * A timeline is read top to bottom, and a row out of order usually hides a typo in its time.
 * Reported at the row that goes back in time, not the one above it. Equal times are in order;
 * rows whose time does not parse (`time-format`'s) are skipped, and clock times are not compared
 * with ISO date-times (one has a day, the other has not).
 */
export const timelineOrder: Rule<'timeline-order'> = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'A timeline row whose time is earlier than the row above it.',
  rationale:
    'A timeline is read top to bottom; a row out of order usually hides a typo in its time. Fix the time, or move the row. Equal times are in order; rows whose time does not parse (`time-format`) are skipped, and clock times are not compared with ISO date-times.',
  examples: [
    {title: 'Chronological rows', edits: [], findings: []},
    {title: 'A row earlier than the one above: reported at that row', edits: [['| 14:13 |', '| 14:03 |']], findings: ['30:1'], messages: ['Unexpected `14:03` in timeline row 4 in `## Timeline (Detailed)`, expected a time at or after `14:08` of the row above']},
    {title: 'Two rows at the same minute are in order', edits: [['| 14:08 |', '| 14:06 |']], findings: []}
  ],
  check(context) {
    const times = timelineTimes(context.profile, context.draft)
    let previous = times[0]
    for (const current of times.slice(1)) {
      if (!current) continue
      if (previous && previous.kind === current.kind && current.minutes < previous.minutes) {
        context.report(current.path, say('timelineOrder', {field: current.path, value: current.value, previous: previous.value}))
      }
      previous = current
    }
  }
}
