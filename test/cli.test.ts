import {chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {markdownFiles, root, template} from './helpers.js'
import {runInProcess, runProcess, type Run} from './cli-harness.js'

const example = 'fixtures/examples/01-checkout-db-pool.md'

interface Scenario {
  name: string
  argv: string[]
  stdin?: string
  code: number
  stdout?: RegExp | string
  stderr?: RegExp
}

const scenarios: Scenario[] = [
  {name: 'no command prints usage', argv: [], code: 2, stderr: /Usage: postmortem <command>/},
  {name: '--help', argv: ['--help'], code: 0, stdout: /Commands:/},
  {name: '--version', argv: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/},
  {name: 'unknown command', argv: ['explode'], code: 2, stderr: /unknown command `explode`/},
  {name: 'command help', argv: ['fmt', '--help'], code: 0, stdout: /Usage: postmortem fmt/},
  {name: 'unknown option', argv: ['to-json', '--bogus', example], code: 2, stderr: /Unknown option '--bogus'/},
  {name: 'to-json of a complete example', argv: ['to-json', example], code: 0, stdout: /"hotfixId": "2291"/},
  {name: 'to-json of the template fails with findings', argv: ['to-json', 'fixtures/template.md'], code: 1, stderr: /fixtures\/template.md:6:15: error Unexpected placeholder `\{P0\/P1\/P2\}`, expected it filled in/},
  {name: 'to-json --draft of the template', argv: ['to-json', '--draft', 'fixtures/template.md'], code: 0, stdout: /"severity": null/},
  {name: 'to-json of a missing file', argv: ['to-json', 'fixtures/nope.md'], code: 2, stderr: /Cannot read `fixtures\/nope.md`: no such file/},
  {name: 'from-json of invalid JSON', argv: ['from-json', '-'], stdin: '{\n  "hotfixId": "1",\n  oops\n}', code: 2, stderr: /-:3:3: invalid JSON/},
  {name: 'from-json of JSON that is not a postmortem', argv: ['from-json', '-'], stdin: '{"hotfixId": 7}', code: 1, stderr: /hotfixId/},
  {name: 'from-json of a missing file', argv: ['from-json', 'nope.json'], code: 2, stderr: /no such file/},
  {name: 'fmt of a canonical file prints it', argv: ['fmt', example], code: 0, stdout: readFileSync(path.join(root, example), 'utf8')},
  {name: 'fmt --check of canonical files', argv: ['fmt', '--check', 'fixtures/examples'], code: 0, stdout: ''},
  {name: 'fmt --check lists files that would change', argv: ['fmt', '--check', 'fixtures/real-world/aliases.md'], code: 1, stdout: 'fixtures/real-world/aliases.md\n'},
  {name: 'fmt of several files needs --check or --write', argv: ['fmt', 'fixtures/examples'], code: 2, stderr: /use --check or --write/},
  {name: 'fmt reads standard input', argv: ['fmt', '-'], stdin: template, code: 0, stdout: template},
  {name: 'schema', argv: ['schema'], code: 0, stdout: /"\$schema": "https:\/\/json-schema.org\/draft\/2020-12\/schema"/},
  {name: 'schema --draft', argv: ['schema', '--draft'], code: 0, stdout: /"title": "PostmortemDraft"/}
]

function check(run: Run, scenario: Scenario): void {
  expect({code: run.code, stderr: run.stderr}).toMatchObject({code: scenario.code})
  if (typeof scenario.stdout === 'string') expect(run.stdout).toBe(scenario.stdout)
  else if (scenario.stdout) expect(run.stdout).toMatch(scenario.stdout)
  if (scenario.stderr) expect(run.stderr).toMatch(scenario.stderr)
}

describe('CLI in-process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => check(await runInProcess(scenario.argv, {stdin: scenario.stdin ?? ''}), scenario))
  }
})

describe.runIf(existsSync(path.join(root, 'dist/cli/bin.js')))('CLI as a real process (built)', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => check(runProcess(scenario.argv, {stdin: scenario.stdin ?? ''}), scenario))
  }

  it('to-json | from-json - reproduces every canonical example byte for byte', () => {
    for (const {file, text} of markdownFiles('examples')) {
      const json = runProcess(['to-json', file])
      expect(json.code).toBe(0)
      const back = runProcess(['from-json', '-'], {stdin: json.stdout})
      expect(back.code).toBe(0)
      expect(back.stdout).toBe(text)
    }
  })
})

describe('fmt --write', () => {
  it('rewrites a file in place, keeps its mode, and leaves canonical files alone', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-fmt-'))
    const file = path.join(folder, 'aliases.md')
    writeFileSync(file, readFileSync(path.join(root, 'fixtures/real-world/aliases.md')))
    chmodSync(file, 0o640)
    const run = await runInProcess(['fmt', '--write', file])
    expect(run.code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o640)
    const first = readFileSync(file, 'utf8')
    expect(first).toContain('## Executive Summary')
    const before = statSync(file).mtimeMs
    expect((await runInProcess(['fmt', '--write', file])).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(first)
    expect(statSync(file).mtimeMs).toBe(before)
  })
})
