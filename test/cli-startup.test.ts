/**
 * Cold start: the CLI loads a command's module only when that command runs, so `--version` and
 * `--help` read no dependency at all, and each command reads only what it uses. Checked on the
 * built CLI with a module hook that lists every module a process resolves.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')

/** The packages (under node_modules) a run of the built CLI resolves, and its stdout. */
function packagesLoaded(argv: string[]): {packages: string[]; stdout: string; code: number} {
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-startup-'))
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
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(folder, 'register.mjs')).href, bin, ...argv], {cwd: root, encoding: 'utf8', env: {PATH: process.env.PATH ?? ''}})
  const packages = new Set<string>()
  for (const line of result.stderr.split('\n')) {
    const match = /^RESOLVED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)
    if (match) packages.add(match[1]!)
  }
  return {packages: [...packages].sort(), stdout: result.stdout, code: result.status ?? -1}
}

describe.runIf(existsSync(bin))('cold start of the built CLI', () => {
  it('--help lists every command with its summary and loads no dependency', () => {
    const run = packagesLoaded(['--help'])
    expect(run.code).toBe(0)
    for (const name of ['lint', 'new', 'to-json', 'from-json', 'fmt', 'schema', 'actions', 'stats', 'report', 'init']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    }
    expect(run.stdout).toMatch(/lint +report what is unfilled, invalid or out of place in postmortems/)
    expect(run.packages).toEqual([])
  })

  it('--version loads no dependency', () => {
    const run = packagesLoaded(['--version'])
    expect(run).toMatchObject({code: 0, packages: []})
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('lint --help loads the lint command, and not what only report draws with', () => {
    const run = packagesLoaded(['lint', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: postmortem lint/)
    expect(run.packages).not.toContain('@observablehq/plot')
    expect(run.packages).not.toContain('linkedom')
  })

  it('lint of one file does not load the report renderer or the worker pool', () => {
    const run = packagesLoaded(['lint', '--now', '2026-03-20', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(0)
    expect(run.packages).toContain('remark-parse')
    expect(run.packages.filter((name) => ['@observablehq/plot', 'linkedom', 'tinypool'].includes(name))).toEqual([])
  })
})
