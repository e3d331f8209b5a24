/** How much a finding matters (not to be confused with an incident's severity, `IncidentSeverity`). */
export type FindingSeverity = 'error' | 'warning' | 'info'

/** A point in the source: 1-based line and column, 0-based offset. */
export interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** A span of the source. */
export interface Span {
  readonly start: Point
  readonly end: Point
}

/**
 * A finding about a postmortem: data, not text to parse. `path` is a field path such as
 * `actionItems.improveDetection[1].owner`; positions are 1-based and present when the finding
 * came from Markdown.
 */
export interface Finding {
  readonly ruleId: string
  readonly severity: FindingSeverity
  readonly message: string
  readonly path: string
  readonly line?: number
  readonly column?: number
  readonly endLine?: number
  readonly endColumn?: number
}

/** Build a finding, placing it at `span` when there is one. */
export function finding(ruleId: string, severity: FindingSeverity, message: string, path: string, span?: Span): Finding {
  if (!span) return {ruleId, severity, message, path}
  return {
    ruleId,
    severity,
    message,
    path,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column
  }
}
