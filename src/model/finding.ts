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

/** One value of a finding's data: JSON all the way down, so it survives worker threads and caches. */
export type FindingValue = string | number | boolean | readonly (string | number | boolean)[]

/** What a finding is about, as data: field paths, section ids, the values written and expected. */
export type FindingData = Readonly<Record<string, FindingValue>>

/**
 * A finding about a postmortem: data, not text to parse. `path` is a field path such as
 * `actionItems.improveDetection[1].owner`; positions are 1-based and present when the finding
 * came from Markdown. `messageId` and `data` say the defect apart from its wording (as ESLint's
 * `messageId` and `data`): `message` is the wording the message table (`lint/messages.ts`) gives
 * them. Every finding of a rule and of `validate` has them; a finding worded before any rule ran
 * (the reader's `input-limit`) has only its `message`.
 */
export interface Finding {
  readonly ruleId: string
  readonly severity: FindingSeverity
  readonly message: string
  readonly messageId?: string
  readonly data?: FindingData
  readonly path: string
  readonly line?: number
  readonly column?: number
  readonly endLine?: number
  readonly endColumn?: number
}

/** A defect said as data, with its wording: what `finding` takes besides a plain message. */
export interface Worded {
  readonly messageId: string
  readonly data: FindingData
  readonly message: string
}

/** Build a finding, placing it at `span` when there is one. */
export function finding(ruleId: string, severity: FindingSeverity, message: string | Worded, path: string, span?: Span): Finding {
  const said = typeof message === 'string' ? {message} : {message: message.message, messageId: message.messageId, data: message.data}
  if (!span) return {ruleId, severity, ...said, path}
  return {
    ruleId,
    severity,
    ...said,
    path,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column
  }
}
