import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {Minimatch} from 'minimatch'
import {checkRules, type RuleLevels} from '../lint/options.js'
import {ConfigError, type Config} from './config-types.js'
import type {SkipFile} from './files.js'

export {ConfigError} from './config-types.js'
export type {Config, Override} from './config-types.js'
export type {RuleLevels} from '../lint/options.js'
export {closeNames, didYouMean, editDistance, nearestNames} from '../lint/suggest.js'

/** The name of the configuration file searched from each linted file's folder upward. */
export const configName = '.postmortemrc.json'

/** Read `--rule id=level` flags (repeatable; later ones win). Throws a `ConfigError`. */
export function parseRuleFlags(flags: readonly string[]): RuleLevels {
  const rules: Record<string, unknown> = {}
  for (const flag of flags) {
    const equals = flag.indexOf('=')
    if (equals <= 0) throw new ConfigError(`Unexpected \`--rule ${flag}\`, expected \`--rule id=level\` such as \`--rule overdue-action=off\``)
    const id = flag.slice(0, equals).trim()
    const level = flag.slice(equals + 1).trim()
    try {
      Object.assign(rules, checkRules({[id]: level}, ` in \`--rule ${flag}\``))
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : String(error))
    }
  }
  return rules
}

/** Read and parse a configuration file. Throws a `ConfigError` (unreadable, invalid). */
export async function loadConfig(file: string, name: string): Promise<Config> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as {code?: string} | undefined)?.code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(error)
    throw new ConfigError(`Cannot read config \`${name}\`: ${reason}`)
  }
  // Note: the reader (and zod) loads only when there is a configuration file to read.
  const {parseConfig} = await import('./config-file.js')
  return parseConfig(text, name, path.dirname(file))
}

/**
 * The levels a configuration gives `file`: its presets and rules, then each `overrides` entry
 * whose `files` match (and whose `ignores` do not), in order, later entries winning as in ESLint.
 * Standard input (`file` undefined) gets the configuration's own rules. Files that the same
 * entries match get the same object, so what is derived from a file's levels (the levels with
 * `--rule` flags over them, a cache key's salt) can be kept per object.
 */
export function rulesFor(config: Config | undefined, file: string | undefined): RuleLevels {
  if (!config) return {}
  if (file === undefined || config.overrides.length === 0) return config.rules
  const relative = relativeTo(config.folder, file)
  if (relative === undefined) return config.rules
  const compiled = compile(config)
  let matched = ''
  compiled.overrides.forEach((override, index) => {
    if (override.files.some((pattern) => pattern.match(relative)) && !override.ignores.some((pattern) => matchesOrInside(relative, pattern))) matched += `${index},`
  })
  if (matched === '') return config.rules
  let rules = compiled.rules.get(matched)
  if (!rules) {
    rules = config.rules
    for (const index of matched.slice(0, -1).split(',')) rules = {...rules, ...config.overrides[Number(index)]!.rules}
    compiled.rules.set(matched, rules)
  }
  return rules
}

/**
 * The template a configuration names for `file`: the last `overrides` entry whose `files` match
 * (and whose `ignores` do not) and that names one, else the configuration's own `template`;
 * `undefined` for the built-in template. An absolute path.
 */
export function templateFor(config: Config | undefined, file: string | undefined): string | undefined {
  if (!config) return undefined
  if (file === undefined || !config.overrides.some((override) => override.template !== undefined)) return config.template
  const relative = relativeTo(config.folder, file)
  if (relative === undefined) return config.template
  const compiled = compile(config)
  let template = config.template
  compiled.overrides.forEach((override, index) => {
    const named = config.overrides[index]!.template
    if (named !== undefined && override.files.some((pattern) => pattern.match(relative)) && !override.ignores.some((pattern) => matchesOrInside(relative, pattern))) template = named
  })
  return template
}

/** Why a configuration's `ignores` skips `file`, or `undefined` when it does not. */
export function ignoredBy(config: Config | undefined, file: string): string | undefined {
  if (!config || config.ignores.length === 0) return undefined
  const relative = relativeTo(config.folder, file)
  if (relative === undefined) return undefined
  const index = compile(config).ignores.findIndex((pattern) => matchesOrInside(relative, pattern))
  return index === -1 ? undefined : `\`${config.ignores[index]!}\` in \`ignores\` of \`${config.name}\``
}

