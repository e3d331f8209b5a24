/**
 * `typesSource` (SPEC §9, `postmortem types`): the built-in model's types are its output for the
 * built-in template; the interfaces it writes agree with the schemas of their profile, key for key
 * and value for value; its output for the built-in profile and for a deliberately different one
 * compiles with `--strict` against the built package; and a renamed heading changes it.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ts from 'typescript'
import {afterAll, beforeAll, describe, expect, expectTypeOf, it} from 'vitest'
import completeJson from '../schema/postmortem.schema.json' with {type: 'json'}
import draftJson from '../schema/postmortem-draft.schema.json' with {type: 'json'}
import {PostmortemDraftSchema, jsonSchema, parse} from '../src/index.js'
import type {Postmortem, PostmortemDraft} from '../src/index.js'
import {builtinProfile} from '../src/profile/builtin.js'
import {typesSource, type TypesSourceOptions} from '../src/profile/codegen.js'
import {compileProfile, type Profile} from '../src/profile/compile.js'
import type {ColumnSpec, ProfileSpec} from '../src/profile/spec.js'
import {allMarkdownFiles, root} from './helpers.js'

/** How `src/profile/builtin-types.ts` is generated: without the profile constant, which `builtin.ts` compiles. */
const builtinOptions: TypesSourceOptions = {
  profileConstant: false,
  note: "The built-in profile itself is compiled in `builtin.ts`, which imports these types. `UPDATE_FIXTURES=1 npx vitest run test/codegen.test.ts` rewrites this file; the test checks that it is the generator's output."
}

const followUpColumns: readonly ColumnSpec[] = [
  {key: 'task', header: 'Task', placeholderColumn: true, placeholder: '{task}', type: 'text'},
  {key: 'kind', header: 'Kind', placeholderColumn: true, placeholder: '{mitigate/prevent/process}', type: 'enum', values: ['mitigate', 'prevent', 'process']},
  {key: 'due', header: 'Due', placeholderColumn: true, placeholder: '{DD-MM-YYYY}', type: 'date', format: 'DD-MM-YYYY'},
  {key: 'note', header: 'Note', placeholderColumn: false, placeholder: '', type: 'text', optional: true}
]

/**
 * A template unlike the built-in one: no id in its title, a date in its own notation, a severity
 * scale and an enum of its own, names, an events table with a date column, a group whose fields
 * live in it, two tables sharing their columns, an optional section and a checklist.
 */
