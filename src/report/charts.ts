/**
 * The report's charts, drawn by Observable Plot into a server-side DOM (linkedom) and kept as
 * SVG text, so the page shows them without running any script. Each SVG has `role="img"`, a
 * `<title>` and a `<desc>` with the chart's figures in words.
 *
 * Colours differ in lightness as well as hue, every bar segment is labelled when it has room,
 * and the duration chart gives each severity its own symbol, so the charts read in greyscale.
 */
import * as Plot from '@observablehq/plot'
import {parseHTML} from 'linkedom'
import type {ReportData} from './data.js'
import {Html} from './escape.js'
import {distinctLabels} from './short-labels.js'
import {
  actionColors,
  ageRows,
  chartSummaries,
  durationDots,
  ownerRows,
  plural,
  postmortemNamer,
  severityStyle,
  usedSeverities,
  type ChartId,
  type ChartSummary
} from './summaries.js'

/** A chart ready for the page: its summary, and its SVG when there is anything to draw. */
export interface Chart extends ChartSummary {
  readonly svg: Html | null
}

const outline = '#222222'
const width = 640

/** Black or white, whichever reads on `fill` (`#rrggbb`). */
export function textColorOn(fill: string): '#000000' | '#ffffff' {
  const value = Number.parseInt(fill.slice(1), 16)
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 255) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
  return luminance < 0.18 ? '#ffffff' : '#000000'
}

/** Every chart of a report, in page order. */
export function reportCharts(data: ReportData): Chart[] {
  const {document} = parseHTML('<!doctype html><html><body></body></html>')
  const dom = document as unknown as Document
  return chartSummaries(data).map((summary) => ({...summary, svg: summary.drawn ? finish(dom, summary, draw[summary.id](data)) : null}))
}

const draw: Record<ChartId, (data: ReportData) => Plot.PlotOptions> = {
  'chart-incidents-per-month': months,
  'chart-duration': durations,
  'chart-owners': owners,
  'chart-age': ages,
  'chart-completeness': completeness
}

interface Segment {
  readonly x: string
  readonly key: string
  readonly count: number
  readonly y1: number
  readonly y2: number
  readonly fill: string
  readonly title: string
}

type StackKey<T> = {readonly key: string; readonly fill: string; readonly count: (row: T) => number}

/** Stack counts by hand (first key at the base), so each label sits inside its own segment. */
function stack<T>(rows: readonly T[], x: (row: T) => string, keys: readonly StackKey<T>[], title: (row: T, key: string, count: number) => string): Segment[] {
  return rows.flatMap((row) => {
    let base = 0
    return keys.flatMap(({key, fill, count}) => {
      const value = count(row)
      if (value === 0) return []
      const segment = {x: x(row), key, count: value, y1: base, y2: base + value, fill, title: title(row, key, value)}
      base += value
      return [segment]
    })
  })
}

/** Bars with a thin outline, their labels in black or white, and the zero line. */
function stackedBars(segments: readonly Segment[], horizontal: boolean, label: (segment: Segment) => string): Plot.Markish[] {
  const middle = (segment: Segment): number => (segment.y1 + segment.y2) / 2
  const text = (fill: '#000000' | '#ffffff'): Plot.Markish => {
    const of = segments.filter((segment) => textColorOn(segment.fill) === fill)
    return horizontal ? Plot.text(of, {y: 'x', x: middle, text: label, fill, fontSize: 11}) : Plot.text(of, {x: 'x', y: middle, text: label, fill, fontSize: 11})
  }
  const bars = horizontal
    ? Plot.barX(segments, {y: 'x', x1: 'y1', x2: 'y2', fill: 'fill', stroke: outline, strokeWidth: 0.75, title: 'title'})
    : Plot.barY(segments, {x: 'x', y1: 'y1', y2: 'y2', fill: 'fill', stroke: outline, strokeWidth: 0.75, title: 'title'})
  return [bars, text('#ffffff'), text('#000000'), horizontal ? Plot.ruleX([0]) : Plot.ruleY([0])]
}

/** Plot the chart, then put `role="img"`, `<title>` and `<desc>` on its SVG. */
function finish(document: Document, summary: ChartSummary, options: Plot.PlotOptions): Html {
  const {id, title, description} = summary
  const node = Plot.plot({...options, document, width, style: {fontSize: '11px', background: 'white', color: '#111111'}})
  const svgNs = 'http://www.w3.org/2000/svg'
  node.setAttribute('id', id)
  node.setAttribute('role', 'img')
  node.setAttribute('aria-labelledby', `${id}-title`)
  node.setAttribute('aria-describedby', `${id}-desc`)
  // Note: text goes in as textContent; linkedom escapes it when it serializes.
  const titleNode = document.createElementNS(svgNs, 'title')
  titleNode.setAttribute('id', `${id}-title`)
  titleNode.textContent = title
  const descNode = document.createElementNS(svgNs, 'desc')
  descNode.setAttribute('id', `${id}-desc`)
  descNode.textContent = description
  node.insertBefore(descNode, node.firstChild)
  node.insertBefore(titleNode, node.firstChild)
  return new Html(node.outerHTML)
}

/** Whole-number ticks from 0 to at least `max`, about eight of them. */
function countTicks(segments: readonly Segment[]): number[] {
  const max = Math.max(1, ...segments.map((segment) => segment.y2))
  const step = Math.max(1, Math.ceil(max / 8))
  return Array.from({length: Math.ceil(max / step) + 1}, (_, index) => index * step)
}

