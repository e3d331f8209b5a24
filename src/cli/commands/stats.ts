import {reportData, severityKeys, statusKeys, type ReportData, type ReportInput, type SeverityKey, type StatusKey} from '../../report/data.js'
import {summarize} from '../../report/figures.js'
import {parseCommandArgs} from '../args.js'
import {ConfigResolver, skipByConfig, type Config} from '../config.js'
import {display, expandInputs} from '../files.js'
import {exit, type CliIo} from '../io.js'
import {workerSetting} from '../pool.js'
import {runFiles} from '../run-files.js'
import type {FileOutput, StatsJob, StatsRow} from '../tasks.js'
import {jobTemplates, prepareTemplates, skipTemplates, templateFlag, templateHelp, templateOption} from '../templates.js'
import {readDates, type DateOptions} from '../values.js'
import {version} from '../version.js'
import {formatOption} from './actions.js'

export {median, nearestRank} from '../../report/figures.js'

export const statsHelp = `Usage: postmortem stats [paths…] [options]

Summarise postmortems: how many, by severity (the template's, then other and unfilled), duration in
minutes (mean, median and 90th percentile by nearest rank, over files whose header
**Duration:** is whole minutes), action items by status (open, and overdue against --now),
and completeness (how many validate as complete postmortems, and which fields are most
often missing or invalid). The same figures as \`postmortem report\`.

Paths may be files, folders (searched for *.md) or globs; - reads standard input.
Without paths, the current folder is searched.

Options:
  --format text|json  text (default) or one JSON object
  --now YYYY-MM-DD    the date overdue action items are counted against (default: today, UTC)
  --since YYYY-MM-DD  only postmortems of incidents on or after this date
  --until YYYY-MM-DD  only postmortems of incidents on or before this date
                      (with --since or --until, postmortems without a real Date are left out)
${templateHelp(22)}
  --cache             keep each file's figures and read only files that changed since;
                      kept in node_modules/.cache/postmortem-md/
  --cache-location DIR
                      keep the cache in DIR instead (implies --cache)
  -h, --help          show this help

Over more than 64 files, files are read in worker threads, one per core
(POSTMORTEM_WORKERS=N sets how many; 0 for none); over more than 50, a progress line shows
on stderr when it is a terminal (not with --format json).

Exit codes: 0 summarised; 1 a file over the size or nesting limit (left out);
2 usage error, unreadable file or unusable configuration (the other files are still
counted), or a template that cannot be used (nothing is counted).
`

/** What \`postmortem stats\` reports (its \`--format json\` output). */
export interface Stats {
  readonly postmortems: number
  readonly severity: Record<SeverityKey, number>
  readonly durationMinutes: {
    /** Files whose header duration is whole minutes (the rest are left out of the figures). */
    readonly count: number
    readonly mean: number | null
    readonly median: number | null
    readonly p90: number | null
  }
  readonly actionItems: {
    readonly total: number
    readonly open: number
    /** Open items due before \`now\`. */
    readonly overdue: number
    readonly byStatus: Record<StatusKey, number>
  }
  readonly completeness: {
    readonly complete: number
    readonly incomplete: number
    /** Fields missing or invalid, by the number of postmortems they affect, most common first. */
    readonly fields: readonly {readonly path: string; readonly field: string; readonly count: number}[]
  }
}

/** Summary statistics over parsed postmortems: the \`reportData\` figures that \`stats\` prints. */
export function computeStats(inputs: readonly ReportInput[], options: {now?: string; since?: string; until?: string} = {}): Stats {
  return statsOf(reportData(inputs, options))
}

/** The part of a report's figures that \`stats\` prints. */
export function statsOf(data: ReportData): Stats {
  const {count, mean, median, p90} = data.durationMinutes
  const {total, open, overdue, byStatus} = data.actionItems
  const {complete, incomplete, fields} = data.completeness
  return {
    postmortems: data.postmortems.length,
    severity: {...data.severity},
    durationMinutes: {count, mean, median, p90},
    actionItems: {total, open, overdue, byStatus: {...byStatus}},
    completeness: {complete, incomplete, fields}
  }
}

/** Read \`--now\`, \`--since\` and \`--until\` (dates \`YYYY-MM-DD\`), as \`stats\` and \`report\` take them (\`readDates\`). */
export function dateOptions(values: Readonly<Record<string, unknown>>): DateOptions {
  return readDates(values, 'expects')
}

/**
 * \`stats\` one postmortem at a time: each file's row (\`StatsRow\`, what \`reportData\` counts of
 * it) is added as it comes, so no document is kept; \`result\` gives what \`computeStats\` gives
 * over the same files.
 */
export class StatsTally {
  #postmortems = 0
  // Each template's severities and statuses, in its order, as files of it come (the built-in
  // template's when none has); `other` and `unfilled` last.
  readonly #severityOrder: SeverityKey[] = []
  readonly #statusOrder: StatusKey[] = []
  readonly #severity: Record<SeverityKey, number> = {}
  readonly #durations: number[] = []
  readonly #items = {total: 0, open: 0, overdue: 0}
  readonly #byStatus: Record<StatusKey, number> = {}
  #complete = 0
  readonly #fields = new Map<string, {field: string; count: number}>()

