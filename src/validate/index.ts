import type {PostmortemDocument} from '../parse/document.js'
import {spanForPath} from '../parse/positions.js'
import {finding, type Finding} from '../model/finding.js'
import {describePath, joinPath} from '../model/names.js'
import {PostmortemSchema, type Postmortem, type PostmortemDraft} from '../model/schema.js'
import {fields as fieldTable} from '../model/sections.js'

/** The outcome of `validate`: a complete postmortem, or what prevents it. */
export type ValidateResult = {ok: true; postmortem: Postmortem} | {ok: false; issues: Finding[]}

const typeOfPath = new Map(fieldTable.map(({field}) => [field.path, field.type]))

/**
 * Turn a draft into a complete `Postmortem` (typed: integer minutes, real dates, enums) or list
 * the issues that prevent it, each with its field path. A draft carries no positions: to have
 * each issue's line and column, validate the parsed document (`validateDocument`).
 */
export function validate(draft: PostmortemDraft): ValidateResult {
  return check(draft, undefined)
}

/**
 * Validate a parsed document's draft: the issues of `validate`, each at the line and column of
 * the field it is about (or of the nearest thing present).
 */
export function validateDocument(document: PostmortemDocument): ValidateResult {
  return check(document.draft, document)
}

function check(draft: PostmortemDraft, document: PostmortemDocument | undefined): ValidateResult {
  const candidate = {
    ...draft,
    durationMinutes: typeof draft.durationMinutes === 'string' && /^\d+$/.test(draft.durationMinutes) ? Number(draft.durationMinutes) : draft.durationMinutes
  }
  const result = PostmortemSchema.safeParse(candidate)
  if (result.success) return {ok: true, postmortem: result.data}
  const issues: Finding[] = []
  const seen = new Set<string>()
  for (const issue of result.error.issues) {
    const path = joinPath(issue.path)
    const key = `${path}\u0000${issue.message}`
    if (seen.has(key)) continue
    seen.add(key)
    const value = valueAt(candidate, issue.path)
    const info = document?.fields.get(path) ?? document?.fields.get(`${path}.value`)
    const {ruleId, message} = classify(path, value, info?.state, issue.message, document !== undefined && info === undefined)
    const span = info?.span ?? (document ? spanForPath(document, path) : undefined)
    issues.push(finding(ruleId, 'error', message, path, span))
  }
  return {ok: false, issues}
}

function valueAt(model: unknown, keys: readonly PropertyKey[]): unknown {
  let value = model
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function classify(
  path: string,
  value: unknown,
  state: string | undefined,
  zodMessage: string,
  missing: boolean
): {ruleId: string; message: string} {
  const name = describePath(path)
  const type = typeOfPath.get(path)
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    if (path === 'actionItems') return {ruleId: 'no-action-items', message: zodMessage}
    if (path.startsWith('properFix.') && path !== 'properFix.hotfixWas') return {ruleId: 'proper-fix', message: zodMessage}
    if (state === 'placeholder') {
      if (path === 'properFix.hotfixWas') return {ruleId: 'hotfix-choice', message: 'Unexpected `Full fix / Temporary workaround` for `**Hotfix was:**`, expected one of them'}
      return {ruleId: 'no-placeholder', message: `Unfilled placeholder in ${name}, expected a value`}
    }
    if (missing) return {ruleId: 'missing-field', message: `Missing ${name}`}
    return {ruleId: 'empty-field', message: `Empty ${name}, expected a value`}
  }
  if (path === 'actionItems') return {ruleId: 'no-action-items', message: zodMessage}
  if (path.startsWith('properFix.') && path !== 'properFix.hotfixWas') return {ruleId: 'proper-fix', message: zodMessage}
  const shown = typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value)
  if (type === 'date' || /\.dueDate$/.test(path)) return {ruleId: 'date-format', message: `Unexpected ${shown} for ${name}, expected a real date \`YYYY-MM-DD\``}
  if (type === 'severity') return {ruleId: 'severity', message: `Unexpected ${shown} for ${name}, expected \`P0\`, \`P1\` or \`P2\``}
  if (type === 'minutes') return {ruleId: 'duration', message: `Unexpected ${shown} for ${name}, expected whole minutes`}
  if (type === 'hotfix') return {ruleId: 'hotfix-choice', message: `Unexpected ${shown} for ${name}, expected \`Full fix\` or \`Temporary workaround\``}
  if (/\.priority$/.test(path)) return {ruleId: 'priority', message: `Unexpected ${shown} for ${name}, expected \`High\`, \`Medium\` or \`Low\``}
  if (/\.status$/.test(path)) return {ruleId: 'status', message: `Unexpected ${shown} for ${name}, expected \`Not Started\`, \`In Progress\`, \`Blocked\`, \`Done\` or \`Won't Do\``}
  if (/^timeline\[\d+\]\.time$/.test(path)) return {ruleId: 'time-format', message: `Unexpected ${shown} for ${name}, expected \`HH:MM\`, \`HH:MM:SS\` or an ISO date-time`}
  return {ruleId: 'schema', message: `${zodMessage} (${name})`}
}
