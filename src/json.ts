import {PostmortemDraftSchema, PostmortemSchema, type Postmortem, type PostmortemDraft} from './profile/builtin-model.js'
import {joinPath, describePath} from './model/names.js'
import type {Profile} from './profile/compile.js'
import {schemasOf} from './profile/schema.js'

/** Why JSON text could not be read: the parser's message and where. */
export interface JsonError {
  readonly message: string
  readonly line: number
  readonly column: number
}

const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Parse JSON text. Never throws: a syntax error comes back with its line and column. Keys that
 * could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are dropped.
 * Linear, and safe for any nesting depth (no recursion).
 */
export function parseJson(text: string): {ok: true; value: unknown} | {ok: false; error: JsonError} {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let value: unknown
  try {
    // Note: `JSON.parse` defines `__proto__` as an own property (it never sets a prototype); a
    // reviver would drop it too, but recurses and overflows the stack on deep nesting.
    value = JSON.parse(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // V8 gives a position for some errors only (`Unexpected token` has none): find it ourselves.
    const offset = Math.min(syntaxErrorOffset(source), source.length)
    let line = 1
    let lineStart = 0
    for (let index = 0; index < offset; index++) {
      const code = source.charCodeAt(index)
      if (code === 10 || (code === 13 && source.charCodeAt(index + 1) !== 10)) {
        line++
        lineStart = index + 1
      }
    }
    // V8's `Unexpected token` messages quote the source (newlines and all): name the character.
    const short = message.startsWith('Unexpected token')
      ? offset < source.length
        ? `Unexpected character ${JSON.stringify(source[offset])}`
        : 'Unexpected end of JSON input'
      : message.split('\n')[0]!.replace(/ (?:in JSON )?at position \d+$/, '')
    return {ok: false, error: {message: short, line, column: offset - lineStart + 1}}
  }
  return {ok: true, value: dropUnsafeKeys(value)}
}

/** Delete `__proto__`, `constructor` and `prototype` keys at any depth (iteratively). */
function dropUnsafeKeys(value: unknown): unknown {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (current === null || typeof current !== 'object') continue
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push(item)
      continue
    }
    const record = current as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (unsafeKeys.has(key)) {
        delete record[key]
        continue
      }
      const item = record[key]
      if (item !== null && typeof item === 'object') stack.push(item)
    }
  }
  return value
}

const isJsonSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13
const isDigit = (code: number): boolean => code >= 48 && code <= 57

/**
 * Offset of the first JSON syntax error in `text` (its length when the error is at the end).
 * One pass with an explicit stack: no regular expressions, no recursion.
 */
export function syntaxErrorOffset(text: string): number {
  let index = 0
  const stack: ('object' | 'array')[] = []
  const skip = (): void => {
    while (index < text.length && isJsonSpace(text.charCodeAt(index))) index++
  }
  /** Read a string at `index` (at its quote); false at the offset of the problem. */
  const string = (): boolean => {
    if (text.charCodeAt(index) !== 34) return false
    index++
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code === 34) {
        index++
        return true
      }
      if (code < 32) return false
      if (code === 92) {
        const next = text.charCodeAt(index + 1)
        if (next === 117) {
          for (let digit = 2; digit < 6; digit++) {
            const hex = text.charCodeAt(index + digit)
            if (!(isDigit(hex) || (hex >= 65 && hex <= 70) || (hex >= 97 && hex <= 102))) {
              index += digit
              return false
            }
          }
          index += 6
          continue
        }
        if (![34, 92, 47, 98, 102, 110, 114, 116].includes(next)) {
          index++
          return false
        }
        index += 2
        continue
      }
      index++
    }
    return false
  }
  const number = (): boolean => {
    if (text.charCodeAt(index) === 45) index++
    if (text.charCodeAt(index) === 48) index++
    else if (isDigit(text.charCodeAt(index))) while (isDigit(text.charCodeAt(index))) index++
    else return false
    if (text.charCodeAt(index) === 46) {
      index++
      if (!isDigit(text.charCodeAt(index))) return false
      while (isDigit(text.charCodeAt(index))) index++
    }
    if (text.charCodeAt(index) === 101 || text.charCodeAt(index) === 69) {
      index++
      if (text.charCodeAt(index) === 43 || text.charCodeAt(index) === 45) index++
      if (!isDigit(text.charCodeAt(index))) return false
      while (isDigit(text.charCodeAt(index))) index++
    }
    return true
  }
  /** Read `"key":` in an object. */
  const key = (): boolean => {
    skip()
    if (!string()) return false
    skip()
    if (text.charCodeAt(index) !== 58) return false
    index++
    return true
  }
  /** Read one value, opening containers on the way (a loop, not recursion); false at the problem. */
  const value = (): boolean => {
    for (;;) {
      skip()
      const code = text.charCodeAt(index)
      if (code === 123 || code === 91) {
        stack.push(code === 123 ? 'object' : 'array')
        index++
        skip()
        if (text.charCodeAt(index) === (code === 123 ? 125 : 93)) {
          stack.pop()
          index++
          return true
        }
        if (code === 123 && !key()) return false
        continue
      }
      if (code === 34) return string()
      if (code === 45 || isDigit(code)) return number()
      for (const word of ['true', 'false', 'null']) {
        if (text.startsWith(word, index)) {
          index += word.length
          return true
        }
      }
      return false
    }
  }
  const member = (): boolean => key() && value()
  if (!value()) return index
  for (;;) {
    skip()
    const top = stack.at(-1)
    if (top === undefined) return index < text.length ? index : text.length + 1
    const code = text.charCodeAt(index)
    if (code === 44) {
      index++
      if (!(top === 'object' ? member() : value())) return index
    } else if (code === (top === 'object' ? 125 : 93)) {
      stack.pop()
      index++
    } else {
      return index
    }
  }
}

/** A schema problem in JSON input: field path and message. */
export interface ModelProblem {
  readonly path: string
  readonly message: string
}

/**
 * Read a model from a parsed JSON value: a complete `Postmortem` when it is one, else a
 * `PostmortemDraft` (of `profile`'s model when given: a team's template). Returns the schema
 * problems (of the draft schema) when it is neither.
 */
export function modelFromJson(value: unknown, profile?: Profile): {ok: true; model: Postmortem | PostmortemDraft; complete: boolean} | {ok: false; problems: ModelProblem[]} {
  const schemas = profile ? schemasOf(profile) : {complete: PostmortemSchema, draft: PostmortemDraftSchema}
  const complete = schemas.complete.safeParse(value)
  if (complete.success) return {ok: true, model: complete.data as Postmortem, complete: true}
  const draft = schemas.draft.safeParse(value)
  if (draft.success) return {ok: true, model: draft.data as PostmortemDraft, complete: false}
  return {
    ok: false,
    problems: draft.error.issues.map((issue) => {
      const path = joinPath(issue.path)
      return {path, message: path ? `${issue.message} (${describePath(path, profile ? {profile} : {})})` : issue.message}
    })
  }
}
