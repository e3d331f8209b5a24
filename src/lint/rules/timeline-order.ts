import {describePath} from '../../model/names.js'
import type {Rule} from '../types.js'
import {code, timelineTimes} from './shared.js'

/** The `timeline-order` rule: a timeline row whose time is earlier than the row above it. */
export const timelineOrder: Rule = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'A timeline row whose time is earlier than the row above it.',
  rationale:
    'A timeline is read top to bottom; a row out of order usually hides a typo in its time. Fix the time, or move the row. Equal times are in order; rows whose time does not parse (`time-format`) are skipped, and clock times are not compared with ISO date-times.',
  examples: [
    {title: 'Chronological rows', edits: [], findings: []},
    {title: 'A row earlier than the one above: reported at that row', edits: [['| 14:13 |', '| 14:03 |']], findings: ['30:1']},
    {title: 'Two rows at the same minute are in order', edits: [['| 14:08 |', '| 14:06 |']], findings: []}
  ],
  check(context) {
    const times = timelineTimes(context.draft)
    let previous = times[0]
    for (const current of times.slice(1)) {
      if (!current) continue
      if (previous && previous.kind === current.kind && current.minutes < previous.minutes) {
        context.report(current.path, `Unexpected ${code(current.value)} in ${describePath(current.path)}, expected a time at or after ${code(previous.value)} of the row above`)
      }
      previous = current
    }
  }
}
