import {builtinProfile} from '../src/profile/builtin.js'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, expectTypeOf, it} from 'vitest'
import {describePath, lint, parseDocument, validate, validateDocument} from '../src/index.js'
import {messageIds, say, wordMessage, type Message, type MessageData, type MessageId} from '../src/lint/index.js'
import {writtenHeadings} from '../src/lint/rules/presence.js'
import type {FindingData} from '../src/model/finding.js'
import {allMarkdownFiles, fixtures} from './helpers.js'

const now = '2026-11-26'
const example = readFileSync(path.join(fixtures, 'examples', '01-checkout-db-pool.md'), 'utf8')

describe('the message table', () => {
  it('takes JSON data only, so findings survive worker threads and the cache as they are', () => {
    expectTypeOf<MessageData<MessageId>>().toExtend<FindingData>()
    expectTypeOf<MessageData<'unexpectedValue'>>().toEqualTypeOf<{field: string; value: string; expected: readonly string[]}>()
    // @ts-expect-error: the data of a message is checked against its id
    say('unexpectedValue', {field: 'severity'})
  })

  it('words a message from its id and data alone, in the template’s words without headings', () => {
    expect(wordMessage(say('unexpectedValue', {field: 'severity', value: 'High', expected: ['P0', 'P1', 'P2']}), builtinProfile)).toBe(
      'Unexpected `High` for `**Severity:**`, expected `P0`, `P1` or `P2`'
    )
    expect(wordMessage(say('emptyValue', {field: 'actionItems.preventRecurrence[1].owner'}), builtinProfile)).toBe('Empty Owner of action item 2 in `### Prevent Recurrence`, expected a value')
    expect(wordMessage(say('overdue', {item: 'actionItems.improveDetection[0]', due: '2026-03-27', today: now, closed: ['Done', "Won't Do"]}), builtinProfile)).toBe(
      "Unexpected no status for action item 1 in `### Improve Detection` due `2026-03-27`, expected `Done` or `Won't Do` by now (`2026-11-26`), or a later Due Date"
    )
  })

  it('has ids in camelCase, each once', () => {
    expect(new Set(messageIds).size).toBe(messageIds.length)
    for (const id of messageIds) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/)
  })

  it('gives every finding of every fixture its id and data, and its message from them', () => {
    const used = new Set<string>()
    for (const {name, text} of [...allMarkdownFiles(), {name: 'empty', text: ''}]) {
      const document = parseDocument(text)
      const headings = writtenHeadings(document)
      const validated = validateDocument(document)
      const findings = [...lint(text, {now}), ...(validated.ok ? [] : validated.issues)]
      for (const finding of findings) {
        // The reader's own findings about an input it did not parse are worded before any rule.
        if (!document.parsed) continue
        expect(finding.messageId, `${name}: ${finding.message}`).toBeDefined()
        const message = {messageId: finding.messageId, data: finding.data} as Message
        expect(wordMessage(message, document.profile, headings), name).toBe(finding.message)
        expect(JSON.parse(JSON.stringify(finding)), name).toEqual(finding)
        used.add(finding.messageId!)
      }
    }
    // Most of the table is in use on the fixtures (the rest: defects no fixture has, such as a rule that throws).
    expect(used.size).toBeGreaterThan(messageIds.length * 0.6)
  })
})

describe('findings name a section as the document writes its heading', () => {
  const corrective = example
    .replace('## Action Items\n\n### Prevent Recurrence\n\n', '## Corrective actions\n\n')
    .replace('| @marcus | 2026-04-10 | Medium | Done |', '|  | 2026-04-10 | Medium | Done |')

  it('an action table under `## Corrective actions` (no Prevent Recurrence heading) is named by that heading', () => {
    const owner = lint(corrective, {now}).find((finding) => finding.path === 'actionItems.preventRecurrence[1].owner')
    expect(owner).toMatchObject({
      ruleId: 'empty-field',
      messageId: 'emptyValue',
      data: {field: 'actionItems.preventRecurrence[1].owner'},
      message: 'Empty Owner of action item 2 in `## Corrective actions`, expected a value'
    })
  })

  it('validateDocument names it the same way, and validate of the draft alone in the template’s words', () => {
    const document = parseDocument(corrective)
    const fromDocument = validateDocument(document)
    const fromDraft = validate(document.draft)
    expect(fromDocument.ok || fromDraft.ok).toBe(false)
    if (fromDocument.ok || fromDraft.ok) return
    const issue = (issues: typeof fromDocument.issues) => issues.find((finding) => finding.path === 'actionItems.preventRecurrence[1].owner')?.message
    expect(issue(fromDocument.issues)).toBe('Empty Owner of action item 2 in `## Corrective actions`, expected a value')
    expect(issue(fromDraft.issues)).toBe('Empty Owner of action item 2 in `### Prevent Recurrence`, expected a value')
  })

  it('a section the document lacks is named in the template’s words', () => {
    const messages = lint(corrective, {now}).map((finding) => finding.message)
    expect(messages).toContain('Unexpected heading `Corrective actions`, expected `Action Items`')
    expect(messages).toContain('Missing section `### Prevent Recurrence`')
  })

  it('a heading written deeper or in other words is named as written, in every rule that names it', () => {
    const text = example
      .replace('### Improve Detection', '#### Detection')
      .replace('| Jonas Weber | 2027-02-26 | Medium | Not Started |', '| Jonas Weber | 2027-02-26 | Med | Not Started |')
      .replace('## What Went Well', '## What went right')
      .replace("## What Didn't Go Well", "## What Didn't Go Well\n\n1. Paging worked.\n\n## What went well")
    const messages = lint(text, {now}).map((finding) => finding.message)
    expect(messages).toContain('Unexpected `Med` for Priority of action item 2 in `#### Detection`, expected `High`, `Medium` or `Low`')
    expect(messages).toContain('Unexpected second `What went right` section, expected it once')
  })

  it('describePath takes the headings a document wrote', () => {
    const headings = writtenHeadings(parseDocument(corrective))
    expect(describePath('actionItems.preventRecurrence[0].action', {headings})).toBe('Action of action item 1 in `## Corrective actions`')
    expect(describePath('actionItems.improveDetection[0].action', {headings})).toBe('Action of action item 1 in `### Improve Detection`')
    expect(describePath('actionItems.preventRecurrence[0].action')).toBe('Action of action item 1 in `### Prevent Recurrence`')
    expect(describePath('severity', {headings})).toBe('`**Severity:**`')
  })
})
