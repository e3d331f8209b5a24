import type {Finding, FindingSeverity} from '../../model/finding.js'

/** The findings of one linted file. */
export interface FileReport {
  /** The file as shown to the user: relative to the working folder when inside it, or `-`. */
  readonly name: string
  /** Findings, sorted by position. */
  readonly findings: readonly Finding[]
}

/** What a formatter may need besides the reports. */
export interface FormatOptions {
  /** Use ANSI colors (only `stylish` has any). */
  readonly color: boolean
  /** Errors only (`--quiet`): files without findings are left out where a format lists them. */
  readonly quiet: boolean
  /** The package version, for tool metadata (`sarif`). */
  readonly version: string
}

/** A formatter: every report → the text written to stdout. */
export type Formatter = (reports: readonly FileReport[], options: FormatOptions) => string

/**
 * One file's part of a report, made where the file was linted (a worker thread, over many
 * files): its text, and the little the whole report needs of it besides.
 */
export interface ReportPiece {
  /** The file's text (`stylish`: without the blank line that separates it from the file before; empty when it shows nothing). */
  readonly text: string
  /** Findings shown, and the errors and warnings among them. */
  readonly shown: number
  readonly errors: number
  readonly warnings: number
  /** `sarif`: the rule ids that are not in the catalog, in order of first use, each with the severity of that use. */
  readonly rules?: readonly {readonly id: string; readonly severity: FindingSeverity}[]
}

/** A report put together from its pieces, in order: `add` gives what to print now, `end` what to print after the last. */
export interface ReportAssembler {
  add(piece: ReportPiece): string
  end(): string
}

/**
 * A format of `postmortem lint --format`, one file at a time: `piece` makes a file's part
 * wherever the file is linted, `assemble` puts the parts together in the main thread. Stylish
 * and github print each part as soon as it comes; json and sarif are one document, printed at
 * the end (they keep each file's text until then, and nothing else).
 */
export interface ReportFormat {
  piece(report: FileReport, options: FormatOptions): ReportPiece
  assemble(options: FormatOptions): ReportAssembler
}

/** The whole-report formatter of a format: every piece, put together. */
export function formatterOf(format: ReportFormat): Formatter {
  return (reports, options) => {
    const assembler = format.assemble(options)
    let out = ''
    for (const report of reports) out += assembler.add(format.piece(report, options))
    return out + assembler.end()
  }
}

/** Count findings by severity. */
export function countBySeverity(findings: readonly Finding[]): {errorCount: number; warningCount: number; infoCount: number} {
  let errorCount = 0
  let warningCount = 0
  let infoCount = 0
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++
    else if (finding.severity === 'warning') warningCount++
    else infoCount++
  }
  return {errorCount, warningCount, infoCount}
}

/** The counts of a piece: findings shown, errors, warnings. */
export function pieceCounts(findings: readonly Finding[]): {shown: number; errors: number; warnings: number} {
  const {errorCount, warningCount} = countBySeverity(findings)
  return {shown: findings.length, errors: errorCount, warnings: warningCount}
}

/**
 * `text`, a JSON value written with `JSON.stringify(value, null, 2)`, as it reads nested
 * `depth` spaces deep in a document written the same way: every line after the first indented.
 */
export function nestJson(text: string, depth: number): string {
  return text.replaceAll('\n', '\n' + ' '.repeat(depth))
}