const reviewSpec: ProfileSpec = {
  name: 'incident-review',
  typeNames: {complete: 'IncidentReview', draft: 'IncidentReviewDraft'},
  title: {text: 'Incident review', textPath: 'title'},
  sections: [
    {
      id: 'title',
      kind: 'title',
      heading: 'Incident review',
      depth: 1,
      parent: null,
      aliases: [],
      path: 'title',
      blocks: [
        {
          type: 'fieldLines',
          fields: [
            {path: 'reported', label: 'Reported', placeholder: '{DD-MM-YYYY}', type: 'date', format: 'DD-MM-YYYY', role: 'incidentDate'},
            {path: 'level', label: 'Impact level', placeholder: '{SEV1/SEV2/SEV3}', type: 'enum', values: ['SEV1', 'SEV2', 'SEV3'], role: 'severity'},
            {path: 'customerFacing', label: 'Customer facing', placeholder: '{yes/no}', type: 'enum', values: ['yes', 'no']},
            {path: 'downtimeMinutes', label: 'Downtime', placeholder: '{minutes}', suffix: ' min', type: 'minutes', optional: true},
            {path: 'responders', label: 'Responders', placeholder: '{names}', type: 'names'}
          ]
        }
      ]
    },
    {id: 'summary', kind: 'section', heading: 'Summary', depth: 2, parent: null, aliases: ['TL;DR'], path: 'summary', blocks: [{type: 'markdown', path: 'summary', placeholder: '{what happened}', role: 'summary'}]},
    {
      id: 'events',
      kind: 'section',
      heading: 'Events',
      depth: 2,
      parent: null,
      aliases: ['Timeline'],
      path: 'events',
      blocks: [
        {
          type: 'table',
          path: 'events',
          columns: [
            {key: 'day', header: 'Day', placeholderColumn: true, placeholder: '{DD-MM-YYYY}', type: 'date', format: 'DD-MM-YYYY'},
            {key: 'at', header: 'At', placeholderColumn: true, placeholder: '{HH:MM}', type: 'time', role: 'timeline.time'},
            {key: 'what', header: 'What', placeholderColumn: true, placeholder: '{event}', type: 'text', role: 'timeline.event'}
          ],
          templateRows: [['{DD-MM-YYYY}', '{HH:MM}', '{event}']],
          rows: 'timed',
          textColumn: 'what',
          zoneColumn: 'at',
          zonePath: 'eventsZone'
        }
      ]
    },
    {id: 'analysis', kind: 'group', heading: 'Analysis', depth: 2, parent: null, aliases: [], path: 'analysis', blocks: []},
    {
      id: 'trigger',
      kind: 'section',
      heading: 'Trigger',
      depth: 3,
      parent: 'analysis',
      aliases: [],
      path: 'analysis',
      fieldsInGroup: true,
      blocks: [{type: 'fieldParagraph', field: {path: 'analysis.trigger', label: 'Trigger', placeholder: '{trigger}', type: 'text'}}]
    },
    {id: 'fiveWhys', kind: 'section', heading: 'Five whys', depth: 3, parent: 'analysis', aliases: [], path: 'analysis.fiveWhys', blocks: [{type: 'list', path: 'analysis.fiveWhys', placeholders: ['{why}'], optional: true}]},
    {id: 'followUp', kind: 'group', heading: 'Follow-up', depth: 2, parent: null, aliases: [], path: 'followUp', blocks: []},
    {
      id: 'now',
      kind: 'section',
      heading: 'Now',
      depth: 3,
      parent: 'followUp',
      aliases: [],
      path: 'followUp.now',
      blocks: [{type: 'table', path: 'followUp.now', columns: followUpColumns, templateRows: [['{task}', '{mitigate/prevent/process}', '{DD-MM-YYYY}', '']], rows: 'task', textColumn: 'task'}]
    },
    {
      id: 'later',
      kind: 'section',
      heading: 'Later',
      depth: 3,
      parent: 'followUp',
      aliases: [],
      path: 'followUp.later',
      blocks: [{type: 'table', path: 'followUp.later', columns: followUpColumns, templateRows: [['{task}', '{mitigate/prevent/process}', '{DD-MM-YYYY}', '']], rows: 'task', textColumn: 'task', optional: true}]
    },
    {
      id: 'signOff',
      kind: 'section',
      heading: 'Sign-off',
      depth: 2,
      parent: null,
      aliases: [],
      path: 'signOff',
      optional: true,
      blocks: [
        {
          type: 'checklist',
          label: 'Before publishing',
          fields: [
            {path: 'signOff.reviewed', label: 'Reviewed by', placeholder: '{name}', type: 'text'},
            {path: 'signOff.published', label: 'Published on', placeholder: '{DD-MM-YYYY}', type: 'date', format: 'DD-MM-YYYY'}
          ]
        }
      ]
    },
    {id: 'notes', kind: 'section', heading: 'Notes', depth: 2, parent: null, aliases: [], path: 'notes', optional: true, blocks: [{type: 'markdown', path: 'notes', placeholder: '{anything else}', optional: true}]}
  ]
}

const reviewProfile = compileProfile(reviewSpec)

