/**
 * A team's template on the command line (SPEC §9), on the built CLI as a real process: named
 * with `--template`, with `template` in `.postmortemrc.json` or in an `overrides` entry, `lint`,
 * `to-json` and `fmt` read the team documents of `fixtures/templates/` by it; a template that
 * cannot be read or used stops every command given it (exit 2, each problem at its line).
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {structureRules} from '../src/lint/presets.js'
import {runProcess, type Run} from './cli-harness.js'
import {root} from './helpers.js'
import {driftOf, teamDocuments, teams, teamsFolder, type TeamFacts} from './teams.js'

const built = existsSync(path.join(root, 'dist/cli/bin.js'))
const now = ['--now', '2026-12-07']
const folder = teamsFolder

/** The documents of a team, with their facts, by path relative to the repository. */
function documentsOf(team: string): {name: string; facts: TeamFacts}[] {
  return teamDocuments(team).map(({name, facts}) => ({name: `fixtures/templates/${team}/${name}`, facts}))
}

interface JsonFile {
  readonly file: string
  readonly findings: readonly {readonly ruleId: string; readonly line?: number; readonly severity: string}[]
  readonly errorCount: number
}

/** The structure findings of each file of a `lint --format json` run, as `drift@line`. */
function driftFound(run: Run): Record<string, string[]> {
  const files = JSON.parse(run.stdout) as JsonFile[]
  return Object.fromEntries(
    files.map((file) => [
      file.file,
      file.findings
        .filter((finding) => (structureRules as readonly string[]).includes(finding.ruleId))
        .map((finding) => `${driftOf[finding.ruleId] ?? finding.ruleId}@${finding.line}`)
        .sort()
    ])
  )
}

const expectedDrift = (facts: TeamFacts): string[] => facts.drift.map((drift) => `${drift.what}@${drift.line}`).sort()

/** A temporary folder holding copies of some teams' folders. */
function copyTeams(...names: string[]): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pm-template-'))
  for (const name of names) cpSync(path.join(folder, name), path.join(cwd, name), {recursive: true})
  return cwd
}

describe.runIf(built)('--template and the configuration name the template', {timeout: 120_000}, () => {
  it.each(teams)('lint --template: each %s document gets exactly its drift, not the built-in template\'s findings', (team) => {
    const documents = documentsOf(team)
    const run = runProcess(['lint', ...now, '--format', 'json', '--template', `fixtures/templates/${team}/template.md`, ...documents.map((document) => document.name)])
    expect(run.stderr).toBe('')
    const found = driftFound(run)
    for (const document of documents) expect(found[document.name], document.name).toEqual(expectedDrift(document.facts))
    // The built-in template would say of each document that it is not the built-in template.
    const builtin = JSON.parse(runProcess(['lint', ...now, '--format', 'json', documents[0]!.name]).stdout) as JsonFile[]
    const own = (JSON.parse(run.stdout) as JsonFile[])[0]!
    expect(builtin[0]!.errorCount).toBeGreaterThan(own.errorCount)
  })

  it('lint reads the template `.postmortemrc.json` names, relative to its folder, and skips the template itself', () => {
    const cwd = copyTeams('ci-infra')
    writeFileSync(path.join(cwd, 'ci-infra/.postmortemrc.json'), JSON.stringify({template: './template.md'}))
    const run = runProcess(['lint', ...now, '--format', 'json', 'ci-infra'], {cwd})
    expect(run.stderr).toBe('')
    const found = driftFound(run)
    expect(Object.keys(found)).toEqual(['ci-infra/2019-01-23-artifact-cache-outage.md', 'ci-infra/2019-03-14-merge-queue-stall.md'])
    for (const document of documentsOf('ci-infra')) expect(found[document.name.replace('fixtures/templates/', '')]).toEqual(expectedDrift(document.facts))
    // Named on its own, the template is said to be skipped.
    const alone = runProcess(['lint', ...now, 'ci-infra/template.md', 'ci-infra/2019-03-14-merge-queue-stall.md'], {cwd})
    expect(alone.stderr).toBe('ci-infra/template.md: not linted: matched by `template` of `ci-infra/.postmortemrc.json`\n')
    expect(alone.code).toBe(0)
  })

  it('--template wins over the configuration', () => {
    const cwd = copyTeams('ci-infra', 'payments')
    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({template: 'payments/template.md'}))
    const byConfig = runProcess(['lint', ...now, '--format', 'json', 'ci-infra/2019-03-14-merge-queue-stall.md'], {cwd})
    expect(driftFound(byConfig)['ci-infra/2019-03-14-merge-queue-stall.md']!.length).toBeGreaterThan(3)
    const byFlag = runProcess(['lint', ...now, '--format', 'json', '--template', 'ci-infra/template.md', 'ci-infra/2019-03-14-merge-queue-stall.md'], {cwd})
    expect(driftFound(byFlag)).toEqual({'ci-infra/2019-03-14-merge-queue-stall.md': []})
  })

  it('`overrides` give two teams of one repository their own templates, the same with worker threads as without', () => {
    const cwd = copyTeams('ci-infra', 'payments')
    writeFileSync(
      path.join(cwd, '.postmortemrc.json'),
      JSON.stringify({overrides: [{files: ['ci-infra/**'], template: './ci-infra/template.md'}, {files: ['payments/**'], template: './payments/template.md'}]})
    )
    const argv = ['lint', ...now, '--format', 'json', '.']
    const alone = runProcess(argv, {cwd, env: {POSTMORTEM_WORKERS: '0'}})
    const found = driftFound(alone)
    const documents = [...documentsOf('ci-infra'), ...documentsOf('payments')]
    expect(Object.keys(found).sort()).toEqual(documents.map((document) => document.name.replace('fixtures/templates/', '')).sort())
    for (const document of documents) expect(found[document.name.replace('fixtures/templates/', '')], document.name).toEqual(expectedDrift(document.facts))
    const pooled = runProcess(argv, {cwd, env: {POSTMORTEM_WORKERS: '2'}})
    expect(pooled).toEqual(alone)
    // And in the stylish format, fmt --check and stats.
    for (const other of [['lint', ...now, '.'], ['fmt', '--check', '.'], ['stats', ...now, '--format', 'json', '.']]) {
      expect(runProcess(other, {cwd, env: {POSTMORTEM_WORKERS: '2'}})).toEqual(runProcess(other, {cwd, env: {POSTMORTEM_WORKERS: '0'}}))
    }
  })

  it.each(teams)('to-json --draft --template gives each %s document its expected draft', (team) => {
    for (const document of documentsOf(team)) {
      const run = runProcess(['to-json', '--draft', '--template', `fixtures/templates/${team}/template.md`, document.name])
      expect(run).toMatchObject({code: 0, stderr: ''})
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(root, document.name.replace(/\.md$/, '.draft.json')), 'utf8')))
    }
  })

  it('fmt --check --template exits 0 on the tidy documents, and names the drifting ones', () => {
    for (const team of teams) {
      const documents = documentsOf(team)
      const tidy = documents.filter((document) => document.facts.kind === 'tidy').map((document) => document.name)
      expect(runProcess(['fmt', '--check', '--template', `fixtures/templates/${team}/template.md`, ...tidy]), team).toEqual({code: 0, stdout: '', stderr: ''})
    }
    const drifting = 'fixtures/templates/ci-infra/2019-01-23-artifact-cache-outage.md'
    expect(runProcess(['fmt', '--check', '--template', 'fixtures/templates/ci-infra/template.md', drifting])).toMatchObject({code: 1, stdout: `${drifting}\n`})
  })
})

