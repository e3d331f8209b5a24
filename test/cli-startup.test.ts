/**
 * Cold start: the CLI is bundled with its dependencies into a few files, and loads a command's
 * chunk only when that command runs, so `--version` and `--help` read no dependency at all, and
 * each command reads only what it uses. Checked on the built CLI with a module hook that lists
 * every module a process resolves, and the packages bundled into each file it loads.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {packagesOf, runWithModuleLog} from './cli-harness.js'
import {root} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')

/** The packages whose code a run of the built CLI loads, the files it loads, and its stdout. */
function packagesLoaded(argv: string[]): {packages: string[]; files: string[]; stdout: string; code: number} {
  const run = runWithModuleLog(bin, argv)
  return {packages: packagesOf(run.resolved), files: run.resolved, stdout: run.stdout, code: run.code}
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

  it('--version loads no dependency, and only a few files of the bundled CLI', () => {
    const run = packagesLoaded(['--version'])
    expect(run).toMatchObject({code: 0, packages: []})
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/)
    expect(run.files.filter((url) => !url.includes('/dist/cli/'))).toEqual([])
    expect(run.files.length).toBeLessThan(10)
  })

  it('lint --help loads the lint command, and not what only report draws with', () => {
    const run = packagesLoaded(['lint', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: postmortem lint/)
    expect(run.packages).not.toContain('@observablehq/plot')
    expect(run.packages).not.toContain('linkedom')
  })

  it('lint of one file loads its dependencies from the bundle, not the report renderer or a worker', () => {
    const run = packagesLoaded(['lint', '--now', '2026-03-20', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(0)
    expect(run.packages).toContain('remark-parse')
    expect(run.packages).toContain('micromark')
    expect(run.packages.filter((name) => ['@observablehq/plot', 'linkedom'].includes(name))).toEqual([])
    // Nothing is read from node_modules: every module is a file of the bundled CLI.
    expect(run.files.filter((url) => !url.includes('/dist/cli/'))).toEqual([])
    expect(run.files.filter((url) => url.endsWith('/dist/cli/worker.js'))).toEqual([])
  })
})
