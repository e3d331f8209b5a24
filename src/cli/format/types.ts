import type {Finding} from '../../model/finding.js'

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
 * A format written one file at a time, in order: `file` gives what to print for each file as
 * soon as it is linted, `end` what to print after the last.
 */
export interface ReportStream {
  file(report: FileReport): string
  end(): string
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