/** Bad templates, each written to a temporary folder with one team document beside it. */
const badTemplates: readonly {name: string; text: string; line: RegExp}[] = [
  {name: 'no heading', text: 'Just some text, {x}, and no heading.\n', line: /^template\.md:1:\d+ .*heading/m},
  {name: 'two sections with one id', text: '# {Title}\n\n## Summary\n\n{summary}\n\n## Summary\n\n{again}\n', line: /^template\.md:7:\d+ Two sections have the id `summary`/m},
  {name: 'an unknown annotation key', text: '# {Title}\n\n## Summary\n\n{summary}\n<!-- postmortem: colour=red -->\n', line: /^template\.md:6:\d+ .*`colour`/m}
]

describe.runIf(built)('a template that cannot be used', {timeout: 120_000}, () => {
  it.each(badTemplates)('$name: exit 2 with the problem at `file:line:column`, and nothing else runs', ({text, line}) => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-bad-template-'))
    writeFileSync(path.join(cwd, 'template.md'), text)
    mkdirSync(path.join(cwd, 'docs'))
    cpSync(path.join(folder, 'ci-infra/2019-03-14-merge-queue-stall.md'), path.join(cwd, 'docs/a.md'))
    const commands = [['lint', ...now, 'docs'], ['fmt', '--check', 'docs'], ['to-json', '--draft', 'docs/a.md'], ['stats', 'docs'], ['template'], ['template', '--format', 'json'], ['types', '--out', 'types.ts']]
    for (const argv of commands) {
      const run = runProcess([...argv, '--template', 'template.md'], {cwd})
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stdout, argv.join(' ')).toBe('')
      expect(run.stderr, argv.join(' ')).toMatch(line)
    }
    expect(existsSync(path.join(cwd, 'types.ts'))).toBe(false)
    // Named by the configuration: the same.
    writeFileSync(path.join(cwd, '.postmortemrc.json'), '{"template": "template.md"}')
    for (const argv of [['lint', ...now, 'docs'], ['template'], ['types', '--out', 'types.ts']]) {
      const run = runProcess(argv, {cwd})
      expect(run, argv.join(' ')).toMatchObject({code: 2, stdout: ''})
      expect(run.stderr, argv.join(' ')).toMatch(line)
    }
  })

  it('a template that cannot be read is exit 2, naming it', () => {
    const run = runProcess(['lint', ...now, '--template', 'no/such/template.md', 'fixtures/templates/ci-infra'])
    expect(run).toEqual({code: 2, stdout: '', stderr: 'Cannot read template `no/such/template.md`: no such file\n'})
  })

  it('a configuration whose `template` or `people` is not what it should be is reported with its key', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-bad-config-'))
    cpSync(path.join(folder, 'ci-infra/2019-03-14-merge-queue-stall.md'), path.join(cwd, 'a.md'))
    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({template: '', people: {'Grace Liu': '@grace'}, overrides: [{files: ['x/**'], template: 3}]}))
    const run = runProcess(['lint', ...now, 'a.md'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('.postmortemrc.json: Unexpected `` for `template`, expected the path of a template file, not an empty string')
    expect(run.stderr).toContain('.postmortemrc.json: Unexpected `@grace` for `people.Grace Liu`, expected a list of the other ways the name is written, such as ["@grace", "grace"]')
    expect(run.stderr).toContain('.postmortemrc.json: Unexpected `3` for `overrides[0].template`, expected the path of a template file, such as "./docs/postmortem-template.md"')
  })
})
