/**
 * Rule ids: the catalog's, read from the rule modules themselves (`rules/index.ts` is the one
 * list), then the engine's own. `RuleId` is their union of literal types, so a typo in
 * `lint(markdown, {rules: {…}})` does not compile.
 */
import {ruleList} from './rules/index.js'

/** Ids of findings the engine reports itself, not a rule module: the input, a failure, a comment. */
export const engineRuleIds = ['input-limit', 'encoding', 'internal-error', 'unknown-rule'] as const

/** A rule id of the catalog (`no-placeholder`, `overdue-action`, …). */
export type CatalogRuleId = (typeof ruleList)[number]['id']

/** A rule id: one of the catalog, or one of the engine's own (`input-limit`, …). */
export type RuleId = CatalogRuleId | (typeof engineRuleIds)[number]

/** Every rule id: the catalog's in catalog order, then the engine's own. */
export const ruleIdList: readonly RuleId[] = [...ruleList.map((rule) => rule.id), ...engineRuleIds]

/** Whether `value` is a rule id. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (ruleIdList as readonly string[]).includes(value)
}
