import {isIsoDate} from '../model/text.js'
import {todayUtc} from '../today.js'
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

/**
 * How a command words a date flag it cannot read: `lint` and `new` say "Unexpected `--now X`,
 * expected a real date…", `stats`, `report` and `actions` "--now expects a date written…".
 */
export type DateWording = 'unexpected' | 'expects'

/** A flag's date (`--now 2026-03-20`): a real calendar date `YYYY-MM-DD`, never rolled over. */
export function parseDate(flag: string, value: string, wording: DateWording = 'unexpected'): string {
  if (isIsoDate(value)) return value
  throw new UsageError(
    wording === 'unexpected'
      ? `Unexpected \`--${flag} ${value}\`, expected a real date as YYYY-MM-DD such as \`--${flag} 2026-03-01\``
      : `--${flag} expects a date written YYYY-MM-DD, got \`${value}\``
  )
}

/** The dates a command runs with: `now` (today, UTC, unless `--now` says otherwise) and the `--since` / `--until` bounds. */
export interface DateOptions {
  readonly now: string
  readonly since?: string
  readonly until?: string
}

/**
 * Read `--now`, `--since` and `--until` (whichever the command takes; absent ones are
 * `undefined`), the one place a command's dates are read and today's date is taken: `now`
 * is today (UTC) when `--now` is not given. `--since` after `--until` is a usage error.
 */
export function readDates(values: Readonly<Record<string, unknown>>, wording: DateWording): DateOptions {
  const read = (name: 'now' | 'since' | 'until'): string | undefined => {
    const value = values[name]
    return value === undefined ? undefined : parseDate(name, String(value), wording)
  }
  const since = read('since')
  const until = read('until')
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since \`${since}\` is after --until \`${until}\``)
  return {now: read('now') ?? todayUtc(), ...(since === undefined ? {} : {since}), ...(until === undefined ? {} : {until})}
}
