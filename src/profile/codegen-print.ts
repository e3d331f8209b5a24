/** How `typesSource` writes TypeScript: names, strings, JSDoc comments and JSON-like literals. */

/** Lines `typesSource` writes stay within this many characters where they can. */
const width = 120

const identifierPattern = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u

/** A name usable as an identifier: the text if it is one, else with a leading `_`. */
export function identifier(text: string): string {
  return identifierPattern.test(text) ? text : identifierPattern.test(`_${text}`) ? `_${text}` : `_${text.replace(/[^\p{ID_Continue}$]/gu, '_')}`
}

/** An object key: bare when it is an identifier, else quoted. */
export function propertyKey(key: string): string {
  return identifierPattern.test(key) ? key : quote(key)
}

/** A string literal: single quotes, or double quotes when that spares an escape. */
export function quote(text: string): string {
  const json = JSON.stringify(text)
  if (text.includes("'") && !text.includes('"')) return json
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`
}

/** Text ending as a sentence does. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** A `/** … *\/` comment at an indent, on one line when it fits, else wrapped at word boundaries. */
export function jsDoc(text: string, indent: string): string[] {
  const words = text.replace(/\*\//g, '*\\/').split(/\s+/).filter(Boolean)
  const one = `${indent}/** ${words.join(' ')} */`
  if (one.length <= width - 20 || words.length <= 1) return [one]
  const lines = [`${indent}/**`]
  let line = ''
  for (const word of words) {
    // Note: a line never starts with `@`, which would begin a JSDoc tag.
    if (line && !word.startsWith('@') && `${indent} * ${line} ${word}`.length > width - 20) {
      lines.push(`${indent} * ${line}`)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(`${indent} * ${line}`, `${indent} */`)
  return lines
}

/**
 * A JSON-like value as a TypeScript literal: `{key: value}` and `[a, b]` on one line when they
 * fit (after `lead` characters of the line, before `trail`), else one entry a line. Keys keep
 * their order; `undefined` values are left out.
 */
export function literal(value: unknown, indent: string, lead: number, trail: number): string {
  const single = oneLine(value)
  if (single === undefined || indent.length + lead + single.length + trail <= width || typeof value !== 'object' || value === null) return single ?? 'undefined'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${literal(item, inner, 0, 1)}`)
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${inner}${propertyKey(key)}: ${literal(item, inner, propertyKey(key).length + 2, 1)}`)
  return `{\n${entries.join(',\n')}\n${indent}}`
}

function oneLine(value: unknown): string | undefined {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map((item) => oneLine(item) ?? 'undefined').join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined)
    return `{${entries.map(([key, item]) => `${propertyKey(key)}: ${oneLine(item)}`).join(', ')}}`
  }
  return undefined
}
