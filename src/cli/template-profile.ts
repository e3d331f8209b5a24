/**
 * A team's template file as the commands use it: its text derived into a profile once per file
 * per thread (`deriveProfile`), with the hash of its text for cache keys, or the lines that say
 * why it cannot be used (`file:line:column message`). The main thread reads each template a run
 * names and checks it before any file is read (`prepareTemplates` in `templates.ts`); worker
 * threads get the same text in their job and derive it again here, so a profile never crosses
 * threads.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import type {Profile} from '../profile/compile.js'
import {deriveProfile, type TemplateProblem} from '../profile/derive/index.js'
import {decodeUtf8} from './decode.js'
import {readError} from './files.js'

/** A template that can be used: its profile, the hash of its text, and what derive warns about. */
export interface UsableTemplate {
  readonly ok: true
  /** The template's absolute path. */
  readonly file: string
  /** The template as messages name it. */
  readonly name: string
  /** Its text, and its SHA-256: part of every cache key of the files read by it. */
  readonly text: string
  readonly hash: string
  readonly profile: Profile
  readonly warnings: readonly TemplateProblem[]
}

/** A template that cannot be read or used: one line per problem, each naming the file (and the line). */
export interface BrokenTemplate {
  readonly ok: false
  readonly file: string
  readonly name: string
  readonly messages: readonly string[]
}

/** A template file as a command got it. */
export type LoadedTemplate = UsableTemplate | BrokenTemplate

const derived = new Map<string, {readonly text: string; readonly template: LoadedTemplate}>()

/** A problem of a template as a compiler-style line: `template.md:3:1 Unexpected …`. */
export function problemLine(name: string, problem: TemplateProblem): string {
  return `${name}:${problem.line}:${problem.column ?? 1} ${problem.message}`
}

/**
 * The profile of a template's text (derived once per file and text in this thread), or the
 * lines that say why the template cannot be used.
 */
export function templateProfile(file: string, name: string, text: string): LoadedTemplate {
  const known = derived.get(file)
  if (known && known.text === text) return known.template
  const result = deriveProfile(text, {file: name})
  const template: LoadedTemplate = result.ok
    ? {ok: true, file, name, text, hash: createHash('sha256').update(text, 'utf8').digest('hex'), profile: result.profile, warnings: result.warnings}
    : {ok: false, file, name, messages: result.errors.map((problem) => problemLine(name, problem))}
  derived.set(file, {text, template})
  return template
}

/** Read a template file and derive it; its text too, for worker threads. */
export async function loadTemplate(file: string, name: string): Promise<{template: LoadedTemplate; text?: string}> {
  let text: string
  try {
    text = decodeUtf8(await readFile(file))
  } catch (error) {
    const message = error instanceof Error && error.name === 'EncodingError' ? `Cannot read template \`${name}\`: ${error.message}` : readError(error, name).replace('Cannot read', 'Cannot read template')
    return {template: {ok: false, file, name, messages: [message]}}
  }
  return {template: templateProfile(file, name, text), text}
}
