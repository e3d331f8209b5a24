import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../src/cli/config-file.js'
import {ConfigError, ConfigResolver, didYouMean, editDistance, parseRuleFlags, templateFor} from '../src/cli/config.js'
import {runInProcess} from './cli-harness.js'
import {root} from './helpers.js'

const now = ['--now', '2026-03-20']
const json = async (argv: string[], options: {cwd?: string} = {}): Promise<{code: number; stderr: string; findings: {ruleId: string; severity: string}[][]}> => {
  const run = await runInProcess(['lint', ...now, '--format', 'json', ...argv], options)
  const files = run.stdout ? (JSON.parse(run.stdout) as {findings: {ruleId: string; severity: string}[]}[]) : []
  return {code: run.code, stderr: run.stderr, findings: files.map((file) => file.findings.map(({ruleId, severity}) => ({ruleId, severity})))}
}

describe('.postmortemrc.json discovery', () => {
  it('finds the nearest config from the file’s folder upward', async () => {
    // fixtures/lint-cli/configured/.postmortemrc.json makes heading-text an error; the file is
    // two folders below it.
    const run = await json(['fixtures/lint-cli/configured/team/2026/warnings.md'])
    expect(run).toMatchObject({code: 1, findings: [[{ruleId: 'heading-text', severity: 'error'}]]})
  })

  it('applies no config where none is found up to the filesystem root', async () => {
    const run = await json(['fixtures/lint-cli/files/warnings.md'])
    expect(run).toMatchObject({code: 0, findings: [[{ruleId: 'heading-text', severity: 'warning'}]]})
  })

  it('uses each file’s own config when linting several folders', async () => {
    const run = await json(['fixtures/lint-cli/files/warnings.md', 'fixtures/lint-cli/configured'])
    expect(run.findings).toEqual([[{ruleId: 'heading-text', severity: 'warning'}], [{ruleId: 'heading-text', severity: 'error'}]])
  })

  it('looks upward from the working folder for standard input', async () => {
    const run = await runInProcess(['lint', ...now, '--format', 'json', '-'], {
      cwd: path.join(root, 'fixtures/lint-cli/configured/team'),
      stdin: readFileSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), 'utf8')
    })
    expect(JSON.parse(run.stdout)[0].findings[0]).toMatchObject({ruleId: 'heading-text', severity: 'error'})
  })

  it('reads each config once, from a cache per folder', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-config-'))
    mkdirSync(path.join(folder, 'a', 'b'), {recursive: true})
    writeFileSync(path.join(folder, '.postmortemrc.json'), '{"rules": {"severity": "off"}}')
    const resolver = new ConfigResolver((file) => file)
    const first = await resolver.resolve(path.join(folder, 'a', 'b'))
    const second = await resolver.resolve(path.join(folder, 'a'))
    expect(first).toMatchObject({rules: {severity: 'off'}, folder})
    expect(second).toBe(first)
  })
})

