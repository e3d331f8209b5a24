import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reportFinding} from '../../remark.js'
import type {Formatter} from './types.js'

/**
 * `--format stylish` (the default): vfile-reporter's report, as remark-cli prints it. Each
 * file becomes a VFile whose messages are its findings (errors fatal, warnings not, info
 * neither), so the summary counts errors and warnings the way the unified tools do.
 */
export const stylish: Formatter = (reports, options) => {
  const files = reports.map((report) => {
    const file = new VFile(report.name === '-' ? {} : {path: report.name})
    for (const finding of report.findings) reportFinding(file, finding)
    return file
  })
  const text = reporter(files, {color: options.color, quiet: options.quiet, defaultName: '<stdin>'})
  return text ? text + '\n' : ''
}