describe('the built-in types', () => {
  it('are the generator output for the built-in profile, byte for byte', () => {
    const source = typesSource(builtinProfile, builtinOptions)
    const file = path.join(root, 'src/profile/builtin-types.ts')
    if (process.env.UPDATE_FIXTURES) writeFileSync(file, source)
    expect(readFileSync(file, 'utf8')).toBe(source)
  })

  it('have the keys of the JSON Schemas, at every level', () => {
    // The shipped schemas are `jsonSchema()`'s output, so their literal types stand for it at compile time.
    expect(draftJson).toEqual(jsonSchema({draft: true}))
    expect(completeJson).toEqual(jsonSchema())
    type Of<T> = keyof NonNullable<T>
    type Row<T> = NonNullable<T> extends readonly (infer R)[] ? keyof R : never
    const draft = draftJson.properties
    expectTypeOf<keyof PostmortemDraft>().toEqualTypeOf<keyof typeof draft>()
    expectTypeOf<Of<PostmortemDraft['impact']>>().toEqualTypeOf<keyof typeof draft.impact.properties>()
    expectTypeOf<Of<PostmortemDraft['rootCause']>>().toEqualTypeOf<keyof typeof draft.rootCause.properties>()
    expectTypeOf<Of<PostmortemDraft['actionItems']>>().toEqualTypeOf<keyof typeof draft.actionItems.properties>()
    expectTypeOf<Of<PostmortemDraft['properFix']>>().toEqualTypeOf<keyof typeof draft.properFix.properties>()
    expectTypeOf<Of<NonNullable<PostmortemDraft['properFix']>['storyCreated']>>().toEqualTypeOf<keyof typeof draft.properFix.properties.storyCreated.properties>()
    expectTypeOf<Of<PostmortemDraft['communication']>>().toEqualTypeOf<keyof typeof draft.communication.properties>()
    expectTypeOf<Of<PostmortemDraft['lessonsLearned']>>().toEqualTypeOf<keyof typeof draft.lessonsLearned.properties>()
    expectTypeOf<Of<PostmortemDraft['meeting']>>().toEqualTypeOf<keyof typeof draft.meeting.properties>()
    expectTypeOf<Row<PostmortemDraft['timeline']>>().toEqualTypeOf<keyof typeof draft.timeline.items.properties>()
    expectTypeOf<Row<NonNullable<PostmortemDraft['actionItems']>['improveDetection']>>().toEqualTypeOf<keyof typeof draft.actionItems.properties.improveDetection.items.properties>()
    expectTypeOf<Row<PostmortemDraft['extra']>>().toEqualTypeOf<keyof typeof draft.extra.items.properties>()
    const complete = completeJson.properties
    expectTypeOf<keyof Postmortem>().toEqualTypeOf<keyof typeof complete>()
    expectTypeOf<Of<Postmortem['impact']>>().toEqualTypeOf<keyof typeof complete.impact.properties>()
    expectTypeOf<Of<Postmortem['rootCause']>>().toEqualTypeOf<keyof typeof complete.rootCause.properties>()
    expectTypeOf<Of<Postmortem['actionItems']>>().toEqualTypeOf<keyof typeof complete.actionItems.properties>()
    expectTypeOf<Of<Postmortem['properFix']>>().toEqualTypeOf<keyof typeof complete.properFix.properties>()
    expectTypeOf<Of<Postmortem['communication']>>().toEqualTypeOf<keyof typeof complete.communication.properties>()
    expectTypeOf<Of<Postmortem['lessonsLearned']>>().toEqualTypeOf<keyof typeof complete.lessonsLearned.properties>()
    expectTypeOf<Of<Postmortem['meeting']>>().toEqualTypeOf<keyof typeof complete.meeting.properties>()
    expectTypeOf<Row<Postmortem['timeline']>>().toEqualTypeOf<keyof typeof complete.timeline.items.properties>()
    expectTypeOf<Row<Postmortem['actionItems']['preventRecurrence']>>().toEqualTypeOf<keyof typeof complete.actionItems.properties.preventRecurrence.items.properties>()
    // Note: a JSON module types its arrays `string[]`, so which keys are required and the enums'
    // values are checked against the schemas by the compiler below ('agree with the JSON Schemas').
  })

  it('type every draft the fixtures parse to: the schema finds no key or value of another shape', () => {
    const files = allMarkdownFiles()
    expect(files.length).toBeGreaterThan(50)
    const draftSchema = jsonSchema({draft: true})
    for (const {name, text} of files) {
      const draft: PostmortemDraft = parse(text)
      // What the draft schema rejects beyond a value's shape: a line break in a one-line field (SPEC §2).
      const issues = PostmortemDraftSchema.safeParse(draft).error?.issues ?? []
      expect(issues.filter((issue) => issue.code !== 'custom' || !/holds a line break/.test(issue.message)), name).toEqual([])
      // zod leaves out keys it does not know: the draft has none.
      expect(unknownKeys(draft, draftSchema, ''), name).toEqual([])
    }
  })
})

