/**
 * Which template each file is read by: `--template FILE` on the command line, else the
 * `template` of its configuration (the last `overrides` entry that names one and matches it,
 * else the configuration's own), else the built-in template. A template that cannot be read or
 * used stops the command before any file is read (exit 2), each problem at `file:line:column`.
 * The deriving itself (`template-profile.ts`) loads only when some template is named.
 */
import path from 'node:path'
import type {Profile} from '../profile/compile.js'
import type {Config} from './config-types.js'
import {ConfigError, ConfigResolver, templateFor} from './config.js'
import {display, type Input, type SkipFile} from './files.js'
import {UsageError, type CliIo} from './io.js'
import type {UsableTemplate} from './template-profile.js'

/** The option every command that reads or writes a postmortem takes. */
export const templateOption = {template: {type: 'string'}} as const

/** The `--template` lines of a command's `--help`, its description starting at `column` as the command's other options'. */
export function templateHelp(column: number): string {
  const indent = ' '.repeat(column)
  const flag = '  --template FILE'
  const first = flag.length + 2 > column ? `${flag}\n${indent}` : flag.padEnd(column)
  return `${first}read and write postmortems by this template (default: the \`template\` of\n${indent}.postmortemrc.json, else the built-in one)`
}

/** The text of each template a run reads files by, by absolute path: what worker threads derive again. */
export type TemplateTexts = Readonly<Record<string, string>>

/** What a job of `lint`, `fmt` or `stats` says of templates: `--template`, and the text of each template its files are read by. */
export function jobTemplates(template: string | undefined, templates: TemplateTexts): {template?: string; templates?: TemplateTexts} {
  return {...(template === undefined ? {} : {template}), ...(Object.keys(templates).length === 0 ? {} : {templates})}
}

/** A command's `--template FILE`, as an absolute path; `undefined` when not given. */
export function templateFlag(values: Readonly<Record<string, unknown>>, cwd: string): string | undefined {
  const given = values.template
  if (given === undefined) return undefined
  if (typeof given !== 'string' || given.trim() === '') throw new UsageError('Unexpected empty `--template`, expected the path of a template file')
  return path.resolve(cwd, given)
}

/**
 * Skip, besides what `skip` skips, a file that is the template its own files are read by: read
 * as a postmortem it would be one of placeholders only.
 */
export function skipTemplates(flag: string | undefined, configOf: (folder: string) => Promise<Config | undefined>, skip?: SkipFile): SkipFile {
  return async (file) => {
    const reason = skip ? await skip(file) : undefined
    if (reason !== undefined) return reason
    if (flag !== undefined) return file === flag ? '`--template`' : undefined
    let config: Config | undefined
    try {
      config = await configOf(path.dirname(file))
    } catch {
      return undefined
    }
    return config !== undefined && templateFor(config, file) === file ? `\`template\` of \`${config.name}\`` : undefined
  }
}

/**
 * Read and derive every template `inputs` are read by, before any of them is read. Returns the
 * templates' texts (empty when none is named), or `undefined` after writing each problem of
 * each template that cannot be used. A configuration that cannot be used names no template
 * here: it is reported when its files are read.
 */
export async function prepareTemplates(inputs: readonly Input[], flag: string | undefined, configOf: (folder: string) => Promise<Config | undefined>, io: CliIo): Promise<TemplateTexts | undefined> {
  const files = new Set<string>()
  if (flag !== undefined) files.add(flag)
  else {
    for (const input of inputs) {
      let config: Config | undefined
      try {
        config = await configOf(input.file === undefined ? io.cwd : path.dirname(input.file))
      } catch {
        continue
      }
      const template = templateFor(config, input.file)
      if (template !== undefined) files.add(template)
    }
  }
  if (files.size === 0) return {}
  const {loadTemplate} = await import('./template-profile.js')
  const texts: Record<string, string> = {}
  let broken = false
  for (const file of [...files].sort()) {
    const {template, text} = await loadTemplate(file, display(file, io.cwd))
    if (template.ok && text !== undefined) texts[file] = text
    else if (!template.ok) {
      for (const line of template.messages) io.stderr.write(line + '\n')
      broken = true
    }
  }
  return broken ? undefined : texts
}

/** The profile one file is read by: `profile` unset for the built-in template; `template` the template file's, when one is named. */
export interface FileProfile {
  readonly profile?: Profile
  readonly template?: UsableTemplate
  /** The file's configuration (none with `--template`, or when there is none). */
  readonly config?: Config
}

/**
 * The template a file is read by (`file` its absolute path, or `undefined` for what is not a
 * file: standard input, or `new` without `--out`, read by the working folder's configuration),
 * derived; or `undefined` after writing why its template or its configuration cannot be used.
 * With `--template` no configuration is read.
 */
export async function profileFor(file: string | undefined, flag: string | undefined, io: CliIo, resolver?: ConfigResolver): Promise<FileProfile | undefined> {
  let config: Config | undefined
  let template = flag
  if (template === undefined) {
    try {
      config = await (resolver ?? new ConfigResolver((name) => display(name, io.cwd))).resolve(file === undefined ? io.cwd : path.dirname(file))
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      io.stderr.write(error.message + '\n')
      return undefined
    }
    template = templateFor(config, file)
  }
  const withConfig = config === undefined ? {} : {config}
  if (template === undefined) return withConfig
  const {loadTemplate} = await import('./template-profile.js')
  const {template: loaded} = await loadTemplate(template, display(template, io.cwd))
  if (!loaded.ok) {
    for (const line of loaded.messages) io.stderr.write(line + '\n')
    return undefined
  }
  return {profile: loaded.profile, template: loaded, ...withConfig}
}
