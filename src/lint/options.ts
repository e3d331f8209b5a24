/**
 * The options of `lint` and of the remark plugin, checked. A wrong rule id, level or `now` is a
 * programming error, so it throws a `TypeError` that names the value and the nearest valid ones,
 * instead of being ignored (a typo would otherwise turn a rule off without a word).
 */
import {isIsoDate} from '../model/text.js'
import {todayUtc} from '../today.js'
import {isRuleId, ruleIdList, type RuleId} from './rule-ids.js'
import {didYouMean, closeNames, quotedList, shown} from './suggest.js'
import type {LintOptions, RuleLevel} from './types.js'

/** The levels a rule can be set to, in order of weight. */
export const ruleLevels: readonly RuleLevel[] = ['off', 'info', 'warning', 'error']

/** The level a setting names (`warn` is `warning`), or `undefined` when it names none. */
export function ruleLevelOf(value: unknown): RuleLevel | undefined {
  if (value === 'warn') return 'warning'
  return typeof value === 'string' && (ruleLevels as readonly string[]).includes(value) ? (value as RuleLevel) : undefined
}

/** Rule id → level, every setting checked and `warn` read as `warning`. */
export type RuleLevels = Readonly<Partial<Record<RuleId, RuleLevel>>>

/** The message for a rule id that does not exist (`where`: " in `.postmortemrc.json`"). */
export function unknownRuleMessage(id: string, where = ''): string {
  return `Unknown rule ${shown(id)}${where}; ${didYouMean(id, ruleIdList)}`
}

/** The message for a level that does not exist. */
export function unknownLevelMessage(id: string, level: unknown, where = ''): string {
  const close = typeof level === 'string' ? closeNames(level, ruleLevels) : []
  const hint = close.length > 0 ? `; did you mean ${quotedList(close, 'or')}?` : ''
  return `Unexpected level ${shown(level)} for rule \`${id}\`${where}, expected ${quotedList(['off', 'info', 'warning', 'error'], 'or')} (\`warn\` is \`warning\`)${hint}`
}

/** The message for a `now` that is not a real `YYYY-MM-DD` date. */
export function invalidNowMessage(now: unknown, name = '`now`'): string {
  return `Unexpected ${shown(now)} for ${name}, expected a real date as YYYY-MM-DD such as \`${nearestDate(now)}\``
}

/**
 * Check rule settings and read `warn` as `warning`. Throws a `TypeError` naming an unknown rule
 * id (with the nearest known ones) or an unknown level. An `undefined` setting is left out.
 */
export function checkRules(rules: unknown, where = ''): RuleLevels {
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new TypeError(`Unexpected ${shown(rules)} for \`rules\`${where}, expected an object of rule id → level such as {"overdue-action": "off"}`)
  }
  const out: Partial<Record<RuleId, RuleLevel>> = {}
  for (const [id, setting] of Object.entries(rules)) {
    if (setting === undefined) continue
    if (!isRuleId(id)) throw new TypeError(unknownRuleMessage(id, where))
    const level = ruleLevelOf(setting)
    if (level === undefined) throw new TypeError(unknownLevelMessage(id, setting, where))
    out[id] = level
  }
  return out
}

/** `LintOptions` once checked: levels read, `now` a real date. */
export interface CheckedLintOptions {
  readonly rules: RuleLevels
  readonly now: string | undefined
  readonly inlineControl: boolean
}

/**
 * Check the options of `lint` (and of the remark plugin). Throws a `TypeError` for options that
 * are not an object, an unknown rule id or level, or a `now` that is not a real `YYYY-MM-DD`.
 * `null` and `undefined` mean "the default" for each option.
 */
export function checkLintOptions(options: LintOptions | null | undefined): CheckedLintOptions {
  if (options === null || options === undefined) return {rules: {}, now: undefined, inlineControl: true}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Unexpected ${shown(options)} for the options, expected an object such as {rules: {"overdue-action": "off"}, now: "2026-03-20"}`)
  }
  const loose = options as {rules?: unknown; now?: unknown; inlineControl?: unknown}
  const rules = loose.rules === undefined || loose.rules === null ? {} : checkRules(loose.rules, ' in `rules`')
  const now = loose.now === undefined || loose.now === null ? undefined : loose.now
  if (now !== undefined && (typeof now !== 'string' || !isIsoDate(now))) throw new TypeError(invalidNowMessage(now))
  if (loose.inlineControl !== undefined && typeof loose.inlineControl !== 'boolean') {
    throw new TypeError(`Unexpected ${shown(loose.inlineControl)} for \`inlineControl\`, expected \`true\` or \`false\``)
  }
  return {rules, now, inlineControl: loose.inlineControl !== false}
}

/**
 * A real date near what was meant: `2026-02-30` → `2026-02-28` (the month's last day), else
 * today (UTC).
 */
function nearestDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(value) : null
  if (match) {
    for (let day = Math.min(Number(match[3]), 31); day >= 28; day--) {
      const candidate = `${match[1]}-${match[2]}-${String(day).padStart(2, '0')}`
      if (isIsoDate(candidate)) return candidate
    }
  }
  return todayUtc()
}
