import type {Finding} from '../model/finding.js'

/** One finding as a compiler-style line: `file:line:column: severity message [rule]`. */
export function formatFindingLine(name: string, finding: Finding): string {
  const where = finding.line === undefined ? name : `${name}:${finding.line}:${finding.column}`
  return `${where}: ${finding.severity} ${finding.message} [${finding.ruleId}]`
}
