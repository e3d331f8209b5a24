import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import type {CliIo} from './io.js'

/** An input named on the command line: a file path, or `-` for standard input. */
export interface Input {
  /** Path as shown to the user (relative to cwd when possible), or `-`. */
  readonly name: string
  /** Absolute path, or `undefined` for standard input. */
  readonly file: string | undefined
}

/** A path that matched nothing or could not be listed. */
export interface InputProblem {
  readonly name: string
  readonly message: string
}

/**
 * Expand command-line paths: files as given, folders searched for `*.md` (skipping
 * `node_modules` and dot-folders), globs, and `-` for standard input.
 */
export async function expandInputs(paths: readonly string[], cwd: string): Promise<{inputs: Input[]; problems: InputProblem[]}> {
  const inputs: Input[] = []
  const problems: InputProblem[] = []
  const seen = new Set<string>()
  const add = (file: string): void => {
    const absolute = path.resolve(cwd, file)
    if (seen.has(absolute)) return
    seen.add(absolute)
    inputs.push({name: display(absolute, cwd), file: absolute})
  }
  for (const given of paths) {
    if (given === '-') {
      inputs.push({name: '-', file: undefined})
      continue
    }
    const absolute = path.resolve(cwd, given)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await walk(absolute)
      found.sort()
      for (const file of found) add(file)
      continue
    }
    if (info) {
      add(absolute)
      continue
    }
    if (/[*?[\]{}]/.test(given)) {
      const matches = await glob(given, {cwd, absolute: true, ignore: ['**/node_modules/**'], dot: false})
      if (matches.length === 0) problems.push({name: given, message: `No files match \`${given}\``})
      matches.sort()
      for (const file of matches) add(file)
      continue
    }
    problems.push({name: given, message: `Cannot read \`${given}\`: no such file or folder`})
  }
  return {inputs, problems}
}

async function walk(folder: string): Promise<string[]> {
  const out: string[] = []
  const entries = await readdir(folder, {withFileTypes: true}).catch(() => [])
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(full)
  }
  return out
}

function display(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}

/** Read an input as text: the file, or standard input. Throws the system error on failure. */
export async function readInput(input: Input, io: CliIo): Promise<string> {
  if (input.file === undefined) return io.stdin()
  return readFile(input.file, 'utf8')
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
