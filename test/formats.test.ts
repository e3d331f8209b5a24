import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatters, type FileReport} from '../src/cli/format/index.js'
import {escapeData, escapeProperty, github} from '../src/cli/format/github.js'
import {json} from '../src/cli/format/json.js'
import {sarif} from '../src/cli/format/sarif.js'
import {stylish} from '../src/cli/format/stylish.js'
import {jsonSchema, lint, rules} from '../src/index.js'
import type {Finding} from '../src/model/finding.js'
import {root, template} from './helpers.js'

const options = {color: false, quiet: false, version: '1.2.3'}

const at = (ruleId: string, severity: Finding['severity'], message: string, line?: number): Finding =>
  line === undefined ? {ruleId, severity, message, path: ''} : {ruleId, severity, message, path: 'severity', line, column: 3, endLine: line, endColumn: 9}

const reports: FileReport[] = [
  {
    name: path.join('docs', 'postmortems', 'db outage.md'),
    findings: [at('severity', 'error', 'Unexpected `High` for severity, expected `P0`, `P1` or `P2`', 6), at('heading-text', 'warning', 'Unexpected heading', 9), at('unknown-section', 'info', 'Unexpected section', 20)]
  },
  {name: 'clean.md', findings: []},
  {name: 'huge.md', findings: [at('input-limit', 'error', 'Input over the size limit')]}
]

describe('sarif', () => {
  const log = JSON.parse(sarif(reports, options)) as {
    $schema: string
    version: string
    runs: {
      tool: {driver: {name: string; version: string; informationUri: string; rules: {id: string; shortDescription: {text: string}; fullDescription: {text: string}; help: {text: string}; helpUri: string; defaultConfiguration: {level: string}}[]}}
      results: {ruleId: string; ruleIndex: number; level: string; message: {text: string}; locations: {physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}[]}[]
    }[]
  }

  it('is a SARIF 2.1.0 log with what GitHub code scanning requires', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/^https:\/\/.*sarif-schema-2\.1\.0\.json$/)
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({name: 'postmortem-md', version: '1.2.3'})
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//)
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.shortDescription.text.length).toBeGreaterThan(0)
      expect(rule.fullDescription.text.length).toBeGreaterThan(0)
      expect(rule.help.text.length).toBeGreaterThan(0)
      expect(rule.helpUri).toMatch(/^https:\/\/.*#rule-/)
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level)
    }
    expect(new Set(run.tool.driver.rules.map((rule) => rule.id)).size).toBe(run.tool.driver.rules.length)
    for (const result of run.results) {
      // Each result names its rule by id and by index into tool.driver.rules.
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId)
      expect(['error', 'warning', 'note']).toContain(result.level)
      expect(result.message.text.length).toBeGreaterThan(0)
      expect(result.locations).toHaveLength(1)
      const {artifactLocation, region} = result.locations[0]!.physicalLocation
      expect(artifactLocation.uri).not.toMatch(/\\|^\//)
      expect(region.startLine).toBeGreaterThanOrEqual(1)
    }
  })

  it('describes every rule of the catalog from its documentation', () => {
    const driver = log.runs[0]!.tool.driver
    for (const rule of Object.values(rules)) {
      expect(driver.rules.find((entry) => entry.id === rule.id)).toMatchObject({
        shortDescription: {text: rule.description},
        fullDescription: {text: rule.rationale},
        defaultConfiguration: {level: rule.severity === 'info' ? 'note' : rule.severity}
      })
    }
  })

  it('maps each finding to a result with a relative, forward-slash URI and its region', () => {
    const results = log.runs[0]!.results
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      ['severity', 'error'],
      ['heading-text', 'warning'],
      ['unknown-section', 'note'],
      ['input-limit', 'error']
    ])
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: {uri: 'docs/postmortems/db%20outage.md'},
      region: {startLine: 6, startColumn: 3, endLine: 6, endColumn: 9}
    })
    // A finding without a position is placed on the file's first line.
    expect(results[3]!.locations[0]!.physicalLocation).toEqual({artifactLocation: {uri: 'huge.md'}, region: {startLine: 1}})
  })

  it('adds a rule the catalog lacks (engine findings) so ruleIndex stays valid', () => {
    const driver = log.runs[0]!.tool.driver
    expect(driver.rules.filter((rule) => rule.id === 'input-limit')).toHaveLength(1)
  })

  it('of real findings', () => {
    const findings = lint(template, {now: '2026-03-20'})
    const real = JSON.parse(sarif([{name: 'template.md', findings}], options)) as typeof log
    expect(real.runs[0]!.results).toHaveLength(findings.length)
    expect(real.runs[0]!.results[0]).toMatchObject({ruleId: 'no-placeholder', level: 'error', locations: [{physicalLocation: {region: {startLine: 1, startColumn: 22, endLine: 1, endColumn: 26}}}]})
  })
})

