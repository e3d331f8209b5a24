import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {hasPlaceholder, written} from './shared.js'

/**
 * Durations are summed and averaged across postmortems, which only whole minutes allow. A bare
 * number passes (the template's ` minutes` is read off); a placeholder is `no-placeholder`'s.
 */
export const duration: Rule<'duration'> = {
  id: 'duration',
  severity: 'error',
  description: 'The header Duration is not a whole number of minutes.',
  rationale:
    'Durations are added up and averaged across postmortems (`postmortem stats`); `about an hour` or `1h 20m` cannot be. Write whole minutes: `**Duration:** 80 minutes`.',
  examples: [
    {title: 'Whole minutes pass', edits: [], findings: []},
    {title: 'Words instead of minutes', edits: [['**Duration:** 47 minutes', '**Duration:** about an hour']], findings: ['5:15'], messages: ['Unexpected `about an hour` for `**Duration:**`, expected whole minutes (`N minutes`)']},
    {title: 'Hours and minutes', edits: [['**Duration:** 47 minutes', '**Duration:** 0h 47m']], findings: ['5:15'], messages: ['Unexpected `0h 47m` for `**Duration:**`, expected whole minutes (`N minutes`)']},
    {title: 'The number alone passes', edits: [['**Duration:** 47 minutes', '**Duration:** 47']], findings: []}
  ],
  check(context) {
    const value = context.draft.durationMinutes
    if (!written(value) || /^\d+$/.test(value) || hasPlaceholder(value)) return
    context.report('durationMinutes', say('durationFormat', {field: 'durationMinutes', value}))
  }
}