describe('typesSource', () => {
  it('writes deterministic, formatted source', () => {
    for (const profile of [builtinProfile, reviewProfile] as Profile[]) {
      const source = typesSource(profile)
      expect(typesSource(profile)).toBe(source)
      expect(source.endsWith('\n') && !source.endsWith('\n\n')).toBe(true)
      const lines = source.split('\n').slice(0, -1)
      // Two-space indentation (a JSDoc line's ` *` one more), no trailing white space, no tab.
      expect(lines.filter((line) => line !== '' && !/^(?: {2})* ?\S(?:.*\S)?$/.test(line))).toEqual([])
      expect(source).not.toContain('\t')
    }
  })

  it('names rows, enums and the profile after the template', () => {
    const source = typesSource(reviewProfile, {from: 'postmortem-md'})
    expect(source).toContain("import {compileProfile, type Profile, type ProfileSpec} from 'postmortem-md'")
    expect(source).toContain("export const severities = ['SEV1', 'SEV2', 'SEV3'] as const")
    expect(source).toContain("export const customerFacingValues = ['yes', 'no'] as const")
    expect(source).toContain("export const kindValues = ['mitigate', 'prevent', 'process'] as const")
    expect(source).toContain('export interface FollowUpRow {')
    expect(source).toContain('export interface CompleteFollowUpRow {')
    expect(source).toContain('export interface TimelineRow {')
    expect(source).toContain('  /** `**Reported:**`: a date, `DD-MM-YYYY`. */\n  reported?: string | null | undefined')
    expect(source).toContain('  /** `**Reported:**`: a calendar date, `YYYY-MM-DD`. */\n  reported: string')
    expect(source).toContain('  downtimeMinutes?: number | undefined')
    expect(source).toContain('  signOff?: {')
    expect(source).toContain('export const incidentReviewProfile: Profile<IncidentReviewDraft, IncidentReview> = compileProfile<IncidentReviewDraft, IncidentReview>(incidentReviewSpec)')
    expect(source).not.toContain('hotfix')
  })

  it('changes when a heading of the template changes', () => {
    const renamed: ProfileSpec = {...reviewSpec, sections: reviewSpec.sections.map((section) => (section.id === 'events' ? {...section, heading: 'Chain of events'} : section))}
    const before = typesSource(reviewProfile)
    const after = typesSource(compileProfile(renamed))
    expect(after).not.toBe(before)
    expect(after).toContain('/** `## Chain of events`: the table rows, in document order. */')
    expect(after).toContain("heading: 'Chain of events'")
    expect(before).not.toContain('Chain of events')
  })
})

