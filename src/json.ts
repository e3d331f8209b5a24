import {PostmortemDraftSchema, PostmortemSchema, type Postmortem, type PostmortemDraft} from './model/schema.js'
import {joinPath, describePath} from './model/names.js'

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
 */
export function parseJson(text: string): {ok: true; value: unknown} | {ok: false; error: JsonError} {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    const value: unknown = JSON.parse(source, (key, value: unknown) => (unsafeKeys.has(key) ? undefined : value))
    return {ok: true, value}
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const match = /position (\d+)/.exec(message)
    const offset = match ? Number(match[1]) : source.length
    let line = 1
    let lineStart = 0
    for (let index = 0; index < offset && index < source.length; index++) {
      if (source.charCodeAt(index) === 10) {
        line++
        lineStart = index + 1
      }
    }
    return {ok: false, error: {message: message.replace(/ in JSON at position \d+.*$/, ''), line, column: offset - lineStart + 1}}
  }
}

/** A schema problem in JSON input: field path and message. */
export interface ModelProblem {
  readonly path: string
  readonly message: string
}

/**
 * Read a model from a parsed JSON value: a complete `Postmortem` when it is one, else a
 * `PostmortemDraft`. Returns the schema problems (of the draft schema) when it is neither.
 */
export function modelFromJson(value: unknown): {ok: true; model: Postmortem | PostmortemDraft; complete: boolean} | {ok: false; problems: ModelProblem[]} {
  const complete = PostmortemSchema.safeParse(value)
  if (complete.success) return {ok: true, model: complete.data, complete: true}
  const draft = PostmortemDraftSchema.safeParse(value)
  if (draft.success) return {ok: true, model: draft.data, complete: false}
  return {
    ok: false,
    problems: draft.error.issues.map((issue) => {
      const path = joinPath(issue.path)
      return {path, message: path ? `${issue.message} (${describePath(path)})` : issue.message}
    })
  }
}
