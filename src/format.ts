/**
 * Formatting a postmortem: the template's layout, the document's words and meaning unchanged.
 * What `postmortem fmt` runs, browser-safe: the file's line endings and byte-order mark are kept,
 * and a rewrite that would lose a word or read back differently is refused, never written.
 */
import {firstChangedField, headingAt, lineOfPath, pathAtOffset} from './first-change.js'
import {isDeepStrictEqual} from './model/equal.js'
import {firstLostLine, lostWords} from './lossless.js'
import {parseDocument, type PostmortemDocument} from './parse/document.js'
import {builtinProfile} from './profile/builtin.js'
import {stringify, type StringifyOptions} from './stringify/index.js'

/** Options of `format`. */
export interface FormatOptions extends StringifyOptions {}

/** The outcome of `format`. */
export interface FormatResult {
  /** The formatted text; the input itself when formatting was refused. */
  readonly output: string
  /** Whether `output` differs from the input. */
  readonly changed: boolean
  /**
   * Why the input was left as it is, when it was: over a size or nesting limit, or a rewrite
   * that would lose words (`lost` lists them) or read back as something else; and where.
   */
  readonly refused?: Refusal
  /** The parsed input. */
  readonly document: PostmortemDocument
}

/** Why `format` left a document as it is, and the first place the rewrite would have changed. */
export interface Refusal {
  readonly reason: string
  /** Words of the input the rewrite would lose. */
  readonly lost?: readonly string[]
  /** 1-based line of the input: the first lost word, or the first field that would read differently. */
  readonly line?: number
  /** The heading of the section holding `line`, as the document writes it (`## Corrective actions`). */
  readonly section?: string
  /** The field that would read differently (`actionItems.preventRecurrence[0].owner`, `extra[2].after`). */
  readonly path?: string
}

/**
 * Format a postmortem in the template's layout. Never throws. The output keeps the input's line
 * endings (LF or CRLF, as it mostly uses) and byte-order mark; formatting it again changes
 * nothing, and it parses to the same draft as the input.
 */
export function format(markdown: string, options: FormatOptions = {}): FormatResult {
  const profile = options.profile ?? builtinProfile
  const document = parseDocument<object>(markdown, {profile})
  const refuse = (refused: Refusal): FormatResult => ({output: markdown, changed: false, refused, document})
  if (!document.parsed) {
    const first = document.findings[0]
    return refuse({reason: first?.message ?? 'not parsed', ...(first?.line === undefined ? {} : {line: first.line})})
  }
  const canonical = stringify(document.draft, {...options, profile})
  if (canonical === document.source.text) return {output: markdown, changed: false, document}
  const again = parseDocument<object>(canonical, {profile})
  const lost = lostWords(document.source.text, canonical, {inputTree: document.tree, outputTree: again.tree, profile})
  if (lost.length > 0) return refuse({reason: 'the rewrite would lose words', lost, ...place(document, firstLostLine(document.tree, document.source.text, lost, again.tree))})
  // Note: a safety net for SPEC R3; a refusal here is a bug to report.
  if (!options.addMissing) {
    if (!isDeepStrictEqual(again.draft, document.draft)) {
      const changed = firstChangedField(document, again.draft)
      return refuse({reason: 'the rewrite would not read back as the same postmortem', ...(changed ? {path: changed.path, ...place(document, changed.line)} : {})})
    }
    const twice = stringify(again.draft, {profile})
    if (twice !== canonical) {
      // The same reading, written differently a second time: the field the second writing changes.
      let at = 0
      while (at < canonical.length && canonical.charCodeAt(at) === twice.charCodeAt(at)) at++
      const path = pathAtOffset(again, at)
      return refuse({reason: 'the rewrite would change again when formatted a second time', ...(path === undefined ? {} : {path, ...place(document, lineOfPath(document, path))})})
    }
  }
  const output = (document.source.hadBom ? '\uFEFF' : '') + (mostlyCrlf(markdown) ? canonical.replace(/\n/g, '\r\n') : canonical)
  return {output, changed: output !== markdown, document}
}

/** `{line, section}` for a line of the input, or nothing when the line is unknown. */
function place(document: PostmortemDocument, line: number | undefined): {line?: number; section?: string} {
  if (line === undefined) return {}
  const section = headingAt(document, line)
  return section === undefined ? {line} : {line, section}
}

/** Whether most line endings of `text` are CRLF. */
function mostlyCrlf(text: string): boolean {
  let crlf = 0
  let lf = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (text.charCodeAt(index - 1) === 13) crlf++
    else lf++
  }
  return crlf > lf
}
