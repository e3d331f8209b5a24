import type {Finding} from '../../model/finding.js'
import {formatterOf, pieceCounts, type Formatter, type ReportFormat} from './types.js'

interface Palette {
  readonly red: string
  readonly yellow: string
  readonly green: string
  readonly cyan: string
  readonly bold: string
  readonly underline: string
  readonly reset: string
  readonly noUnderline: string
  readonly normal: string
}

const colors: Palette = {red: '\u001B[31m', yellow: '\u001B[33m', green: '\u001B[32m', cyan: '\u001B[36m', bold: '\u001B[1m', underline: '\u001B[4m', reset: '\u001B[39m', noUnderline: '\u001B[24m', normal: '\u001B[22m'}
const plain: Palette = {red: '', yellow: '', green: '', cyan: '', bold: '', underline: '', reset: '', noUnderline: '', normal: ''}

/**
 * `--format stylish` (the default): vfile-reporter's report, as remark-cli prints it (a header
 * per file, `no issues found` for a clean one, a closing count of errors and warnings), with the
 * rule id before the message. Only the short columns (place, severity, rule id) are aligned, and
 * within each file, as ESLint's stylish does: each line is as wide as what it says, and a file's
 * report is printed as soon as it is linted. Findings keep the order they come in (by position,
 * as in every format).
 */
export const stylishFormat: ReportFormat = {
  piece(report, options) {
    const palette = options.color ? colors : plain
    const shown = options.quiet ? report.findings.filter((finding) => finding.severity === 'error') : report.findings
    const counts = pieceCounts(shown)
    if (options.quiet && shown.length === 0) return {text: '', ...counts}
    let place = 0
    let severity = 0
    let rule = 0
    for (const finding of shown) {
      place = Math.max(place, placeOf(finding).length)
      severity = Math.max(severity, finding.severity.length)
      rule = Math.max(rule, finding.ruleId.length)
    }
    const tone = counts.errors > 0 ? palette.red : shown.length > 0 ? palette.yellow : palette.green
    const name = report.name === '-' ? '<stdin>' : report.name
    const header = palette.underline + tone + name + palette.reset + palette.noUnderline
    let text = shown.length === 0 ? `${header}: no issues found\n` : header + '\n'
    for (const finding of shown) {
      const level = (finding.severity === 'error' ? palette.red : palette.yellow) + finding.severity + palette.reset
      text +=
        placeOf(finding).padEnd(place) +
        '  ' +
        level +
        ' '.repeat(severity - finding.severity.length) +
        '  ' +
        finding.ruleId.padEnd(rule) +
        '  ' +
        palette.bold +
        codeSpans(finding.message.split(/\r?\n|\r/)[0]!, palette) +
        palette.normal +
        '\n'
    }
    return {text, ...counts}
  },
  assemble(options) {
    const palette = options.color ? colors : plain
    let lastHadFindings = false
    let total = 0
    let errors = 0
    let warnings = 0
    return {
      add(piece) {
        total += piece.shown
        errors += piece.errors
        warnings += piece.warnings
        // Note: a file that shows nothing (`--quiet`) leaves no line, not even a separator.
        if (piece.text === '') return ''
        const text = lastHadFindings ? '\n' + piece.text : piece.text
        lastHadFindings = piece.shown > 0
        return text
      },
      end() {
        const summary = byline(total, errors, warnings, palette)
        return summary ? `\n${summary}\n` : ''
      }
    }
  }
}

/** `--format stylish` over every report. */
export const stylish: Formatter = formatterOf(stylishFormat)

/** `line:column-endLine:endColumn`, as vfile-reporter writes a place (`1:1` without one). */
function placeOf(finding: Finding): string {
  if (finding.line === undefined) return '1:1'
  const start = `${finding.line}:${finding.column ?? 1}`
  return finding.endLine === undefined ? start : `${start}-${finding.endLine}:${finding.endColumn ?? 1}`
}

/** Code spans in cyan, as vfile-reporter shows them. */
function codeSpans(message: string, palette: Palette): string {
  if (!palette.cyan) return message
  return message.replace(/`[^`]*`/g, (span) => palette.cyan + span + palette.reset)
}

/** `✖ 2 errors, ⚠ 1 warning`, or `5 messages (✖ 2 errors, ⚠ 1 warning)` when there is info too. */
function byline(total: number, errorCount: number, warningCount: number, palette: Palette): string {
  const parts: string[] = []
  if (errorCount > 0) parts.push(`${palette.red}✖${palette.reset} ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}`)
  if (warningCount > 0) parts.push(`${palette.yellow}⚠${palette.reset} ${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}`)
  if (parts.length === 0) return ''
  const text = parts.join(', ')
  return total !== errorCount && total !== warningCount ? `${total} messages (${text})` : text
}