  add(row: StatsRow): void {
    if (row.excluded) return
    this.#postmortems++
    for (const key of row.severities) if (!this.#severityOrder.includes(key)) this.#severityOrder.push(key)
    for (const key of row.statuses) if (!this.#statusOrder.includes(key)) this.#statusOrder.push(key)
    this.#severity[row.severity] = (this.#severity[row.severity] ?? 0) + 1
    if (row.durationMinutes !== null) this.#durations.push(row.durationMinutes)
    this.#items.total += row.actionItems.total
    this.#items.open += row.actionItems.open
    this.#items.overdue += row.actionItems.overdue
    for (const [key, count] of Object.entries(row.actionItems.byStatus)) this.#byStatus[key] = (this.#byStatus[key] ?? 0) + count
    if (row.complete) this.#complete++
    for (const {path, field} of row.fields) {
      const entry = this.#fields.get(path)
      if (entry) entry.count++
      else this.#fields.set(path, {field, count: 1})
    }
  }

  result(): Stats {
    const {count, mean, median, p90} = summarize(this.#durations)
    return {
      postmortems: this.#postmortems,
      severity: ordered(this.#severityOrder, severityKeys, this.#severity),
      durationMinutes: {count, mean, median, p90},
      actionItems: {...this.#items, byStatus: ordered(this.#statusOrder, statusKeys, this.#byStatus)},
      completeness: {
        complete: this.#complete,
        incomplete: this.#postmortems - this.#complete,
        fields: [...this.#fields]
          .map(([path, {field, count}]) => ({path, field, count}))
          .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      }
    }
  }
}

/** \`postmortem stats\`: summary statistics. */
export async function stats(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    format: {type: 'string'},
    now: {type: 'string'},
    since: {type: 'string'},
    until: {type: 'string'},
    cache: {type: 'boolean'},
    'cache-location': {type: 'string'},
    ...templateOption
  })
  const format = formatOption(values.format, ['text', 'json'] as const, 'text')
  const dates = dateOptions(values)
  const template = templateFlag(values, io.cwd)
  const resolver = new ConfigResolver((file) => display(file, io.cwd))
  const configOf = (folder: string): Promise<Config | undefined> => resolver.resolve(folder)
  const {inputs, problems, skipped} = await expandInputs(positionals.length === 0 ? ['.'] : positionals, io.cwd, skipTemplates(template, configOf, skipByConfig(configOf)))
  workerSetting(io.env)
  const templates = await prepareTemplates(inputs, template, configOf, io)
  if (templates === undefined) return exit.usage
  let code: number = exit.ok
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    code = exit.usage
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not counted: matched by ${skip.reason}\n`)
  const location = typeof values['cache-location'] === 'string' ? values['cache-location'] : undefined
  const cache = values.cache === true || location !== undefined
  const tally = new StatsTally()
  const job: StatsJob = {kind: 'stats', cwd: io.cwd, version: version(), cache, dates, ...jobTemplates(template, templates)}
  const onFile = (_input: unknown, output: FileOutput): string => {
    if (output.row) tally.add(output.row)
    return ''
  }
  code = Math.max(code, await runFiles({io, job, inputs, ...(cache ? {cache: {location}} : {}), configOf, progress: format === 'text', onFile}))
  const result = tally.result()
  io.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : text(result))
  return code
}

/** Counts by key in the templates' order (the built-in one's when no file was counted), `other` and `unfilled` last. */
function ordered(order: readonly string[], builtin: readonly string[], counts: Readonly<Record<string, number>>): Record<string, number> {
  const last = ['other', 'unfilled']
  const keys = [...(order.length === 0 ? builtin : order).filter((key) => !last.includes(key)), ...Object.keys(counts).filter((key) => !order.includes(key) && !builtin.includes(key) && !last.includes(key)), ...last]
  return Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0]))
}

function text(result: Stats): string {
  const lines: string[] = []
  const list = (entries: [string, number | string][]): void => {
    const width = Math.max(...entries.map(([label]) => label.length))
    const valueWidth = Math.max(...entries.map(([, value]) => String(value).length))
    for (const [label, value] of entries) lines.push(`  ${label.padEnd(width)}  ${String(value).padStart(valueWidth)}`)
  }
  lines.push(`Postmortems: ${result.postmortems}`, '')
  lines.push('Severity:')
  list(Object.entries(result.severity))
  lines.push('')
  const duration = result.durationMinutes
  lines.push(`Duration in minutes (${duration.count} of ${result.postmortems} with whole minutes):`)
  if (duration.count === 0) lines.push('  none')
  else
    list([
      ['mean', round(duration.mean!)],
      ['median', round(duration.median!)],
      ['p90', round(duration.p90!)]
    ])
  lines.push('')
  lines.push(`Action items: ${result.actionItems.total} (${result.actionItems.open} open, ${result.actionItems.overdue} overdue)`)
  if (result.actionItems.total > 0) list(Object.entries(result.actionItems.byStatus))
  lines.push('')
  const {complete, incomplete, fields} = result.completeness
  lines.push(`Complete: ${complete} of ${result.postmortems} (${incomplete} incomplete)`)
  if (fields.length > 0) {
    lines.push('Most often missing or invalid:')
    const shown = fields.slice(0, 10)
    const width = Math.max(...shown.map((entry) => String(entry.count).length))
    for (const entry of shown) lines.push(`  ${String(entry.count).padStart(width)}  ${entry.field} (${entry.path})`)
    if (fields.length > shown.length) lines.push(`  … and ${fields.length - shown.length} more (see --format json)`)
  }
  return lines.join('\n') + '\n'
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
