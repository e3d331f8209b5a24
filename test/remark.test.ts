import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkPostmortem, {remarkPostmortem as named, ruleUrl} from '../src/remark.js'
import {deriveProfile, lint, ruleIds} from '../src/index.js'
import {root, template} from './helpers.js'
import {runProcess} from './cli-harness.js'

const now = '2026-03-20'
const fixtureFiles = ['fixtures/template.md', 'fixtures/lint-cli/files/clean.md', 'fixtures/lint-cli/files/warnings.md', 'fixtures/lint-cli/files/info.md', 'fixtures/real-world/aliases.md']
const fatalOf = {error: true, warning: false, info: undefined} as const

describe('remarkPostmortem via unified', () => {
  it('is the default export and a named one', () => {
    expect(named).toBe(remarkPostmortem)
  })

  it('reports every finding of `lint` as a VFileMessage', async () => {
    const file = await unified().use(remarkParse).use(remarkPostmortem, {now}).use(remarkStringify).process(new VFile({path: 'template.md', value: template}))
    const findings = lint(template, {now})
    expect(findings.length).toBeGreaterThan(0)
    expect(file.messages).toHaveLength(findings.length)
    file.messages.forEach((message, index) => {
      const finding = findings[index]!
      expect(message).toMatchObject({
        reason: finding.message,
        ruleId: finding.ruleId,
        source: 'postmortem',
        url: ruleUrl(finding.ruleId),
        file: 'template.md',
        line: finding.line,
        column: finding.column,
        place: {start: {line: finding.line, column: finding.column}, end: {line: finding.endLine, column: finding.endColumn}}
      })
      expect(message.fatal).toBe(fatalOf[finding.severity])
    })
  })

  it('maps severity to `fatal` the unified way: error true, warning false, info undefined', async () => {
    const text = readFileSync(path.join(root, 'fixtures/lint-cli/files/info.md'), 'utf8').replace('## Executive Summary', '## Summary').replace('**Severity:** P1', '**Severity:** High')
    const file = await unified().use(remarkParse).use(remarkPostmortem, {now}).use(remarkStringify).process(text)
    const bySeverity = Object.fromEntries(file.messages.map((message) => [message.ruleId, message.fatal]))
    expect(bySeverity).toMatchObject({severity: true, 'heading-text': false})
    expect('unknown-section' in bySeverity && bySeverity['unknown-section']).toBe(undefined)
  })

  it('honours `rules` and `now`', async () => {
    const process = async (options: Parameters<typeof remarkPostmortem>[0]): Promise<string[]> => {
      const file = await unified().use(remarkParse).use(remarkPostmortem, options).use(remarkStringify).process(readFileSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), 'utf8'))
      return file.messages.map((message) => `${message.ruleId}:${String(message.fatal)}`)
    }
    expect(await process({now})).toEqual(['heading-text:false'])
    expect(await process({now, rules: {'heading-text': 'error'}})).toEqual(['heading-text:true'])
    expect(await process({now, rules: {'heading-text': 'off'}})).toEqual([])
    expect(await process(undefined)).toContain('heading-text:false')
  })

  it('leaves the tree alone', async () => {
    const processor = unified().use(remarkParse).use(remarkPostmortem, {now})
    const tree = processor.parse(template)
    const before = structuredClone(tree)
    const file = new VFile(template)
    await processor.run(tree, file)
    expect(tree).toEqual(before)
    expect(file.messages.length).toBeGreaterThan(0)
  })
})

