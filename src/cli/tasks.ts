/**
 * The work `lint`, `fmt` and `stats` do for each file, the same in the main thread or in a
 * worker thread (`worker.ts`): find the file's configuration, read the file, look its result up
 * in the cache, compute it when it is not there, and write what the result prints. What goes in
 * is plain data (the command's `Job` once, then a `FileTask` per file); what comes back is mostly
 * text (`FileOutput`), never the file's text or tree, so a thread holds one file at a time.
 */
import {closeSync, fstatSync, openSync, readFileSync, type Stats} from 'node:fs'
import {access, constants} from 'node:fs/promises'
import path from 'node:path'
import {format, type Refusal} from '../format.js'
import {builtinProfile} from '../profile/builtin.js'
import {lint} from '../lint/index.js'
import {say, worded} from '../lint/messages.js'
import type {RuleLevels} from '../lint/options.js'
import type {RuleLevel} from '../lint/types.js'
import type {Finding} from '../model/finding.js'
import {parseDocument} from '../parse/document.js'
import type {Profile} from '../profile/compile.js'
import {reportData} from '../report/data.js'
import {cacheKey, cacheSalt, statSignature, trustedStat} from './cache.js'
import {isFmtValue, isLintValue, isStatsValue, type FmtValue, type LintValue, type StatsRow, type StatsValue} from './cached-values.js'
import {ConfigError, ConfigResolver, rulesFor, templateFor, type Config} from './config.js'
import {decodeUtf8, EncodingError} from './decode.js'
import {display, readError, type Input} from './files.js'
import {reportFormats, type FormatOptions, type ReportPiece} from './format/index.js'
import {exit} from './io.js'
import {formatFindingLine} from './report.js'
import {templateProfile} from './template-profile.js'
import type {TemplateTexts} from './templates.js'
import type {DateOptions} from './values.js'
import {writeAtomic} from './write.js'

export {isFmtValue, isLintValue, isStatsValue} from './cached-values.js'
export type {FmtValue, LintValue, StatsRow, StatsValue} from './cached-values.js'

interface JobBase {
  /** The working folder: names in messages are relative to it. */
  readonly cwd: string
  /** The package's version, part of every cache key. */
  readonly version: string
  /** `--cache`: each file's result is keyed, and the file's stat taken, as it is read. */
  readonly cache: boolean
  /** `--template FILE` (absolute), which wins over each file's configuration. */
  readonly template?: string
  /** The text of every template the files are read by, by absolute path, read and checked by the main thread. */
  readonly templates?: TemplateTexts
}

/** `lint`: each file's findings, written as its part of the report. */
export interface LintJob extends JobBase {
  readonly kind: 'lint'
  readonly now: string
  /** `--rule` flags, over each file's configuration. */
  readonly ruleFlags: RuleLevels
  /** `--config FILE`, used instead of each file's nearest configuration. */
  readonly config?: Config
  /** A name of `reportFormats`. */
  readonly format: string
  readonly formatOptions: FormatOptions
}

/** `fmt`: check, rewrite or print each file. */
export interface FmtJob extends JobBase {
  readonly kind: 'fmt'
  readonly mode: 'check' | 'write' | 'print'
  readonly addMissing: boolean
}

/** `stats`: each file's figures. */
export interface StatsJob extends JobBase {
  readonly kind: 'stats'
  readonly dates: DateOptions
}

/** What a command does to every file, as plain data: given once to each worker thread. */
export type Job = LintJob | FmtJob | StatsJob

/** One file to work on. */
export interface FileTask {
  readonly input: Input
  /** The cache's entry for the file (a well-formed result of the job's command), used when its key is the file's key now. */
  readonly cached?: {readonly key: string; readonly value: unknown}
}

