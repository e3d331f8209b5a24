/**
 * What each chart of the report says in words and in a table: its title, its text alternative,
 * its legend and its figures. The HTML page draws these as charts and the Markdown report
 * prints them as tables, so both formats show the same figures.
 */
import {type AgeFigures, type ReportData, type SeverityKey} from './data.js'

/** A legend entry: a label and how its marks look. */
export interface LegendEntry {
  readonly label: string
  readonly fill: string
  /** The dot symbol (duration chart), when the marks are dots. */
  readonly symbol?: string
}

/** Which chart a summary belongs to. */
export type ChartId = 'chart-incidents-per-month' | 'chart-duration' | 'chart-owners' | 'chart-age' | 'chart-completeness'

/** A chart's words and figures. */
export interface ChartSummary {
  /** Element id of the chart (also prefixes the ids of its `<title>` and `<desc>`). */
  readonly id: ChartId
  readonly title: string
  /** The text alternative: what the chart shows, with its numbers. */
  readonly description: string
  readonly legend: readonly LegendEntry[]
  /** The chart's figures as a table. */
  readonly table: {readonly headers: readonly string[]; readonly rows: readonly (readonly (string | number)[])[]}
  /** Whether there is anything to draw. */
  readonly drawn: boolean
}

/** Fill of each severity: lightness falls from unfilled to P0, so the order survives greyscale. */
export const severityColors: Readonly<Record<SeverityKey, string>> = {
  P0: '#5c0a14',
  P1: '#b3401a',
  P2: '#e0902a',
  other: '#c9d6e8',
  unfilled: '#ffffff'
}

/** Dot symbol of each severity in the duration chart. */
export const severitySymbols: Readonly<Record<SeverityKey, string>> = {
  P0: 'square',
  P1: 'triangle',
  P2: 'circle',
  other: 'diamond',
  unfilled: 'times'
}

/** Fills of overdue and not-yet-due open action items. */
export const actionColors = {overdue: '#5c0a14', open: '#9db7d5'} as const

/** `1 incident`, `2 incidents`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * How a report names its postmortems in charts: `HOTFIX-{id}`, or the file without one, or both
 * when another postmortem of the report has the same id, so no two files share a name.
 */
export function postmortemNamer(data: Pick<ReportData, 'postmortems'>): (entry: {readonly hotfixId: string | null; readonly file: string}) => string {
  const seen = new Set<string>()
  const shared = new Set<string>()
  for (const {hotfixId} of data.postmortems) {
    if (hotfixId === null) continue
    if (seen.has(hotfixId)) shared.add(hotfixId)
    seen.add(hotfixId)
  }
  return (entry) => (entry.hotfixId === null ? entry.file : shared.has(entry.hotfixId) ? `HOTFIX-${entry.hotfixId} (${entry.file})` : `HOTFIX-${entry.hotfixId}`)
}

/** Severities a report shows: the templates' own always, `other` and `unfilled` when used. */
export function usedSeverities(data: Pick<ReportData, 'severities' | 'severity'>): SeverityKey[] {
  return data.severities.filter((key) => (key !== 'other' && key !== 'unfilled') || (data.severity[key] ?? 0) > 0)
}

/** Fills for a team's own severities, darkest first, in its template's order. */
const palette = ['#5c0a14', '#b3401a', '#e0902a', '#f0c36a', '#7d8fb3', '#4e6a8f']
const symbols = ['square', 'triangle', 'circle', 'cross', 'star', 'wye']

/** A severity's fill and dot symbol: the built-in's own, else by its place among the report's severities. */
export function severityStyle(key: SeverityKey, severities: readonly SeverityKey[]): {fill: string; symbol: string} {
  const own = severities.filter((other) => other !== 'other' && other !== 'unfilled')
  const index = own.indexOf(key)
  if (severityColors[key] !== undefined && (index === -1 || ['P0', 'P1', 'P2'].includes(key))) return {fill: severityColors[key]!, symbol: severitySymbols[key] ?? 'circle'}
  return index === -1 ? {fill: '#9aa5b1', symbol: 'circle'} : {fill: palette[index % palette.length]!, symbol: symbols[index % symbols.length]!}
}

/** Which columns of a chart's table hold numbers (the first, naming the row, never does). */
export function numericColumns(table: ChartSummary['table']): boolean[] {
  return table.headers.map((_, index) => index > 0 && table.rows.every((row) => typeof row[index] === 'number' || row[index] === '–'))
}

/** Every chart's summary, in page order. */
export function chartSummaries(data: ReportData): ChartSummary[] {
  return [months(data), durations(data), owners(data), ages(data), completeness(data)]
}

function months(data: ReportData): ChartSummary {
  const keys = usedSeverities(data)
  const rows = data.months
  const described = rows.map(({month, total, bySeverity}) => `${month}: ${total}${total === 0 ? '' : ` (${keys.filter((key) => (bySeverity[key] ?? 0) > 0).map((key) => `${key} ${bySeverity[key] ?? 0}`).join(', ')})`}`)
  return {
    id: 'chart-incidents-per-month',
    title: 'Incidents per month, by severity',
    description:
      rows.length === 0
        ? 'No postmortem has a real incident date, so no month can be shown.'
        : `${plural(data.postmortems.length - data.undated, 'incident')} from ${rows[0]!.month} to ${rows.at(-1)!.month}. ${described.join('; ')}.`,
    legend: keys.map((key) => ({label: key, fill: (severityColors[key] ?? '#9aa5b1')})),
    table: {headers: ['Month', ...keys, 'Total'], rows: rows.map(({month, total, bySeverity}) => [month, ...keys.map((key) => bySeverity[key] ?? 0), total])},
    drawn: rows.length > 0
  }
}

