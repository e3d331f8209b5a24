/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG, no script, no
 * font, image or style from anywhere else, and a Content Security Policy that forbids them, so
 * the page opens from disk, reads the same offline and prints on A4.
 */
import {reportCharts, type Chart} from './charts.js'
import type {ReportActionItem, ReportData, ReportPostmortem, SeverityKey} from './data.js'
import {html, Html, inlineMarkdown, relativeHref, type HtmlValue} from './escape.js'
import {openItemsInOrder} from './order.js'
import {numericColumns, ruleCounts, severityStyle, type LegendEntry} from './summaries.js'

/** Options of `reportHtml`. */
export interface HtmlReportOptions {
  /** The page's heading and `<title>` (default: `Postmortem report`). */
  readonly title?: string
  /**
   * The path of a postmortem file relative to the report's folder, for its links; `null` for no
   * link (standard input). Paths are percent-encoded into relative URLs (default: the name).
   */
  readonly linkPath?: (file: string) => string | null
}

// Note: nothing may load; inline style only (Plot's SVGs carry `<style>` elements).
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const style = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 1240px; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #ccc; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
.meta { color: #444; margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 1.25rem 0 0; }
.figures div { border: 1px solid #bbb; border-radius: 6px; padding: 10px 12px; }
.figures dt { color: #444; font-size: .85rem; }
.figures dd { margin: 0; font-size: 1.7rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.figures dd small { font-size: .8rem; font-weight: 400; color: #444; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 16px; align-items: start; }
figure { margin: 0; border: 1px solid #ccc; border-radius: 6px; padding: 12px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.empty { color: #444; font-style: italic; }
details { margin-top: .5rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f2f2f2; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap, .nowrap { white-space: nowrap; }
td { overflow-wrap: anywhere; }
.sev { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
.overdue { font-weight: 650; color: #5c0a14; }
.ok { color: #1d4d1d; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #f2f2f2; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0b4f9c; }
footer { margin-top: 2rem; color: #555; font-size: .85rem; }
@page { size: A4; margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .charts { grid-template-columns: 1fr 1fr; gap: 8px; }
  figure { padding: 6px; }
  details { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`

/** Render the report page. Every text from a document is escaped; links are relative file paths. */
export function reportHtml(data: ReportData, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Postmortem report'
  const linkPath = options.linkPath ?? ((file: string): string | null => (file === '-' ? null : file))
  const link = (file: string, text: HtmlValue, line?: number | null): Html => {
    const target = linkPath(file)
    return target === null ? html`${text}` : html`<a href="${relativeHref(target, line)}">${text}</a>`
  }
  const charts = reportCharts(data)
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new Html(contentSecurityPolicy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(style)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">${scope(data)}</p>
</header>
<main>
<section aria-labelledby="headline-figures">
<h2 id="headline-figures">Headline figures</h2>
${headline(data)}
</section>
<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
<div class="charts">
${charts.map(figure)}
</div>
</section>
<section aria-labelledby="postmortems">
<h2 id="postmortems">Postmortems</h2>
${postmortemTable(data.postmortems, data.severities, link)}
</section>
<section aria-labelledby="open-action-items">
<h2 id="open-action-items">Open action items</h2>
${actionTable(data, link)}
</section>
</main>
<footer>
<p>Figures as of ${data.now}, written by <code>postmortem report</code>. Durations are the header's <code>**Duration:**</code> in whole minutes; medians and 90th percentiles (nearest rank) are over the postmortems that give whole minutes. An action item is open unless its status is Done or Won't Do, and overdue when open with a due date before ${data.now}; its age counts from its incident's date.</p>
</footer>
</body>
</html>
`
  return page.value
}

function scope(data: ReportData): string {
  const parts = [`${count(data.postmortems.length, 'postmortem')}`, `as of ${data.now}`]
  if (data.since !== null || data.until !== null) parts.push(`incidents ${data.since === null ? 'up to' : `from ${data.since}`}${data.since !== null && data.until !== null ? ' to' : ''}${data.until === null ? '' : ` ${data.until}`}`)
  if (data.excluded > 0) parts.push(`${count(data.excluded, 'postmortem')} outside that window left out`)
  if (data.undated > 0) parts.push(`${count(data.undated, 'postmortem')} without a real date`)
  return parts.join(' · ')
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`
}

function minutes(value: number | null): string {
  if (value === null) return '–'
  return `${Number.isInteger(value) ? value : value.toFixed(1)} min`
}

function headline(data: ReportData): Html {
  const {durationMinutes: duration, actionItems, completeness} = data
  const cell = (label: string, value: HtmlValue, note?: string): Html => html`<div><dt>${label}</dt><dd>${value}${note ? html` <small>${note}</small>` : ''}</dd></div>`
  return html`<dl class="figures">
${cell('Incidents', data.postmortems.length)}
${cell('Median duration', minutes(duration.median), duration.count < data.postmortems.length ? `over ${duration.count}` : undefined)}
${cell('90th percentile duration', minutes(duration.p90))}
${cell('Open action items', actionItems.open, `of ${actionItems.total}`)}
${cell('Overdue action items', actionItems.overdue)}
${cell('Complete postmortems', completeness.complete, `of ${data.postmortems.length}`)}
</dl>`
}

function swatch(entry: LegendEntry): Html {
  const shape = entry.symbol === undefined ? html`<rect x="1" y="1" width="12" height="12" fill="${entry.fill}" stroke="#222222" stroke-width="1"/>` : symbol(entry.symbol, entry.fill)
  return html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">${shape}</svg>`
}

/** The duration chart's dot symbols, small enough for a legend. */
function symbol(name: string, fill: string): Html {
  const stroke = html`fill="${fill}" stroke="#222222" stroke-width="1"`
  switch (name) {
    case 'square':
      return html`<rect x="2" y="2" width="10" height="10" ${stroke}/>`
    case 'triangle':
      return html`<path d="M7,1.5L12.5,12H1.5Z" ${stroke}/>`
    case 'diamond':
      return html`<path d="M7,1L13,7L7,13L1,7Z" ${stroke}/>`
    case 'times':
      return html`<path d="M2.5,2.5L11.5,11.5M11.5,2.5L2.5,11.5" stroke="#222222" stroke-width="2"/>`
    default:
      return html`<circle cx="7" cy="7" r="5" ${stroke}/>`
  }
}

function figure(chart: Chart): Html {
  const numeric = numericColumns(chart.table)
  const num = new Html(' class="num"')
  return html`<figure aria-labelledby="${chart.id}-caption">
<figcaption id="${chart.id}-caption"><h3>${chart.title}</h3></figcaption>
${chart.legend.length === 0 ? '' : html`<ul class="legend" aria-label="Legend">${chart.legend.map((entry) => html`<li>${swatch(entry)}${entry.label}</li>`)}</ul>`}
${chart.svg ?? html`<p class="empty">${chart.description}</p>`}
${
  chart.table.rows.length === 0
    ? ''
    : html`<details><summary>Figures as a table</summary><table><caption>${chart.title}</caption><thead><tr>${chart.table.headers.map((header, index) => html`<th scope="col"${numeric[index] ? num : ''}>${header}</th>`)}</tr></thead><tbody>${chart.table.rows.map(
        (row) => html`<tr>${row.map((value, index) => (index === 0 ? html`<th scope="row">${value}</th>` : html`<td${numeric[index] ? num : ''}>${value}</td>`))}</tr>`
      )}</tbody></table></details>`
}
</figure>
`
}

function severityCell(key: SeverityKey, severities: readonly SeverityKey[]): Html {
  const {fill, symbol} = severityStyle(key, severities)
  return html`<span class="sev">${swatch({label: key, fill, symbol})}${key}</span>`
}

function completenessCell(entry: ReportPostmortem): Html {
  if (entry.complete && entry.errors === 0) return html`<span class="ok">Complete</span>`
  if (entry.errors === 0) return html`Incomplete`
  return html`${count(entry.errors, 'error')}: ${ruleCounts(entry.errorsByRule)}`
}

function postmortemTable(postmortems: readonly ReportPostmortem[], severities: readonly SeverityKey[], link: (file: string, text: HtmlValue, line?: number | null) => Html): Html {
  if (postmortems.length === 0) return html`<p class="empty">No postmortems.</p>`
  return html`<table>
<thead><tr><th scope="col">Date</th><th scope="col">Postmortem</th><th scope="col">Severity</th><th scope="col" class="num">Duration</th><th scope="col">Completeness</th><th scope="col">File</th></tr></thead>
<tbody>
${postmortems.map(
  (entry) => html`<tr><td class="nowrap">${entry.date ?? 'no date'}</td><td>${entry.hotfixId === null ? '' : html`<strong>HOTFIX-${entry.hotfixId}</strong> `}${entry.title === null ? html`<span class="empty">no title</span>` : inlineMarkdown(entry.title)}</td><td>${severityCell(entry.severity, severities)}</td><td class="num">${minutes(entry.durationMinutes)}</td><td>${completenessCell(entry)}</td><td class="file">${link(entry.file, entry.file)}</td></tr>
`
)}</tbody>
</table>`
}

/** Which postmortem an action item belongs to: its `HOTFIX-{id}`, else its title, else its file. */
function postmortemCell(item: ReportActionItem): Html {
  if (item.hotfixId !== null) return html`<span class="nowrap">HOTFIX-${item.hotfixId}</span>`
  return item.title === null ? html`<span class="file">${item.file}</span>` : inlineMarkdown(item.title)
}

function actionTable(data: ReportData, link: (file: string, text: HtmlValue, line?: number | null) => Html): Html {
  const open = openItemsInOrder(data.actionItems.items)
  if (open.length === 0) return html`<p class="empty">No open action items.</p>`
  const status = (item: ReportActionItem): Html =>
    html`${item.status === null ? html`<span class="empty">unfilled</span>` : inlineMarkdown(item.status)}${item.overdue ? html`<br><span class="overdue">overdue ${count(item.daysOverdue ?? 0, 'day')}</span>` : ''}`
  return html`<table>
<thead><tr><th scope="col">Owner</th><th scope="col">Due date</th><th scope="col">Status</th><th scope="col">Action</th><th scope="col">Postmortem</th><th scope="col">Line</th></tr></thead>
<tbody>
${open.map(
  (item) => html`<tr><td>${item.owner === null ? html`<span class="empty">no owner</span>` : inlineMarkdown(item.owner)}</td><td class="nowrap">${item.dueDate ?? html`<span class="empty">none</span>`}</td><td>${status(item)}</td><td>${item.action === null ? '' : inlineMarkdown(item.action)}</td><td>${postmortemCell(item)}</td><td class="file">${link(item.file, item.line === null ? item.file : `${item.file}:${item.line}`, item.line)}</td></tr>
`
)}</tbody>
</table>`
}
