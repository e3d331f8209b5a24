import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, expectTypeOf, it} from 'vitest'
import {lint, presets, ruleIds, type LintOptions, type RuleId} from '../src/index.js'
import {ruleIdList} from '../src/lint/rule-ids.js'
import {ruleList} from '../src/lint/rules/index.js'
import {structureRules} from '../src/lint/presets.js'
import remarkPostmortem from '../src/remark.js'
import {root, template} from './helpers.js'

describe('RuleId', () => {
  it('lists every rule of the catalog, in catalog order, then the engine’s own ids', () => {
    expect(ruleIdList).toEqual([...ruleList.map((rule) => rule.id), 'input-limit', 'encoding', 'internal-error', 'unknown-rule'])
    expect(ruleIds).toBe(ruleIdList)
  })

  it('is a union of literal types, so a typo in the rules option does not compile', () => {
    expectTypeOf<'no-placeholder'>().toExtend<RuleId>()
    expectTypeOf<'no-such-rule'>().not.toExtend<RuleId>()
    expectTypeOf<{'overdue-action': 'warn'}>().toExtend<NonNullable<LintOptions['rules']>>()
    // @ts-expect-error: not a rule id
    const typo: LintOptions = {rules: {'overdue-actoin': 'off'}}
    // @ts-expect-error: not a level
    const level: LintOptions = {rules: {'overdue-action': 'warnx'}}
    expect([typo, level]).toHaveLength(2)
  })
})

describe('lint() options are checked', () => {
  const call = (options: unknown) => () => lint(template, options as LintOptions)

  it('an unknown rule id throws a TypeError naming it and the nearest known ids', () => {
    expect(call({rules: {'no-such-rule': 'off'}})).toThrow(TypeError)
    expect(call({rules: {'no-such-rule': 'off'}})).toThrow(/^Unknown rule `no-such-rule` in `rules`; the nearest known ones are `[a-z-]+`, `[a-z-]+` and `[a-z-]+`$/)
    expect(call({rules: {'heading-txt': 'off'}})).toThrow('Unknown rule `heading-txt` in `rules`; did you mean `heading-text`?')
  })

  it('an unknown level throws, naming the level, the rule and the levels', () => {
    expect(call({rules: {status: 'warnx'}})).toThrow(TypeError)
    expect(call({rules: {status: 'warnx'}})).toThrow('Unexpected level `warnx` for rule `status` in `rules`, expected `off`, `info`, `warning` or `error` (`warn` is `warning`)')
    expect(call({rules: {status: 2}})).toThrow(/Unexpected level `2` for rule `status`/)
    expect(call({rules: ['status']})).toThrow(/Unexpected `\["status"\]` for `rules`/)
  })

  it('`warn` is `warning`, as in ESLint: findings never carry `warn`', () => {
    const findings = lint(template, {now: '2026-03-20', rules: {'no-placeholder': 'warn'}})
    const placeholders = findings.filter((finding) => finding.ruleId === 'no-placeholder')
    expect(placeholders.length).toBeGreaterThan(0)
    expect(new Set(placeholders.map((finding) => finding.severity))).toEqual(new Set(['warning']))
  })

  it('an invalid `now` throws, naming it and a real date near it', () => {
    expect(call({now: 'yesterday'})).toThrow(TypeError)
    expect(call({now: 'yesterday'})).toThrow(/^Unexpected `yesterday` for `now`, expected a real date as YYYY-MM-DD such as `\d{4}-\d{2}-\d{2}`$/)
    expect(call({now: '2026-02-30'})).toThrow('Unexpected `2026-02-30` for `now`, expected a real date as YYYY-MM-DD such as `2026-02-28`')
    expect(call({now: 20260320})).toThrow(TypeError)
  })

  it('null and undefined mean the defaults', () => {
    expect(call({rules: undefined, now: undefined})).not.toThrow()
    expect(call(null)).not.toThrow()
    expect(call({rules: {severity: undefined}})).not.toThrow()
  })
})

describe('the remark plugin checks its options too', () => {
  it('throws the same TypeError when the processor is frozen (before any file is read)', () => {
    const processor = () => unified().use(remarkParse).use(remarkPostmortem, {rules: {'no-such-rule': 'off'} as never}).use(remarkStringify)
    expect(() => processor().freeze()).toThrow(TypeError)
    expect(() => processor().processSync(template)).toThrow(/^Unknown rule `no-such-rule` in `rules`/)
    const now = unified().use(remarkParse).use(remarkPostmortem, {now: 'yesterday'}).use(remarkStringify)
    expect(() => now.processSync(template)).toThrow(/^Unexpected `yesterday` for `now`/)
  })

  it('reads `warn` as `warning`', async () => {
    const file = await unified().use(remarkParse).use(remarkPostmortem, {now: '2026-03-20', rules: {'no-placeholder': 'warn'}}).use(remarkStringify).process(template)
    const placeholders = file.messages.filter((message) => message.ruleId === 'no-placeholder')
    expect(placeholders.length).toBeGreaterThan(0)
    expect(placeholders.every((message) => message.fatal === false)).toBe(true)
  })
})

describe('presets', () => {
  it('recommended is every rule of the catalog at its default level', () => {
    expect(presets['postmortem-md/recommended'].rules).toEqual(Object.fromEntries(ruleList.map((rule) => [rule.id, rule.severity])))
  })

  it('legacy turns the structure rules off and sets nothing else', () => {
    expect(presets['postmortem-md/legacy'].rules).toEqual(Object.fromEntries(structureRules.map((id) => [id, 'off'])))
    expect(structureRules).toEqual(expect.arrayContaining(['missing-section', 'unknown-section', 'missing-field', 'heading-text']))
    for (const id of ['no-placeholder', 'date-format', 'severity', 'status', 'priority', 'overdue-action', 'time-format']) expect(structureRules).not.toContain(id)
  })
})

describe.runIf(existsSync(path.join(root, 'dist/remark.js')))('remark-cli with a typo in .remarkrc.json', () => {
  it('fails naming the typo, instead of "no issues found"', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-remarkrc-'))
    writeFileSync(path.join(folder, 'incident.md'), template)
    writeFileSync(path.join(folder, '.remarkrc.json'), JSON.stringify({plugins: [[path.join(root, 'dist/remark.js'), {rules: {'heading-txt': 'off'}}]]}))
    const remark = spawnSync(process.execPath, [path.join(root, 'node_modules/remark-cli/cli.js'), '.', '--no-stdout', '--no-color'], {cwd: folder, encoding: 'utf8', env: {PATH: process.env.PATH ?? ''}})
    expect(remark.status).toBe(1)
    expect(remark.stderr).toMatch(/Unknown rule `heading-txt` in `rules`; did you mean `heading-text`\?/)
    expect(remark.stderr).not.toMatch(/no issues found/)
  })
})
