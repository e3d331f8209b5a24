import type {Profile} from '../profile/compile.js'
import type {Finding, FindingSeverity} from '../model/finding.js'
import type {RuleId} from './rule-ids.js'

/** A rule's level in configuration: a severity, or `off`. */
export type RuleLevel = FindingSeverity | 'off'

/** A level as configuration may write it: a level, or ESLint's `warn` (read as `warning`). */
export type RuleSetting = RuleLevel | 'warn'

/** Rule id → level; unlisted rules keep their default. A typo in a rule id does not compile. */
export type RuleSettings = Readonly<Partial<Record<RuleId, RuleSetting>>>

/**
 * Options of `lint`. An unknown rule id or level, or a `now` that is not a real date, throws a
 * `TypeError` naming it.
 */
export interface LintOptions {
  /**
   * Rule id → level (`off`, `info`, `warning` or `warn`, `error`); unlisted rules keep their
   * default (default: `{}`).
   */
  readonly rules?: RuleSettings | undefined
  /** Today as `YYYY-MM-DD`, for `overdue-action` and `future-date` (default: the current UTC date). */
  readonly now?: string | undefined
  /** Apply `<!-- postmortem disable|enable|ignore id -->` comments (default: `true`). */
  readonly inlineControl?: boolean | undefined
  /** The template's profile (default: the built-in template's); `lintDocument` uses the document's. */
  readonly profile?: Profile | undefined
}

export type {Rule, RuleContext, RuleExample} from './rule.js'
export type {Finding, RuleId}
