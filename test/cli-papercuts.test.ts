/**
 * What a new user trips over first: output closed early, a mistyped command, `new --out -`,
 * a flag given twice, a bad number, wide stylish lines, findings in different orders.
 */
import {spawnSync} from 'node:child_process'
import {EventEmitter} from 'node:events'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {quietOnClose} from '../src/cli/stdio.js'
import {runInProcess, runProcess, type Run} from './cli-harness.js'
import {root, template} from './helpers.js'

const bin = path.join(root, 'dist/cli/bin.js')
const built = existsSync(bin)
const now = ['--now', '2026-03-20']

interface Scenario {
  name: string
  argv: string[]
  code: number
  stdout?: RegExp | string
  stderr?: RegExp | string
}

const scenarios: Scenario[] = [
  {name: 'a mistyped command: did you mean', argv: ['lnt', 'x.md'], code: 2, stderr: /^postmortem: unknown command `lnt`; did you mean `lint`\?\nThe commands are `lint`, `new`, .* and `init`; run `postmortem --help` for what each does\.\n$/},
  {name: 'another mistyped command', argv: ['stat'], code: 2, stderr: /did you mean `stats`\?/},
  {name: 'a command nothing is close to lists the commands', argv: ['explode'], code: 2, stderr: /^postmortem: unknown command `explode`\nThe commands are /},
  {name: 'new --out - writes to standard output', argv: ['new', '--out', '-'], code: 0, stdout: template, stderr: ''},
  {name: 'a single-value flag given twice', argv: ['lint', '--format', 'json', '--format', 'sarif', 'x.md'], code: 2, stderr: /^postmortem lint: `--format` given twice \(`json`, then `sarif`\); give it once\n/},
  {name: 'a single-value flag given twice with =', argv: ['lint', '--now=2026-01-01', '--now', '2026-01-02', 'x.md'], code: 2, stderr: /`--now` given twice \(`2026-01-01`, then `2026-01-02`\)/},
  {name: 'new --id given three times', argv: ['new', '--id', '1', '--id', '2', '--id', '3'], code: 2, stderr: /`--id` given 3 times \(`1`, then `2`, then `3`\); give it once/},
  {name: 'repeatable flags stay repeatable', argv: ['lint', ...now, '--rule', 'heading-text=off', '--rule', 'severity=off', 'fixtures/lint-cli/files/clean.md'], code: 0},
  {name: 'a negative --max-warnings', argv: ['lint', '--max-warnings', '-1', 'x.md'], code: 2, stderr: /^postmortem lint: Unexpected `--max-warnings -1`, expected a whole number of warnings, 0 or more, such as `--max-warnings 0` \(a count of warnings cannot be negative; leave --max-warnings out for no limit\)\n/},
  {name: 'a fractional --max-warnings', argv: ['lint', '--max-warnings', '1.5', 'x.md'], code: 2, stderr: /Unexpected `--max-warnings 1\.5`, expected a whole number of warnings, 0 or more.*\(a count has no fraction\)/},
  {name: 'an empty --max-warnings', argv: ['lint', '--max-warnings=', 'x.md'], code: 2, stderr: /Unexpected `--max-warnings `, expected a whole number/},
  {name: 'a flag without its value', argv: ['lint', '--format'], code: 2, stderr: /`--format` needs a value, as in `--format VALUE`/},
  {name: 'a flag followed by another flag', argv: ['lint', '--max-warnings', '--quiet', 'x.md'], code: 2, stderr: /`--max-warnings` needs a value/},
  {name: 'a value that starts with a dash reaches the command', argv: ['lint', '--now', '-2026-01-01', 'x.md'], code: 2, stderr: /Unexpected `--now -2026-01-01`, expected a real date/}
]

function check(run: Run, scenario: Scenario): void {
  expect({code: run.code, stderr: run.stderr}).toMatchObject({code: scenario.code})
  if (typeof scenario.stdout === 'string') expect(run.stdout).toBe(scenario.stdout)
  else if (scenario.stdout) expect(run.stdout).toMatch(scenario.stdout)
  if (typeof scenario.stderr === 'string') expect(run.stderr).toBe(scenario.stderr)
  else if (scenario.stderr) expect(run.stderr).toMatch(scenario.stderr)
}

describe('papercuts in-process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => check(await runInProcess(scenario.argv), scenario))
  }
})

describe.runIf(built)('papercuts as a real process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => check(runProcess(scenario.argv), scenario))
  }

  it('new --out - creates no file named `-`', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-out-'))
    expect(runProcess(['new', '--out', '-', '--id', '7'], {cwd: folder})).toMatchObject({code: 0, stdout: /^# Postmortem: HOTFIX-7\n/})
    expect(readdirSync(folder)).toEqual([])
  })
})

