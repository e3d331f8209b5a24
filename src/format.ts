/**
 * Formatting a postmortem: the template's layout, the document's words and meaning unchanged.
 * What `postmortem fmt` runs, browser-safe: the file's line endings and byte-order mark are kept,
 * and a rewrite that would lose a word or read back differently is refused, never written.
 */
import {isDeepStrictEqual} from './model/equal.js'
import {lostWords} from './lossless.js'
import {parseDocument, type PostmortemDocument} from './parse/document.js'
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
   * that would lose words (`lost` lists them) or read back as something else.
   */
  readonly refused?: {readonly reason: string; readonly lost?: readonly string[]}
  /** The parsed input. */
  readonly document: PostmortemDocument
}

/**
 * Format a postmortem in the template's layout. Never throws. The output keeps the input's line
 * endings (LF or CRLF, as it mostly uses) and byte-order mark; formatting it again changes
 * nothing, and it parses to the same draft as the input.
 */
export function format(markdown: string, options: FormatOptions = {}): FormatResult {
  const document = parseDocument(markdown)
  const refuse = (reason: string, lost?: readonly string[]): FormatResult => ({
    output: markdown,
    changed: false,
    refused: lost ? {reason, lost} : {reason},
    document
  })
  if (!document.parsed) return refuse(document.findings[0]?.message ?? 'not parsed')
  const canonical = stringify(document.draft, options)
  if (canonical === document.source.text) return {output: markdown, changed: false, document}
  const again = parseDocument(canonical)
  const lost = lostWords(document.source.text, canonical, {inputTree: document.tree, outputTree: again.tree})
  if (lost.length > 0) return refuse('the rewrite would lose words', lost)
  // Note: a safety net for SPEC R3; a refusal here is a bug to report.
  if (!options.addMissing && (!isDeepStrictEqual(again.draft, document.draft) || stringify(again.draft) !== canonical)) {
    return refuse('the rewrite would not read back as the same postmortem (please report it)')
  }
  const output = (document.source.hadBom ? '\uFEFF' : '') + (mostlyCrlf(markdown) ? canonical.replace(/\n/g, '\r\n') : canonical)
  return {output, changed: output !== markdown, document}
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
