import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/index.js'
import {root, template} from './helpers.js'
import {runInProcess, runProcess, type Run} from './cli-harness.js'

const files = 'fixtures/lint-cli/files'
const clean = `${files}/clean.md`
const warnings = `${files}/warnings.md`
const info = `${files}/info.md`
// Note: a fixed "today", so `overdue-action` does not depend on when the tests run.
const now = ['--now', '2026-03-20']

interface Scenario {
  name: string
  argv: string[]
  stdin?: string
  env?: Record<string, string>
  code: number
  stdout?: RegExp | string
  notStdout?: RegExp
  stderr?: RegExp
  /** Further checks on the run. */
  check?: (run: Run) => void
}

const scenarios: Scenario[] = [
  // Exit codes and the default (stylish) format.
  {name: 'a clean file', argv: ['lint', ...now, clean], code: 0, stdout: `${clean}: no issues found\n`},
  {
    name: 'the blank template has errors (exit 1)',
    argv: ['lint', ...now, 'fixtures/template.md'],
    code: 1,
    stdout: /^fixtures\/template\.md\n\s*1:22-1:26\s+error\s+no-placeholder\s+Unexpected placeholder `\{ID\}`/m
  },
  {name: 'warnings alone exit 0', argv: ['lint', ...now, warnings], code: 0, stdout: /9:1-9:11\s+warning\s+heading-text\s+Unexpected heading `Summary`, expected `Executive Summary`\n\n⚠ 1 warning\n$/},
  {name: 'info alone exits 0', argv: ['lint', ...now, info], code: 0, stdout: /87:1-87:13\s+info\s+unknown-section\s+Unexpected section `Detection`/},
  {name: 'a folder', argv: ['lint', ...now, files], code: 0, stdout: /clean\.md: no issues found\n[^]*info\.md\n[^]*warnings\.md\n/},
  {name: 'a glob', argv: ['lint', ...now, `${files}/w*.md`], code: 0, stdout: /^fixtures\/lint-cli\/files\/warnings\.md\n/, notStdout: /clean\.md/},
  {name: 'a glob that matches nothing (exit 2)', argv: ['lint', ...now, `${files}/nothing-*.md`], code: 2, stderr: /No files match `fixtures\/lint-cli\/files\/nothing-\*\.md`/},
  {name: '- reads standard input', argv: ['lint', ...now, '-'], stdin: template, code: 1, stdout: /^<stdin>\n\s*1:22-1:26\s+error/},
  {
    name: 'a missing file among good ones: the others are still reported (exit 2)',
    argv: ['lint', ...now, clean, 'fixtures/lint-cli/nope.md', warnings],
    code: 2,
    stdout: /clean\.md: no issues found[^]*warnings\.md\n\s*9:1-9:11\s+warning/,
    stderr: /Cannot read `fixtures\/lint-cli\/nope\.md`: no such file or folder/
  },
  {name: 'errors and a missing file: exit 2 wins', argv: ['lint', ...now, 'fixtures/template.md', 'nope.md'], code: 2, stdout: /error/},

  // --quiet and --max-warnings.
  {name: '--quiet hides warnings and files without errors', argv: ['lint', ...now, '--quiet', warnings, clean], code: 0, stdout: ''},
  {name: '--quiet keeps errors', argv: ['lint', ...now, '--quiet', 'fixtures/template.md', warnings], code: 1, stdout: /error/, notStdout: /warning|warnings\.md/},
  {name: '--max-warnings 0 with a warning (exit 1)', argv: ['lint', ...now, '--max-warnings', '0', warnings], code: 1, stderr: /1 warning, more than --max-warnings 0/},
  {name: '--max-warnings 1 with a warning', argv: ['lint', ...now, '--max-warnings', '1', warnings], code: 0},
  {name: '--max-warnings does not count info', argv: ['lint', ...now, '--max-warnings', '0', info], code: 0},
  {name: '--max-warnings 0 --quiet does not count hidden warnings', argv: ['lint', ...now, '--max-warnings', '0', '--quiet', warnings], code: 0},
  {name: '--max-warnings needs a whole number', argv: ['lint', '--max-warnings', 'many', clean], code: 2, stderr: /Unexpected `--max-warnings many`, expected a whole number/},

  // --now.
  {name: '--now with a real date', argv: ['lint', '--now', '2030-01-01', clean], code: 0},
  {name: '--now with an impossible date (exit 2)', argv: ['lint', '--now', '2026-02-30', clean], code: 2, stderr: /Unexpected `--now 2026-02-30`, expected a real date as YYYY-MM-DD/},
  {name: '--now in another format (exit 2)', argv: ['lint', '--now', '03/20/2026', clean], code: 2, stderr: /expected a real date/},

  // Formats.
  {
    name: '--format json',
    argv: ['lint', ...now, '--format', 'json', clean, warnings, info],
    code: 0,
    check(run) {
      const report = JSON.parse(run.stdout) as {file: string; findings: {ruleId: string; severity: string; line: number; column: number}[]; errorCount: number; warningCount: number; infoCount: number}[]
      expect(report.map((entry) => [entry.file, entry.errorCount, entry.warningCount, entry.infoCount])).toEqual([
        [clean, 0, 0, 0],
        [warnings, 0, 1, 0],
        [info, 0, 0, 1]
      ])
      expect(report[1]!.findings[0]).toMatchObject({ruleId: 'heading-text', severity: 'warning', path: 'executiveSummary', line: 9, column: 1, endLine: 9, endColumn: 11})
    }
  },
  {name: '--format json of standard input', argv: ['lint', ...now, '--format', 'json', '-'], stdin: template, code: 1, stdout: /^\[\n {2}\{\n {4}"file": "-",/},
  {name: '--format sarif', argv: ['lint', ...now, '--format', 'sarif', warnings], code: 0, stdout: /"version": "2\.1\.0"[^]*"uri": "fixtures\/lint-cli\/files\/warnings\.md"/},
  {
    name: '--format github',
    argv: ['lint', ...now, '--format', 'github', warnings, info],
    code: 0,
    stdout:
      '::warning file=fixtures/lint-cli/files/warnings.md,line=9,col=1,endLine=9,endColumn=11,title=postmortem(heading-text)::Unexpected heading `Summary`, expected `Executive Summary`\n' +
      '::notice file=fixtures/lint-cli/files/info.md,line=87,col=1,endLine=87,endColumn=13,title=postmortem(unknown-section)::Unexpected section `Detection`, the template has no such section (kept as is)\n'
  },
  {name: '--format github of errors', argv: ['lint', ...now, '--format', 'github', 'fixtures/template.md'], code: 1, stdout: /^::error file=fixtures\/template\.md,line=1,col=22,endLine=1,endColumn=26,title=postmortem\(no-placeholder\)::Unexpected placeholder `\{ID\}`/},
  {name: 'an unknown format (exit 2)', argv: ['lint', '--format', 'xml', clean], code: 2, stderr: /Unexpected format `xml`, expected `stylish`, `json`, `sarif`, `github`/},

  // Color.
  {name: 'no color when not on a terminal', argv: ['lint', ...now, warnings], code: 0, notStdout: /\u001B\[/},
  {name: 'FORCE_COLOR forces color', argv: ['lint', ...now, warnings], env: {FORCE_COLOR: '1'}, code: 0, stdout: /\u001B\[33mwarning\u001B\[39m/},
  {name: 'NO_COLOR wins over FORCE_COLOR', argv: ['lint', ...now, warnings], env: {FORCE_COLOR: '1', NO_COLOR: '1'}, code: 0, notStdout: /\u001B\[/},

  // Usage.
  {name: 'lint --help', argv: ['lint', '--help'], code: 0, stdout: /Usage: postmortem lint[^]*--max-warnings N[^]*Rules: missing-section, /},
  {name: 'an unknown option (exit 2)', argv: ['lint', '--fix', clean], code: 2, stderr: /Unknown option '--fix'[^]*postmortem lint --help/},

  // new.
  {
    name: 'new prints the template, prefilled',
    argv: ['new', '--id', 'HOTFIX-3107', '--date', '2026-04-02', '--severity', 'P2', '--incident', 'Search results went stale', '--author', 'Jonas Weber'],
    code: 0,
    check(run) {
      expect(run.stdout.split('\n').slice(0, 7)).toEqual([
        '# Postmortem: HOTFIX-3107',
        '',
        '**Date:** 2026-04-02',
        '**Incident:** Search results went stale',
        '**Duration:** {DURATION_MINUTES} minutes',
        '**Severity:** P2',
        '**Author:** Jonas Weber'
      ])
      const draft = parse(run.stdout)
      expect({...draft, hotfixId: null, date: null, severity: null, incident: null, author: null}).toEqual(parse(template))
      expect(run.stdout.slice(run.stdout.indexOf('## Executive Summary'))).toBe(template.slice(template.indexOf('## Executive Summary')))
    }
  },
  {name: 'new without flags is the blank template', argv: ['new'], code: 0, stdout: template},
  {name: 'new --date must be a real date', argv: ['new', '--date', '2026-13-01'], code: 2, stderr: /Unexpected `--date 2026-13-01`, expected a real date as YYYY-MM-DD/},
  {name: 'new --severity must be P0, P1 or P2', argv: ['new', '--severity', 'High'], code: 2, stderr: /Unexpected `--severity High`, expected `P0`, `P1`, `P2`/},
  {name: 'new --force needs --out', argv: ['new', '--force'], code: 2, stderr: /--force only applies with --out FILE/},
  {name: 'new takes no paths', argv: ['new', 'incident.md'], code: 2, stderr: /new takes no paths/},
  {name: 'new --help', argv: ['new', '--help'], code: 0, stdout: /Usage: postmortem new[^]*--force/}
]

function check(run: Run, scenario: Scenario): void {
  expect({code: run.code, stderr: run.stderr}).toMatchObject({code: scenario.code})
  if (typeof scenario.stdout === 'string') expect(run.stdout).toBe(scenario.stdout)
  else if (scenario.stdout) expect(run.stdout).toMatch(scenario.stdout)
  if (scenario.notStdout) expect(run.stdout).not.toMatch(scenario.notStdout)
  if (scenario.stderr) expect(run.stderr).toMatch(scenario.stderr)
  scenario.check?.(run)
}

const options = (scenario: Scenario): {stdin: string; env: Record<string, string>} => ({stdin: scenario.stdin ?? '', env: scenario.env ?? {}})

describe('lint and new in-process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => check(await runInProcess(scenario.argv, options(scenario)), scenario))
  }
})

describe.runIf(existsSync(path.join(root, 'dist/cli/bin.js')))('lint and new as a real process (built)', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => check(runProcess(scenario.argv, options(scenario)), scenario))
  }
})

describe('color on a terminal', () => {
  // Note: a real process here never has a terminal, so this runs in-process with a TTY stream.
  const run = async (env: Record<string, string>): Promise<string> => {
    const {main} = await import('../src/cli/main.js')
    let stdout = ''
    await main({
      argv: ['lint', ...now, warnings],
      cwd: root,
      env,
      stdout: {write: (text) => void (stdout += text), isTTY: true},
      stderr: {write: () => undefined},
      stdin: async () => ''
    })
    return stdout
  }

  it('is on for a TTY', async () => {
    expect(await run({})).toMatch(/\u001B\[4m\u001B\[33mfixtures\/lint-cli\/files\/warnings\.md/)
  })

  it('is off with NO_COLOR', async () => {
    expect(await run({NO_COLOR: '1'})).not.toMatch(/\u001B\[/)
  })
})

describe('new --out', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-new-'))

  it('writes the file, and never over an existing one without --force', async () => {
    const out = path.join(folder, 'incident.md')
    const first = await runInProcess(['new', '--id', '12', '--out', out])
    expect(first).toMatchObject({code: 0, stdout: ''})
    expect(first.stderr).toMatch(/incident\.md: created/)
    expect(readFileSync(out, 'utf8')).toMatch(/^# Postmortem: HOTFIX-12\n/)

    writeFileSync(out, 'my notes\n')
    const again = await runInProcess(['new', '--id', '13', '--out', out])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/Not writing `.*incident\.md`: the file already exists; choose another --out, or add --force to overwrite it/)
    expect(readFileSync(out, 'utf8')).toBe('my notes\n')

    const forced = runProcess(['new', '--id', '13', '--out', 'incident.md', '--force'], {cwd: folder})
    expect(forced).toMatchObject({code: 0, stderr: 'incident.md: overwritten\n'})
    expect(readFileSync(out, 'utf8')).toMatch(/^# Postmortem: HOTFIX-13\n/)
  })

  it('reports a folder that does not exist', async () => {
    const run = await runInProcess(['new', '--out', path.join(folder, 'missing', 'incident.md')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/its folder does not exist/)
  })

  it('refuses a value that cannot be written on one line', async () => {
    const run = await runInProcess(['new', '--incident', 'two\nlines'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Incident/i)
  })
})