/** The incidents the duration chart draws: a real date and whole minutes. */
export function durationDots(data: ReportData): {date: string; minutes: number; severity: SeverityKey; name: string}[] {
  const postmortemName = postmortemNamer(data)
  return data.postmortems.flatMap((entry) =>
    entry.date === null || entry.durationMinutes === null ? [] : [{date: entry.date, minutes: entry.durationMinutes, severity: entry.severity, name: postmortemName(entry)}]
  )
}

function durations(data: ReportData): ChartSummary {
  const keys = usedSeverities(data)
  const dots = durationDots(data)
  const {median, p90, count} = data.durationMinutes
  const left = data.postmortems.length - dots.length
  return {
    id: 'chart-duration',
    title: 'Duration of each incident, by severity',
    description:
      dots.length === 0
        ? 'No postmortem gives both a real incident date and a duration in whole minutes.'
        : `${plural(dots.length, 'incident')} with a date and a duration in minutes; median ${median} minutes, 90th percentile ${p90} minutes (over ${count}). ` +
          dots.map((dot) => `${dot.name} on ${dot.date}, ${dot.severity}: ${dot.minutes} min`).join('; ') +
          (left > 0 ? `. ${plural(left, 'postmortem')} without a real date or whole minutes not drawn.` : '.'),
    legend: keys.map((key) => ({label: key, fill: (severityColors[key] ?? '#9aa5b1'), symbol: (severitySymbols[key] ?? 'circle')})),
    table: {
      headers: ['Severity', 'Incidents with minutes', 'Median (min)', '90th percentile (min)'],
      rows: [
        ...keys.map((key) => {
          const figures = data.durationMinutes.bySeverity[key]
          return [key, figures?.count ?? 0, figures?.median ?? '–', figures?.p90 ?? '–']
        }),
        ['All', count, median ?? '–', p90 ?? '–']
      ]
    },
    drawn: dots.length > 0
  }
}

const statusLegend: readonly LegendEntry[] = [
  {label: 'overdue', fill: actionColors.overdue},
  {label: 'open, not yet due', fill: actionColors.open}
]

/** The owners chart's rows: owners by open items, with `(no owner)` for items without one. */
export function ownerRows(data: ReportData): {name: string; open: number; overdue: number}[] {
  return data.actionItems.byOwner.map((entry) => ({name: entry.owner ?? '(no owner)', open: entry.open, overdue: entry.overdue}))
}

function owners(data: ReportData): ChartSummary {
  const rows = ownerRows(data)
  return {
    id: 'chart-owners',
    title: 'Open action items by owner',
    description:
      rows.length === 0
        ? 'No open action items.'
        : `${plural(data.actionItems.open, 'open action item')}, ${data.actionItems.overdue} overdue on ${data.now}; an item with several owners counts for each. ` +
          rows.map((row) => `${row.name}: ${row.open} open, ${row.overdue} overdue`).join('; ') +
          '.',
    legend: statusLegend,
    table: {headers: ['Owner', 'Open', 'Overdue'], rows: rows.map((row) => [row.name, row.open, row.overdue])},
    drawn: rows.length > 0
  }
}

/** The age chart's buckets: every bounded one, and "unknown" when it holds items. */
export function ageRows(data: ReportData): readonly AgeFigures[] {
  return data.actionItems.byAge.filter((bucket) => bucket.minDays !== null || bucket.open > 0)
}

function ages(data: ReportData): ChartSummary {
  const rows = ageRows(data)
  return {
    id: 'chart-age',
    title: 'Age of open action items (days since the incident)',
    description:
      data.actionItems.open === 0
        ? 'No open action items.'
        : `${plural(data.actionItems.open, 'open action item')} by days since their incident, on ${data.now}. ` +
          rows.map((row) => `${row.label}: ${row.open} open, ${row.overdue} overdue`).join('; ') +
          '.',
    legend: statusLegend,
    table: {headers: ['Age', 'Open', 'Overdue'], rows: rows.map((row) => [row.label, row.open, row.overdue])},
    drawn: data.actionItems.open > 0
  }
}

/** `rule count` pairs of a postmortem's errors, most first. */
export function ruleCounts(errorsByRule: Readonly<Record<string, number>>): string {
  return Object.entries(errorsByRule)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([rule, value]) => `${rule} ${value}`)
    .join(', ')
}

function completeness(data: ReportData): ChartSummary {
  const rows = data.postmortems.filter((entry) => entry.errors > 0)
  const postmortemName = postmortemNamer(data)
  return {
    id: 'chart-completeness',
    title: 'Lint errors per postmortem',
    description:
      rows.length === 0
        ? `All ${plural(data.postmortems.length, 'postmortem')} lint without errors.`
        : `${rows.length} of ${plural(data.postmortems.length, 'postmortem')} have lint errors. ` +
          rows.map((row) => `${postmortemName(row)}: ${plural(row.errors, 'error')} (${ruleCounts(row.errorsByRule)})`).join('; ') +
          '.',
    legend: [],
    table: {headers: ['Postmortem', 'Errors', 'By rule'], rows: rows.map((row) => [postmortemName(row), row.errors, ruleCounts(row.errorsByRule)])},
    drawn: rows.length > 0
  }
}