/** What one file gives back: what the command writes for it, in this order, and what it counts. */
export interface FileOutput {
  /** The message of a configuration that cannot be used: the command writes each such message once, before `stderr`. */
  readonly configError?: string
  /** For stderr: a file that cannot be read or written, `fmt`'s notes, the findings of a file that cannot be parsed. */
  readonly stderr: string
  /** For stdout (`fmt`; `lint` gives `piece` instead, which the report puts in place). */
  readonly stdout: string
  /** The exit code of this file (its findings aside: `lint` judges those over every file). */
  readonly code: number
  /** `lint`: the file's part of the report. */
  readonly piece?: ReportPiece
  /** `stats`: the postmortem's figures. */
  readonly row?: StatsRow
  /** `--cache`: the file's key, and whether the result came from the cache under it. */
  readonly key?: string
  readonly hit?: boolean
  /** `--cache`: the file's stat signature (`statSignature`), when it can be trusted. */
  readonly stat?: string
  /** `--cache`: a computed result for the cache to keep (none for a result from the cache, or one it cannot keep). */
  readonly value?: unknown
}

/** A file's configuration as a command uses it: why it cannot be used, or its rule levels, template's profile and cache salt. */
type Setting =
  | {readonly configError: string; readonly template?: boolean}
  | {readonly configError?: undefined; readonly rules: RuleLevels; readonly profile: Profile | undefined; readonly salt: string}

/** The levels of a file no configuration sets rules for (`fmt` and `stats` use none). */
const noLevels: RuleLevels = {}

/** What each command calls the files it did not work on. */
const verbs = {lint: 'linted', fmt: 'formatted', stats: 'counted'} as const

/**
 * The work of one command over its files, in one thread. `configOf` finds the configuration of
 * a folder (each folder's is read once; a worker thread has its own); `stdin` reads standard
 * input, which only the main thread can.
 */
export class FileWork {
  readonly #job: Job
  readonly #configOf: (folder: string) => Promise<Config | undefined>
  readonly #stdin: () => Promise<string>
  /** A configuration's levels → its template (absolute path, `''` for the built-in one) → the levels with `--rule` flags over them, the profile, and their cache salt. */
  readonly #settings = new WeakMap<RuleLevels, Map<string, Setting>>()

  constructor(job: Job, options: {configOf?: (folder: string) => Promise<Config | undefined>; stdin?: () => Promise<string>} = {}) {
    this.#job = job
    this.#stdin = options.stdin ?? noStdin
    if (options.configOf) {
      this.#configOf = options.configOf
    } else if (job.kind === 'lint' && job.config) {
      const fixed = job.config
      this.#configOf = async () => fixed
    } else {
      const resolver = new ConfigResolver((file) => display(file, job.cwd))
      this.#configOf = (folder) => resolver.resolve(folder)
    }
  }

  /** The cache salt of a file, or `undefined` when its configuration cannot be used. */
  async salt(input: Input): Promise<string | undefined> {
    const setting = await this.#setting(input)
    return setting.configError === undefined ? setting.salt : undefined
  }

  /** Whether a cached result is the whole answer, without reading the file (`fmt` prints or rewrites some from the text). */
  answersUnread(value: unknown): boolean {
    const job = this.#job
    return job.kind !== 'fmt' || job.mode === 'check' || (job.mode === 'write' && isFmtValue(value) && value.state !== 'changes')
  }

