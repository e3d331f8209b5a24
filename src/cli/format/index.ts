import {github, githubFile} from './github.js'
import {json} from './json.js'
import {sarif} from './sarif.js'
import {stylish, stylishStream} from './stylish.js'
import type {FileReport, FormatOptions, Formatter, ReportStream} from './types.js'

/** Every output format of `postmortem lint --format`, by name. */
export const formatters: Readonly<Record<string, Formatter>> = {stylish, json, sarif, github}

/**
 * A format as a stream of files: stylish and github print each file's report as soon as it is
 * linted; json and sarif are one document, printed at the end (they keep each file's findings
 * until then, and nothing else).
 */
export function reportStream(name: string, options: FormatOptions): ReportStream {
  if (name === 'stylish') return stylishStream(options)
  if (name === 'github') return {file: githubFile, end: () => ''}
  const formatter = formatters[name]!
  const reports: FileReport[] = []
  return {
    file(report) {
      reports.push(report)
      return ''
    },
    end: () => formatter(reports, options)
  }
}

export type {FileReport, FormatOptions, Formatter, ReportStream} from './types.js'