describe('--config and --rule', () => {
  it('--config replaces discovery', async () => {
    const run = await json(['--config', 'fixtures/lint-cli/custom/quiet-headings.json', 'fixtures/lint-cli/configured/team/2026/warnings.md'])
    expect(run).toMatchObject({code: 0, findings: [[{ruleId: 'heading-text', severity: 'info'}]]})
  })

  it('--rule wins over a discovered config', async () => {
    const run = await json(['--rule', 'heading-text=off', 'fixtures/lint-cli/configured/team/2026/warnings.md'])
    expect(run).toMatchObject({code: 0, findings: [[]]})
  })

  it('--rule wins over --config, and the last --rule for an id wins', async () => {
    const run = await json([
      '--config',
      'fixtures/lint-cli/custom/quiet-headings.json',
      '--rule',
      'heading-text=off',
      '--rule',
      'heading-text=error',
      'fixtures/lint-cli/files/warnings.md'
    ])
    expect(run).toMatchObject({code: 1, findings: [[{ruleId: 'heading-text', severity: 'error'}]]})
  })

  it('--config skips a broken config that discovery would find', async () => {
    const run = await json(['--config', 'fixtures/lint-cli/custom/quiet-headings.json', 'fixtures/lint-cli/bad-json/warnings.md'])
    expect(run).toMatchObject({code: 0, findings: [[{ruleId: 'heading-text', severity: 'info'}]]})
  })

  it('a missing --config file is a usage error', async () => {
    const run = await runInProcess(['lint', '--config', 'fixtures/lint-cli/nope.json', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Cannot read config `fixtures\/lint-cli\/nope\.json`: no such file/)
  })
})

describe('unusable configuration (exit 2)', () => {
  it('names an unknown rule id in --rule and the nearest known ids', async () => {
    const run = await runInProcess(['lint', '--rule', 'heading-txt=off', 'fixtures/lint-cli/files/clean.md'])
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toMatch(/Unknown rule `heading-txt` in `--rule heading-txt=off`; did you mean `heading-text`\?/)
  })

  it('names an unknown rule id in a config file and the nearest known ids; other files are still linted', async () => {
    const run = await runInProcess(['lint', ...now, 'fixtures/lint-cli/unknown-rule', 'fixtures/lint-cli/files/warnings.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^fixtures\/lint-cli\/unknown-rule\/\.postmortemrc\.json: Unknown rule `heading-txt` in `rules`; did you mean `heading-text`\?$/m)
    expect(run.stderr).toMatch(/fixtures\/lint-cli\/unknown-rule\/warnings\.md: not linted: its configuration cannot be used/)
    expect(run.stdout).toMatch(/fixtures\/lint-cli\/files\/warnings\.md\n\s*9:1-9:11\s+warning/)
  })

  it('an unknown level, with a suggestion', async () => {
    const run = await runInProcess(['lint', '--rule', 'heading-text=warnx', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Unexpected level `warnx` for rule `heading-text` in `--rule heading-text=warnx`, expected `off`, `info`, `warning` or `error` \(`warn` is `warning`\)\n/)
    const typo = await runInProcess(['lint', '--rule', 'heading-text=eror', 'fixtures/lint-cli/files/clean.md'])
    expect(typo.stderr).toMatch(/Unexpected level `eror` for rule `heading-text` .*; did you mean `error`\?/)
  })

  it('`warn` is `warning`, as in ESLint', async () => {
    const run = await json(['--rule', 'heading-text=warn', 'fixtures/lint-cli/files/warnings.md'])
    expect(run).toMatchObject({code: 0, findings: [[{ruleId: 'heading-text', severity: 'warning'}]]})
  })

  it('a --rule without a level', async () => {
    const run = await runInProcess(['lint', '--rule', 'heading-text', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/expected `--rule id=level`/)
  })

  it('invalid JSON in a discovered config: file:line:column', async () => {
    const run = await runInProcess(['lint', ...now, 'fixtures/lint-cli/bad-json/warnings.md', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^fixtures\/lint-cli\/bad-json\/\.postmortemrc\.json:4:5: invalid JSON: /m)
    expect(run.stdout).toMatch(/clean\.md: no issues found/)
  })

  it('invalid JSON in --config: file:line:column', async () => {
    const run = await runInProcess(['lint', '--config', 'fixtures/lint-cli/bad-json/.postmortemrc.json', 'fixtures/lint-cli/files/clean.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/fixtures\/lint-cli\/bad-json\/\.postmortemrc\.json:4:5: invalid JSON/)
  })

  it('a config of the wrong shape', () => {
    expect(() => parseConfig('[]', 'x.json', '/')).toThrow(/^x\.json: Unexpected `\[\]`, expected an object such as/)
    expect(() => parseConfig('{"rule": {}}', 'x.json', '/')).toThrow(/^x\.json: Unexpected key `rule`, expected `\$schema`, `extends`, `rules`, `ignores`, `overrides`, `template` or `people`; did you mean `rules`\?$/)
    expect(() => parseConfig('{"rules": ["severity"]}', 'x.json', '/')).toThrow(/^x\.json: Unexpected `\["severity"\]` for `rules`, expected an object of rule id → level/)
    expect(() => parseConfig('{"rules": {"severity": 2}}', 'x.json', '/')).toThrow(/^x\.json: Unexpected level `2` for rule `severity` in `rules`/)
    expect(parseConfig('{"$schema": "x", "rules": {"severity": "off"}}', 'x.json', '/').rules).toEqual({severity: 'off'})
    expect(parseConfig('{}', 'x.json', '/')).toEqual({name: 'x.json', folder: '/', rules: {}, ignores: [], overrides: []})
  })

  it('never lets a config key reach a prototype', () => {
    expect(() => parseConfig('{"rules": {"__proto__": "off", "constructor": "off"}}', 'x.json', '/')).not.toThrow()
    expect(() => parseRuleFlags(['__proto__=off'])).toThrow(ConfigError)
  })
})

describe('suggestions', () => {
  it('edit distance', () => {
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('severty', 'severity')).toBe(1)
  })

  it('close names, else the three nearest', () => {
    expect(didYouMean('severty', ['severity', 'status', 'priority'])).toBe('did you mean `severity`?')
    expect(didYouMean('duedate', ['due-date', 'meeting-date', 'date-format'])).toBe('did you mean `due-date`?')
    expect(didYouMean('zzz', ['status', 'duration', 'priority', 'severity'])).toMatch(/^the nearest known ones are `\w[\w-]*`, `\w[\w-]*` and `\w[\w-]*`$/)
  })
})

describe('`template`, `overrides[].template` and `people`', () => {
  const config = parseConfig(
    JSON.stringify({
      template: './docs/template.md',
      people: {'Grace Liu': ['@grace', 'grace']},
      overrides: [
        {files: ['ops/**'], template: 'ops/template.md'},
        {files: ['ops/db/**'], ignores: ['ops/db/old/**'], template: '../shared/db.md'},
        {files: ['ops/db/**'], rules: {'heading-text': 'off'}}
      ]
    }),
    'repo/.postmortemrc.json',
    '/repo'
  )

  it('resolves templates against the configuration file\'s folder', () => {
    expect(config.template).toBe(path.resolve('/repo/docs/template.md'))
    expect(config.overrides.map((override) => override.template)).toEqual([path.resolve('/repo/ops/template.md'), path.resolve('/shared/db.md'), undefined])
    expect(config.people).toEqual({'Grace Liu': ['@grace', 'grace']})
  })

  it('gives each file the last matching entry that names a template, else the configuration\'s own', () => {
    expect(templateFor(config, path.resolve('/repo/a.md'))).toBe(path.resolve('/repo/docs/template.md'))
    expect(templateFor(config, path.resolve('/repo/ops/a.md'))).toBe(path.resolve('/repo/ops/template.md'))
    expect(templateFor(config, path.resolve('/repo/ops/db/a.md'))).toBe(path.resolve('/shared/db.md'))
    expect(templateFor(config, path.resolve('/repo/ops/db/old/a.md'))).toBe(path.resolve('/repo/ops/template.md'))
    expect(templateFor(config, undefined)).toBe(path.resolve('/repo/docs/template.md'))
    expect(templateFor(undefined, path.resolve('/repo/a.md'))).toBeUndefined()
    expect(templateFor(parseConfig('{}', 'x.json', '/repo'), path.resolve('/repo/a.md'))).toBeUndefined()
  })
})
