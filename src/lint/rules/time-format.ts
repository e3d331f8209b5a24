import {cellsOfType} from '../../model/roles.js'
import {timeToMinutes} from '../../model/text.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {hasPlaceholder, written} from './shared.js'

/**
 * Times are compared (the timeline's order, its span against the Duration), and `~14:10` or
 * `after lunch` cannot be. A warning, not an error: the timeline still reads. 12-hour times
 * (`2:54 PM`), ISO date-times and a zone word after the time (`08:52 PST`, as list timelines
 * write it) pass; a placeholder is `no-placeholder`'s.
 */
export const timeFormat: Rule<'time-format'> = {
  id: 'time-format',
  severity: 'warning',
  description: 'A timeline Time that is not `HH:MM`, `HH:MM:SS`, a 12-hour time (`2:54 PM`) or an ISO date-time.',
  rationale:
    'Times are compared to check the order of the timeline and its span against the Duration; `2:08pm` or `~14:10` cannot be. Write 24-hour times (`14:08`), in the zone the `Time (UTC)` column header names, or ISO date-times for incidents that cross midnight.',
  examples: [
    {title: '24-hour times pass', edits: [], findings: []},
    {title: 'A 12-hour time passes', edits: [['| 14:08 |', '| 2:08 PM |']], findings: []},
    {title: 'A time of day in words', edits: [['| 14:08 |', '| after lunch |']], findings: ['29:3'], messages: ['Unexpected `after lunch` for Time of timeline row 3 in `## Timeline (Detailed)`, expected `HH:MM`, `HH:MM:SS`, a 12-hour time such as `2:54 PM` or an ISO date-time']},
    {title: 'An approximate time', edits: [['| 14:13 |', '| ~14:13 |']], findings: ['30:3'], messages: ['Unexpected `~14:13` for Time of timeline row 4 in `## Timeline (Detailed)`, expected `HH:MM`, `HH:MM:SS`, a 12-hour time such as `2:54 PM` or an ISO date-time']},
    {title: 'Seconds and ISO date-times pass', edits: [['| 14:08 |', '| 14:08:30 |'], ['| 14:49 |', '| 2026-03-14T14:49:00Z |']], findings: []}
  ],
  check(context) {
    // Every cell of every time column (the timeline's Time).
    for (const {path, value} of cellsOfType(context.profile, context.draft, 'time')) {
      if (typeof value !== 'string' || !written(value) || timeToMinutes(value) !== undefined || hasPlaceholder(value)) continue
      context.report(path, say('timeFormat', {field: path, value}))
    }
  }
}
