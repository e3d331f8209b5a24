import {messages} from '../messages.js'
import type {Rule} from '../types.js'
import {hasPlaceholder, written} from './shared.js'

/** The `duration` rule: the header Duration is not a whole number of minutes. */
export const duration: Rule = {
  id: 'duration',
  severity: 'error',
  description: 'The header Duration is not a whole number of minutes.',
  rationale:
    'Durations are added up and averaged across postmortems (`postmortem stats`); `about an hour` or `1h 20m` cannot be. Write whole minutes: `**Duration:** 80 minutes`.',
  examples: [
    {title: 'Whole minutes pass', edits: [], findings: []},
    {title: 'Words instead of minutes', edits: [['**Duration:** 47 minutes', '**Duration:** about an hour']], findings: ['5:15']},
    {title: 'Hours and minutes', edits: [['**Duration:** 47 minutes', '**Duration:** 0h 47m']], findings: ['5:15']},
    {title: 'The number alone passes', edits: [['**Duration:** 47 minutes', '**Duration:** 47']], findings: []}
  ],
  check(context) {
    const value = context.draft.durationMinutes
    if (!written(value) || /^\d+$/.test(value) || hasPlaceholder(value)) return
    context.report('durationMinutes', messages.duration(value))
  }
}
