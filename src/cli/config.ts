import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {parseJson} from '../json.js'
import {isRuleLevel, ruleIds, type RuleLevel} from '../lint/index.js'

/** Rule id → level, as configured. */
export type RuleLevels = Readonly<Record<string, RuleLevel>>

/** The name of the configuration file searched from each linted file's folder upward. */
export const configName = '.postmortemrc.json'

const levelNames: readonly RuleLevel[] = ['off', 'info', 'warning', 'error']

/** A configuration that could not be used: where and why, in one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Levels from a config's `rules` object (or `--rule` pairs). Throws a `ConfigError` naming the
 * unknown rule id and the nearest known ones, or the unknown level.
 */
export function checkRuleLevels(rules: Readonly<Record<string, unknown>>, where: string): RuleLevels {
  const out: Record<string, RuleLevel> = {}
  for (const [id, level] of Object.entries(rules)) {
    if (!ruleIds.includes(id)) throw new ConfigError(`Unknown rule \`${id}\` in ${where}; ${didYouMean(id, ruleIds)}`)
    if (!isRuleLevel(level)) {
      const shown = typeof level === 'string' ? `\`${level}\`` : JSON.stringify(level)
      const close = typeof level === 'string' ? closeNames(level, levelNames) : []
      const hint = close.length > 0 ? `; did you mean ${list(close, 'or')}?` : ''
      throw new ConfigError(`Unexpected level ${shown} for rule \`${id}\` in ${where}, expected ${list(levelNames, 'or')}${hint}`)
    }
    out[id] = level
  }
  return out
}

/** Read `--rule id=level` flags (repeatable; later ones win). Throws a `ConfigError`. */
export function parseRuleFlags(flags: readonly string[]): RuleLevels {
  const rules: Record<string, RuleLevel> = {}
  for (const flag of flags) {
    const equals = flag.indexOf('=')
    if (equals <= 0) throw new ConfigError(`Unexpected \`--rule ${flag}\`, expected \`--rule id=level\` such as \`--rule overdue-action=off\``)
    const id = flag.slice(0, equals).trim()
    const level = flag.slice(equals + 1).trim()
    Object.assign(rules, checkRuleLevels({[id]: level}, `\`--rule ${flag}\``))
  }
  return rules
}

/**
 * Parse the text of a configuration file: `{"rules": {"id": "off" | "info" | "warning" |
 * "error"}}`. Throws a `ConfigError` for invalid JSON (with line and column), an unexpected
 * shape, an unknown rule id or an unknown level.
 */
export function parseConfig(text: string, name: string): RuleLevels {
  const json = parseJson(text)
  if (!json.ok) throw new ConfigError(`${name}:${json.error.line}:${json.error.column}: invalid JSON: ${json.error.message}`)
  const value = json.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${name}: unexpected ${describe(value)}, expected an object such as {"rules": {"overdue-action": "off"}}`)
  }
  for (const key of Object.keys(value)) {
    // Note: `$schema` is allowed so editors can offer completion from a schema of their own.
    if (key !== 'rules' && key !== '$schema') throw new ConfigError(`${name}: unexpected key \`${key}\`, expected \`rules\``)
  }
  const rules = (value as {rules?: unknown}).rules
  if (rules === undefined) return {}
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new ConfigError(`${name}: unexpected ${describe(rules)} for \`rules\`, expected an object of rule id → level`)
  }
  return checkRuleLevels(rules as Record<string, unknown>, `\`${name}\``)
}

/** Read and parse a configuration file. Throws a `ConfigError` (unreadable, invalid). */
export async function loadConfig(file: string, name: string): Promise<RuleLevels> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as {code?: string} | undefined)?.code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(error)
    throw new ConfigError(`Cannot read config \`${name}\`: ${reason}`)
  }
  return parseConfig(text, name)
}

/** What applies to one file: its levels, and the config file they came from (if any). */
export interface ResolvedConfig {
  readonly rules: RuleLevels
  readonly file: string | undefined
}

/**
 * Finds the configuration of each linted file: the nearest `.postmortemrc.json` from the file's
 * folder upward to the filesystem root (the nearest one wins; configs do not cascade). Results
 * are cached per folder, so each config file is read once.
 */
export class ConfigResolver {
  readonly #byFolder = new Map<string, Promise<string | undefined>>()
  readonly #byFile = new Map<string, Promise<RuleLevels>>()
  readonly #display: (file: string) => string

  /** `display` turns an absolute path into the name shown in messages. */
  constructor(display: (file: string) => string) {
    this.#display = display
  }

  /** The config of a file in `folder`. Throws a `ConfigError` when that config is unusable. */
  async resolve(folder: string): Promise<ResolvedConfig> {
    const file = await this.#find(path.resolve(folder))
    if (file === undefined) return {rules: {}, file: undefined}
    let loaded = this.#byFile.get(file)
    if (!loaded) {
      loaded = loadConfig(file, this.#display(file))
      // Note: a rejected promise is cached too, so a broken config is reported for each file
      // it governs without being read again.
      loaded.catch(() => undefined)
      this.#byFile.set(file, loaded)
    }
    return {rules: await loaded, file}
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

/**
 * "did you mean `a` or `b`?" with the known names close to `given`, else the three nearest
 * as examples.
 */
export function didYouMean(given: string, known: readonly string[]): string {
  const close = closeNames(given, known)
  if (close.length > 0) return `did you mean ${list(close, 'or')}?`
  const nearest = nearestNames(given, known)
  return nearest.length === 0 ? 'none is known' : `the nearest known ones are ${list(nearest, 'and')}`
}

/**
 * Known names close to `given`: an edit distance of at most a third of its length (at least 2),
 * or one that starts with it (`warn` → `warning`). Nearest first, at most three.
 */
export function closeNames(given: string, known: readonly string[]): string[] {
  const lower = given.toLowerCase()
  const limit = Math.max(2, Math.floor(given.length / 3))
  return nearestNames(given, known, known.length)
    .filter((name) => lower.length > 0 && (editDistance(lower, name.toLowerCase()) <= limit || name.toLowerCase().startsWith(lower)))
    .slice(0, 3)
}

/** Up to `count` known names nearest to `given` (Levenshtein distance, then name). */
export function nearestNames(given: string, known: readonly string[], count = 3): string[] {
  return known
    .map((name) => ({name, distance: editDistance(given.toLowerCase(), name.toLowerCase())}))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((entry) => entry.name)
}

/** Levenshtein distance (insertions, deletions, substitutions), in O(|a|·|b|) time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

function list(names: readonly string[], conjunction: string): string {
  const quoted = names.map((name) => `\`${name}\``)
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)!}`
}

function describe(value: unknown): string {
  if (value === null) return '`null`'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
