import {countBySeverity, formatterOf, nestJson, pieceCounts, type Formatter, type ReportFormat} from './types.js'

/**
 * `--format json`: an array with one object per file, `{file, findings, errorCount,
 * warningCount, infoCount}`, findings as the library returns them. Each file's object is
 * written where the file is linted; the array is printed at the end.
 */
export const jsonFormat: ReportFormat = {
  piece(report) {
    const text = nestJson(JSON.stringify({file: report.name, findings: report.findings, ...countBySeverity(report.findings)}, null, 2), 2)
    return {text, ...pieceCounts(report.findings)}
  },
  assemble() {
    const files: string[] = []
    return {
      add(piece) {
        files.push(piece.text)
        return ''
      },
      // Note: what `JSON.stringify(array, null, 2)` writes, from each element's own text.
      end: () => (files.length === 0 ? '[]\n' : `[\n  ${files.join(',\n  ')}\n]\n`)
    }
  }
}

/** `--format json` over every report. */
export const json: Formatter = formatterOf(jsonFormat)
