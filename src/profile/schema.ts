/**
 * The zod schemas of a profile, generated from its spec: the draft (what a document says; SPEC
 * §2's three states: absent, `null` while unfilled, the text as written) and the complete model
 * (what a complete postmortem means: dates, times, enums and minutes typed, required fields
 * filled). The built-in profile's are `PostmortemDraftSchema` and `PostmortemSchema`.
 */
import {z} from 'zod'
import {cellSchema, idText, inlineText, listItemText, markdownBody, nameText, titleText, type TextOptions} from '../model/checks.js'
import {dateNotation, isIsoNotation} from '../model/dates.js'
import {extrasProblem, isAnchor} from '../model/extras.js'
import {draftProblems} from '../model/presence.js'
import {getPath} from '../model/paths.js'
import {isIsoDate, isUnresolvedChoice, looksLikeZone, timeToMinutes, withoutUnit} from '../model/text.js'
import type {TableBlock} from './blocks.js'
import type {Profile} from './compile.js'
import {modelEntries, type Entry, type Node} from './model-tree.js'
import {templateHeading} from './labels.js'
import type {Block, ColumnSpec, FieldSpec, SectionSpec} from './spec.js'

const draftText = {filled: false} as const
const filledText = {filled: true} as const

/** The two schemas of a profile. */
export interface ProfileSchemas {
  readonly draft: z.ZodType
  readonly complete: z.ZodType
}

const built = new WeakMap<Profile, ProfileSchemas>()

/** The draft and complete schemas of a profile (built on first use, then kept with the profile). */
export function schemasOf(profile: Profile): ProfileSchemas {
  let schemas = built.get(profile)
  if (!schemas) {
    schemas = {draft: buildSchema(profile, 'draft'), complete: buildSchema(profile, 'complete')}
    built.set(profile, schemas)
  }
  return schemas
}

type Level = 'draft' | 'complete'

/** What a leaf of the model is read from: a field or a block's value. */
type Leaf = Extract<Node, {kind: 'field' | 'block'}>

function buildSchema(profile: Profile, level: Level): z.ZodType {
  const zone = zoneSchema(profile)
  const build = (entries: readonly Entry[]): Record<string, z.ZodType> => {
    const shape: Record<string, z.ZodType> = {}
    for (const {key, path, node} of entries) {
      switch (node.kind) {
        case 'id':
          shape[key] = idSchema(profile, level)
          break
        case 'title':
          shape[key] = titleText(titleDescription(profile), level === 'draft' ? draftText : filledText).optional()
          break
        case 'zone':
          shape[key] = level === 'draft' ? zone.optional().meta({description: zoneDescription(node.block)}) : zone
          break
        case 'frontMatter':
          shape[key] = frontMatterSchema.optional()
          break
        case 'extra':
          shape[key] = extraList(profile).optional()
          break
        case 'field':
        case 'block':
          shape[key] = leafSchema(profile, path, node, level)
          break
        case 'object':
          shape[key] = objectSchema(profile, path, build(node.entries), node.section, level)
          break
      }
    }
    return shape
  }
  const names = profile.spec.typeNames ?? {complete: 'Postmortem', draft: 'PostmortemDraft'}
  return z
    .object(build(modelEntries(profile)))
    .superRefine((draft, ctx) => {
      for (const problem of draftProblems(profile, draft)) ctx.addIssue({code: 'custom', message: problem.message, path: problem.path})
    })
    .meta(
      level === 'draft'
        ? {title: names.draft, description: 'What a postmortem document says: keys it lacks are absent, unfilled fields null'}
        : {title: names.complete, description: 'A complete postmortem: every required field filled and typed'}
    )
}

/**
 * A path in the template's words for the schema's descriptions: a field's label (`**Date:**`),
 * else the heading of the last section with that path, else the path.
 */
function schemaLabel(profile: Profile, path: string): string {
  const field = profile.fieldByPath.get(path)
  if (field) return `**${field.label}:**`
  const section = profile.sections.filter((candidate) => candidate.path === path && candidate.heading !== null).at(-1)
  return section ? `\`${templateHeading(section)}\`` : path
}

/** A draft value: absent, unfilled (`null`) or written. */
function draftValue<T extends z.ZodType>(schema: T): z.ZodOptional<z.ZodNullable<T>> {
  return schema.nullable().optional()
}

