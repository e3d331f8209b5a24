import {isIsoDate} from '../model/text.js'
import {UsageError} from './io.js'

/**
 * A flag's count (`--max-warnings 0`): a whole number, 0 or more. Anything else is a usage error
 * that says what was given and what is expected.
 */
export function parseCount(flag: string, value: string, noun: string): number {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed)
  const why = /^-\d+$/.test(trimmed) ? ` (a count of ${noun} cannot be negative; leave --${flag} out for no limit)` : /^\d+\.\d*$/.test(trimmed) ? ' (a count has no fraction)' : ''
  throw new UsageError(`Unexpected \`--${flag} ${value}\`, expected a whole number of ${noun}, 0 or more, such as \`--${flag} 0\`${why}`)
}

/** A flag's date (`--now 2026-03-20`): a real calendar date `YYYY-MM-DD`, never rolled over. */
export function parseDate(flag: string, value: string): string {
  if (isIsoDate(value)) return value
  throw new UsageError(`Unexpected \`--${flag} ${value}\`, expected a real date as YYYY-MM-DD such as \`--${flag} 2026-03-01\``)
}