  /** What a file gives for a cached result that `answersUnread`. */
  fromCache(input: Input, key: string, value: unknown): FileOutput {
    const job = this.#job
    const cached = {key, hit: true}
    if (job.kind === 'lint') return {...this.#lintOutput(input, value as LintValue), ...cached}
    if (job.kind === 'fmt') return {...fmtOutput(job, input, value as FmtValue, undefined), ...cached}
    return {...statsOutput(input, value as StatsValue), ...cached}
  }

  /** Work on one file. Throws only on a bug: every problem with a file is in its output. */
  async run(task: FileTask): Promise<FileOutput> {
    const job = this.#job
    const {input} = task
    const setting = await this.#setting(input)
    if (setting.configError !== undefined) {
      const what = setting.template ? 'template' : 'configuration'
      return {configError: setting.configError, stderr: `${input.name}: not ${verbs[job.kind]}: its ${what} cannot be used\n`, stdout: '', code: exit.usage}
    }
    let text: string
    let stat: Stats | undefined
    try {
      if (input.file === undefined) text = await this.#stdin()
      else ({text, stat} = readText(input.file, job.cache))
    } catch (error) {
      // Bytes that are not UTF-8 are one `encoding` finding for lint (never cached: there is no
      // text to key them by) and a file that cannot be read for the other commands.
      if (job.kind === 'lint' && error instanceof EncodingError) return this.#lintOutput(input, encodingFindings(error, setting.rules.encoding))
      return {stderr: readError(error, input.name) + '\n', stdout: '', code: exit.usage}
    }
    const key = job.cache && input.file !== undefined ? cacheKey(setting.salt, text) : undefined
    const keyed = key === undefined ? {} : {key, ...(stat && trustedStat(stat) ? {stat: statSignature(setting.salt, stat)} : {})}
    const cached = key !== undefined && task.cached?.key === key ? task.cached.value : undefined
    const computed = (value: unknown): {hit: false; value?: unknown} => (key === undefined ? {hit: false} : {hit: false, value})
    switch (job.kind) {
      case 'lint': {
        if (cached !== undefined && isLintValue(cached)) return {...this.#lintOutput(input, cached), ...keyed, hit: true}
        const findings = lint(text, {rules: setting.rules, now: job.now, profile: setting.profile})
        return {...this.#lintOutput(input, findings), ...keyed, ...computed(findings)}
      }
      case 'fmt': {
        // Note: a cached "would change" still needs the rewrite to print or write it.
        if (cached !== undefined && isFmtValue(cached) && (cached.state !== 'changes' || job.mode === 'check')) {
          return {...fmtOutput(job, input, cached, job.mode === 'print' && cached.state === 'canonical' ? text : undefined), ...keyed, hit: true}
        }
        const result = format(text, {addMissing: job.addMissing, ...(setting.profile ? {profile: setting.profile} : {})})
        let value: FmtValue
        if (result.refused) {
          value = result.document.parsed ? {state: 'refused', why: refusal(result.refused)} : {state: 'refused', findings: result.document.findings}
        } else {
          value = {state: result.changed ? 'changes' : 'canonical'}
        }
        let written = ''
        let code: number = exit.ok
        if (job.mode === 'write' && value.state === 'changes') {
          const file = input.file!
          try {
            await access(file, constants.W_OK)
            await writeAtomic(file, result.output)
            written = `${input.name}: formatted\n`
          } catch (error) {
            written = readError(error, input.name).replace('Cannot read', 'Cannot write') + '\n'
            code = exit.usage
          }
        }
        const output = fmtOutput(job, input, value, job.mode === 'print' && !result.refused ? result.output : undefined)
        return {...output, stderr: written + output.stderr, code: Math.max(code, output.code), ...keyed, ...computed(value)}
      }
      case 'stats': {
        if (cached !== undefined && isStatsValue(cached)) return {...statsOutput(input, cached), ...keyed, hit: true}
        const value = statsValue(text, job.dates, input.name, setting.profile)
        // Note: a duration too long for a number is Infinity, which JSON cannot keep.
        const keep = !value.parsed || value.row.durationMinutes === null || Number.isFinite(value.row.durationMinutes)
        return {...statsOutput(input, value), ...keyed, ...(keep ? computed(value) : {hit: false})}
      }
    }
  }

  /** The rule levels, template's profile and cache salt of a file, or why its configuration or template cannot be used. */
  async #setting(input: Input): Promise<Setting> {
    const job = this.#job
    let config: Config | undefined
    // Note: with `--template`, `fmt` and `stats` need nothing of the configuration.
    if (job.kind === 'lint' || job.template === undefined) {
      try {
        config = await this.#configOf(input.file === undefined ? job.cwd : path.dirname(input.file))
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        return {configError: error.message}
      }
    }
    const levels = job.kind === 'lint' ? rulesFor(config, input.file) : noLevels
    const file = job.template ?? templateFor(config, input.file) ?? ''
    let byTemplate = this.#settings.get(levels)
    if (!byTemplate) {
      byTemplate = new Map()
      this.#settings.set(levels, byTemplate)
    }
    let setting = byTemplate.get(file)
    if (!setting) {
      setting = this.#newSetting(levels, file)
      byTemplate.set(file, setting)
    }
    return setting
  }

  /** The setting of files with `levels` read by the template `file` (`''`: the built-in one). */
  #newSetting(levels: RuleLevels, file: string): Setting {
    const job = this.#job
    let profile: Profile | undefined
    let hash: string | undefined
    if (file !== '') {
      const text = job.templates?.[file]
      // Note: the main thread reads every template of the run before any file; one it did not
      // (a configuration written since) is not read here, where its problems could not be said once.
      if (text === undefined) return {configError: `Cannot read template \`${display(file, job.cwd)}\`: it was not read when the command started`, template: true}
      const template = templateProfile(file, display(file, job.cwd), text)
      if (!template.ok) return {configError: template.messages.join('\n'), template: true}
      profile = template.profile
      hash = template.hash
    }
    const template = hash === undefined ? {} : {template: hash}
    if (job.kind === 'fmt') return {rules: noLevels, profile, salt: cacheSalt(job.version, 'fmt', {addMissing: job.addMissing, ...template})}
    if (job.kind === 'stats') return {rules: noLevels, profile, salt: cacheSalt(job.version, 'stats', {...job.dates, ...template})}
    const rules = {...levels, ...job.ruleFlags}
    return {rules, profile, salt: job.cache ? cacheSalt(job.version, 'lint', {rules, now: job.now, ...template}) : ''}
  }

  /** Lint's output for a file's findings: its part of the report (with `--quiet`, of its errors). */
  #lintOutput(input: Input, findings: LintValue): FileOutput {
    const job = this.#job as LintJob
    const shown = job.formatOptions.quiet ? findings.filter((finding) => finding.severity === 'error') : findings
    return {stderr: '', stdout: '', code: exit.ok, piece: reportFormats[job.format]!.piece({name: input.name, findings: shown}, job.formatOptions)}
  }
}