describe.runIf(built)('output closed early', () => {
  // Many files that are not canonical and have findings and action items: more output than a
  // pipe holds, written after the reader has gone.
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-pipe-'))
  for (let index = 0; index < 40; index++) {
    const sub = path.join(folder, `team-${index % 5}`)
    mkdirSync(sub, {recursive: true})
    copyFileSync(path.join(root, 'fixtures/real-world/atlassian-style.md'), path.join(sub, `incident-${String(index).padStart(3, '0')}.md`))
  }

  for (const argv of [['lint', ...now, '.'], ['lint', ...now, '--format', 'json', '.'], ['fmt', '--check', '.'], ['actions', '--format', 'json', '.']]) {
    it(`${argv.join(' ')} | head -1 ends quietly with the exit code it would have had`, () => {
      const full = spawnSync(process.execPath, [bin, ...argv], {cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28})
      // `head -1` reads one line and exits; pipefail gives the CLI's own exit code.
      const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" ${argv.map((arg) => `'${arg}'`).join(' ')} | head -1`], {cwd: folder, encoding: 'utf8'})
      // More than a pipe holds (64 KiB), or written line by line after the reader is gone.
      expect(full.stdout.length > 65_536 || full.stdout.split('\n').length > 30).toBe(true)
      expect(piped.stdout.split('\n')).toHaveLength(2)
      expect(piped.stdout).toBe(full.stdout.split('\n')[0] + '\n')
      expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|node:events|at /)
      expect(piped.stderr).toBe(full.stderr)
      expect(piped.status).toBe(full.status)
    })
  }
})

describe('quietOnClose', () => {
  it('stops writing after the stream reports an error, and never throws', () => {
    const stream = Object.assign(new EventEmitter(), {written: [] as string[], write(text: string) {
      stream.written.push(text)
      return true
    }})
    const writer = quietOnClose(stream)
    writer.write('one\n')
    stream.emit('error', Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}))
    writer.write('two\n')
    expect(stream.written).toEqual(['one\n'])
    expect(writer.closed).toBe(true)
  })
})

describe('stylish lines are no wider than what they say', () => {
  it('on the real-world fixtures: each line is its short columns, aligned within its file, and its own message', async () => {
    const argv = ['lint', ...now, 'fixtures/real-world']
    const stylish = (await runInProcess(argv)).stdout
    const json = JSON.parse((await runInProcess([...argv.slice(0, -1), '--format', 'json', 'fixtures/real-world'])).stdout) as {findings: {message: string}[]}[]
    // Note: one block per file with findings (a header, then its lines), blocks apart by a blank line.
    const blocks = stylish
      .split('\n\n')
      .map((block) => block.split('\n').filter((line) => /^\d+:\d+/.test(line)))
      .filter((lines) => lines.length > 0)
    const withFindings = json.filter((file) => file.findings.length > 0)
    expect(blocks).toHaveLength(withFindings.length)
    blocks.forEach((lines, file) => {
      const messages = withFindings[file]!.findings.map((finding) => finding.message)
      expect(lines).toHaveLength(messages.length)
      const prefix = lines[0]!.length - messages[0]!.length
      // place, severity and rule id, each padded to the widest of its column in this file only
      expect(prefix).toBeLessThanOrEqual(50)
      lines.forEach((line, index) => expect(line.length).toBe(prefix + messages[index]!.length))
      const longest = Math.max(...messages.map((message) => message.length))
      expect(lines.filter((line) => line.length === prefix + longest)).toHaveLength(messages.filter((message) => message.length === longest).length)
    })
  })
})

describe('findings are ordered by position in every format', () => {
  it('the same files in the order given, and the same findings in the order of their positions', async () => {
    const files = ['fixtures/real-world/out-of-order.md', 'fixtures/real-world/atlassian-style.md', 'fixtures/template.md']
    const run = async (format: string): Promise<string> => (await runInProcess(['lint', ...now, '--format', format, ...files])).stdout
    const fromJson = (JSON.parse(await run('json')) as {file: string; findings: {line: number; column: number; ruleId: string}[]}[]).flatMap((file) =>
      file.findings.map((finding) => `${file.file}:${finding.line}:${finding.column}:${finding.ruleId}`)
    )
    const sarif = JSON.parse(await run('sarif')) as {runs: {results: {ruleId: string; locations: {physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number; startColumn: number}}}[]}[]}[]}
    const fromSarif = sarif.runs[0]!.results.map((result) => {
      const {artifactLocation, region} = result.locations[0]!.physicalLocation
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}:${result.ruleId}`
    })
    const fromGithub = (await run('github'))
      .trim()
      .split('\n')
      .map((line) => {
        const [, file, lineNo, column, rule] = /file=([^,]+),line=(\d+),col=(\d+),.*title=postmortem\(([^)]+)\)/.exec(line)!
        return `${file}:${lineNo}:${column}:${rule}`
      })
    let current = ''
    const fromStylish: string[] = []
    for (const line of (await run('stylish')).split('\n')) {
      const finding = /^(\d+):(\d+)\S*\s+\S+\s+(\S+)/.exec(line)
      if (finding) fromStylish.push(`${current}:${finding[1]}:${finding[2]}:${finding[3]}`)
      else if (/^fixtures\//.test(line)) current = line.replace(/: no issues found$/, '')
    }
    expect(fromJson.length).toBeGreaterThan(50)
    expect(fromSarif).toEqual(fromJson)
    expect(fromGithub).toEqual(fromJson)
    expect(fromStylish).toEqual(fromJson)
    // Files in the order given; within a file, by line then column.
    expect([...new Set(fromJson.map((entry) => entry.split(':')[0]))]).toEqual(files)
    for (const file of files) {
      const positions = fromJson.filter((entry) => entry.startsWith(file + ':')).map((entry) => entry.split(':').slice(1, 3).map(Number) as [number, number])
      expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
    }
  })
})
