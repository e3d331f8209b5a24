/**
 * `postmortem template` and `postmortem types` (SPEC §9) on the built CLI as a real process:
 * what a team's template is derived into, in text and JSON; the TypeScript of every fixture
 * template, compiled with `tsc --strict`; `types --check` failing once a heading is renamed.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runProcess} from './cli-harness.js'
import {root} from './helpers.js'
import {teams, teamsFolder} from './teams.js'

const built = existsSync(path.join(root, 'dist/cli/bin.js'))
const folder = teamsFolder

interface TemplateJson {
  template: string | null
  title: {pattern: string; fields: string[]} | null
  sections: {id: string; heading: string | null; depth: number; path: string; parent: string | null; kind: string; required: boolean}[]
  fields: {path: string; section: string; label: string; type: string; format: string | null; values: string[] | null; required: boolean; role: string | null}[]
  roles: Record<string, string>
  unbound: string[]
  warnings: {line: number; column: number; message: string}[]
}

const json = (argv: string[], options: {cwd?: string} = {}): TemplateJson => {
  const run = runProcess(['template', '--format', 'json', ...argv], options)
  expect(run, run.stderr).toMatchObject({code: 0, stderr: ''})
  return JSON.parse(run.stdout) as TemplateJson
}

describe.runIf(built)('postmortem template', {timeout: 120_000}, () => {
  it('prints the sections, fields, title pattern, roles and warnings of a team template as JSON', () => {
    const output = json(['--template', 'fixtures/templates/ci-infra/template.md'])
    expect(Object.keys(output)).toEqual(['template', 'title', 'sections', 'fields', 'roles', 'unbound', 'warnings'])
    expect(output.template).toBe('fixtures/templates/ci-infra/template.md')
    expect(output.title).toEqual({pattern: '# {Month Do, YYYY} {Incident title}', fields: ['monthDoYyyy', 'incidentTitle']})
    expect(output.sections.map((section) => `${'#'.repeat(section.depth)} ${section.heading}`)).toEqual([
      '# {Month Do, YYYY} {Incident title}',
      '## Summary',
      '## Impact',
      '## Root Causes',
      '## Trigger',
      '## Resolution',
      '## Detection',
      '## Lessons Learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
      '## Action Items',
      '## Timeline'
    ])
    expect(output.sections.find((section) => section.id === 'whatWentWell')).toEqual({
      id: 'whatWentWell',
      heading: 'What went well',
      depth: 3,
      path: 'lessonsLearned.whatWentWell',
      parent: 'lessonsLearned',
      kind: 'section',
      required: true
    })
    const field = (path: string): TemplateJson['fields'][number] | undefined => output.fields.find((each) => each.path === path)
    expect(field('monthDoYyyy')).toEqual({path: 'monthDoYyyy', section: 'title', label: 'Month Do, YYYY', type: 'date', format: 'MMMM Do, YYYY', values: null, required: true, role: 'incidentDate'})
    expect(field('status')).toMatchObject({label: 'Status', type: 'enum', values: ['Draft', 'In review', 'Final'], role: null})
    expect(field('actionItems[].owner')).toMatchObject({label: 'Owner', type: 'text', role: 'actionItems.owner'})
    expect(field('timeline.entries[].time')).toMatchObject({type: 'time', role: 'timeline.time'})
    expect(output.roles).toMatchObject({incidentDate: 'monthDoYyyy', title: 'incidentTitle', author: 'createdBy', 'actionItems.owner': 'actionItems[].owner'})
    // The SRE book's layout has no severity or duration: said, never guessed.
    expect(output.unbound).toEqual(expect.arrayContaining(['severity', 'duration', 'actionItems.due']))
    expect(output.warnings).toEqual([])
    // Stable: the same bytes twice.
    expect(runProcess(['template', '--format', 'json', '--template', 'fixtures/templates/ci-infra/template.md']).stdout).toBe(JSON.stringify(output, null, 2) + '\n')
  })

  it.each(teams)('derives the %s template with no warnings, binding what its documents hold', (team) => {
    const output = json(['--template', `fixtures/templates/${team}/template.md`])
    expect(output.warnings).toEqual([])
    expect(output.sections.length).toBeGreaterThan(3)
    expect(output.fields.every((field) => field.path !== '' && field.label !== '' && field.type !== '')).toBe(true)
    expect(Object.keys(output.roles).length + output.unbound.length).toBe(16)
  })

  it('prints readable text: one section and one field per line, aligned', () => {
    const run = runProcess(['template', '--template', 'fixtures/templates/payments/template.md'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Template: fixtures/templates/payments/template.md')
    const header = lines.find((line) => line.startsWith('  PATH'))!
    expect(header).toMatch(/^ {2}PATH +LABEL +TYPE +REQUIRED +ROLE +FORMAT OR VALUES$/)
    // Every field line starts its columns where the header does.
    const typeColumn = header.indexOf('TYPE')
    const fieldLines = lines.slice(lines.indexOf(header) + 1, lines.indexOf('', lines.indexOf(header)))
    expect(fieldLines.length).toBe(json(['--template', 'fixtures/templates/payments/template.md']).fields.length)
    for (const line of fieldLines) expect(line[typeColumn - 1], line).toBe(' ')
    expect(run.stdout).toMatch(/^ {2}severity +\S+$/m)
    expect(run.stdout).toMatch(/\nWarnings: none\n$/)
  })

  it('shows the warnings of a template (two candidates for one role), and still exits 0', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-template-warn-'))
    writeFileSync(path.join(cwd, 'template.md'), '# {Title}\n\nDate: {YYYY-MM-DD}\nIncident date: {YYYY-MM-DD}\n\n## Summary\n\n{summary}\n')
    const output = json(['--template', 'template.md'], {cwd})
    expect(output.warnings).toEqual([{line: 1, column: 1, message: expect.stringMatching(/^Role `incidentDate` has 2 candidates: `Date` .* is used, not `Incident date`/)}])
    const text = runProcess(['template', '--template', 'template.md'], {cwd})
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/\nWarnings \(1\):\n {2}template\.md:1:1 Role `incidentDate` has 2 candidates/)
  })

  it('without --template: the configured template, else the built-in one', () => {
    expect(json([]).template).toBeNull()
    expect(json([]).roles).toMatchObject({severity: expect.any(String), incidentDate: expect.any(String)})
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-template-config-'))
    cpSync(path.join(folder, 'payments'), path.join(cwd, 'payments'), {recursive: true})
    writeFileSync(path.join(cwd, '.postmortemrc.json'), '{"template": "payments/template.md"}')
    expect(json([], {cwd}).template).toBe('payments/template.md')
    expect(runProcess(['template', 'extra'], {cwd})).toMatchObject({code: 2, stderr: expect.stringContaining('template takes no paths')})
  })
})

/** Run the TypeScript compiler of the repository over `files` in `cwd`. */
function tsc(cwd: string, files: readonly string[]): {code: number; output: string} {
  const bin = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const options = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--exactOptionalPropertyTypes', '--noUncheckedIndexedAccess']
  const result = spawnSync(process.execPath, [bin, ...options, ...files], {cwd, encoding: 'utf8'})
  return {code: result.status ?? -1, output: result.stdout + result.stderr}
}

