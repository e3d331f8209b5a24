/**
 * The other commands by a team's template (SPEC §9), on the built CLI as a real process:
 * `schema`, `new` and `from-json --template`; `stats`, `actions` and `report` over a team's
 * folder; `--cache` keyed by the template's content; owners written two ways joined by the
 * configuration's `people`.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runProcess} from './cli-harness.js'
import {root} from './helpers.js'
import {teamsFolder} from './teams.js'

const built = existsSync(path.join(root, 'dist/cli/bin.js'))
const now = ['--now', '2026-12-07']
const folder = teamsFolder

/** A temporary folder holding a copy of one team's folder, under its own name. */
function copyTeam(team: string): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pm-team-'))
  cpSync(path.join(folder, team), path.join(cwd, team), {recursive: true})
  return cwd
}

describe.runIf(built)('schema, new and from-json by a team template', {timeout: 120_000}, () => {
  it('schema --template prints the JSON Schema of the team\'s model, and of its draft', () => {
    const complete = runProcess(['schema', '--template', 'fixtures/templates/payments/template.md'])
    expect(complete).toMatchObject({code: 0, stderr: ''})
    const schema = JSON.parse(complete.stdout) as {$id: string; properties: Record<string, {enum?: string[]}>}
    expect(schema.$id).toBe('https://postmortem-md.dev/schema/payments-postmortem.schema.json')
    expect(schema.properties.severity?.enum).toEqual(['SEV1', 'SEV2', 'SEV3'])
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['incidentDate', 'leadup', 'fault', 'fiveWhys']))
    const draft = JSON.parse(runProcess(['schema', '--draft', '--template', 'fixtures/templates/payments/template.md']).stdout) as {$id: string}
    expect(draft.$id).toBe('https://postmortem-md.dev/schema/payments-postmortem-draft.schema.json')
    // Without a template: the built-in schema, as shipped.
    expect(JSON.parse(runProcess(['schema']).stdout)).toEqual(JSON.parse(readFileSync(path.join(root, 'schema/postmortem.schema.json'), 'utf8')))
  })

  it('new --template writes the template\'s own text, the flags filling the fields of their roles', () => {
    const template = readFileSync(path.join(folder, 'ci-infra/template.md'), 'utf8')
    expect(runProcess(['new', '--template', 'fixtures/templates/ci-infra/template.md'])).toEqual({code: 0, stdout: template, stderr: ''})
    const filled = runProcess(['new', '--template', 'fixtures/templates/ci-infra/template.md', '--date', '2026-03-14', '--incident', 'Cache outage', '--author', 'Grace Liu'])
    expect(filled.code).toBe(0)
    // The date in the template's own notation, in its title line.
    expect(filled.stdout).toBe(template.replace('# {Month Do, YYYY} {Incident title}', '# March 14th, 2026 Cache outage').replace('Created By: {name}', 'Created By: Grace Liu'))
    const payments = runProcess(['new', '--template', 'fixtures/templates/payments/template.md', '--severity', 'SEV2', '--date', '2025-03-20'])
    expect(payments.stdout).toContain('| **Incident date** | Mar 20, 2025 |\n|---|---|\n| **Severity** | SEV2 |')
  })

  it('new --template refuses a flag whose role the template does not bind, and a value its field does not take', () => {
    expect(runProcess(['new', '--template', 'fixtures/templates/ci-infra/template.md', '--severity', 'SEV1'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'postmortem new: Unexpected `--severity`: the template `fixtures/templates/ci-infra/template.md` has no field for it (no field has the role `severity`; see `postmortem template`)\n' +
        'Run `postmortem new --help` for usage.\n'
    })
    expect(runProcess(['new', '--template', 'fixtures/templates/payments/template.md', '--severity', 'P1']).stderr).toMatch(/^postmortem new: Unexpected `--severity P1`, expected `SEV1`, `SEV2`, `SEV3`\n/)
    expect(runProcess(['new', '--template', 'fixtures/templates/payments/template.md', '--date', '20-03-2025']).stderr).toMatch(/Unexpected `--date 20-03-2025`, expected a real date as YYYY-MM-DD/)
  })

  it('new uses the configured template, and writes --out as before', () => {
    const cwd = copyTeam('ci-infra')
    writeFileSync(path.join(cwd, '.postmortemrc.json'), '{"template": "ci-infra/template.md"}')
    expect(runProcess(['new', '--incident', 'Merge queue stall', '--out', 'ci-infra/new.md'], {cwd})).toEqual({code: 0, stdout: '', stderr: 'ci-infra/new.md: created\n'})
    expect(readFileSync(path.join(cwd, 'ci-infra/new.md'), 'utf8')).toMatch(/^# \{Month Do, YYYY\} Merge queue stall\n\nCreated By: \{name\}\n/)
  })

  it.each([
    ['ci-infra', '2019-01-23-artifact-cache-outage.md'],
    ['freight-booking', '03-02-2025-slot-allocation-outage.md']
  ])('to-json --template, then from-json --template, gives back the %s document as fmt writes it', (team, name) => {
    const cwd = copyTeam(team)
    const template = ['--template', `${team}/template.md`]
    const document = `${team}/${name}`
    const json = runProcess(['to-json', '--draft', ...template, document], {cwd})
    expect(json.code).toBe(0)
    writeFileSync(path.join(cwd, 'draft.json'), json.stdout)
    const back = runProcess(['from-json', ...template, 'draft.json'], {cwd})
    expect(back).toMatchObject({code: 0, stderr: ''})
    expect(back.stdout).toBe(runProcess(['fmt', ...template, document], {cwd}).stdout)
  })

  it('from-json --template refuses JSON that is not of the team\'s model, naming the path', () => {
    const cwd = copyTeam('ci-infra')
    writeFileSync(path.join(cwd, 'wrong.json'), JSON.stringify({summary: 7}))
    expect(runProcess(['from-json', '--template', 'ci-infra/template.md', 'wrong.json'], {cwd})).toMatchObject({code: 1, stderr: expect.stringMatching(/^wrong\.json: summary: .*`## Summary`/)})
  })
})

