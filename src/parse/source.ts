import type {Point, Span} from '../model/finding.js'

/**
 * The text being parsed, normalised (no byte-order mark, LF line endings), with a line index so
 * offsets turn into line:column in logarithmic time. Columns count from the original line, so a
 * byte-order mark does not shift line 1.
 */
export class Source {
  readonly text: string
  readonly hadBom: boolean
  readonly hadCrlf: boolean
  private readonly lineStarts: number[]

  constructor(input: string) {
    this.hadBom = input.charCodeAt(0) === 0xfeff
    // Every leading byte-order mark goes (a file saved twice with one has two): micromark drops
    // one more, and its offsets would then be one off from this text.
    let marks = 0
    while (input.charCodeAt(marks) === 0xfeff) marks++
    let text = marks > 0 ? input.slice(marks) : input
    this.hadCrlf = text.includes('\r')
    if (this.hadCrlf) text = text.replace(/\r\n?/g, '\n')
    this.text = text
    this.lineStarts = [0]
    let index = text.indexOf('\n')
    while (index !== -1) {
      this.lineStarts.push(index + 1)
      index = text.indexOf('\n', index + 1)
    }
  }

  /** The point at `offset`. */
  point(offset: number): Point {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - this.lineStarts[low]! + 1, offset}
  }

  /** The span from `start` to `end` (offsets). */
  span(start: number, end: number): Span {
    return {start: this.point(start), end: this.point(end)}
  }

  /** Offset of the start of the line holding `offset`. */
  lineStart(offset: number): number {
    return this.lineStarts[this.point(offset).line - 1]!
  }

  /** The point just past the last character. */
  end(): Span {
    const point = this.point(this.text.length)
    return {start: point, end: point}
  }
}

/** A label at the start of a line: `**Date:** x`, `**Date**: x`, `__Date:__ x`, `Date: x`. */
export interface LabelLine {
  /** The label as written, without markup or colon. */
  readonly label: string
  /** Offset (in the line) where the value starts, after the label and its spaces. */
  readonly valueStart: number
}

/**
 * Read a label at the start of `line` (one pass, no backtracking). Plain labels (`Date: x`) are
 * at most 40 characters of words, so prose such as "Note that: …" is rarely taken for a label;
 * callers still compare the label with the known ones.
 */
export function readLabel(line: string): LabelLine | undefined {
  let index = 0
  while (line[index] === ' ' || line[index] === '\t') index++
  const marker = line.startsWith('**', index) ? '**' : line.startsWith('__', index) ? '__' : ''
  index += marker.length
  const labelStart = index
  let labelEnd = -1
  let after = -1
  if (marker) {
    const close = line.indexOf(marker, index)
    if (close === -1) return undefined
    const inner = line.slice(index, close)
    if (inner.endsWith(':')) {
      labelEnd = index + inner.length - 1
      after = close + 2
    } else if (line[close + 2] === ':') {
      labelEnd = close
      after = close + 3
    } else {
      return undefined
    }
  } else {
    const colon = line.indexOf(':', index)
    if (colon === -1 || colon - index > 40) return undefined
    for (let at = index; at < colon; at++) {
      const char = line.charCodeAt(at)
      // `*`, `_`, `[`, `` ` ``, `<`, `|`: markup before the colon means this is not a plain label.
      if (char === 42 || char === 95 || char === 91 || char === 96 || char === 60 || char === 124) return undefined
    }
    labelEnd = colon
    after = colon + 1
  }
  const label = line.slice(labelStart, labelEnd).trim()
  if (!label) return undefined
  while (line[after] === ' ' || line[after] === '\t') after++
  return {label, valueStart: after}
}