describe.runIf(built)('postmortem types', {timeout: 300_000}, () => {
  it('writes types for every fixture template that compile with tsc --strict, and --check finds them up to date', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-types-'))
    mkdirSync(path.join(cwd, 'node_modules'))
    symlinkSync(root, path.join(cwd, 'node_modules/postmortem-md'), 'dir')
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({type: 'module'}))
    const files: string[] = []
    for (const team of teams) {
      const argv = ['types', '--template', path.join(folder, team, 'template.md'), '--out', `${team}.ts`]
      expect(runProcess(argv, {cwd}), team).toMatchObject({code: 0, stdout: '', stderr: expect.stringMatching(new RegExp(`^${team}\\.ts: written from `))})
      expect(runProcess([...argv, '--check'], {cwd}), team).toEqual({code: 0, stdout: '', stderr: ''})
      expect(runProcess(argv, {cwd}).stderr).toBe(`${team}.ts: unchanged\n`)
      files.push(`${team}.ts`)
    }
    expect(readFileSync(path.join(cwd, 'payments.ts'), 'utf8')).toMatch(/^import \{compileProfile, type Profile, type ProfileSpec\} from 'postmortem-md'$/m)
    // A team's code typed by its own template.
    writeFileSync(
      path.join(cwd, 'use.ts'),
      `import {lint, stringify, validate} from 'postmortem-md'
import {paymentsPostmortemProfile, type PaymentsPostmortem, type PaymentsPostmortemDraft} from './payments.js'
const draft: PaymentsPostmortemDraft = {incidentDate: 'Mar 20, 2025', severity: 'SEV2'}
const text: string = stringify(draft, {profile: paymentsPostmortemProfile})
const result = validate(draft, {profile: paymentsPostmortemProfile})
const severity: PaymentsPostmortem['severity'] | undefined = result.ok ? result.postmortem.severity : undefined
export const count: number = lint(text, {profile: paymentsPostmortemProfile}).length
export {severity}
`
    )
    const compiled = tsc(cwd, [...files, 'use.ts'])
    expect(compiled.output).toBe('')
    expect(compiled.code).toBe(0)
  })

  it('--check exits 1 once a heading of the template is renamed, and writes nothing', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pm-types-check-'))
    cpSync(path.join(folder, 'ci-infra/template.md'), path.join(cwd, 'template.md'))
    expect(runProcess(['types', '--template', 'template.md', '--out', 'types.ts'], {cwd})).toMatchObject({code: 0})
    const before = readFileSync(path.join(cwd, 'types.ts'), 'utf8')
    writeFileSync(path.join(cwd, 'template.md'), readFileSync(path.join(cwd, 'template.md'), 'utf8').replace('## Trigger', '## Triggers'))
    const check = runProcess(['types', '--template', 'template.md', '--out', 'types.ts', '--check'], {cwd})
    expect(check).toEqual({code: 1, stdout: '', stderr: 'types.ts: is not what `template.md` generates now; run `postmortem types` without --check to write it\n'})
    expect(readFileSync(path.join(cwd, 'types.ts'), 'utf8')).toBe(before)
    // A file that is not there is out of date too.
    expect(runProcess(['types', '--template', 'template.md', '--out', 'missing.ts', '--check'], {cwd})).toMatchObject({code: 1, stderr: expect.stringContaining('missing.ts: does not exist')})
    expect(runProcess(['types', '--template', 'template.md'], {cwd})).toMatchObject({code: 2, stderr: expect.stringContaining('types needs --out FILE.ts')})
  })
})
