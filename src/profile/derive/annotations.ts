/**
 * Annotations: `<!-- postmortem: id=severity type=enum values=SEV1|SEV2 aka="Sev|Impact level" -->`
 * right after a template's element complete or override what is derived from it (SPEC §9). An
 * unknown key or a bad value is an error naming its line; annotations are never written by `new`.
 */
import {fieldRoles, type FieldRole, type ValueType} from '../spec.js'

/** What one annotation says. */
export interface Annotation {
  readonly id?: string
  readonly type?: ValueType
  readonly format?: string
  readonly values?: readonly string[]
  readonly optional?: boolean
  readonly required?: boolean
  readonly aka?: readonly string[]
  readonly role?: FieldRole | 'timeline' | 'actionItems'
  readonly repeat?: boolean
}

/** The types an annotation may name. */
export const annotationTypes: readonly ValueType[] = ['text', 'markdown', 'date', 'time', 'datetime', 'minutes', 'enum', 'number', 'list']

/** The roles an annotation may name: a value's, or a section's (`timeline`, `actionItems`). */
export const annotationRoles: readonly (FieldRole | 'timeline' | 'actionItems')[] = [...fieldRoles, 'timeline', 'actionItems']

const keys = ['id', 'type', 'format', 'values', 'optional', 'required', 'aka', 'role', 'repeat'] as const

const prefix = /^<!--\s*postmortem:/i

/** Whether an HTML comment is an annotation. */
export function isAnnotation(html: string): boolean {
  return prefix.test(html.trim())
}

/** Every annotation comment in a text (block or inline), with its offsets. */
export function findAnnotations(text: string): {start: number; end: number; value: string}[] {
  const found: {start: number; end: number; value: string}[] = []
  const pattern = /<!--\s*postmortem:[^]*?-->/gi
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push({start: match.index, end: match.index + match[0].length, value: match[0]})
  return found
}

/**
 * A template's text without its annotations: a comment alone on its lines goes with its line
 * (and the blank line before it, when one stands between it and its element); one inside a line
 * (a table's header cell) goes with the spaces before it. What `new` writes.
 */
export function withoutAnnotations(text: string): string {
  let out = ''
  let at = 0
  for (const {start, end} of findAnnotations(text)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    const lineEndAt = text.indexOf('\n', end)
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt
    const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === ''
    if (alone) {
      let cut = lineStart
      // The blank line between the element and its comment goes with the comment.
      if (text.slice(at, cut).endsWith('\n\n') && (lineEndAt === -1 || text[lineEnd + 1] === '\n' || lineEnd + 1 >= text.length)) cut -= 1
      out += text.slice(at, Math.max(at, cut))
      at = lineEndAt === -1 ? text.length : lineEnd + 1
    } else {
      let cut = start
      while (cut > lineStart && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--
      out += text.slice(at, cut)
      at = end
      // A space after it, before a cell's pipe, is kept so the cell stays padded.
    }
  }
  return out + text.slice(at)
}

/** An annotation read, or what is wrong with it (each message names what was expected). */
export function readAnnotation(comment: string): {annotation: Annotation; errors: string[]} {
  const body = comment
    .trim()
    .replace(prefix, '')
    .replace(/-->$/, '')
    .trim()
  const errors: string[] = []
  const out: {-readonly [K in keyof Annotation]: Annotation[K]} = {}
  const token = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?|(\S+)/g
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const [, key, double, single, bare, stray] = match
    if (stray !== undefined || key === undefined) {
      errors.push(`Cannot read \`${stray ?? match[0]}\` in the annotation: write \`key=value\` (quote values with spaces)`)
      continue
    }
    const value = double ?? single ?? bare
    if (!(keys as readonly string[]).includes(key)) {
      errors.push(`Unknown annotation key \`${key}\`, expected one of ${keys.map((name) => `\`${name}\``).join(', ')}`)
      continue
    }
    const flag = (name: 'optional' | 'required' | 'repeat'): void => {
      if (value === undefined || value === 'true') out[name] = true
      else if (value === 'false') out[name] = false
      else errors.push(`Unexpected \`${name}=${value}\`, expected \`${name}\` alone (or \`${name}=true\`, \`${name}=false\`)`)
    }
    if (key === 'optional' || key === 'required' || key === 'repeat') {
      flag(key)
      continue
    }
    if (value === undefined || value === '') {
      errors.push(`The annotation key \`${key}\` needs a value (\`${key}=…\`)`)
      continue
    }
    const list = (example: string): string[] | undefined => {
      const parts = value.split('|').map((part) => part.trim())
      if (parts.every((part) => part !== '')) return parts
      errors.push(`Unexpected ${key} \`${value}\`, expected names separated by \`|\` (\`${example}\`)`)
      return undefined
    }
    if (key === 'id') {
      if (/^[A-Za-z_$][\w$]*$/.test(value)) out.id = value
      else errors.push(`Unexpected id \`${value}\`, expected a name of letters and digits (\`incidentDate\`)`)
    } else if (key === 'type') {
      if ((annotationTypes as readonly string[]).includes(value)) out.type = value as ValueType
      else errors.push(`Unexpected type \`${value}\`, expected one of ${annotationTypes.map((type) => `\`${type}\``).join(', ')}`)
    } else if (key === 'format') out.format = value
    else if (key === 'values') {
      const values = list('SEV1|SEV2|SEV3')
      if (values) out.values = values
    } else if (key === 'aka') {
      const names = list('Sev|Impact level')
      if (names) out.aka = names
    } else if ((annotationRoles as readonly string[]).includes(value)) out.role = value as NonNullable<Annotation['role']>
    else errors.push(`Unexpected role \`${value}\`, expected one of ${annotationRoles.map((role) => `\`${role}\``).join(', ')}`)
  }
  if (out.optional === true && out.required === true) errors.push('An annotation says both `optional` and `required`: keep one')
  return {annotation: out, errors}
}