describe('generated modules, compiled against the built package', () => {
  let folder = ''
  let program: ts.Program
  const files = {builtin: 'builtin.ts', review: 'review.ts', use: 'use.ts'}

  beforeAll(() => {
    const dist = path.join(root, 'dist/index.d.ts')
    if (!existsSync(dist)) throw new Error('Missing dist/: run `npm run build` first')
    folder = mkdtempSync(path.join(os.tmpdir(), 'postmortem-types-'))
    mkdirSync(path.join(folder, 'node_modules'))
    symlinkSync(root, path.join(folder, 'node_modules/postmortem-md'), 'dir')
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({type: 'module'}))
    writeFileSync(path.join(folder, files.builtin), typesSource(builtinProfile))
    writeFileSync(path.join(folder, files.review), typesSource(reviewProfile))
    // A team's code typed by its own template, and the built-in output standing for the library's own types.
    writeFileSync(
      path.join(folder, files.use),
      `import {lint, parse, stringify, validate, type Postmortem as LibraryPostmortem, type PostmortemDraft as LibraryDraft} from 'postmortem-md'
import type {Postmortem, PostmortemDraft} from './builtin.js'
import {incidentReviewProfile, type IncidentReview, type IncidentReviewDraft, type IncidentSeverity} from './review.js'

const draft: IncidentReviewDraft = {level: 'SEV2', responders: ['Dana'], events: [{at: '14:02', what: null}], signOff: {reviewed: {checked: true, value: 'Kim'}}}
const text: string = stringify(draft, {profile: incidentReviewProfile})
const findings = lint(text, {profile: incidentReviewProfile}).length
// Parsed by its profile, a document is typed by its template's draft.
const read: IncidentReviewDraft = parse(text, {profile: incidentReviewProfile})
const result = validate(draft, {profile: incidentReviewProfile})
const level: IncidentSeverity | undefined = result.ok ? (result.postmortem satisfies IncidentReview).level : undefined
// @ts-expect-error: a complete review's level is one of its template's values
const wrong: IncidentReview['level'] = 'P1'
// @ts-expect-error: a draft's downtime is the text as written
const minutes: IncidentReviewDraft['downtimeMinutes'] = 47

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameDraft: Same<PostmortemDraft, LibraryDraft> = true
const sameComplete: Same<Postmortem, LibraryPostmortem> = true
export {findings, read, level, wrong, minutes, sameDraft, sameComplete}
`
    )
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: []
    }
    program = ts.createProgram(
      Object.values(files).map((name) => path.join(folder, name)),
      options
    )
  })

  afterAll(() => {
    if (folder) rmSync(folder, {recursive: true, force: true})
  })

  it('compile with --strict, and type a team code by its template', () => {
    const diagnostics = ts.getPreEmitDiagnostics(program)
    const host: ts.FormatDiagnosticsHost = {getCanonicalFileName: (name) => name, getCurrentDirectory: () => folder, getNewLine: () => '\n'}
    expect(ts.formatDiagnostics(diagnostics, host)).toBe('')
  })

  it('agree with the JSON Schemas of their profiles, key for key and value for value', () => {
    const checker = program.getTypeChecker()
    const cases = [
      {file: files.builtin, profile: builtinProfile as Profile, draft: 'PostmortemDraft', complete: 'Postmortem'},
      {file: files.review, profile: reviewProfile, draft: 'IncidentReviewDraft', complete: 'IncidentReview'}
    ]
    for (const {file, profile, draft, complete} of cases) {
      const source = program.getSourceFile(path.join(folder, file))!
      const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)
      const typeOf = (name: string): ts.Type => checker.getDeclaredTypeOfSymbol(exports.find((symbol) => symbol.name === name)!)
      expect(disagreements(checker, typeOf(draft), jsonSchema({profile, draft: true}), draft)).toEqual([])
      expect(disagreements(checker, typeOf(complete), jsonSchema({profile}), complete)).toEqual([])
    }
  })

  it('hold the profile spec as written, compiled by the library', () => {
    const output = ts.transpileModule(readFileSync(path.join(folder, files.review), 'utf8'), {compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022}}).outputText
    writeFileSync(path.join(folder, 'review.js'), output)
    const printed = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('./review.js'); console.log(JSON.stringify({spec: m.incidentReviewSpec, keys: [...m.incidentReviewProfile.keyOrder.keys()], kinds: m.kindValues}))"],
      {cwd: folder, encoding: 'utf8'}
    )
    const read = JSON.parse(printed) as {spec: unknown; keys: string[]; kinds: string[]}
    expect(read.spec).toEqual(JSON.parse(JSON.stringify(reviewSpec)))
    expect(read.keys).toEqual([...reviewProfile.keyOrder.keys()])
    expect(read.kinds).toEqual(['mitigate', 'prevent', 'process'])
  })
})

type Json = {readonly [key: string]: unknown}

/**
 * Where a TypeScript type and a JSON Schema say different things: other keys, a key required on
 * one side only, `null` allowed on one side only, another value type or other enum values.
 */
