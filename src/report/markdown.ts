/**
 * The report as Markdown tables, for a wiki page or a pull-request comment: the same figures as
 * the HTML page, each chart as its table. Text from documents keeps its code spans, but raw
 * HTML and link brackets are escaped, so no document can add markup or a live link.
 */
import type {ReportData, ReportPostmortem} from './data.js'
import {relativeHref, splitCodeSpans} from './escape.js'
import {openItemsInOrder} from './order.js'
import {chartSummaries, numericColumns, plural, ruleCounts} from './summaries.js'

/** Options of `reportMarkdown`. */
export interface MarkdownReportOptions {
  /** The heading (default: `Postmortem report`). */
  readonly title?: string
  /** The path of a postmortem file relative to the report, for links; `null` for no link. */
  readonly linkPath?: (file: string) => string | null
}

/** Render the report as Markdown. */
export function reportMarkdown(data: ReportData, options: MarkdownReportOptions = {}): string {
  const linkPath = options.linkPath ?? ((file: string): string | null => (file === '-' ? null : file))
  const link = (file: string, text: string, line?: number | null): string => {
    const target = linkPath(file)
    return target === null ? plainText(text) : `[${plainText(text)}](<${relativeHref(target, line)}>)`
  }
  const {durationMinutes: duration, actionItems, completeness} = data
  const out: string[] = [`# ${plainText(options.title ?? 'Postmortem report')}`, '', scope(data), '', '## Headline figures', '']
  out.push(
    ...table(
      ['Figure', 'Value'],
      [
        ['Incidents', String(data.postmortems.length)],
        ['Median duration', minutes(duration.median) + (duration.count < data.postmortems.length ? ` (over ${duration.count})` : '')],
        ['90th percentile duration', minutes(duration.p90)],
        ['Open action items', `${actionItems.open} of ${actionItems.total}`],
        ['Overdue action items', String(actionItems.overdue)],
        ['Complete postmortems', `${completeness.complete} of ${data.postmortems.length}`]
      ],
      [false, true]
    )
  )
  for (const chart of chartSummaries(data)) {
    out.push('', `## ${chart.title}`, '')
    if (chart.table.rows.length === 0) out.push(plainText(chart.description))
    else {
      const {headers, rows} = chart.table
      out.push(...table(headers, rows.map((row) => row.map((value) => (typeof value === 'number' ? String(value) : plainText(value)))), numericColumns(chart.table)))
    }
  }
  out.push('', '## Postmortems', '')
  if (data.postmortems.length === 0) out.push('No postmortems.')
  else
    out.push(
      ...table(
        ['Date', 'Postmortem', 'Severity', 'Duration', 'Completeness', 'File'],
        data.postmortems.map((entry) => [
          entry.date ?? 'no date',
          (entry.hotfixId === null ? '' : `**HOTFIX-${inlineMarkdown(entry.hotfixId)}** `) + (entry.title === null ? '_no title_' : inlineMarkdown(entry.title)),
          entry.severity,
          minutes(entry.durationMinutes),
          completenessText(entry),
          link(entry.file, entry.file)
        ]),
        [false, false, false, true, false, false]
      )
    )
  out.push('', '## Open action items', '')
  const open = openItemsInOrder(actionItems.items)
  if (open.length === 0) out.push('No open action items.')
  else
    out.push(
      ...table(
        ['Owner', 'Due date', 'Status', 'Action', 'Postmortem', 'Line'],
        open.map((item) => [
          item.owner === null ? '_no owner_' : inlineMarkdown(item.owner),
          item.dueDate === null ? '_none_' : inlineMarkdown(item.dueDate),
          (item.status === null ? '_unfilled_' : inlineMarkdown(item.status)) + (item.overdue ? ` (**overdue ${plural(item.daysOverdue ?? 0, 'day')}**)` : ''),
          item.action === null ? '' : inlineMarkdown(item.action),
          item.hotfixId !== null ? `HOTFIX-${inlineMarkdown(item.hotfixId)}` : item.title !== null ? inlineMarkdown(item.title) : plainText(item.file),
          link(item.file, item.line === null ? item.file : `${item.file}:${item.line}`, item.line)
        ])
      )
    )
  return out.join('\n') + '\n'
}

function scope(data: ReportData): string {
  const parts = [plural(data.postmortems.length, 'postmortem'), `as of ${data.now}`]
  if (data.since !== null) parts.push(`incidents from ${data.since}`)
  if (data.until !== null) parts.push(`incidents up to ${data.until}`)
  if (data.excluded > 0) parts.push(`${plural(data.excluded, 'postmortem')} outside that window left out`)
  if (data.undated > 0) parts.push(`${plural(data.undated, 'postmortem')} without a real date`)
  return parts.join(' · ')
}

function minutes(value: number | null): string {
  if (value === null) return '–'
  return `${Number.isInteger(value) ? value : value.toFixed(1)} min`
}

function completenessText(entry: ReportPostmortem): string {
  if (entry.complete && entry.errors === 0) return 'Complete'
  if (entry.errors === 0) return 'Incomplete'
  return `${plural(entry.errors, 'error')}: ${ruleCounts(entry.errorsByRule)}`
}

/** A GFM table; `right` aligns columns to the right. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers.map(plainText)), line(headers.map((_, index) => (right[index] ? '---:' : '---'))), ...rows.map(line)]
}

/** Text the report wrote, or a file name: every Markdown punctuation character escaped. */
function plainText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#&!]/g, (char) => (char === '<' ? '&lt;' : char === '&' ? '&amp;' : `\\${char}`))
}

// Note: entities, not backslashes: a backslash the document wrote before ours would escape
// ours instead, and an entity can form no syntax.
const entities: Readonly<Record<string, string>> = {'<': '&lt;', '[': '&#91;', ']': '&#93;', '|': '&#124;'}

/**
 * Inline Markdown from a document, kept (emphasis, code spans) except for what could add markup
 * or a link: outside code spans `<`, `[`, `]` and `|` become entities; inside them `|` is
 * escaped as a table cell needs.
 */
function inlineMarkdown(text: string): string {
  return splitCodeSpans(oneLine(text))
    .map((piece) =>
      piece.fence === null
        ? piece.text.replace(/[<[\]|]/g, (char) => entities[char]!)
        : piece.fence + piece.text.replace(/\|/g, '\\|') + piece.fence
    )
    .join('')
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}
