/**
 * The composite GitHub Action of `action.yml`, run as a runner would: each step's script with
 * bash (`-eo pipefail`, as GitHub runs `shell: bash`), its `${{ … }}` expressions replaced by the
 * inputs' defaults and the action's folder, in a workspace holding the example postmortems.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {runProcess} from './cli-harness.js'
import {root} from './helpers.js'

interface Step {
  name: string
  shell?: string
  run?: string
  env?: Record<string, string>
  'working-directory'?: string
}

interface Action {
  name: string
  description: string
  inputs: Record<string, {description: string; required?: boolean; default?: string}>
  runs: {using: string; steps: Step[]}
}

const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action

/** Replace `${{ inputs.x }}` and `${{ github.action_path }}` as a runner would. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (name === 'github.action_path') return root
    if (name.startsWith('inputs.') && Object.hasOwn(inputs, name.slice(7))) return inputs[name.slice(7)]!
    throw new Error(`action.yml uses \`${name}\`, which this test does not provide`)
  })
}

/** Run every step of the action in `workspace`; the last step's result. */
function runAction(workspace: string, given: Record<string, string> = {}): {code: number | null; stdout: string; stderr: string} {
  const inputs = {...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given}
  let last = {code: null as number | null, stdout: '', stderr: ''}
  for (const step of action.runs.steps) {
    expect(step.shell, step.name).toBe('bash')
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(String(value), inputs)]))
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run ?? '', inputs)], {cwd, encoding: 'utf8', env: {PATH: process.env.PATH ?? '', ...env}})
    last = {code: result.status, stdout: result.stdout, stderr: result.stderr}
    if (result.status !== 0) break
  }
  return last
}

describe('action.yml', () => {
  it('is a composite action with the inputs paths, config and max-warnings', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'max-warnings'])
    expect(action.inputs.paths!.default).toBe('.')
    expect(action.runs.steps.at(-1)!.run).toMatch(/lint --format github/)
  })
})

describe.runIf(existsSync(path.join(root, 'dist/cli/bin.js')))('action.yml, run with its default inputs on the examples', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'pm-action-'))
  cpSync(path.join(root, 'fixtures/examples'), workspace, {recursive: true, filter: (source) => !source.endsWith('.json')})

  it('prints the annotations of `postmortem lint --format github .` and exits as it does', () => {
    const ran = runAction(workspace)
    const direct = runProcess(['lint', '--format', 'github', '.'], {cwd: workspace})
    expect(ran.stderr).toBe(direct.stderr)
    expect(ran.stdout).toBe(direct.stdout)
    expect(ran.code).toBe(direct.code)
    for (const line of ran.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) file=0\d-[a-z-]+\.md,line=\d+,col=\d+/)
  })

  it('passes config, max-warnings and several paths (globs included) through', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'pm-action-'))
    for (const name of ['clean.md', 'warnings.md', 'info.md']) cpSync(path.join(root, 'fixtures/lint-cli/files', name), path.join(other, name))
    writeFileSync(path.join(other, 'strict.json'), JSON.stringify({rules: {'heading-text': 'warn', 'unknown-section': 'warn'}}))
    const ran = runAction(other, {paths: 'clean.md\n  w*.md info.md', 'max-warnings': '1', config: 'strict.json'})
    const direct = runProcess(['lint', '--format', 'github', '--config', 'strict.json', '--max-warnings', '1', 'clean.md', 'w*.md', 'info.md'], {cwd: other})
    expect(ran).toEqual({code: direct.code, stdout: direct.stdout, stderr: direct.stderr})
    expect(ran.code).toBe(1)
    expect(ran.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(','))).sort()).toEqual(['::warning file=info.md', '::warning file=warnings.md'])
    expect(ran.stderr).toBe('postmortem lint: 2 warnings, more than --max-warnings 1\n')
  })
})
