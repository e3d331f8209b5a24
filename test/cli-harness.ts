import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {main} from '../src/cli/main.js'
import {root} from './helpers.js'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with injected I/O. */
export async function runInProcess(argv: string[], options: {cwd?: string; stdin?: string; env?: Record<string, string>} = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await main({
    argv,
    cwd: options.cwd ?? root,
    env: options.env ?? {},
    stdout: {write: (text) => void (stdout += text)},
    stderr: {write: (text) => void (stderr += text)},
    stdin: async () => options.stdin ?? ''
  })
  return {code, stdout, stderr}
}

/** Run the built CLI (`dist/cli/bin.js`, or `bin`) as a real process. */
export function runProcess(argv: string[], options: {cwd?: string; stdin?: string; env?: Record<string, string>; bin?: string} = {}): Run {
  const result = spawnSync(process.execPath, [options.bin ?? path.join(root, 'dist/cli/bin.js'), ...argv], {
    cwd: options.cwd ?? root,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', ...options.env}
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A run of the built CLI with the URL of every file module it resolved, in any thread. */
export interface LoggedRun extends Run {
  readonly resolved: string[]
}

/**
 * Run a built CLI (`bin`) as a real process with a module hook that lists every file module the
 * process resolves, worker threads included (they inherit `--import`).
 */
export function runWithModuleLog(bin: string, argv: string[], options: {cwd?: string; env?: Record<string, string>} = {}): LoggedRun {
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-module-log-'))
  writeFileSync(
    path.join(folder, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  if (resolved.url.startsWith('file:')) process.stderr.write('RESOLVED ' + resolved.url + '\\n')
  return resolved
}
`
  )
  writeFileSync(path.join(folder, 'register.mjs'), `import {register} from 'node:module'\nregister(${JSON.stringify(pathToFileURL(path.join(folder, 'hooks.mjs')).href)})\n`)
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(folder, 'register.mjs')).href, bin, ...argv], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', ...options.env}
  })
  rmSync(folder, {recursive: true, force: true})
  const lines = result.stderr.split('\n')
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: lines.filter((line) => !line.startsWith('RESOLVED ')).join('\n'),
    resolved: lines.filter((line) => line.startsWith('RESOLVED ')).map((line) => line.slice('RESOLVED '.length))
  }
}

/**
 * The packages (under node_modules) whose code resolved module URLs hold: a module under
 * node_modules is its package's; a file of the bundled CLI (`dist/cli/`) holds the packages whose
 * modules it was bundled from, each module's code following a `// node_modules/<package>/…`
 * comment.
 */
export function packagesOf(urls: readonly string[]): string[] {
  const packages = new Set<string>()
  for (const url of urls) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
    if (match) packages.add(match[1]!)
    else if (/\/dist\/cli\/[^/]+\.js$/.test(url)) {
      for (const [, name] of readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(name!)
    }
  }
  return [...packages].sort()
}
