/**
 * The zod checks behind the model's text fields: what makes a value one that can be written back
 * where it belongs and read back as itself. Each schema names its field in the template's words.
 */
import {z} from 'zod'
import {listItemProblem, markdownBodyProblem} from './markdown.js'
import {everyNotation, hasLineBreak, hasOuterSpace, isPlaceholder} from './text.js'

type Check = (value: string) => string | undefined

/**
 * What a written value may be: `filled` for the complete model; a draft's field with its own
 * `placeholder` (unfilled is `null`); `nonEmpty` for items of a list, which are never `""`.
 */
interface WrittenOptions {
  readonly filled: boolean
  readonly block?: boolean
  readonly placeholder?: string | undefined
  readonly nonEmpty?: boolean
}

/**
 * Checks shared by every written value: no outer space or carriage return. A draft's value is
 * not its field's own placeholder (that is `null`; another placeholder is text it holds); a
 * complete postmortem's is not empty and not a placeholder at all.
 */
function written(name: string, options: WrittenOptions): Check {
  return (value) => {
    if (value === '') return options.filled || options.nonEmpty ? `${name} is empty` : undefined
    // Note: a template's literal default (`BST`) written again is a value, not its placeholder.
    if (options.filled ? isPlaceholder(value) : value === options.placeholder && isPlaceholder(value, everyNotation)) return `${name} is only a placeholder (\`${value}\`); ${options.filled ? 'fill it in' : 'use null for an unfilled field'}`
    // Note: a body may open with indented code (`    # foo`); the parse below decides whether
    // its leading white space stays.
    if (options.block ? /^[\n\r]|[ \t\n\r]$/.test(value) : hasOuterSpace(value)) return `${name} has leading or trailing white space, which Markdown cannot keep`
    if (value.includes('\r')) return `${name} holds a carriage return; Markdown lines end with a line feed`
    return undefined
  }
}

function oneLine(name: string, options: WrittenOptions): Check {
  const base = written(name, options)
  return (value) => base(value) ?? (hasLineBreak(value) ? `${name} holds a line break, but it is a one-line field` : undefined)
}

function refined(checks: Check[]): z.ZodString {
  let schema = z.string()
  for (const check of checks) {
    schema = schema.check((ctx) => {
      const problem = check(ctx.value)
      if (problem) ctx.issues.push({code: 'custom', message: problem, input: ctx.value})
    }) as z.ZodString
  }
  return schema
}

/**
 * Options of the text schemas: `filled` for the complete model (no empty string, no
 * placeholder); a draft's field names its own `placeholder` (the value it holds while unfilled).
 */
export interface TextOptions {
  readonly filled: boolean
  readonly placeholder?: string | undefined
}

/** A one-line Markdown value (header field, label value), named as the template writes it (`**Date:**`). */
export function inlineText(name: string, options: TextOptions, what = 'inline Markdown, one line'): z.ZodString {
  return refined([oneLine(name, options)]).meta({description: `${name}: ${what}`}) as z.ZodString
}

/** A table cell: one line, and no `\|` (the table writes `|` as `\|`, so `\|` would read back as a cell boundary). */
export function cellSchema(name: string, what: string, options: TextOptions): z.ZodString {
  return refined([
    oneLine(name, options),
    (value) => (value.includes('\\|') ? `${name} holds \`\\|\`, which a table cell cannot keep (write \`|\` alone)` : undefined)
  ]).meta({description: `${name}: ${what}`}) as z.ZodString
}

/** Free Markdown that is the whole body of a section; `noRule` before the meeting footer. */
export function markdownBody(name: string, options: TextOptions & {noRule?: boolean}): z.ZodString {
  return refined([
    written(name, {...options, block: true}),
    (value) => {
      if (value === '') return undefined
      const problem = markdownBodyProblem(value, options)
      return problem ? `${name} cannot be written back as a section body: ${problem}` : undefined
    }
  ]).meta({description: `${name}: Markdown, kept verbatim`}) as z.ZodString
}

/** One item of an ordered list: Markdown, continuation lines without their indentation. */
export function listItemText(name: string, options: TextOptions = {filled: true}): z.ZodString {
  const item = `An item of ${name}`
  // Note: whether a draft's item is its own placeholder depends on its place (`{factor_2}` is
  // the second item's): the draft's schema checks that over the whole list.
  return refined([
    written(item, {filled: options.filled, nonEmpty: true}),
    (value) => {
      const problem = listItemProblem(value)
      return problem ? `${item} cannot be written back: ${problem}` : undefined
    }
  ]).meta({description: `${item}: Markdown, kept verbatim (continuation lines without indentation)`}) as z.ZodString
}

/** The id a title names after its prefix (`HOTFIX-`): one word (the title's other words are kept in its text). */
export function idText(prefix: string, textKey: string, options: TextOptions): z.ZodString {
  const name = `The id after \`${prefix}\``
  return refined([
    oneLine(name, options),
    (value) => (/\s/.test(value) ? `${name} is one word; a title with other words is kept in \`${textKey}\`` : undefined),
    (value) => (value.endsWith(':') ? `${name} cannot end with \`:\`` : undefined)
  ]).meta({description: `${name} in the title, one word`}) as z.ZodString
}

/** The title's text, when it is not the template's, with `description`. */
export function titleText(description: string, options: TextOptions = {filled: false}): z.ZodString {
  return refined([
    oneLine('The title', {filled: options.filled, nonEmpty: false}),
    (value) => (value.startsWith('#') ? 'The title cannot start with `#`' : undefined)
  ]).meta({description}) as z.ZodString
}

/** One name of a list of names written comma-separated (an attendee), as written. */
export function nameText(options: TextOptions = {filled: true}): z.ZodString {
  return refined([
    oneLine('An attendee', {filled: options.filled, nonEmpty: true}),
    (value) => (value.includes(',') ? 'An attendee holds a comma, but attendees are written comma-separated' : undefined)
  ]).meta({description: 'One attendee, as written'}) as z.ZodString
}