/**
 * Skip what the configuration of each file ignores (for `expandInputs`). `configOf` gives the
 * configuration of a folder; one that cannot be used skips nothing here (it is reported when
 * the file is read).
 */
export function skipByConfig(configOf: (folder: string) => Promise<Config | undefined>): SkipFile {
  return async (file) => {
    try {
      return ignoredBy(await configOf(path.dirname(file)), file)
    } catch {
      return undefined
    }
  }
}

/** `file` relative to `folder` with forward slashes, or `undefined` when outside it. */
function relativeTo(folder: string, file: string): string | undefined {
  const relative = path.relative(folder, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

/** A configuration's globs, each compiled once, and the levels of each set of `overrides` entries that matched a file. */
interface Compiled {
  readonly ignores: readonly Minimatch[]
  readonly overrides: readonly {readonly files: readonly Minimatch[]; readonly ignores: readonly Minimatch[]}[]
  readonly rules: Map<string, RuleLevels>
}

const compiledConfigs = new WeakMap<Config, Compiled>()

function compile(config: Config): Compiled {
  let compiled = compiledConfigs.get(config)
  if (!compiled) {
    const glob = (pattern: string): Minimatch => new Minimatch(pattern, {dot: true})
    compiled = {
      ignores: config.ignores.map(glob),
      overrides: config.overrides.map((override) => ({files: override.files.map(glob), ignores: override.ignores.map(glob)})),
      rules: new Map()
    }
    compiledConfigs.set(config, compiled)
  }
  return compiled
}

/** The path or one of its folders matches (`legacy` and `legacy/**` both skip `legacy/a.md`). */
function matchesOrInside(relative: string, pattern: Minimatch): boolean {
  if (pattern.match(relative)) return true
  for (let at = relative.lastIndexOf('/'); at > 0; at = relative.lastIndexOf('/', at - 1)) {
    if (pattern.match(relative.slice(0, at))) return true
  }
  return false
}

/**
 * The configuration for files in `folder`, or `undefined` after reporting (once per message) why
 * it cannot be used and that the file is not `verb`.
 */
export async function configOrReport(
  configOf: (folder: string) => Promise<Config | undefined>,
  folder: string,
  name: string,
  verb: string,
  io: {readonly stderr: {write(text: string): void}},
  reported: Set<string>
): Promise<{config: Config | undefined} | undefined> {
  try {
    return {config: await configOf(folder)}
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    if (!reported.has(error.message)) io.stderr.write(error.message + '\n')
    reported.add(error.message)
    io.stderr.write(`${name}: not ${verb}: its configuration cannot be used\n`)
    return undefined
  }
}

/**
 * Finds the configuration of each file: the nearest `.postmortemrc.json` from the file's folder
 * upward to the filesystem root (the nearest one wins; configurations do not cascade). Results
 * are cached per folder, so each configuration file is read once.
 */
export class ConfigResolver {
  readonly #byFolder = new Map<string, Promise<string | undefined>>()
  readonly #byFile = new Map<string, Promise<Config>>()
  readonly #display: (file: string) => string

  /** `display` turns an absolute path into the name shown in messages. */
  constructor(display: (file: string) => string) {
    this.#display = display
  }

  /**
   * The configuration of a file in `folder`, or `undefined` when there is none. Throws a
   * `ConfigError` when it is unusable.
   */
  async resolve(folder: string): Promise<Config | undefined> {
    const file = await this.#find(path.resolve(folder))
    if (file === undefined) return undefined
    let loaded = this.#byFile.get(file)
    if (!loaded) {
      loaded = loadConfig(file, this.#display(file))
      // Note: a rejected promise is cached too, so a broken config is reported for each file
      // it governs without being read again.
      loaded.catch(() => undefined)
      this.#byFile.set(file, loaded)
    }
    return loaded
  }

  #find(folder: string): Promise<string | undefined> {
    let found = this.#byFolder.get(folder)
    if (!found) {
      found = this.#search(folder)
      this.#byFolder.set(folder, found)
    }
    return found
  }

  async #search(folder: string): Promise<string | undefined> {
    const candidate = path.join(folder, configName)
    const info = await stat(candidate).catch(() => undefined)
    if (info?.isFile()) return candidate
    const parent = path.dirname(folder)
    return parent === folder ? undefined : this.#find(parent)
  }
}