function idSchema(profile: Profile, level: Level): z.ZodType {
  const id = profile.title!.id!
  const description = id.describe ?? `The id after \`${id.prefix}\` in the title`
  if (level === 'complete') return idText(id.prefix, profile.title!.textPath, filledText).meta({description})
  return draftValue(idText(id.prefix, profile.title!.textPath, {filled: false, placeholder: id.placeholder})).meta({description})
}

function titleDescription(profile: Profile): string {
  const title = profile.title!
  const template = title.id ? title.text.slice(0, title.text.indexOf(title.id.placeholder)) : title.text
  return title.id
    ? `The title as written, when it is not \`${template}\` and the id (its id, if any, is \`${title.id.path}\`)`
    : `The title as written, when it is not \`${template}\``
}

function leafSchema(profile: Profile, path: string, leaf: Leaf, level: Level): z.ZodType {
  if (leaf.kind === 'field') return leaf.checklist ? checklistEntry(profile, leaf.field, leaf.checklist, level) : fieldSchema(profile, leaf.field, level)
  const {block} = leaf
  const label = schemaLabel(profile, path)
  switch (block.type) {
    case 'markdown': {
      const noRule = beforeRule(profile, leaf.section)
      if (level === 'draft') return draftValue(markdownBody(label, {filled: false, placeholder: block.placeholder, ...(noRule ? {noRule} : {})}))
      const body = markdownBody(label, {...filledText, ...(noRule ? {noRule} : {})})
      return block.optional ? body.optional() : body
    }
    case 'list':
    case 'listUnderLabel':
      if (level === 'draft') return z.array(listItemText(label, draftText).nullable()).optional().meta({description: `${label}: list items; unfilled ones are null`})
      return block.optional
        ? z.array(listItemText(label)).optional().meta({description: `${label}: list items`})
        : z.array(listItemText(label)).min(1, {message: `${label} needs at least one item`}).meta({description: `${label}: list items, at least one`})
    case 'table':
      return tableSchema(profile, block, label, level)
    default:
      return z.never()
  }
}

/** The markdown body of the last section before a footer that opens with `---`: it may hold no thematic break. */
function beforeRule(profile: Profile, section: SectionSpec): boolean {
  const footer = profile.footerSection
  if (!footer || footer.blocks[0]?.type !== 'rule') return false
  const before = profile.sections[(profile.sectionOrder.get(footer.id) ?? 0) - 1]
  return before?.id === section.id
}

function fieldSchema(profile: Profile, field: FieldSpec, level: Level): z.ZodType {
  const label = `**${field.label}:**`
  const what = field.describe ?? (field.values ? oneOf(field.values) : field.type === 'date' ? writtenDate(field) : undefined)
  if (level === 'draft') {
    if (field.type === 'names') return draftValue(z.array(nameText(draftText))).meta({description: `${label}: ${field.describe ?? 'names, written comma-separated'}`})
    const text = inlineText(label, {filled: false, placeholder: field.placeholder}, what)
    if (field.choice) return draftValue(text).refine((value) => value === null || value === undefined || !isUnresolvedChoice(value), `The ${field.label} value \`${field.placeholder}\` is the unresolved template choice; use null`)
    if (field.suffix !== undefined && field.type === 'minutes') {
      const unit = field.suffix
      return draftValue(
        text.check((ctx) => {
          // `47 minutes` would be written `47 minutes minutes`: the unit is the template's.
          if (withoutUnit(ctx.value, unit) !== ctx.value) ctx.issues.push({code: 'custom', message: `The ${field.label} is written before \`${unit.trim()}\`: leave the unit out (\`47\`)`, input: ctx.value})
        })
      )
    }
    return draftValue(text)
  }
  const complete = completeValue(profile, label, field, field.label)
  return field.optional ? complete.optional() : complete
}

/** What a date of the draft is, when the spec does not say: `a date written \`DD-MM-YYYY\``. */
function writtenDate(value: FieldSpec | ColumnSpec): string {
  return `a date written \`${dateNotation(value.format)}\``
}

/**
 * A complete value of a field or column, typed by its type. A date is ISO `YYYY-MM-DD` whatever
 * notation the template writes it in: `validate` reads each in its notation first.
 */
function completeValue(profile: Profile, label: string, value: FieldSpec | ColumnSpec, name: string): z.ZodType {
  switch (value.type) {
    case 'date':
      return inlineText(label, filledText, 'a calendar date, `YYYY-MM-DD`').refine(isIsoDate, {message: `${label} must be a real calendar date written \`YYYY-MM-DD\``})
    case 'minutes':
      return z.int().min(0).meta({description: `${label}: ${value.describeComplete ?? 'whole minutes'}`})
    case 'enum':
      return enumSchema(value.values ?? [], name)
    case 'names':
      return z.array(nameText()).min(1, {message: `${label} needs at least one name`})
    default:
      return inlineText(label, filledText, value.describeComplete ?? value.describe)
  }
}

