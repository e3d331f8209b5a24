import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {rules as catalog} from '../../lint/index.js'
import type {Finding, FindingSeverity} from '../../model/finding.js'
import {docsUrl, ruleUrl} from '../../remark.js'
import type {FileReport, Formatter} from './types.js'

/** The final OASIS SARIF 2.1.0 schema (the one SARIF validators ask logs to name). */
export const sarifSchemaUrl = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json'

const levels: Readonly<Record<FindingSeverity, 'error' | 'warning' | 'note'>> = {error: 'error', warning: 'warning', info: 'note'}

/** One `reportingDescriptor` of `tool.driver.rules`. */
interface SarifRule {
  id: string
  name: string
  shortDescription: {text: string}
  fullDescription: {text: string}
  help: {text: string; markdown: string}
  helpUri: string
  defaultConfiguration: {level: 'error' | 'warning' | 'note'}
}

/**
 * `--format sarif`: one SARIF 2.1.0 log for code scanning. `tool.driver.rules` is the whole
 * rule catalog (plus any rule id the findings use that the catalog lacks, such as
 * `input-limit`); each result points at its rule by `ruleId` and `ruleIndex`.
 */
export const sarif: Formatter = (reports, options) => {
  const descriptors: SarifRule[] = Object.values(catalog).map((rule) => descriptor(rule.id, rule.severity, rule.description, rule.rationale))
  const indexOf = new Map(descriptors.map((rule, index) => [rule.id, index]))
  const results = []
  for (const report of reports) {
    for (const finding of report.findings) {
      let ruleIndex = indexOf.get(finding.ruleId)
      if (ruleIndex === undefined) {
        ruleIndex = descriptors.push(descriptor(finding.ruleId, finding.severity, `Reports \`${finding.ruleId}\`.`, '')) - 1
        indexOf.set(finding.ruleId, ruleIndex)
      }
      results.push({
        ruleId: finding.ruleId,
        ruleIndex,
        level: levels[finding.severity],
        message: {text: finding.message},
        locations: [{physicalLocation: {artifactLocation: {uri: artifactUri(report)}, region: region(finding)}}]
      })
    }
  }
  const log = {
    $schema: sarifSchemaUrl,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-md',
            version: options.version,
            semanticVersion: options.version,
            informationUri: docsUrl,
            rules: descriptors
          }
        },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

function descriptor(id: string, severity: FindingSeverity, description: string, rationale: string): SarifRule {
  const help = rationale || description
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase()),
    shortDescription: {text: description},
    fullDescription: {text: rationale || description},
    help: {text: help, markdown: `${help}\n\n[Documentation of \`${id}\`](${ruleUrl(id)})`},
    helpUri: ruleUrl(id),
    defaultConfiguration: {level: levels[severity]}
  }
}

/**
 * The file as a URI: relative with forward slashes when it is inside the working folder (what
 * code scanning resolves against the repository), else a `file:` URL.
 */
function artifactUri(report: FileReport): string {
  if (report.name === '-') return 'stdin'
  if (path.isAbsolute(report.name)) return pathToFileURL(report.name).href
  return report.name.split(path.sep).map(encodeURIComponent).join('/')
}

/** A finding's region; a finding without a position is placed on the first line. */
function region(finding: Finding): {startLine: number; startColumn?: number; endLine?: number; endColumn?: number} {
  if (finding.line === undefined) return {startLine: 1}
  return {
    startLine: finding.line,
    ...(finding.column === undefined ? {} : {startColumn: finding.column}),
    ...(finding.endLine === undefined ? {} : {endLine: finding.endLine}),
    ...(finding.endColumn === undefined ? {} : {endColumn: finding.endColumn})
  }
}
