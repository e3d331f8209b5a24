import {spawnSync} from 'node:child_process'
import path from 'node:path'
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

/** Run the built CLI (`dist/cli/bin.js`) as a real process. */
export function runProcess(argv: string[], options: {cwd?: string; stdin?: string; env?: Record<string, string>} = {}): Run {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/cli/bin.js'), ...argv], {
    cwd: options.cwd ?? root,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', ...options.env}
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}
