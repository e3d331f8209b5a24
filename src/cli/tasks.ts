/**
 * The work `lint`, `fmt` and `stats` do for one file, as plain data in and out, so it runs the
 * same in the main thread or in a worker (`worker.ts`): read the file, look its result up in the
 * cache, compute it when it is not there. Only results travel back, never the file's text or
 * tree, so a command holds one file at a time however many it reads.
 */
import {access, constants} from 'node:fs/promises'
import {format, type Refusal} from '../format.js'
import {builtinProfile} from '../profile/builtin.js'
import {lint} from '../lint/index.js'
import {say, worded} from '../lint/messages.js'
import type {RuleLevels} from '../lint/options.js'
import type {RuleLevel} from '../lint/types.js'
import type {Finding, FindingSeverity} from '../model/finding.js'
import {parseDocument} from '../parse/document.js'
import {reportData, severityKeys, statusKeys, type SeverityKey, type StatusKey} from '../report/data.js'
import {cacheKey} from './cache.js'
import {EncodingError} from './decode.js'
import {readError, readInput, type Input} from './files.js'
import {exit, type CliIo} from './io.js'
import {writeAtomic} from './write.js'

/** What every task carries: the file, and with `--cache` its salt and what the cache holds for it. */
interface TaskBase {
  readonly input: Input
  /** `cacheSalt` of the task's options; without it the result is neither looked up nor keyed. */
  readonly salt?: string
  /** The cache's entry for this file, used when its key is the file's key now. */
  readonly cached?: {readonly key: string; readonly value: unknown}
}

/** Lint one file with its rule levels. */
export interface LintTask extends TaskBase {
  readonly kind: 'lint'
  readonly rules: RuleLevels
  readonly now: string | undefined
}

/** Format one file: check it, rewrite it, or print it. */
export interface FmtTask extends TaskBase {
  readonly kind: 'fmt'
  readonly mode: 'check' | 'write' | 'print'
  readonly addMissing: boolean
}

/** Read one file's figures for `stats`. */
export interface StatsTask extends TaskBase {
  readonly kind: 'stats'
  readonly now: string
  readonly since?: string
  readonly until?: string
}

export type Task = LintTask | FmtTask | StatsTask

/** Lint's result: every finding (before `--quiet`). */
export type LintValue = readonly Finding[]

/** Fmt's result: already canonical, would change, or not formatted (and why). */
export type FmtValue = {readonly state: 'canonical'} | {readonly state: 'changes'} | {readonly state: 'refused'; readonly findings?: readonly Finding[]; readonly why?: string}

/** What `stats` counts of one postmortem. */
export interface StatsRow {
  /** Left out by `--since` / `--until`. */
  readonly excluded: boolean
  readonly severity: SeverityKey
  readonly durationMinutes: number | null
  readonly complete: boolean
  /** Fields missing or invalid (list indices folded), each once, with its label. */
  readonly fields: readonly {readonly path: string; readonly field: string}[]
  readonly actionItems: {readonly total: number; readonly open: number; readonly overdue: number; readonly byStatus: Readonly<Record<StatusKey, number>>}
}

/** Stats' result: the postmortem's row, or the findings of a file that could not be parsed. */
export type StatsValue = {readonly parsed: true; readonly row: StatsRow} | {readonly parsed: false; readonly findings: readonly Finding[]}

/** What a task gives back. */
export interface TaskResult<T = unknown> {
  /** Messages for stderr, in the order they arose (a file that cannot be read, one that cannot be written). */
  readonly stderr: string
  /** Exit code of this file's reading (and writing); findings are judged by the command. */
  readonly code: number
  /** The result, when the file was read. */
  readonly value?: T
  /** The file's cache key (with a salt), and whether `value` came from the cache. */
  readonly key?: string
  readonly hit?: boolean
  /** `fmt` printing one file: the text to print. */
  readonly output?: string
}

/**
 * Run one task. `stdin` reads standard input (in the main thread only: a worker never gets
 * `-`). Throws only on a bug: every problem with a file is in the result.
 */
