/**
 * Building HTML from text that documents wrote. Every value interpolated by `html` is escaped
 * unless it is already `Html`, so a title such as `<img src=x onerror=alert(1)>` shows as text;
 * links are built only from relative file paths, so no document can supply a live URL.
 */

/** Markup the report wrote itself (or text already escaped): interpolated as is. */
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value
  }
}

/** What `html` interpolates: text (escaped), numbers, `Html` (as is), nothing, or lists of these. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[]

const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!)
}

/** A template tag that escapes every interpolated value that is not `Html`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0]!
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!
  })
  return new Html(out)
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return escapeHtml(value)
  return value.map(render).join('')
}

/** A piece of inline Markdown: plain text, or a code span with the backticks that fence it. */
export interface InlinePiece {
  readonly text: string
  /** The backtick run around a code span; `null` for plain text. */
  readonly fence: string | null
}

/**
 * Split inline Markdown into plain text and code spans. A code span opens with a run of
 * backticks and closes at the next run of the same length; an unmatched run is plain text.
 */
export function splitCodeSpans(text: string): InlinePiece[] {
  // Note: the next run of each length is found by a cursor that only moves forward, so this
  // stays linear however many backtick runs the text holds.
  const parts = text.split(/(`+)/)
  const positions = new Map<number, number[]>()
  parts.forEach((part, index) => {
    if (index % 2 === 0) return
    const list = positions.get(part.length)
    if (list) list.push(index)
    else positions.set(part.length, [index])
  })
  const cursor = new Map<number, number>()
  const pieces: InlinePiece[] = []
  let plain = ''
  let index = 0
  while (index < parts.length) {
    const part = parts[index]!
    if (index % 2 === 0) {
      plain += part
      index++
      continue
    }
    const list = positions.get(part.length)!
    let at = cursor.get(part.length) ?? 0
    while (at < list.length && list[at]! <= index) at++
    cursor.set(part.length, at)
    const close = list[at]
    if (close === undefined) {
      plain += part
      index++
      continue
    }
    if (plain !== '') pieces.push({text: plain, fence: null})
    plain = ''
    pieces.push({text: parts.slice(index + 1, close).join(''), fence: part})
    index = close + 1
  }
  if (plain !== '') pieces.push({text: plain, fence: null})
  return pieces
}

/**
 * Inline Markdown as HTML: the text escaped, its code spans as `<code>`. Nothing else of
 * Markdown is interpreted, so links and raw HTML in a document stay visible text.
 */
export function inlineMarkdown(text: string): Html {
  return new Html(splitCodeSpans(text).map((piece) => (piece.fence === null ? escapeHtml(piece.text) : `<code>${escapeHtml(piece.text)}</code>`)).join(''))
}

/**
 * A relative URL for a relative file path (`../notes/a b.md` → `../notes/a%20b.md`): every
 * segment percent-encoded, so `:` and `//` cannot form a scheme or a host, and a leading `./`
 * when the path starts with a name. `line` adds `#L{line}`, as code hosts link to a line.
 */
export function relativeHref(file: string, line?: number | null): string {
  const segments = file.split(/[\\/]/).filter((segment) => segment !== '')
  // Note: lone surrogates become U+FFFD first (encodeURIComponent throws on them).
  const encoded = segments.map((segment) =>
    segment === '.' || segment === '..' ? segment : encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
  )
  const first = encoded[0]
  const path = (first === '.' || first === '..' ? '' : './') + encoded.join('/')
  return line ? `${path}#L${line}` : path
}