function openKeys<T extends {readonly open: number; readonly overdue: number}>(): StackKey<T>[] {
  return [
    {key: 'overdue', fill: actionColors.overdue, count: (row) => row.overdue},
    {key: 'open', fill: actionColors.open, count: (row) => row.open - row.overdue}
  ]
}

const openTitle = (name: string, key: string, count: number): string => `${name}: ${count} ${key === 'overdue' ? 'overdue' : 'open, not yet due'}`

/** Horizontal bars, one row per name, each labelled with a cut of its name that no other row shares. */
function rowsByName(names: readonly string[], segments: readonly Segment[], axis: string): Plot.PlotOptions {
  const labels = distinctLabels(names)
  const longest = labels.reduce((most, label) => Math.max(most, label.length), 0)
  return {
    height: 50 + 26 * names.length,
    marginLeft: Math.min(190, 16 + 6.5 * longest),
    marginRight: 20,
    y: {type: 'band', domain: names.map((_, index) => String(index)), label: null, tickFormat: (key: string) => labels[Number(key)]!},
    x: {grid: true, label: axis, tickFormat: 'd', ticks: countTicks(segments), domain: [0, countTicks(segments).at(-1)!]},
    marks: stackedBars(segments, true, (segment) => String(segment.count))
  }
}

function months(data: ReportData): Plot.PlotOptions {
  const keys = usedSeverities(data)
  const rows = data.months
  const segments = stack(
    rows,
    (row) => row.month,
    keys.map((key) => ({key, fill: severityStyle(key, data.severities).fill, count: (row: (typeof rows)[number]) => row.bySeverity[key] ?? 0})),
    (row, key, count) => `${row.month} · ${key}: ${plural(count, 'incident')}`
  )
  // Note: a segment names its severity only when the band is wide enough to hold it.
  const band = (width - 60) / rows.length
  return {
    height: 300,
    marginLeft: 40,
    marginBottom: rows.length > 12 ? 50 : 30,
    x: {type: 'band', domain: rows.map((row) => row.month), label: null, tickRotate: rows.length > 12 ? -45 : 0},
    y: {grid: true, label: 'Incidents', tickFormat: 'd', ticks: countTicks(segments), domain: [0, countTicks(segments).at(-1)!]},
    marks: stackedBars(segments, false, (segment) => (band >= 34 ? `${segment.key} ${segment.count}` : band >= 14 ? String(segment.count) : ''))
  }
}

function durations(data: ReportData): Plot.PlotOptions {
  const keys = usedSeverities(data)
  const dots = durationDots(data).map((dot) => ({...dot, day: new Date(`${dot.date}T00:00:00Z`)}))
  const {median} = data.durationMinutes
  const marks: Plot.Markish[] = [
    Plot.dot(dots, {
      x: 'day',
      y: 'minutes',
      fill: 'severity',
      symbol: 'severity',
      stroke: outline,
      strokeWidth: 1,
      r: 6,
      title: (dot: (typeof dots)[number]) => `${dot.name} · ${dot.date} · ${dot.severity}: ${dot.minutes} minutes`
    })
  ]
  if (median !== null) {
    marks.unshift(Plot.ruleY([median], {stroke: '#555555', strokeDasharray: '4,3'}))
    marks.push(Plot.text([median], {y: (value: number) => value, frameAnchor: 'right', dy: -7, text: () => `median ${median} min`, fill: '#333333'}))
  }
  return {
    height: 300,
    marginLeft: 50,
    marginRight: 20,
    x: {type: 'utc', label: null, inset: 24},
    y: {grid: true, zero: true, label: 'Minutes'},
    color: {domain: [...keys], range: keys.map((key) => severityStyle(key, data.severities).fill)},
    symbol: {domain: [...keys], range: keys.map((key) => severityStyle(key, data.severities).symbol)},
    marks
  }
}

function owners(data: ReportData): Plot.PlotOptions {
  const rows = ownerRows(data).map((row, index) => ({...row, key: String(index)}))
  const segments = stack(rows, (row) => row.key, openKeys(), (row, key, count) => openTitle(row.name, key, count))
  return rowsByName(
    rows.map((row) => row.name),
    segments,
    'Open action items'
  )
}

function ages(data: ReportData): Plot.PlotOptions {
  const rows = ageRows(data)
  const segments = stack(rows, (row) => row.label, openKeys(), (row, key, count) => openTitle(row.label, key, count))
  return {
    height: 280,
    marginLeft: 40,
    x: {type: 'band', domain: rows.map((row) => row.label), label: null},
    y: {grid: true, label: 'Open action items', tickFormat: 'd', ticks: countTicks(segments), domain: [0, countTicks(segments).at(-1)!]},
    marks: stackedBars(segments, false, (segment) => String(segment.count))
  }
}

function completeness(data: ReportData): Plot.PlotOptions {
  const name = postmortemNamer(data)
  const rows = data.postmortems.filter((entry) => entry.errors > 0).map((entry, index) => ({...entry, key: String(index), name: name(entry)}))
  const segments = stack(rows, (row) => row.key, [{key: 'errors', fill: actionColors.overdue, count: (row) => row.errors}], (row, _key, count) => `${row.name}: ${plural(count, 'lint error')}`)
  return rowsByName(
    rows.map((row) => row.name),
    segments,
    'Lint errors'
  )
}