function enumSchema(values: readonly string[], name: string): z.ZodType {
  const [first, ...rest] = values
  if (first === undefined) return z.string()
  return z.enum([first, ...rest], {error: () => `Unexpected value for ${name}, expected ${oneOf(values)}`})
}

function checklistEntry(profile: Profile, field: FieldSpec, block: Extract<Block, {type: 'checklist'}>, level: Level): z.ZodType {
  const label = `**${field.label}:**`
  const what = block.requiredWhen ? 'a line of the proper-fix checklist' : `a line of the \`**${block.label}:**\` checklist`
  if (level === 'draft') {
    return z
      .object({
        checked: z.boolean().meta({description: 'Whether the box is ticked (`[x]`)'}),
        value: inlineText(label, {filled: false, placeholder: field.placeholder}, field.describe ?? 'text after the label, one line').nullable()
      })
      .optional()
      .meta({description: `${label}: ${what}`})
  }
  return z
    .object({checked: z.boolean(), value: inlineText(label, draftText, field.describeComplete ?? 'text after the label').nullable()})
    .optional()
    .meta({description: `${label}: ${what}${block.requiredWhen ? ` (required for a ${block.requiredWhen.value.toLowerCase()})` : ''}`})
}

function tableSchema(profile: Profile, block: TableBlock, label: string, level: Level): z.ZodType {
  const row = block.rows === 'task' ? 'A row of an action item table' : `A row of the ${label} table`
  const cells: Record<string, z.ZodType> = {}
  for (const column of block.columns) {
    const what = column.describe ?? (column.values ? oneOf(column.values) : column.type === 'date' ? writtenDate(column) : 'text')
    if (column.type === 'checkbox') {
      // A task's box: checked or not.
      const box = z.boolean().meta({description: `${column.header}: whether the task's box is checked (\`[x]\`)`})
      cells[column.key] = level === 'draft' || column.optional ? draftValue(box) : box
    } else if (column.type === 'markdown') {
      // The text under a repeated entry's heading: Markdown, kept verbatim.
      cells[column.key] = level === 'draft' ? draftValue(markdownBody(column.header, draftText)) : markdownBody(column.header, filledText)
    } else if (level === 'draft') cells[column.key] = draftValue(cellSchema(column.header, what, draftText))
    else if (column.optional) cells[column.key] = cellSchema(column.header, what, draftText).nullable().optional()
    else cells[column.key] = completeCell(column, block)
  }
  if (level === 'draft') {
    const object = z
      .object(cells)
      .refine((value) => Object.keys(value).length > 0, `${block.rows === 'task' ? 'An action item' : 'A row'} holds at least one cell`)
      .meta({description: `${row}; unfilled cells are null, cells of a column the table lacks absent`})
    return z.array(object).optional().meta({description: `${label}: the table rows, in document order`})
  }
  const object = z.object(cells).meta({description: row})
  if (block.optional) return z.array(object)
  return z.array(object).min(1, {message: `${label} needs at least one row`}).meta({description: `${label}: the table rows`})
}

function completeCell(column: ColumnSpec, block: TableBlock): z.ZodType {
  const what = column.describeComplete ?? column.describe ?? (column.values ? oneOf(column.values) : 'text')
  const owner = block.rows === 'task' ? 'An action item' : 'A timeline'
  switch (column.type) {
    case 'time':
      return cellSchema(column.header, what, filledText).refine((value) => timeToMinutes(value) !== undefined, {
        message: `${owner} ${column.header} must be \`HH:MM\`, \`HH:MM:SS\`, a 12-hour time or an ISO date-time`
      })
    case 'date': {
      // The complete model's dates are ISO: a description of another notation does not hold there.
      const date = column.describeComplete ?? (isIsoNotation(column.format) ? column.describe : undefined) ?? 'a calendar date, `YYYY-MM-DD`'
      return cellSchema(column.header, date, filledText).refine(isIsoDate, {message: `${owner} ${column.header} must be a real calendar date written \`YYYY-MM-DD\``})
    }
    case 'enum':
      return enumSchema(column.values ?? [], `${block.rows === 'task' ? 'action item ' : ''}${column.header}`)
    default:
      return cellSchema(column.header, what, filledText)
  }
}