/**
 * Read a file as UTF-8 text, with its stat when `withStat` (taken on the open file before it is
 * read: a change while it is read shows in the next stat). Throws the system's error, or an
 * `EncodingError`.
 */
function readText(file: string, withStat: boolean): {text: string; stat?: Stats} {
  if (!withStat) return {text: decodeUtf8(readFileSync(file))}
  const fd = openSync(file, 'r')
  try {
    const stat = fstatSync(fd)
    return {text: decodeUtf8(readFileSync(fd)), stat}
  } finally {
    closeSync(fd)
  }
}

/** What fmt writes for a file's result; `output` is the text `print` prints. */
function fmtOutput(job: FmtJob, input: Input, value: FmtValue, output: string | undefined): FileOutput {
  if (value.state === 'refused') {
    let stderr = ''
    if (value.findings) {
      for (const finding of value.findings) stderr += formatFindingLine(input.name, finding) + '\n'
      stderr += `${input.name}: not formatted\n`
    } else {
      stderr += `${input.name}: not formatted: ${value.why ?? 'not parsed'}\n`
    }
    return {stderr, stdout: '', code: exit.findings}
  }
  if (job.mode === 'check' && value.state === 'changes') return {stderr: '', stdout: input.name + '\n', code: exit.findings}
  return {stderr: '', stdout: job.mode === 'print' ? (output ?? '') : '', code: exit.ok}
}

/** What stats writes for a file's result: its row, or the findings of a file it cannot read. */
function statsOutput(input: Input, value: StatsValue): FileOutput {
  if (value.parsed) return {stderr: '', stdout: '', code: exit.ok, row: value.row}
  let stderr = ''
  for (const finding of value.findings) stderr += formatFindingLine(input.name, finding) + '\n'
  return {stderr: stderr + `${input.name}: not read\n`, stdout: '', code: exit.findings}
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
export function statsValue(text: string, dates: DateOptions, name: string, profile?: Profile): StatsValue {
  const document = parseDocument<object>(text, profile ? {profile} : {})
  if (!document.parsed) return {parsed: false, findings: document.findings}
  const data = reportData([{file: name, document}], dates)
  const postmortem = data.postmortems[0]
  const {total, open, overdue, byStatus} = data.actionItems
  return {
    parsed: true,
    row: {
      excluded: postmortem === undefined,
      severity: postmortem?.severity ?? 'unfilled',
      severities: data.severities,
      statuses: data.statuses,
      durationMinutes: postmortem?.durationMinutes ?? null,
      complete: postmortem?.complete ?? false,
      fields: data.completeness.fields.map(({path, field}) => ({path, field})),
      actionItems: {total, open, overdue, byStatus: {...byStatus}}
    }
  }
}
