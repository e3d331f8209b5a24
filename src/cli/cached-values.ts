/**
 * The results `lint`, `fmt` and `stats` keep per file in the cache, and their checks: a cache
 * file is input like any other, so a result is checked before it is used.
 */
import type {Finding, FindingSeverity} from '../model/finding.js'
import type {SeverityKey, StatusKey} from '../report/data.js'

/** Lint's result: every finding (before `--quiet`). */
export type LintValue = readonly Finding[]

/** Fmt's result: already canonical, would change, or not formatted (and why). */
export type FmtValue = {readonly state: 'canonical'} | {readonly state: 'changes'} | {readonly state: 'refused'; readonly findings?: readonly Finding[]; readonly why?: string}

/** What `stats` counts of one postmortem. */
export interface StatsRow {
  /** Left out by `--since` / `--until`. */
  readonly excluded: boolean
  readonly severity: SeverityKey
  /** The severities and statuses of the file's template, in its order (with `other` and `unfilled`). */
  readonly severities: readonly SeverityKey[]
  readonly statuses: readonly StatusKey[]
  readonly durationMinutes: number | null
  readonly complete: boolean
  /** Fields missing or invalid (list indices folded), each once, with its label. */
  readonly fields: readonly {readonly path: string; readonly field: string}[]
  readonly actionItems: {readonly total: number; readonly open: number; readonly overdue: number; readonly byStatus: Readonly<Record<StatusKey, number>>}
}

/** Stats' result: the postmortem's row, or the findings of a file that could not be parsed. */
export type StatsValue = {readonly parsed: true; readonly row: StatsRow} | {readonly parsed: false; readonly findings: readonly Finding[]}

const findingSeverities: readonly FindingSeverity[] = ['error', 'warning', 'info']

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isFinding(value: unknown): value is Finding {
  if (!isRecord(value)) return false
  if (typeof value.ruleId !== 'string' || typeof value.message !== 'string' || typeof value.path !== 'string') return false
  if (!findingSeverities.includes(value.severity as FindingSeverity)) return false
  return ['line', 'column', 'endLine', 'endColumn'].every((name) => value[name] === undefined || Number.isInteger(value[name]))
}

/** A cached lint result: an array of findings. */
export function isLintValue(value: unknown): value is LintValue {
  return Array.isArray(value) && value.every(isFinding)
}

/** A cached fmt result. */
export function isFmtValue(value: unknown): value is FmtValue {
  if (!isRecord(value)) return false
  if (value.state === 'canonical' || value.state === 'changes') return true
  if (value.state !== 'refused') return false
  return (value.findings === undefined || (Array.isArray(value.findings) && value.findings.every(isFinding))) && (value.why === undefined || typeof value.why === 'string')
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

/** A cached stats result. */
export function isStatsValue(value: unknown): value is StatsValue {
  if (!isRecord(value)) return false
  if (value.parsed === false) return Array.isArray(value.findings) && value.findings.every(isFinding)
  if (value.parsed !== true || !isRecord(value.row)) return false
  const row = value.row
  const items = row.actionItems
  return (
    typeof row.excluded === 'boolean' &&
    typeof row.severity === 'string' &&
    (row.durationMinutes === null || (typeof row.durationMinutes === 'number' && Number.isFinite(row.durationMinutes))) &&
    typeof row.complete === 'boolean' &&
    Array.isArray(row.fields) &&
    row.fields.every((field) => isRecord(field) && typeof field.path === 'string' && typeof field.field === 'string') &&
    isRecord(items) &&
    isCount(items.total) &&
    isCount(items.open) &&
    isCount(items.overdue) &&
    isRecord(items.byStatus) &&
    Object.values(items.byStatus).every(isCount) &&
    isStrings(row.severities) &&
    isStrings(row.statuses)
  )
}
