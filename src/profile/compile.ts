/**
 * `compileProfile(spec)`: every table the stages read, built once from a profile's spec and
 * frozen. The parser, the serializer, the schemas, the rules, `validate`, the report and the
 * commands receive the compiled profile as a value; none of them builds a table of its own.
 */
import {findPlaceholders, normalizeName} from '../model/text.js'
import {blockPaths, blockFields, bodyOf, type TableBlock} from './blocks.js'
import type {Block, ColumnSpec, FieldRole, FieldSpec, ProfileSpec, SectionSpec, TitleSpec} from './spec.js'

/** Key order of a model, template order, as nested maps (`null`: a leaf). */
export type KeyOrder = ReadonlyMap<string, KeyOrder | null>

/** Where a role is bound: a field's path, or a column of a table. */
export type RoleBinding =
  | {readonly kind: 'field'; readonly path: string; readonly field: FieldSpec}
  | {readonly kind: 'column'; readonly table: string; readonly block: TableBlock; readonly column: ColumnSpec}
  | {readonly kind: 'block'; readonly path: string; readonly block: Block}

/**
 * A compiled profile: the spec and what every stage looks up in it. `Draft` and `Complete` are
 * the model types of the template (the built-in profile's are `PostmortemDraft` and `Postmortem`).
 */
export interface Profile<Draft extends object = object, Complete extends object = Draft> {
  readonly spec: ProfileSpec
  /** Every section, sub-section and the footer, in template order. */
  readonly sections: readonly SectionSpec[]
  readonly sectionById: ReadonlyMap<string, SectionSpec>
  /** Template order of each section (index into `sections`). */
  readonly sectionOrder: ReadonlyMap<string, number>
  /** Sections by their enclosing section's id. */
  readonly children: ReadonlyMap<string, readonly SectionSpec[]>
  /** The title section (the `#` heading and the header fields), if the template has one. */
  readonly titleSection: SectionSpec | undefined
  /** The meeting footer (after `---`, no heading), if the template has one. */
  readonly footerSection: SectionSpec | undefined
  /** The last section at the sections' level before the footer. */
  readonly lastSection: SectionSpec | undefined
  /** The depth the template writes its sections at (`##`: 2). */
  readonly sectionDepth: number
  readonly title: TitleSpec | undefined
  /** Every labelled field, with the section it belongs to. */
  readonly fields: readonly {readonly section: string; readonly field: FieldSpec}[]
  readonly fieldByPath: ReadonlyMap<string, FieldSpec>
  /** The header's fields (the title section's label lines) and the footer's. */
  readonly headerFields: readonly FieldSpec[]
  readonly footerFields: readonly FieldSpec[]
  /** The section and block that hold each path a block names. */
  readonly blockOfPath: ReadonlyMap<string, {readonly section: SectionSpec; readonly block: Block}>
  /** Every table, with its section. */
  readonly tables: readonly {readonly section: SectionSpec; readonly block: TableBlock}[]
  /** Role → where it is bound (a role bound twice keeps its first binding). */
  readonly roles: ReadonlyMap<FieldRole, RoleBinding>
  /** Sections a heading may mean, best first (canonical heading before aliases, then template order). */
  sectionsForHeading(text: string): readonly SectionSpec[]
  /** The draft paths whose presence writes a section. */
  keysOf(id: string): readonly string[]
  /** The model's keys in template order. */
  readonly keyOrder: KeyOrder
  /** Words the template owns (headings, labels, column names), which `fmt` may write in its own wording. */
  readonly vocabulary: ReadonlySet<string>
  /** Sections whose whole body is free text. */
  readonly freeText: ReadonlySet<string>
  /** Sections an empty extra may keep the heading of: tables, and sections whose fields live in their group. */
  readonly keptByEmpty: ReadonlySet<string>
  /** Type-only: the model types of the template. */
  readonly types?: {readonly draft: Draft; readonly complete: Complete}
}

/** A draft of any profile: keys are the profile's paths. */
export type ProfileDraft = Record<string, unknown>