describe('github', () => {
  it('writes one workflow command per finding', () => {
    expect(github(reports, options).split('\n')).toEqual([
      '::error file=docs/postmortems/db outage.md,line=6,col=3,endLine=6,endColumn=9,title=postmortem(severity)::Unexpected `High` for severity, expected `P0`, `P1` or `P2`',
      '::warning file=docs/postmortems/db outage.md,line=9,col=3,endLine=9,endColumn=9,title=postmortem(heading-text)::Unexpected heading',
      '::notice file=docs/postmortems/db outage.md,line=20,col=3,endLine=20,endColumn=9,title=postmortem(unknown-section)::Unexpected section',
      '::error file=huge.md,title=postmortem(input-limit)::Input over the size limit',
      ''
    ])
  })

  it('escapes % \\r \\n in the message, and also : and , in properties', () => {
    const message = 'Unexpected `100%` at 14:02, expected\r\na time, in UTC'
    const out = github([{name: 'incidents/2026:03,db.md', findings: [at('time-format', 'warning', message, 4)]}], options)
    expect(out).toBe(
      '::warning file=incidents/2026%3A03%2Cdb.md,line=4,col=3,endLine=4,endColumn=9,title=postmortem(time-format)::Unexpected `100%25` at 14:02, expected%0D%0Aa time, in UTC\n'
    )
    expect(escapeData('%:,\n\r')).toBe('%25:,%0A%0D')
    expect(escapeProperty('%:,\n\r')).toBe('%25%3A%2C%0A%0D')
    // `%` first, so an escape is never escaped twice.
    expect(escapeProperty('%3A')).toBe('%253A')
  })
})

describe('json', () => {
  it('is an array with one object per file and counts by severity', () => {
    const out = JSON.parse(json(reports, options)) as unknown[]
    expect(out).toEqual([
      {file: path.join('docs', 'postmortems', 'db outage.md'), findings: reports[0]!.findings, errorCount: 1, warningCount: 1, infoCount: 1},
      {file: 'clean.md', findings: [], errorCount: 0, warningCount: 0, infoCount: 0},
      {file: 'huge.md', findings: reports[2]!.findings, errorCount: 1, warningCount: 0, infoCount: 0}
    ])
  })
})

describe('stylish', () => {
  it('is vfile-reporter’s report with the rule id before the message', () => {
    const out = stylish(reports, options)
    expect(out).toMatch(/^clean\.md: no issues found$/m)
    expect(out).toMatch(/^6:3-6:9\s+error\s+severity\s+Unexpected `High` for severity, expected `P0`, `P1` or `P2`$/m)
    expect(out).toMatch(/^9:3-9:9\s+warning\s+heading-text\s+Unexpected heading$/m)
    expect(out).toMatch(/^20:3-20:9\s+info\s+unknown-section\s+Unexpected section$/m)
    expect(out).toMatch(/\n\n4 messages \(✖ 2 errors, ⚠ 1 warning\)\n$/)
  })

  it('makes no line wider than what it says: only the short columns are aligned', () => {
    const long = 'Unexpected `x`, ' + 'a very long message '.repeat(10).trimEnd()
    const out = stylish([{name: 'a.md', findings: [{ruleId: 'severity', severity: 'error', message: long, path: '', line: 1, column: 1}, {ruleId: 'heading-text', severity: 'warning', message: 'Short', path: '', line: 2, column: 1}]}], options)
    const lines = out.split('\n')
    expect(lines).toContain('2:1  warning  heading-text  Short')
    expect(lines.every((line) => line === line.trimEnd())).toBe(true)
    expect(Math.max(...lines.map((line) => line.length))).toBe('1:1  error    severity      '.length + long.length)
  })

  it('leaves files without findings out with quiet, and colors only when asked', () => {
    expect(stylish(reports, {...options, quiet: true})).not.toMatch(/clean\.md/)
    expect(stylish(reports, options)).not.toMatch(/\u001B\[/)
    expect(stylish(reports, {...options, color: true})).toMatch(/\u001B\[31merror\u001B\[39m/)
  })

  it('prints nothing for no files', () => {
    expect(stylish([], options)).toBe('')
  })
})

describe('formatters', () => {
  it('are listed by name', () => {
    expect(Object.keys(formatters)).toEqual(['stylish', 'json', 'sarif', 'github'])
  })
})

describe('published JSON Schema files', () => {
  // Written by the build (scripts/write-schemas.mjs after tsup); committed and shipped.
  for (const [name, draft] of [['postmortem', false], ['postmortem-draft', true]] as const) {
    it(`schema/${name}.schema.json equals jsonSchema(${draft ? '{draft: true}' : ''})`, () => {
      const file = path.join(root, 'schema', `${name}.schema.json`)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(jsonSchema({draft}))
      expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(jsonSchema({draft}), null, 2) + '\n')
    })
  }

  it('are exported and shipped by package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {files: string[]; exports: Record<string, unknown>}
    expect(pkg.files).toContain('schema')
    expect(pkg.exports['./schema/*.json']).toBe('./schema/*.json')
    expect(pkg.exports['./remark']).toEqual({types: './dist/remark.d.ts', default: './dist/remark.js'})
  })
})
