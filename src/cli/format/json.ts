import {countBySeverity, type Formatter} from './types.js'

/**
 * `--format json`: an array with one object per file, `{file, findings, errorCount,
 * warningCount, infoCount}`, findings as the library returns them.
 */
export const json: Formatter = (reports) => {
  const files = reports.map((report) => ({file: report.name, findings: report.findings, ...countBySeverity(report.findings)}))
  return JSON.stringify(files, null, 2) + '\n'
}