export async function runTask(task: Task, stdin: () => Promise<string> = noStdin): Promise<TaskResult> {
  let stderr = ''
  const io: CliIo = {argv: [], cwd: process.cwd(), env: {}, stdout: {write: () => undefined}, stderr: {write: (text) => void (stderr += text)}, stdin}
  let text: string
  try {
    text = await readInput(task.input, io)
  } catch (error) {
    // Bytes that are not UTF-8 are one `encoding` finding for lint (never cached: there is no
    // text to key them by) and a file that cannot be read for the other commands.
    if (task.kind === 'lint' && error instanceof EncodingError) return {stderr, code: exit.ok, value: encodingFindings(error, task.rules.encoding)}
    stderr += readError(error, task.input.name) + '\n'
    return {stderr, code: exit.usage}
  }
  const key = task.salt === undefined ? undefined : cacheKey(task.salt, text)
  const cached = key !== undefined && task.cached?.key === key ? task.cached.value : undefined
  const keyed = key === undefined ? {} : {key}
  switch (task.kind) {
    case 'lint': {
      if (cached !== undefined && isLintValue(cached)) return {stderr, code: exit.ok, value: cached, ...keyed, hit: true}
      return {stderr, code: exit.ok, value: lint(text, {rules: task.rules, now: task.now}), ...keyed, hit: false}
    }
    case 'fmt': {
      // Note: a cached "would change" still needs the rewrite to print or write it.
      if (cached !== undefined && isFmtValue(cached) && (cached.state !== 'changes' || task.mode === 'check')) {
        return {stderr, code: exit.ok, value: cached, ...keyed, hit: true, ...(task.mode === 'print' && cached.state === 'canonical' ? {output: text} : {})}
      }
      const result = format(text, {addMissing: task.addMissing})
      let value: FmtValue
      if (result.refused) {
        value = result.document.parsed ? {state: 'refused', why: refusal(result.refused)} : {state: 'refused', findings: result.document.findings}
      } else {
        value = {state: result.changed ? 'changes' : 'canonical'}
      }
      let code: number = exit.ok
      if (task.mode === 'write' && value.state === 'changes') {
        const file = task.input.file!
        try {
          await access(file, constants.W_OK)
          await writeAtomic(file, result.output)
          stderr += `${task.input.name}: formatted\n`
        } catch (error) {
          stderr += readError(error, task.input.name).replace('Cannot read', 'Cannot write') + '\n'
          code = exit.usage
        }
      }
      return {stderr, code, value, ...keyed, hit: false, ...(task.mode === 'print' && !result.refused ? {output: result.output} : {})}
    }
    case 'stats': {
      if (cached !== undefined && isStatsValue(cached)) return {stderr, code: exit.ok, value: cached, ...keyed, hit: true}
      return {stderr, code: exit.ok, value: statsValue(text, task), ...keyed, hit: false}
    }
  }
}

/** The one finding of a file that is not UTF-8, at its first invalid byte (none when the rule is off). */
function encodingFindings(error: EncodingError, level: RuleLevel = 'error'): Finding[] {
  if (level === 'off') return []
  const said = worded(say('notUtf8', {line: error.line, column: error.column}), builtinProfile)
  return [{ruleId: 'encoding', severity: level, ...said, path: '', line: error.line, column: error.column}]
}

async function noStdin(): Promise<string> {
  throw new Error('standard input is read in the main thread only')
}

/**
 * Why fmt refused a parsed document, as it tells the user, with the first place the rewrite
 * would change: `the rewrite would lose `2431` (line 3, in `# Postmortem: HOTFIX-2431`)`.
 */
export function refusal(refused: Refusal): string {
  const lost = refused.lost ?? []
  const where = refused.line === undefined ? '' : `line ${refused.line}${refused.section === undefined ? '' : `, in \`${visible(refused.section)}\``}`
  if (lost.length > 0) {
    const shown = lost.slice(0, 8).map((word) => `\`${word}\``).join(', ')
    return `the rewrite would lose ${shown}${lost.length > 8 ? ` and ${lost.length - 8} more` : ''}${where ? ` (${lost.length > 1 ? 'first at ' : ''}${where})` : ''}`
  }
  const field = refused.path === undefined ? '' : ` (\`${refused.path}\`${where ? ` at ${where}` : ''})`
  return `${refused.reason}${field || (where ? ` (${where})` : '')}; please report it`
}

/** Control and invisible characters shown as `\u0001`, so a heading cannot drive the terminal or hide a character. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** One postmortem's figures: `reportData` of the one document, so `stats` counts as `report` does. */
function statsValue(text: string, task: StatsTask): StatsValue {
  const document = parseDocument(text)
  if (!document.parsed) return {parsed: false, findings: document.findings}
  const data = reportData([{file: task.input.name, document}], {now: task.now, ...(task.since === undefined ? {} : {since: task.since}), ...(task.until === undefined ? {} : {until: task.until})})
  const postmortem = data.postmortems[0]
  const {total, open, overdue, byStatus} = data.actionItems
  return {
    parsed: true,
    row: {
      excluded: postmortem === undefined,
      severity: postmortem?.severity ?? 'unfilled',
      durationMinutes: postmortem?.durationMinutes ?? null,
      complete: postmortem?.complete ?? false,
      fields: data.completeness.fields.map(({path, field}) => ({path, field})),
      actionItems: {total, open, overdue, byStatus: {...byStatus}}
    }
  }
}

// -- checks of cached results (a cache file is input like any other) ----------------------------

const findingSeverities: readonly FindingSeverity[] = ['error', 'warning', 'info']

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
    severityKeys.includes(row.severity as SeverityKey) &&
    (row.durationMinutes === null || (typeof row.durationMinutes === 'number' && Number.isFinite(row.durationMinutes))) &&
    typeof row.complete === 'boolean' &&
    Array.isArray(row.fields) &&
    row.fields.every((field) => isRecord(field) && typeof field.path === 'string' && typeof field.field === 'string') &&
    isRecord(items) &&
    isCount(items.total) &&
    isCount(items.open) &&
    isCount(items.overdue) &&
    isRecord(items.byStatus) &&
    statusKeys.every((key) => isCount((items.byStatus as Record<string, unknown>)[key]))
  )
}
