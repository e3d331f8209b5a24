import {expect, it} from 'vitest'
import * as api from '../src/index.js'

it('should expose the public api', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'ExtraSchema',
      'actionItemsOf',
      'actionTables',
      'builtinProfile',
      'builtinSpec',
      'compileProfile',
      'deriveProfile',
      'describeProfile',
      'typesSource',
      'ownersOf',
      'peopleNames',
      'canonicalStatus',
      'isOpen',
      'isOverdue',
      'ownedBy',
      'ownerNames',
      'PostmortemDraftSchema',
      'PostmortemSchema',
      'describePath',
      'format',
      'blankDraft',
      'hotfixKinds',
      'jsonSchema',
      'lint',
      'lintDocument',
      'ruleIds',
      'rules',
      'parse',
      'parseDocument',
      'presets',
      'priorities',
      'reportData',
      'sections',
      'severities',
      'statuses',
      'stringify',
      'template',
      'toMdast',
      'validate',
      'validateDocument'
    ].sort()
  )
})

it('exports the template byte for byte', async () => {
  const {template} = await import('./helpers.js')
  expect(api.template).toBe(template)
})

it('publishes JSON Schemas (draft 2020-12) of both models', () => {
  const complete = api.jsonSchema()
  const draft = api.jsonSchema({draft: true})
  expect(complete.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  expect(Object.keys(complete.properties as object)).toContain('durationMinutes')
  expect((complete.properties as Record<string, {type?: string}>).durationMinutes!.type).toBe('integer')
  expect(JSON.stringify(draft)).toContain('null')
})
