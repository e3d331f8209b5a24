/**
 * Every rule id as a literal type, so a typo in `lint(markdown, {rules: {…}})` does not compile.
 * A test checks this list against the rule catalog (`ruleList`) and the engine's own ids.
 */
export const ruleIdList = [
  'missing-section',
  'missing-field',
  'duplicate-section',
  'section-order',
  'heading-text',
  'unknown-section',
  'table-shape',
  'no-placeholder',
  'empty-field',
  'date-format',
  'severity',
  'duration',
  'priority',
  'status',
  'hotfix-choice',
  'proper-fix',
  'no-action-items',
  'time-format',
  'timeline-order',
  'duration-mismatch',
  'due-date',
  'meeting-date',
  'overdue-action',
  'future-date',
  'one-line-field',
  // Reported by the engine itself, not by a rule module.
  'input-limit',
  'encoding',
  'internal-error',
  'unknown-rule'
] as const

/** A rule id: `'no-placeholder'`, `'overdue-action'`, … (one of `ruleIdList`). */
export type RuleId = (typeof ruleIdList)[number]

/** Whether `value` is a rule id. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (ruleIdList as readonly string[]).includes(value)
}
