import {describePath} from '../../model/names.js'
import type {PostmortemDocument} from '../../parse/document.js'
import {severities, statuses} from '../../model/schema.js'
import {validate} from '../../validate/index.js'
import {parseCommandArgs} from '../args.js'
import type {CliIo} from '../io.js'
import {actionItemsOf, canonicalStatus, isOpen} from '../../model/action-items.js'
import {formatOption, readPostmortems} from './actions.js'

export const statsHelp = `Usage: postmortem stats [paths…] [--format text|json]

Summarise postmortems: how many, by severity (P0, P1, P2, other, unfilled), duration in
minutes (mean, median and 90th percentile by nearest rank, over files whose duration is
whole minutes), action items by status, and completeness (how many validate as complete
postmortems, and which fields are most often missing or invalid).

Paths may be files, folders (searched for *.md) or globs; - reads standard input.
Without paths, the current folder is searched.

Options:
  --format text|json  text (default) or one JSON object
  -h, --help          show this help

Exit codes: 0 summarised; 1 a file over the size or nesting limit (left out);
2 usage error or unreadable file (the other files are still counted).
`

/** What `postmortem stats` reports (its `--format json` output). */
export interface Stats {
  readonly postmortems: number
  readonly severity: Record<'P0' | 'P1' | 'P2' | 'other' | 'unfilled', number>
  readonly durationMinutes: {
    /** Files whose duration is whole minutes (the rest are left out of the figures). */
    readonly count: number
    readonly mean: number | null
    readonly median: number | null
    readonly p90: number | null
  }
  readonly actionItems: {
    readonly total: number
    readonly open: number
    readonly byStatus: Record<(typeof statuses)[number] | 'other' | 'unfilled', number>
  }
  readonly completeness: {
    readonly complete: number
    readonly incomplete: number
    /** Fields missing or invalid, by the number of postmortems they affect, most common first. */
    readonly fields: readonly {readonly path: string; readonly field: string; readonly count: number}[]
  }
}

/** Summary statistics over parsed postmortems. */
export function computeStats(documents: readonly PostmortemDocument[]): Stats {
  const severity: Stats['severity'] = {P0: 0, P1: 0, P2: 0, other: 0, unfilled: 0}
  const byStatus = {} as Record<(typeof statuses)[number] | 'other' | 'unfilled', number>
  for (const status of statuses) byStatus[status] = 0
  byStatus.other = 0
  byStatus.unfilled = 0
  const minutes: number[] = []
  let total = 0
  let open = 0
  let complete = 0
  const fieldCounts = new Map<string, {example: string; count: number}>()

  for (const document of documents) {
    const draft = document.draft
    const value = draft.severity?.trim() ?? null
    if (value === null) severity.unfilled++
    else if ((severities as readonly string[]).includes(value)) severity[value as 'P0' | 'P1' | 'P2']++
    else severity.other++

    const duration = draft.durationMinutes?.trim()
    if (duration !== undefined && /^\d+$/.test(duration)) minutes.push(Number(duration))

    for (const {item: row} of actionItemsOf(draft)) {
      total++
      if (isOpen(row)) open++
      if (!row.status) byStatus.unfilled++
      else byStatus[canonicalStatus(row.status) ?? 'other']++
    }

    const result = validate(draft)
    if (result.ok) {
      complete++
      continue
    }
    const seen = new Set<string>()
    for (const issue of result.issues) {
      const key = issue.path.replace(/\[\d+\]/g, '[]')
      if (seen.has(key)) continue
      seen.add(key)
      const entry = fieldCounts.get(key)
      if (entry) entry.count++
      else fieldCounts.set(key, {example: issue.path, count: 1})
    }
  }

  minutes.sort((a, b) => a - b)
  const fields = [...fieldCounts]
    .map(([path, {example, count}]) => ({path, field: describeGroup(path, example), count}))
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

  return {
    postmortems: documents.length,
    severity,
    durationMinutes: {
      count: minutes.length,
      mean: minutes.length === 0 ? null : minutes.reduce((sum, value) => sum + value, 0) / minutes.length,
      median: median(minutes),
      p90: nearestRank(minutes, 90)
    },
    actionItems: {total, open, byStatus},
    completeness: {complete, incomplete: documents.length - complete, fields}
  }
}

/** Median of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The `p`th percentile of sorted numbers by the nearest-rank method: the value at rank ⌈p/100 × n⌉. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

/** Name a field path whose indices were folded (`timeline[].time`) in the template's words. */
function describeGroup(path: string, example: string): string {
  if (path === example) return describePath(path)
  return describePath(example.replace(/\[\d+\]/g, '[0]')).replace(/^(.*?)\b(timeline row|action item|extra block|item) 1 in /, '$1any $2 in ')
}

/** `postmortem stats`: summary statistics. */
export async function stats(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {format: {type: 'string'}})
  const format = formatOption(values.format, ['text', 'json'] as const, 'text')
  const {documents, code} = await readPostmortems(positionals, io)
  const result = computeStats(documents.map(({document}) => document))
  io.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : text(result))
  return code
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
  lines.push(`Action items: ${result.actionItems.total} (${result.actionItems.open} open)`)
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
