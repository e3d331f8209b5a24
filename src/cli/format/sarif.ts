import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {rules as catalog} from '../../lint/index.js'
import type {Finding, FindingSeverity} from '../../model/finding.js'
import {docsUrl, ruleUrl} from '../../remark.js'
import {formatterOf, nestJson, pieceCounts, type FileReport, type Formatter, type ReportFormat} from './types.js'

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

/** Catalog rule id → its index in `tool.driver.rules` (the catalog comes first, in order). */
let catalogIndex: ReadonlyMap<string, number> | undefined

function indexInCatalog(id: string): number | undefined {
  catalogIndex ??= new Map(Object.keys(catalog).map((ruleId, index) => [ruleId, index]))
  return catalogIndex.get(id)
}

/** Where a result's rule index goes when its rule is not in the catalog: the index is known only once every file is in. */
const pending = '\u0000'

/** The results array's elements are this deep in the log (`runs[0].results[i]`). */
const resultDepth = 8

/**
 * `--format sarif`: one SARIF 2.1.0 log for code scanning. `tool.driver.rules` is the whole
 * rule catalog (plus any rule id the findings use that the catalog lacks, such as
 * `input-limit`); each result points at its rule by `ruleId` and `ruleIndex`. Each file's
 * results are written where the file is linted; the log is printed at the end.
 */
export const sarifFormat: ReportFormat = {
  piece(report) {
    const results: string[] = []
    const rules: {id: string; severity: FindingSeverity}[] = []
    for (const finding of report.findings) {
      let ruleIndex: number | string | undefined = indexInCatalog(finding.ruleId)
      if (ruleIndex === undefined) {
        ruleIndex = pending + finding.ruleId
        if (!rules.some((rule) => rule.id === finding.ruleId)) rules.push({id: finding.ruleId, severity: finding.severity})
      }
      const result = {
        ruleId: finding.ruleId,
        ruleIndex,
        level: levels[finding.severity],
        message: {text: finding.message},
        locations: [{physicalLocation: {artifactLocation: {uri: artifactUri(report)}, region: region(finding)}}]
      }
      results.push(nestJson(JSON.stringify(result, null, 2), resultDepth))
    }
    return {text: results.join(`,\n${' '.repeat(resultDepth)}`), ...pieceCounts(report.findings), ...(rules.length > 0 ? {rules} : {})}
  },
  assemble(options) {
    const results: string[] = []
    const descriptors: SarifRule[] = Object.values(catalog).map((rule) => descriptor(rule.id, rule.severity, rule.description, rule.rationale))
    const indexOf = new Map(descriptors.map((rule, index) => [rule.id, index]))
    return {
      add(piece) {
        if (piece.text === '') return ''
        let text = piece.text
        if (piece.rules) {
          for (const rule of piece.rules) {
            if (!indexOf.has(rule.id)) indexOf.set(rule.id, descriptors.push(descriptor(rule.id, rule.severity, `Reports \`${rule.id}\`.`, '')) - 1)
          }
          text = text.replace(/"ruleIndex": "\\u0000([^"\\]*)"/g, (_, id: string) => `"ruleIndex": ${indexOf.get(id)!}`)
        }
        results.push(text)
        return ''
      },
      end() {
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
              results: results.length === 0 ? [] : [pending]
            }
          ]
        }
        // Note: what `JSON.stringify` writes of the whole log, with each file's results as they were written.
        const text = JSON.stringify(log, null, 2)
        if (results.length === 0) return text + '\n'
        const at = text.lastIndexOf(JSON.stringify(pending))
        return text.slice(0, at) + results.join(`,\n${' '.repeat(resultDepth)}`) + text.slice(at + JSON.stringify(pending).length) + '\n'
      }
    }
  }
}

/** `--format sarif` over every report. */
export const sarif: Formatter = formatterOf(sarifFormat)

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
