import {durationMinutes} from '../../model/durations.js'
import {getPath} from '../../model/paths.js'
import {fieldsOfType} from '../../model/roles.js'
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
    // Every field of whole minutes (the header's Duration).
    for (const field of fieldsOfType(context.profile, 'minutes')) {
      const value = getPath(context.draft, field.path)
      if (typeof value !== 'string' || !written(value) || /^\d+$/.test(value) || hasPlaceholder(value)) continue
      // A template that writes no unit after the number (`{Xh Ym}`) takes durations as teams write them.
      if (field.suffix === undefined) {
        if (durationMinutes(value) === undefined) context.report(field.path, say('durationText', {field: field.path, value}))
        continue
      }
      context.report(field.path, say('durationFormat', {field: field.path, value}))
    }
  }
}