describe.runIf(built)('stats, actions and report over a team\'s folder', {timeout: 120_000}, () => {
  it('stats --template counts the team\'s documents, not the template, by its roles', () => {
    const run = runProcess(['stats', ...now, '--format', 'json', '--template', 'fixtures/templates/payments/template.md', 'fixtures/templates/payments'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    const stats = JSON.parse(run.stdout) as {postmortems: number; severity: Record<string, number>; durationMinutes: {count: number; median: number}; actionItems: {total: number; open: number; byStatus: Record<string, number>}}
    expect(stats.postmortems).toBe(3)
    // The team's own severities and task boxes, durations as it writes them (`1 hr 12 min`).
    expect(stats.severity).toEqual({SEV1: 1, SEV2: 1, SEV3: 1, other: 0, unfilled: 0})
    expect(stats.durationMinutes).toMatchObject({count: 2, median: 113.5})
    expect(stats.actionItems).toMatchObject({total: 11, open: 9, byStatus: {'[ ]': 9, '[x]': 2, other: 0, unfilled: 0}})
  })

  it('actions --open lists a team\'s open items by its roles; `people` shows each owner by one name', () => {
    const cwd = copyTeam('product-analytics')
    const argv = ['actions', ...now, '--format', 'json', 'product-analytics']
    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({template: 'product-analytics/template.md'}))
    type Row = {file: string; action: string; owner: string | null}
    const asWritten = JSON.parse(runProcess(argv, {cwd}).stdout) as Row[]
    expect(asWritten.map((row) => row.owner)).toEqual(expect.arrayContaining(['@ines', 'Ines Carvalho', '@kwame']))
    expect(asWritten.every((row) => !row.file.endsWith('template.md'))).toBe(true)

    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({template: 'product-analytics/template.md', people: {'Ines Carvalho': ['@ines', 'ines'], 'Kwame Mensah': ['@kwame']}}))
    const joined = JSON.parse(runProcess(argv, {cwd}).stdout) as Row[]
    expect(joined.map((row) => row.action)).toEqual(asWritten.map((row) => row.action))
    expect(joined.map((row) => row.owner)).toEqual(asWritten.map((row) => (row.owner === '@ines' ? 'Ines Carvalho' : row.owner === '@kwame' ? 'Kwame Mensah' : row.owner)))
    // --owner finds an owner by any of the person's spellings.
    const byHandle = JSON.parse(runProcess([...argv, '--owner', '@ines'], {cwd}).stdout) as Row[]
    expect(byHandle.map((row) => row.owner)).toEqual(['Ines Carvalho', 'Ines Carvalho'])
    const table = runProcess(['actions', ...now, 'product-analytics'], {cwd}).stdout
    expect(table).not.toContain('@ines')
  })

  it('report --template joins owners by `people` in its figures and tables', () => {
    const cwd = copyTeam('product-analytics')
    // `@ines`'s item is done (`* [x]`): reopened here, so Ines has two open items, written two ways.
    const file = path.join(cwd, 'product-analytics/2025-04-29-session-replay-gaps.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('* [x] Add a 45 minute recording', '* [ ] Add a 45 minute recording'))
    writeFileSync(path.join(cwd, '.postmortemrc.json'), JSON.stringify({people: {'Ines Carvalho': ['@ines']}}))
    const run = runProcess(['report', ...now, '--format', 'md', '--template', 'product-analytics/template.md', 'product-analytics'], {cwd})
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toMatch(/^3 postmortems · as of 2026-12-07$/m)
    // One row for Ines, with the open items written `@ines` and `Ines Carvalho`.
    const owners = run.stdout.slice(run.stdout.indexOf('## Open action items by owner'))
    expect(owners).toMatch(/^\| Ines Carvalho \| 2 \| 2 \|$/m)
    expect(owners).not.toMatch(/^\| @?ines /m)
    // The dates the team writes are the report's months.
    expect(run.stdout).toMatch(/^\| 2025-04 \|/m)
  })

  it('a template that cannot be used stops actions and report before they read or write anything', () => {
    const cwd = copyTeam('payments')
    writeFileSync(path.join(cwd, 'bad.md'), '# {Title}\n\n## A\n\n{a}\n\n## A\n\n{b}\n')
    for (const argv of [['actions', 'payments'], ['report', '--out', 'report.html', 'payments'], ['schema'], ['new'], ['from-json', 'x.json']]) {
      const run = runProcess([...argv, '--template', 'bad.md'], {cwd})
      expect(run, argv.join(' ')).toMatchObject({code: 2, stdout: ''})
      expect(run.stderr, argv.join(' ')).toMatch(/^bad\.md:7:1 Two sections have the id `a`/)
    }
    expect(existsSync(path.join(cwd, 'report.html'))).toBe(false)
  })
})

describe.runIf(built)('--cache and the template', {timeout: 120_000}, () => {
  it('editing the template computes its files again: new findings, not the cached ones', () => {
    const cwd = copyTeam('ci-infra')
    writeFileSync(path.join(cwd, '.postmortemrc.json'), '{"template": "ci-infra/template.md"}')
    const argv = ['lint', ...now, '--cache', '--format', 'json', 'ci-infra']
    const env = {POSTMORTEM_CACHE_DEBUG: '1'}
    const first = runProcess(argv, {cwd, env})
    expect(first.stderr).toMatch(/cache: 0 from the cache, 2 computed/)
    expect(runProcess(argv, {cwd, env}).stderr).toMatch(/cache: 2 from the cache, 0 computed/)
    const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as {findings: {ruleId: string}[]}[]).flatMap((file) => file.findings.map((finding) => finding.ruleId))
    // The template gains a section neither document has.
    const template = path.join(cwd, 'ci-infra/template.md')
    writeFileSync(template, readFileSync(template, 'utf8').replace('## Trigger', '## Contributing factors\n\n{what made it worse}\n\n## Trigger'))
    const edited = runProcess(argv, {cwd, env})
    expect(edited.stderr).toMatch(/cache: 0 from the cache, 2 computed/)
    const missing = (JSON.parse(edited.stdout) as {findings: {ruleId: string; message: string}[]}[]).flatMap((file) => file.findings.filter((finding) => finding.ruleId === 'missing-section'))
    expect(missing.map((finding) => finding.message)).toEqual(expect.arrayContaining([expect.stringContaining('Contributing factors')]))
    expect(missing.length).toBeGreaterThan(ruleIds(first.stdout).filter((id) => id === 'missing-section').length)
    // fmt and stats key their results by the template too.
    for (const command of [['fmt', '--check'], ['stats', ...now]]) {
      runProcess([...command, '--cache', 'ci-infra'], {cwd, env})
      expect(runProcess([...command, '--cache', 'ci-infra'], {cwd, env}).stderr).toMatch(/cache: 2 from the cache, 0 computed/)
      writeFileSync(template, readFileSync(template, 'utf8') + '\n')
      expect(runProcess([...command, '--cache', 'ci-infra'], {cwd, env}).stderr).toMatch(/cache: 0 from the cache, 2 computed/)
    }
  })
})
