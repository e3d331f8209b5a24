import type {Finding, FindingSeverity, Span} from '../model/finding.js'
import type {PostmortemDraft} from '../model/schema.js'
import type {PostmortemDocument} from '../parse/document.js'
import type {RuleId} from './rule-ids.js'

/** A rule's level in configuration: a severity, or `off`. */
export type RuleLevel = FindingSeverity | 'off'

/** A level as configuration may write it: a level, or ESLint's `warn` (read as `warning`). */
export type RuleSetting = RuleLevel | 'warn'

/** Rule id → level; unlisted rules keep their default. A typo in a rule id does not compile. */
export type RuleSettings = Readonly<Partial<Record<RuleId, RuleSetting>>>

/** What a rule sees: the parsed document and the options of this run. */
export interface RuleContext {
  readonly document: PostmortemDocument
  readonly draft: PostmortemDraft
  /** Today, `YYYY-MM-DD` (the `--now` option). */
  readonly now: string
  /**
   * Report a finding about the field at `path`. Without `span`, it is placed at the field's own
   * position, else at the nearest thing present (its row, its list, its section's heading).
   */
  report(path: string, message: string, span?: Span): void
}

/**
 * A documented example of a rule: an edit of the bundled complete example document
 * (`find` replaced by `replace`, every occurrence), and the findings it must give.
 */
export interface RuleExample {
  /** What the example shows, in a sentence. */
  readonly title: string
  /** Pairs of `[find, replace]` applied to the complete example document, in order. */
  readonly edits: readonly (readonly [string, string])[]
  /** `line:column` of each finding of this rule the edited document gives (empty: passes). */
  readonly findings: readonly string[]
  /** A different base document than the complete example: `template` for the blank template. */
  readonly base?: 'example' | 'template'
}

/** One lint rule: id, default severity, documentation with examples, and its check. */
export interface Rule {
  /** Kebab-case id (`no-placeholder`). */
  readonly id: RuleId
  readonly severity: FindingSeverity
  /** What the rule finds, in one sentence. */
  readonly description: string
  /** Why it matters and how to fix a finding. */
  readonly rationale: string
  /** At least one failing and one passing example; the test suite runs them. */
  readonly examples: readonly RuleExample[]
  /** Report findings through `context.report`. Never throws. */
  check(context: RuleContext): void
}

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
}

export type {Finding, RuleId}