/** Whether a section owns a key of its own (`impact`), rather than keys inside its group's (`rootCause`). */
export function ownsPath(section: SectionSpec): boolean {
  return section.kind !== 'title' && section.fieldsInGroup !== true
}

/** Build every table of a profile from its spec. */
export function compileProfile<Draft extends object = object, Complete extends object = Draft>(spec: ProfileSpec): Profile<Draft, Complete> {
  const sections = spec.sections
  const sectionById = new Map(sections.map((section) => [section.id, section]))
  const sectionOrder = new Map(sections.map((section, index) => [section.id, index]))
  const children = new Map<string, SectionSpec[]>()
  for (const section of sections) if (section.parent) children.set(section.parent, [...(children.get(section.parent) ?? []), section])
  const titleSection = sections.find((section) => section.kind === 'title')
  const footerSection = sections.find((section) => section.kind === 'footer')
  const lastSection = sections.filter((section) => section.kind !== 'footer' && section.parent === null).at(-1)

  const fields = sections.flatMap((section) => section.blocks.flatMap((block) => blockFields(block).map((field) => ({section: section.id, field}))))
  const fieldByPath = new Map(fields.map(({field}) => [field.path, field]))
  const fieldsOf = (section: SectionSpec | undefined): FieldSpec[] => (section ? section.blocks.flatMap((block) => (block.type === 'fieldLines' ? block.fields : [])) : [])

  const blockOfPath = new Map<string, {section: SectionSpec; block: Block}>()
  for (const section of sections) for (const block of section.blocks) for (const path of blockPaths(block)) if (!blockOfPath.has(path)) blockOfPath.set(path, {section, block})
  const tables = sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'table' ? [{section, block}] : [])))

  const roles = new Map<FieldRole, RoleBinding>()
  const bind = (role: FieldRole | undefined, binding: RoleBinding): void => {
    if (role && !roles.has(role)) roles.set(role, binding)
  }
  if (spec.title?.id) bind('id', {kind: 'field', path: spec.title.id.path, field: {path: spec.title.id.path, label: spec.title.id.prefix, placeholder: spec.title.id.placeholder, type: 'text'}})
  for (const section of sections) {
    for (const block of section.blocks) {
      for (const field of blockFields(block)) bind(field.role, {kind: 'field', path: field.path, field})
      if (block.type === 'table') for (const column of block.columns) bind(column.role, {kind: 'column', table: block.path, block, column})
      if (block.type === 'markdown') bind(block.role, {kind: 'block', path: block.path, block})
    }
  }

  // Headings by meaning: normalised heading and aliases → sections, canonical heading first.
  const headingIndex = new Map<string, SectionSpec[]>()
  for (const section of sections) {
    if (section.heading === null || section.kind === 'title') continue
    for (const name of [section.heading, ...section.aliases]) {
      const key = normalizeName(name)
      const list = headingIndex.get(key) ?? []
      if (!list.includes(section)) list.push(section)
      headingIndex.set(key, list)
    }
  }

  const keys = new Map<string, readonly string[]>()
  for (const section of sections) {
    const paths = section.blocks.flatMap(blockPaths)
    if (section.kind === 'title' && spec.title) paths.push(...(spec.title.id ? [spec.title.id.path] : []), spec.title.textPath)
    if (ownsPath(section)) paths.push(section.path)
    for (const block of section.blocks) if (block.type === 'table' && block.zonePath !== undefined) paths.push(block.zonePath)
    keys.set(section.id, paths)
  }

  const profile: Profile<Draft, Complete> = {
    spec,
    sections,
    sectionById,
    sectionOrder,
    children,
    titleSection,
    footerSection,
    lastSection,
    sectionDepth: Math.min(...sections.filter((section) => section.parent === null && section.kind !== 'title' && section.kind !== 'footer').map((section) => section.depth), 6),
    title: spec.title,
    fields,
    fieldByPath,
    headerFields: fieldsOf(titleSection),
    footerFields: fieldsOf(footerSection),
    blockOfPath,
    tables,
    roles,
    sectionsForHeading: (text) => headingIndex.get(normalizeName(text)) ?? [],
    keysOf: (id) => keys.get(id) ?? [],
    keyOrder: keyOrderOf(spec),
    vocabulary: vocabularyOf(spec),
    freeText: new Set(sections.filter((section) => bodyOf(section).length === 1 && bodyOf(section)[0]!.type === 'markdown').map((section) => section.id)),
    keptByEmpty: new Set(
      sections.filter((section) => (section.kind === 'section' && section.fieldsInGroup === true) || (bodyOf(section).length === 1 && bodyOf(section)[0]!.type === 'table')).map((section) => section.id)
    )
  }
  return Object.freeze(profile)
}

