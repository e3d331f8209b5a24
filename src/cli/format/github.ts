import path from 'node:path'
import type {Finding} from '../../model/finding.js'
import {formatterOf, pieceCounts, type Formatter, type ReportFormat} from './types.js'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding:
 * `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=postmortem(rule)::message`.
 * Each file's annotations are printed as soon as it is linted.
 */
export const githubFormat: ReportFormat = {
  piece(report) {
    let text = ''
    for (const finding of report.findings) text += annotation(report.name, finding) + '\n'
    return {text, ...pieceCounts(report.findings)}
  },
  assemble: () => ({add: (piece) => piece.text, end: () => ''})
}

/** `--format github` over every report. */
export const github: Formatter = formatterOf(githubFormat)

function annotation(file: string, finding: Finding): string {
  // Note: GitHub resolves `file` against the repository root, with forward slashes.
  const properties: [string, string | number][] = [['file', file.split(path.sep).join('/')]]
  if (finding.line !== undefined) {
    properties.push(['line', finding.line])
    if (finding.column !== undefined) properties.push(['col', finding.column])
    if (finding.endLine !== undefined) properties.push(['endLine', finding.endLine])
    if (finding.endColumn !== undefined) properties.push(['endColumn', finding.endColumn])
  }
  properties.push(['title', `postmortem(${finding.ruleId})`])
  const shown = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${commands[finding.severity]} ${shown}::${escapeData(finding.message)}`
}

/** Escape a workflow command's message: `%`, `\r` and `\n`. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escape a workflow command's property value: as a message, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