function objectSchema(profile: Profile, path: string, shape: Record<string, z.ZodType>, section: SectionSpec | undefined, level: Level): z.ZodType {
  const object = z.object(shape)
  if (level === 'draft') return object.optional()
  let complete: z.ZodType = object
  // A group of optional action tables needs one row among them (`no-action-items`).
  const tables = profile.tables.filter(({block}) => block.optional && block.rows === 'task' && block.path.startsWith(`${path}.`))
  if (section && tables.length > 0) {
    const heading = section.heading ?? path
    complete = object.refine((value) => tables.some(({block}) => ((getPath(value, block.path.slice(path.length + 1)) as unknown[] | undefined) ?? []).length > 0), {
      message: `${heading} needs at least one action item in one of its ${tables.length === 3 ? 'three' : tables.length} tables`
    })
  }
  // A checklist required while a choice says so (the proper-fix checklist of a temporary workaround).
  const conditional = (section ? [section, ...(profile.children.get(section.id) ?? [])] : []).flatMap((candidate) =>
    candidate.blocks.flatMap((block) => (block.type === 'checklist' && block.requiredWhen ? [block] : []))
  )
  for (const block of conditional) {
    const when = block.requiredWhen!
    complete = complete.superRefine((value, ctx) => {
      if (getPath(value, when.path.slice(path.length + 1)) !== when.value) return
      for (const field of block.fields) {
        const key = field.path.slice(path.length + 1)
        const entry = getPath(value, key) as {checked?: boolean; value?: string | null} | undefined
        if (!entry || !entry.checked || !entry.value) {
          ctx.addIssue({code: 'custom', path: key.split('.'), message: `A ${when.value.toLowerCase()} needs its checklist done: ${field.label} is ${!entry ? 'missing' : !entry.value ? 'unfilled' : 'unchecked'}`})
        }
      }
    })
  }
  return section?.optional ? complete.optional() : complete
}

/** `a`, `a or b`, `a, b or c` with every value in backticks. */
function oneOf(values: readonly string[]): string {
  const shown = values.map((value) => `\`${value}\``)
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

function zoneSchema(profile: Profile): z.ZodString {
  void profile
  return z.string().check((ctx) => {
    const value = ctx.value
    if (looksLikeZone(value) && value === value.trim()) return
    ctx.issues.push({
      code: 'custom',
      message: `Unexpected time zone \`${value}\`, expected an abbreviation (\`PST\`, \`UTC+2\`), an offset (\`+02:00\`), an IANA name (\`Europe/Berlin\`) or \`US Pacific\``,
      input: value
    })
  })
}

function zoneDescription(block: TableBlock): string {
  const column = block.columns.find((candidate) => candidate.key === block.zoneColumn)
  return `Zone of the timeline times as the document names it (\`PST\`, \`US Pacific\`), written in the \`${column?.header ?? 'Time'} (UTC)\` column header; \`UTC\` when the document names none`
}

const frontMatterSchema = z
  .string()
  .refine((value) => !/^---[ \t]*$/m.test(value), 'Front matter cannot hold a `---` line')
  .meta({description: 'YAML front matter, verbatim, without its `---` fences'})

/** One entry of `extra`: a block the template has no field for, and where it stands. */
export function extraSchema(profile: Profile): z.ZodType {
  const anchor = z
    .string()
    .refine((value) => isAnchor(profile, value), 'Unexpected anchor, expected `start`, `end`, a section id or `<section id>:heading`')
    .meta({description: 'Where the block stands: `start` (before the title), `<id>:heading` (right after its heading), a section id (after its content) or `end`'})
  return z
    .object({
      after: anchor,
      markdown: z.string().meta({description: 'Markdown source, verbatim (empty: a section heading with nothing under it)'})
    })
    .meta({description: 'Content the template has no field for (an unknown section, an extra paragraph, an image, an HTML comment), kept where it stood'})
}

function extraList(profile: Profile): z.ZodType {
  return z
    .array(extraSchema(profile))
    .min(1, 'Unexpected empty `extra`, expected at least one block (leave the key out when there is none)')
    .check((ctx) => {
      const problem = extrasProblem(profile, ctx.value as {after: string; markdown: string}[])
      if (problem) ctx.issues.push({code: 'custom', message: problem.message, input: ctx.value, path: [problem.index]})
    })
    .meta({description: 'Content the template has no field for, in document order'})
}

export type {TextOptions}
