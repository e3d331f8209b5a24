import {createHash, randomBytes} from 'node:crypto'
import type {Stats} from 'node:fs'
import {mkdir, readFile, rename, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Writer} from './io.js'

/**
 * Where `--cache` keeps its files without `--cache-location`: relative to the working folder,
 * as ESLint's cache and other tools' caches under `node_modules/.cache`.
 */
export const defaultCacheFolder = path.join('node_modules', '.cache', 'postmortem-md')

/**
 * The layout of a cache file; a file of another layout is read as an empty cache. 2: findings
 * carry their `messageId` and `data`.
 */
const layout = 2

/** One file's cached result: the key it was computed under, the result, and the file's stat signature then. */
interface Entry<T> {
  readonly key: string
  readonly value: T
  readonly stat?: string
}

/**
 * What a command computes for one file under some options, as `JSON.stringify` gives it: the
 * part of a cache key that is the same for every file read with the same options (the tool,
 * its version, the command and every option that changes the result, such as rule levels and
 * `--now`). Object keys are sorted, so the same options always give the same salt.
 */
export function cacheSalt(version: string, command: string, options: unknown): string {
  return stableJson({tool: 'postmortem-md', version, command, options})
}

/**
 * The cache key of a file: SHA-256 of the salt and the file's text. The text is hashed as
 * UTF-8, which gives back the file's bytes for every file that is read as text (a file that is
 * not valid UTF-8 is never linted or formatted, so it has no result to cache).
 */
export function cacheKey(salt: string, text: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(text, 'utf8').digest('hex')
}

/** A salt's short name in stat signatures. */
const saltIds = new Map<string, string>()

/**
 * What the cache compares to know, without reading a file, that it is the file a result was
 * computed from, with the same options: the salt (shortened) and the file's size, modification
 * and change times and inode. Writing the file, or setting its times, changes its change time.
 */
export function statSignature(salt: string, stat: Stats): string {
  let id = saltIds.get(salt)
  if (id === undefined) {
    id = createHash('sha256').update(salt).digest('hex').slice(0, 16)
    saltIds.set(salt, id)
  }
  return `${id}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`
}

/**
 * How long after a file changed its stat can stand for its text. Note: on a file system whose
 * times are coarse (whole seconds, or two), a file written twice within one tick keeps its
 * times; a file read within this window after its last change is read again next time (as Git
 * treats a "racily clean" file).
 */
const settleMs = 3000

/** Whether a file's stat, taken `now`, can stand for its text in later runs (see `settleMs`). */
export function trustedStat(stat: Stats, now = Date.now()): boolean {
  return now - Math.max(stat.mtimeMs, stat.ctimeMs) >= settleMs
}

/**
 * Results of one command per file, kept between runs in one JSON file per command
 * (`lint.json`, `fmt.json`, `stats.json`). Each file has at most one entry, by absolute path:
 * the key it was last computed under and its result, so the cache grows with the files read,
 * not with their edits or the days `--now` defaults to. A cache that cannot be read, or whose
 * entries are not what this version writes, counts as empty: the cache only ever saves time.
 */
export class ResultCache<T> {
  /** Files whose result came from the cache, and files computed. */
  hits = 0
  misses = 0
  readonly file: string
  readonly #entries: Map<string, Entry<unknown>>
  #changed = false

  private constructor(file: string, entries: Map<string, Entry<unknown>>) {
    this.file = file
    this.#entries = entries
  }

  /**
   * Open the cache of `command` in `folder`. Its results are not checked here: whoever uses one
   * checks it first (`isLintValue`, …), and computes the result afresh when it is not well-formed.
   */
  static async open<T>(folder: string, command: string): Promise<ResultCache<T>> {
    const file = path.join(folder, `${command}.json`)
    const entries = new Map<string, Entry<unknown>>()
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as unknown
      if (isObject(data) && data.layout === layout && isObject(data.entries)) {
        for (const [name, entry] of Object.entries(data.entries)) {
          if (isObject(entry) && typeof entry.key === 'string') entries.set(name, {key: entry.key, value: entry.value, ...(typeof entry.stat === 'string' ? {stat: entry.stat} : {})})
        }
      }
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
    return new ResultCache<T>(file, entries)
  }

  /** What the cache holds for `file`: the key it was computed under, its result (unchecked), and the file's stat signature then. */
  entry(file: string): {readonly key: string; readonly value: unknown; readonly stat?: string} | undefined {
    return this.#entries.get(file)
  }

  /** Remember `value` as the result of `file` under `key`, with the file's stat signature (`statSignature`) when it can be trusted. */
  set(file: string, key: string, value: T, stat?: string): void {
    this.#entries.set(file, {key, value, ...(stat === undefined ? {} : {stat})})
    this.#changed = true
  }

  /**
   * Write the cache when it changed: a temporary file in the same folder, then a rename, so a
   * reader never sees half a cache. A cache that cannot be written is left as it was.
   */
  async save(): Promise<void> {
    if (!this.#changed) return
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await mkdir(path.dirname(this.file), {recursive: true})
      await writeFile(temporary, JSON.stringify({layout, entries: Object.fromEntries(this.#entries)}), {flag: 'wx'})
      await rename(temporary, this.file)
      this.#changed = false
    } catch {
      await unlink(temporary).catch(() => undefined)
    }
  }

  /** With `POSTMORTEM_CACHE_DEBUG` set: how many results came from the cache, on stderr. */
  debug(command: string, env: Readonly<Record<string, string | undefined>>, stderr: Writer): void {
    if (!env.POSTMORTEM_CACHE_DEBUG) return
    stderr.write(`postmortem ${command}: cache: ${this.hits} from the cache, ${this.misses} computed (${this.file})\n`)
  }
}

/** The cache folder of `--cache-location DIR` (relative to the working folder), or the default. */
export function cacheFolder(cwd: string, location: string | undefined): string {
  return path.resolve(cwd, location ?? defaultCacheFolder)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `JSON.stringify` with object keys sorted, at every depth. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.keys(inner).sort().map((name) => [name, inner[name]])) : inner
  )
}