describe('remarkPostmortem with a team\'s template', () => {
  const team = path.join(root, 'fixtures/templates/ci-infra')
  const teamTemplate = readFileSync(path.join(team, 'template.md'), 'utf8')
  const drifting = readFileSync(path.join(team, '2019-01-23-artifact-cache-outage.md'), 'utf8')

  it('takes `{template}` (its Markdown) and reports the findings `lint` gives by its profile', async () => {
    const derived = deriveProfile(teamTemplate, {file: 'template.md'})
    if (!derived.ok) throw new Error('the fixture template derives')
    const file = await unified().use(remarkParse).use(remarkPostmortem, {now, template: teamTemplate}).use(remarkStringify).process(drifting)
    const findings = lint(drifting, {now, profile: derived.profile})
    expect(file.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(findings.map((finding) => `${finding.ruleId}@${finding.line}`))
    expect(file.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['heading-text', 'missing-section', 'list-marker', 'unknown-section']))
    // `{profile}` gives the same.
    const byProfile = await unified().use(remarkParse).use(remarkPostmortem, {now, profile: derived.profile}).use(remarkStringify).process(drifting)
    expect(byProfile.messages.map(String)).toEqual(file.messages.map(String))
  })

  it('reports a template that cannot be used as fatal messages on the file, and does not throw', async () => {
    const bad = '# {Title}\n\n## Summary\n\n{summary}\n<!-- postmortem: colour=red -->\n'
    const file = await unified().use(remarkParse).use(remarkPostmortem, {now, template: bad, templateFile: 'docs/template.md'}).use(remarkStringify).process(drifting)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'template', source: 'postmortem', fatal: true})
    expect(file.messages[0]!.reason).toMatch(/^Cannot use the template `docs\/template\.md`: .*`colour`.* \(at docs\/template\.md:6:1\)$/)
  })
})

describe('rule documentation', () => {
  it('every rule id has its anchor in the README, where the messages’ `url` points', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    expect(ruleUrl('no-placeholder')).toMatch(/#rule-no-placeholder$/)
    const missing = ruleIds.filter((id) => !readme.includes(`<a id="rule-${id}"></a>`))
    expect(missing).toEqual([])
    // …and the README's rule table documents no id the rules do not have.
    const documented = [...readme.matchAll(/^\| <a id="rule-([a-z-]+)"><\/a>`([a-z-]+)` \|/gm)].map((match) => match[1])
    expect(documented.sort()).toEqual([...ruleIds].sort())
  })
})

/** `file:line:column severity ruleId` for each finding, from remark-cli's default report. */
function fromRemarkReport(report: string): string[] {
  const out: string[] = []
  let file = ''
  for (const line of report.split('\n')) {
    const message = /^(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning|info)\s+.*\s(\S+)\s+postmortem$/.exec(line)
    if (message) out.push(`${file}:${message[1]}:${message[2]} ${message[3]} ${message[4]}`)
    else if (/^\S/.test(line) && !/^\d+ messages|^[✖⚠]/.test(line)) file = line.replace(/: no issues found$/, '')
  }
  return out.sort()
}

describe.runIf(existsSync(path.join(root, 'dist/remark.js')))('remark-cli with the built plugin', () => {
  it('reports the same findings as `postmortem lint` on the same files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-remark-'))
    for (const file of fixtureFiles) copyFileSync(path.join(root, file), path.join(folder, path.basename(file)))
    writeFileSync(path.join(folder, '.remarkrc.json'), JSON.stringify({plugins: [[path.join(root, 'dist/remark.js'), {now}]]}))

    const remark = spawnSync(process.execPath, [path.join(root, 'node_modules/remark-cli/cli.js'), '.', '--no-stdout', '--no-color'], {cwd: folder, encoding: 'utf8', env: {PATH: process.env.PATH ?? ''}})
    // remark-cli exits 1 when a message is fatal (an error).
    expect(remark.status).toBe(1)
    const viaRemark = fromRemarkReport(remark.stderr)

    const cli = runProcess(['lint', '--now', now, '--format', 'json', '.'], {cwd: folder})
    expect(cli.code).toBe(1)
    const viaCli = (JSON.parse(cli.stdout) as {file: string; findings: {line: number; column: number; severity: string; ruleId: string}[]}[])
      .flatMap(({file, findings}) => findings.map((finding) => `${file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}`))
      .sort()

    expect(viaRemark.length).toBeGreaterThan(20)
    expect(viaRemark.some((entry) => entry.startsWith('warnings.md:9:1 warning heading-text'))).toBe(true)
    expect(viaRemark.some((entry) => entry.startsWith('info.md:87:1 info unknown-section'))).toBe(true)
    expect(viaRemark).toEqual(viaCli)
  })

  it('loads through the package exports map', () => {
    const script = `
      const plugin = await import('postmortem-md/remark')
      const schema = import.meta.resolve('postmortem-md/schema/postmortem.schema.json')
      console.log(typeof plugin.default, plugin.default === plugin.remarkPostmortem, schema.endsWith('/schema/postmortem.schema.json'))
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('function true true\n')
  })
})
