import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {GitIgnores} from './gitignore.js'
import {decodeUtf8} from './decode.js'
import type {CliIo} from './io.js'

/** An input named on the command line: a file path, or `-` for standard input. */
export interface Input {
  /** Path as shown to the user (relative to cwd when possible), or `-`. */
  readonly name: string
  /** Absolute path, or `undefined` for standard input. */
  readonly file: string | undefined
}

/** A path that named nothing, or could not be listed. */
export interface InputProblem {
  readonly name: string
  readonly message: string
}

/** A file named on the command line that the configuration's `ignores` skips. */
export interface SkippedInput {
  readonly name: string
  /** Why, such as "matched by `ignores` in `.postmortemrc.json`". */
  readonly reason: string
}

/**
 * Whether a file is never to be read (the configuration's `ignores`): the reason, or
 * `undefined` to read it.
 */
export type SkipFile = (file: string) => Promise<string | undefined>

/** What `expandInputs` found. */
export interface Expanded {
  readonly inputs: Input[]
  /** Paths that named nothing: each one is an error (exit 2); the other paths still count. */
  readonly problems: InputProblem[]
  /** Files named one by one that `skip` left out (a note, not an error). */
  readonly skipped: SkippedInput[]
}

/**
 * Expand command-line paths: files as given, folders searched for `*.md` (skipping
 * `node_modules`, dot-folders and what `.gitignore` lists), globs (skipping what `.gitignore`
 * lists), and `-` for standard input. A folder or glob that yields no file, a missing path, and
 * a folder or glob whose every file `skip` leaves out are problems naming the path.
 */
export async function expandInputs(paths: readonly string[], cwd: string, skip?: SkipFile): Promise<Expanded> {
  const inputs: Input[] = []
  const problems: InputProblem[] = []
  const skipped: SkippedInput[] = []
  const seen = new Set<string>()
  const gitignores = new GitIgnores()
  const add = (absolute: string): void => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    inputs.push({name: display(absolute, cwd), file: absolute})
  }
  /** Add the files `skip` keeps; a problem naming `given` when there were files but it kept none. */
  const addFound = async (given: string, found: string[], what: string): Promise<void> => {
    const kept: string[] = []
    let reason: string | undefined
    for (const file of found) {
      const why = skip ? await skip(file) : undefined
      if (why === undefined) kept.push(file)
      else reason ??= why
    }
    if (kept.length === 0 && reason !== undefined) problems.push({name: given, message: `Nothing to read in \`${given}\`: every ${what} is skipped (${reason})`})
    for (const file of kept) add(file)
  }
  for (const given of paths) {
    if (given === '-') {
      inputs.push({name: '-', file: undefined})
      continue
    }
    const absolute = path.resolve(cwd, given)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await walk(absolute, absolute, gitignores)
      if (found.length === 0) {
        const listed = await gitignores.ignored(absolute, true, absolute)
        const why = listed ? 'the folder is listed in .gitignore' : 'the folder holds no *.md file (node_modules, dot-folders and what .gitignore lists are skipped)'
        problems.push({name: given, message: `Nothing to read in \`${given}\`: ${why}`})
        continue
      }
      await addFound(given, found.sort(), '*.md file in it')
      continue
    }
    if (info) {
      const why = skip ? await skip(absolute) : undefined
      if (why === undefined) add(absolute)
      else skipped.push({name: display(absolute, cwd), reason: why})
      continue
    }
    if (/[*?[\]{}]/.test(given)) {
      // Note: the glob matcher loads only for a glob.
      const {glob} = await import('tinyglobby')
      const matches = await glob(given, {cwd, absolute: true, ignore: ['**/node_modules/**'], dot: false, onlyFiles: true})
      const found: string[] = []
      for (const match of matches.map((file) => path.resolve(file)).sort()) {
        if (!(await gitignores.ignored(match, false, cwd))) found.push(match)
      }
      if (found.length === 0) {
        const note = matches.length > 0 ? ': every file it matches is listed in .gitignore' : ''
        problems.push({name: given, message: `No files match \`${given}\`${note}`})
        continue
      }
      await addFound(given, found, 'file it matches')
      continue
    }
    problems.push({name: given, message: `Cannot read \`${given}\`: no such file or folder`})
  }
  return {inputs, problems, skipped}
}

async function walk(folder: string, root: string, gitignores: GitIgnores): Promise<string[]> {
  const out: string[] = []
  const entries = await readdir(folder, {withFileTypes: true}).catch(() => [])
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      if (!(await gitignores.ignored(full, true, root))) out.push(...(await walk(full, root, gitignores)))
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !(await gitignores.ignored(full, false, root))) {
      out.push(full)
    }
  }
  return out
}

/** A path as shown to the user: relative to `cwd` when inside it, else absolute. */
export function display(absolute: string, cwd: string): string {
  // Note: the common case (a file found below the working folder) without `path.relative`.
  if (absolute.length > cwd.length + 1 && absolute.startsWith(cwd) && absolute[cwd.length] === path.sep && !absolute.includes(`${path.sep}..`) && !cwd.endsWith(path.sep)) {
    return absolute.slice(cwd.length + 1)
  }
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}

/** Read an input as text: the file, or standard input. Throws the system error on failure. */
export async function readInput(input: Input, io: CliIo): Promise<string> {
  if (input.file === undefined) return io.stdin()
  return decodeUtf8(await readFile(input.file))
}

/** A short reason for a failed read (`ENOENT` → "no such file"). */
export function readError(error: unknown, name: string): string {
  const code = (error as {code?: string} | undefined)?.code
  if (code === 'ENOENT') return `Cannot read \`${name}\`: no such file`
  if (code === 'EACCES' || code === 'EPERM') return `Cannot read \`${name}\`: permission denied`
  if (code === 'EISDIR') return `Cannot read \`${name}\`: it is a folder`
  return `Cannot read \`${name}\`: ${error instanceof Error ? error.message : String(error)}`
}

/** Read an input, or report why it cannot be read on stderr and return `undefined`. */
export async function readOrReport(input: Input, io: CliIo): Promise<string | undefined> {
  try {
    return await readInput(input, io)
  } catch (error) {
    io.stderr.write(readError(error, input.name) + '\n')
    return undefined
  }
}