function disagreements(checker: ts.TypeChecker, type: ts.Type, schema: Json, where: string): string[] {
  const found: string[] = []
  const anyOf = schema.anyOf as Json[] | undefined
  const nonNull = anyOf ? anyOf.filter((option) => option.type !== 'null') : [schema]
  const nullable = anyOf !== undefined && nonNull.length < anyOf.length
  const node = nonNull.length === 1 ? nonNull[0]! : schema
  const members = type.isUnion() ? type.types : [type]
  const tsNullable = members.some((member) => member.flags & ts.TypeFlags.Null)
  const rest = members.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
  const shown = (): string => checker.typeToString(type)
  if (tsNullable !== nullable) found.push(`${where}: \`${shown()}\` ${tsNullable ? 'allows' : 'does not allow'} null, the schema ${nullable ? 'does' : 'does not'}`)
  if (Array.isArray(node.enum)) {
    const values = rest.map((member) => (member.isStringLiteral() ? member.value : `(${checker.typeToString(member)})`))
    if (JSON.stringify([...values].sort()) !== JSON.stringify([...(node.enum as string[])].sort())) found.push(`${where}: \`${shown()}\`, the schema's enum is ${JSON.stringify(node.enum)}`)
    return found
  }
  const one = rest.length === 1 ? rest[0]! : undefined
  switch (node.type) {
    case 'string':
      if (!one || !(one.flags & ts.TypeFlags.String)) found.push(`${where}: \`${shown()}\`, the schema says string`)
      break
    case 'integer':
    case 'number':
      if (!one || !(one.flags & ts.TypeFlags.Number)) found.push(`${where}: \`${shown()}\`, the schema says ${String(node.type)}`)
      break
    case 'boolean':
      if (!rest.length || rest.some((member) => !(member.flags & ts.TypeFlags.BooleanLiteral))) found.push(`${where}: \`${shown()}\`, the schema says boolean`)
      break
    case 'array':
      if (!one || !checker.isArrayType(one)) found.push(`${where}: \`${shown()}\`, the schema says array`)
      else found.push(...disagreements(checker, checker.getTypeArguments(one as ts.TypeReference)[0]!, node.items as Json, `${where}[]`))
      break
    case 'object': {
      if (!one) {
        found.push(`${where}: \`${shown()}\`, the schema says object`)
        break
      }
      const properties = (node.properties ?? {}) as Record<string, Json>
      const required = new Set((node.required ?? []) as string[])
      const symbols = checker.getPropertiesOfType(one)
      const names = symbols.map((symbol) => symbol.name)
      if (JSON.stringify(names) !== JSON.stringify(Object.keys(properties))) found.push(`${where}: keys ${names.join(', ')}, the schema's ${Object.keys(properties).join(', ')}`)
      for (const symbol of symbols) {
        const inner = properties[symbol.name]
        if (!inner) continue
        const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0
        if (optional === required.has(symbol.name)) found.push(`${where}.${symbol.name}: ${optional ? 'optional' : 'required'}, the schema ${required.has(symbol.name) ? 'requires it' : 'does not require it'}`)
        found.push(...disagreements(checker, checker.getTypeOfSymbol(symbol), inner, `${where}.${symbol.name}`))
      }
      break
    }
    default:
      found.push(`${where}: the schema says ${JSON.stringify(node)}`)
  }
  return found
}

/** Keys of a value that its JSON Schema has no property for, at any depth. */
function unknownKeys(value: unknown, schema: Json, where: string): string[] {
  const options = (schema.anyOf as Json[] | undefined) ?? [schema]
  if (Array.isArray(value)) {
    const items = options.find((option) => option.type === 'array')?.items as Json | undefined
    return items ? value.flatMap((item, index) => unknownKeys(item, items, `${where}[${index}]`)) : [`${where}: an array`]
  }
  if (value === null || typeof value !== 'object') return []
  const properties = options.find((option) => option.type === 'object')?.properties as Record<string, Json> | undefined
  if (!properties) return [`${where}: an object`]
  return Object.entries(value).flatMap(([key, item]) => {
    const inner = properties[key]
    return inner ? unknownKeys(item, inner, where ? `${where}.${key}` : key) : [where ? `${where}.${key}` : key]
  })
}