/** The model's keys in template order: the title's, then each section's blocks', nested by path. */
function keyOrderOf(spec: ProfileSpec): KeyOrder {
  const root = new Map<string, Map<string, unknown> | null>()
  const add = (path: string, leaf: Map<string, unknown> | null = null): void => {
    const parts = path.split('.')
    let level = root
    parts.forEach((part, index) => {
      const last = index === parts.length - 1
      if (!level.has(part)) level.set(part, last ? leaf : new Map())
      const next = level.get(part)
      if (!last) {
        if (next === null || next === undefined) level.set(part, new Map())
        level = level.get(part) as Map<string, Map<string, unknown> | null>
      }
    })
  }
  const leaves = (...names: string[]): Map<string, unknown> => new Map(names.map((name) => [name, null]))
  for (const section of spec.sections) {
    if (section.kind === 'title' && spec.title) {
      if (spec.title.id) add(spec.title.id.path)
      add(spec.title.textPath)
    }
    // A section whose one block holds its path is that block's key; any other section it owns is an object.
    if (ownsPath(section) && !section.blocks.some((block) => blockPaths(block).includes(section.path))) add(section.path, new Map())
    for (const block of section.blocks) {
      switch (block.type) {
        case 'checklist':
          for (const field of block.fields) add(field.path, leaves('checked', 'value'))
          break
        case 'table':
          add(block.path, leaves(...block.columns.map((column) => column.key)))
          if (block.zonePath !== undefined) add(block.zonePath)
          break
        default:
          for (const path of blockPaths(block)) add(path)
      }
    }
  }
  add('frontMatter')
  add('extra')
  return root as KeyOrder
}

/** Words a template owns: headings, aliases, labels, column headers and its rows' words. */
function vocabularyOf(spec: ProfileSpec): Set<string> {
  const vocabulary = new Set<string>()
  const addWords = (text: string): void => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
    for (const word of words) vocabulary.add(word)
    // Headings are matched with their contractions spelled out (`What didn't go well` for `what
    // did not go well`): the contracted words are the template's too.
    words.forEach((word, index) => {
      if (words[index + 1] !== 'not') return
      vocabulary.add(`${word}n`)
      vocabulary.add('t')
    })
  }
  for (const section of spec.sections) {
    if (section.heading) addWords(section.heading)
    for (const alias of section.aliases) addWords(alias)
    for (const block of section.blocks) {
      if (block.type === 'table') {
        for (const column of block.columns) {
          addWords(column.header)
          for (const alias of column.aliases ?? []) addWords(alias)
          for (const value of column.values ?? []) addWords(value)
        }
        for (const row of block.templateRows) addWords(row.join(' '))
      }
      if (block.type === 'listUnderLabel' || block.type === 'checklist') addWords(block.label)
      for (const field of blockFields(block)) {
        addWords(field.label)
        for (const alias of field.aliases ?? []) addWords(alias)
        if (field.suffix) addWords(field.suffix)
      }
    }
  }
  if (spec.title) {
    // The title's words around its placeholders.
    let text = spec.title.text
    for (const placeholder of findPlaceholders(text).reverse()) text = text.slice(0, placeholder.start) + ' ' + text.slice(placeholder.end)
    addWords(text)
  }
  // Words a list-form action item gives up when its parenthetical fills the cells, the words of
  // a zone line, and the column names of a two-column header table.
  addWords('all times in are minutes minute mins min due by done completed on eta target owner priority')
  addWords('field value key property name detail details')
  return vocabulary
}
