/**
 * Cold start: the CLI loads a command's module only when that command runs, so `--version` and
 * `--help` read no dependency at all, and each command reads only what it uses. Checked on the
 * built CLI with a module hook that lists every module a process resolves.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {packagesOf, runWithModuleLog} from './cli-harness.js'
import {root} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')

/** The packages (under node_modules) a run of the built CLI resolves, and its stdout. */
function packagesLoaded(argv: string[]): {packages: string[]; stdout: string; code: number} {
  const run = runWithModuleLog(bin, argv)
  return {packages: packagesOf(run.resolved), stdout: run.stdout, code: run.code}
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
