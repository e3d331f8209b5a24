/**
 * A template section's body, read into blocks: `Label: {x}` lines → fields, `Label:` and a list →
 * a list field, a paragraph that is one placeholder → free text, a line of placeholders in words
 * (`**{Critical/Major/Minor}** - {why}`) → a pattern line, lists of placeholders → lists, lists of
 * rows in words (`* [{HH:MM}] {event}`) and tables → rows, headings that are only a placeholder →
 * repeated entries, sample sub-headings → groups, literal prose → guidance.
 */
import type {Heading, Html, List, ListItem, Paragraph, RootContent, Table, Yaml} from 'mdast'
import {readLabel} from '../../parse/source.js'
import {endOf, headingText, itemContent, startOf} from '../../parse/values.js'
import {zoneOfLine} from '../../model/zones.js'
import {findPlaceholders, type PlaceholderMatch} from '../../model/text.js'
import type {Block, ColumnSpec, FieldSpec, LabelledList, PatternPart, ValueType} from '../spec.js'
import type {Annotation} from './annotations.js'
import type {Derivation} from './context.js'
import {camelCase, placeholderWords, typeOf} from './hints.js'
import {isActionHeading, isTimelineHeading} from './lexicon.js'
import {rowsBlock, tableBlock, type RowsContext} from './rows.js'
import {makeField, markerOf} from './fields.js'

/** A section's body as the template writes it. */
export interface SectionBody {
  readonly id: string
  /** The section's model path (`''` for the title: its fields are top-level keys). */
  readonly path: string
  readonly heading: string
  readonly nodes: readonly RootContent[]
  readonly title: boolean
  readonly headingNode?: Heading
  readonly annotation?: Annotation
  /** Whether sub-sections follow the body (a group's body holds no value of its own). */
  readonly hasChildren?: boolean
  /** The heading of the section it stands under (`Remediation` over `Immediate actions`). */
  readonly parentHeading?: string
}

/** What a body gives: its blocks and the template's literal prose. */
export interface BodyBlocks {
  readonly blocks: Block[]
  readonly guidance: string[]
}

/** One line of a paragraph, with its offsets. */
interface Line {
  readonly start: number
  readonly end: number
  readonly text: string
}

function linesOf(derivation: Derivation, node: RootContent): Line[] {
  const text = derivation.source.text
  const lines: Line[] = []
  const end = endOf(node)
  for (let start = startOf(node); start < end; ) {
    let stop = text.indexOf('\n', start)
    if (stop === -1 || stop > end) stop = end
    lines.push({start, end: stop, text: text.slice(start, stop)})
    start = stop + 1
  }
  return lines
}

/** A `Label: {x}` line: its label, style and placeholder; a label alone (`Involved:`) has none. */
interface LabelLine {
  readonly label: string
  readonly style: 'bold' | 'plain'
  readonly placeholder: PlaceholderMatch | undefined
  /** Literal words after the placeholder (` minutes` of `{DURATION_MINUTES} minutes`). */
  readonly suffix?: string
  readonly offset: number
}

function labelLine(derivation: Derivation, line: Line): LabelLine | undefined {
  const label = readLabel(line.text)
  if (!label) return undefined
  const style = /^\s*(\*\*|__)/.test(line.text) ? 'bold' : 'plain'
  const value = line.text.slice(label.valueStart).trim()
  if (value === '') return {label: label.label, style, placeholder: undefined, offset: line.start}
  const found = derivation.placeholdersIn(line.start + label.valueStart, line.end)
  const [placeholder] = found
  if (found.length !== 1 || placeholder === undefined || !value.startsWith(placeholder.text)) return undefined
  const rest = value.slice(placeholder.text.length)
  if (rest === '') return {label: label.label, style, placeholder, offset: line.start}
  // A unit after the value (`{DURATION_MINUTES} minutes`): the template's words, not the value's.
  if (!/^ [\p{L} ]{1,20}$/u.test(rest)) return undefined
  return {label: label.label, style, placeholder, suffix: rest, offset: line.start}
}

/** Whether a paragraph's whole text is one placeholder, even over several lines (`{Tell the story …}`). */
function wholePlaceholder(text: string): boolean {
  const value = text.trim()
  return /^\{\{[^{}]+\}\}$/.test(value) || /^\{[^{}]+\}$/.test(value) || (/^<[^<>]+>$/.test(value) && /\s/.test(value))
}

/** The section's role by its heading or annotation. */
function sectionRole(body: SectionBody): 'timeline' | 'actionItems' | undefined {
  const role = body.annotation?.role
  if (role === 'timeline' || role === 'actionItems') return role
  if (isTimelineHeading(body.heading)) return 'timeline'
  if (isActionHeading(body.heading)) return 'actionItems'
  // Action items by horizon: `### Immediate actions` under `## Remediation`.
  if (body.parentHeading !== undefined && isActionHeading(body.parentHeading)) return 'actionItems'
  return undefined
}

/** Read a section's body into blocks and guidance. */
export function bodyBlocks(derivation: Derivation, body: SectionBody): BodyBlocks {
  const blocks: Block[] = []
  const guidance: string[] = []
  const prefix = body.path
  const role = sectionRole(body)
  const nodes = body.nodes
  const rows: RowsContext = {derivation, prefix, role, heading: body.heading, sectionAnnotation: body.annotation ?? {}}
  const rest = (index: number): readonly RootContent[] => nodes.slice(index + 1)
  const forced = body.annotation?.type === 'markdown'
  if (forced) {
    const placeholder = nodes.map((node) => derivation.text(node)).join('\n\n')
    blocks.push({type: 'markdown', path: prefix, placeholder, ...(roleOf(body) ? {role: roleOf(body)!} : {}), ...(body.annotation?.optional ? {optional: true} : {})})
    return {blocks, guidance}
  }
  // Sample sub-headings: the rows of one table, grouped under headings documents name.
  if (nodes.some((node) => node.type === 'heading' && !isEntry(derivation, node))) {
    const grouped = rowsBlock(rows, nodes, 'groups')
    if (grouped) {
      for (const node of nodes) if (node.type === 'paragraph' && !derivation.hasPlaceholder(node)) guidance.push(derivation.text(node))
      blocks.push(grouped)
      return {blocks: single(blocks, prefix), guidance}
    }
  }
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const next = nodes[index + 1]
    if (node.type === 'heading' && isEntry(derivation, node)) {
      const entries = rowsBlock(rows, nodes.slice(index), 'entries')
      if (entries) {
        blocks.push(entries)
        break
      }
      continue
    }
    // `<Why it happened. Keep asking why …>` alone on a line is HTML to remark: a placeholder here.
    if (node.type === 'paragraph' || (node.type === 'html' && !node.value.startsWith('<!--') && wholePlaceholder(node.value) && derivation.hasPlaceholder(node))) {
      const taken = paragraphBlock(derivation, body, node, next, rest(index), blocks, guidance)
      index += taken - 1
      continue
    }
    if (node.type === 'list') {
      const block = listBlock(derivation, body, node, rows, guidance)
      if (block) blocks.push(block)
      continue
    }
    if (node.type === 'table') {
      blocks.push(tableBlock(rows, node))
      continue
    }
  }
  if (blocks.length === 0 && !body.title && !body.hasChildren) {
    // Prose only (or nothing): the section is free text, its prose the template's guidance.
    blocks.push({type: 'markdown', path: prefix, placeholder: '', ...(roleOf(body) ? {role: roleOf(body)!} : {}), ...(body.annotation?.optional ? {optional: true} : {})})
  }
  return {blocks: body.title ? blocks : single(blocks, prefix), guidance}
}

function isEntry(derivation: Derivation, node: RootContent): boolean {
  if (node.type !== 'heading') return false
  const text = headingText(derivation.source, node).trim()
  const found = derivation.placeholdersOf(node)
  return found.length === 1 && found[0]?.text.trim() === text
}

/** The summary role of a section named as one, or the role its annotation gives. */
function roleOf(body: SectionBody): 'summary' | undefined {
  if (body.annotation?.role === 'summary') return 'summary'
  return /^(?:summary|executive summary|incident summary|issue summary|overview|tl;?dr)$/i.test(body.heading.trim()) ? 'summary' : undefined
}

/** A section whose one block is free text, a list or a table: the block's path is the section's. */
function single(blocks: Block[], path: string): Block[] {
  const [block] = blocks
  if (blocks.length !== 1 || block === undefined) return blocks
  if (block.type === 'markdown' || block.type === 'list' || block.type === 'table') return [{...block, path}]
  return blocks
}

/** A paragraph's block (or guidance); how many nodes it took. */
function paragraphBlock(derivation: Derivation, body: SectionBody, node: Paragraph | Html, next: RootContent | undefined, after: readonly RootContent[], blocks: Block[], guidance: string[]): number {
  const lines = linesOf(derivation, node)
  const labels = lines.map((line) => labelLine(derivation, line))
  const annotation = derivation.annotationOf(node)
  const prefix = body.path
  const lastAlone = labels.at(-1) !== undefined && labels.at(-1)!.placeholder === undefined && next?.type === 'list'
  if (labels.every((label, index) => label && (label.placeholder || (lastAlone && index === labels.length - 1)))) {
    const fieldLabels = (lastAlone ? labels.slice(0, -1) : labels) as LabelLine[]
    const fields = fieldLabels.map((label) =>
      makeField(derivation, {label: label.label, placeholder: label.placeholder!.text, prefix, annotation: fieldLabels.length === 1 ? annotation : {}, labelStyle: label.style, ...(label.suffix ? {suffix: label.suffix} : {})})
    )
    const listLabel = lastAlone ? labels.at(-1)! : undefined
    const list = listLabel && next?.type === 'list' ? labelledList(derivation, body, listLabel, next, startOf(next) > endOf(node) + 1 && derivation.source.text.slice(endOf(node), startOf(next)).includes('\n\n')) : undefined
    if (fields.length === 1 && !list) blocks.push({type: 'fieldParagraph', field: fields[0]!})
    else if (fields.length > 0) blocks.push({type: 'fieldLines', fields})
    if (list) blocks.push({type: 'listUnderLabel', ...list, ...(fields.length > 0 ? {attached: true} : {})})
    return list ? 2 : 1
  }
  const text = derivation.text(node)
  const found = derivation.placeholdersOf(node)
  if (wholePlaceholder(text)) {
    // A paragraph that is one placeholder: free text, the rest of the section with it.
    const rest = after.filter((other) => other.type !== 'html')
    if (rest.length === 0 || blocks.length === 0) {
      blocks.push({type: 'markdown', path: joinPath(prefix, camelCase(placeholderWords(text).name) || 'text'), placeholder: text, ...(roleOf(body) ? {role: 'summary' as const} : {}), ...(annotation.optional ? {optional: true} : {})})
      return 1 + rest.length
    }
  }
  if (found.length > 0) {
    const oneLine = lines.length === 1
    const typed = found.map((match) => typeOf(placeholderWords(match.text)))
    const zone = found.some((match) => /\b(?:time ?zone|zone)\b/i.test(placeholderWords(match.text).name))
    const others = after.some((other) => other.type === 'list' || other.type === 'table' || other.type === 'heading')
    if (oneLine && (others || zone || typed.some((type) => type.type === 'enum'))) {
      blocks.push(patternLine(derivation, body, node, found))
      return 1
    }
    blocks.push({type: 'markdown', path: joinPath(prefix, 'text'), placeholder: text, ...(roleOf(body) ? {role: 'summary' as const} : {})})
    return 1 + after.length
  }
  // A statement of the timeline's zone (`All times PDT.`) is a convention documents keep, not guidance.
  if (zoneOfLine(text) === undefined) guidance.push(text)
  return 1
}

/** A line of fields in the template's words: literal text around its placeholders. */
function patternLine(derivation: Derivation, body: SectionBody, node: Paragraph | Html, found: readonly PlaceholderMatch[]): Block {
  const text = derivation.source.text
  const pattern: PatternPart[] = []
  const fields: FieldSpec[] = []
  let at = startOf(node)
  found.forEach((match) => {
    if (match.start > at) pattern.push({text: text.slice(at, match.start)})
    const words = placeholderWords(match.text)
    const typed = typeOf(words)
    // An unnamed choice (`{Critical/Major/Minor}`) is named by its section (`Severity`).
    const name = typed.type === 'enum' && typed.values?.join('/') === words.inner ? body.heading : words.name
    const zone = /\b(?:time ?zone|zone)\b/i.test(words.name)
    let field = makeField(derivation, {label: name, placeholder: match.text, prefix: body.path})
    if (zone) field = {...field, type: 'text', role: 'timeline.zone'}
    if (fields.some((other) => other.path === field.path)) field = {...field, path: `${field.path}${fields.length + 1}`}
    fields.push(field)
    pattern.push({slot: field.path})
    at = match.end
  })
  if (at < endOf(node)) pattern.push({text: text.slice(at, endOf(node))})
  return {type: 'patternLine', pattern, fields}
}

/** `Label:` and the list under it. */
function labelledList(derivation: Derivation, body: SectionBody, label: LabelLine, list: List, gap: boolean): LabelledList {
  const annotation = derivation.annotationOf(list)
  const id = annotation.id ?? camelCase(label.label)
  const placeholders = list.children.map((item) => itemText(derivation, item))
  return {
    label: label.label,
    path: body.path ? `${body.path}.${id}` : id,
    placeholders,
    marker: markerOf(derivation, list),
    ...(label.style === 'plain' ? {labelStyle: 'plain' as const} : {}),
    ...(gap ? {gap: true} : {}),
    ...(annotation.optional ? {optional: true} : {}),
    ...(annotation.aka ? {aliases: annotation.aka} : {})
  }
}

/** A list item's text after its marker (and box). */
export function itemText(derivation: Derivation, item: ListItem): string {
  return itemContent(derivation.source, item, typeof item.checked === 'boolean')?.value ?? ''
}

/** A list's block: a list of placeholders, labelled fields, rows in words, or literal items. */
function listBlock(derivation: Derivation, body: SectionBody, list: List, rows: RowsContext, guidance: string[]): Block | undefined {
  const texts = list.children.map((item) => itemText(derivation, item))
  const task = list.children.some((item) => typeof item.checked === 'boolean')
  const marker = markerOf(derivation, list)
  const annotation = derivation.annotationOf(list)
  const id = annotation.id ?? camelCase(body.heading) ?? 'items'
  const path = `${body.path}.${id}`
  if (!task && texts.every((text) => wholePlaceholder(text) && !/\n/.test(text))) {
    return {type: 'list', path, placeholders: texts, marker, ...(annotation.optional ? {optional: true} : {})}
  }
  const lines = list.children.map((item) => {
    const content = itemContent(derivation.source, item, typeof item.checked === 'boolean')
    return content ? labelLine(derivation, {start: content.start, end: content.start + content.text.length, text: content.text}) : undefined
  })
  if (!task && lines.every((line) => line?.placeholder)) {
    const fields = (lines as LabelLine[]).map((line) => makeField(derivation, {label: line.label, placeholder: line.placeholder!.text, prefix: body.path, labelStyle: line.style}))
    return {type: 'fieldList', fields, marker}
  }
  if (list.children.some((item) => derivation.hasPlaceholder(item))) return rowsBlock(rows, [list], 'list')
  // Literal items: examples the writer replaces, read as the section's list; items written with a
  // box (`- [] Post a link…`) are a checklist documents keep.
  for (const text of texts) if (!/^\[[ xX]?\]/.test(text)) guidance.push(text)
  return {type: 'list', path, placeholders: [], marker, ...(annotation.optional ? {optional: true} : {})}
}

/** The title's block: its heading's words, each placeholder a field. */
export function titleBlock(derivation: Derivation, heading: Heading, text: string): Block {
  const offset = derivation.source.text.indexOf(text, startOf(heading))
  const found = derivation.placeholdersIn(offset, offset + text.length)
  const annotation = derivation.annotationOf(heading)
  const pattern: PatternPart[] = []
  const fields: FieldSpec[] = []
  let at = offset
  const texts = found.filter((match) => typeOf(placeholderWords(match.text)).type === 'text').length
  for (const match of found) {
    if (match.start > at) pattern.push({text: derivation.source.text.slice(at, match.start)})
    const words = placeholderWords(match.text)
    const typed = typeOf(words)
    const only = found.length === 1
    let field = makeField(derivation, {label: words.name, placeholder: match.text, prefix: '', annotation: only ? annotation : {}})
    // The title's date is the incident's; its one text is the incident's title.
    if (!field.role && (typed.type === 'date' || typed.type === 'datetime')) field = {...field, role: 'incidentDate'}
    if (!field.role && field.type === 'text' && texts === 1) field = {...field, role: 'title'}
    if (typed.type === 'date' && !/[a-z]/i.test(words.name.replace(/[YMDdmyo]/g, ''))) field = {...field, path: 'incidentDate', label: 'Incident date'}
    fields.push(field)
    pattern.push({slot: field.path})
    at = match.end
  }
  if (at < offset + text.length) pattern.push({text: derivation.source.text.slice(at, offset + text.length)})
  const textPath = fields.some((field) => field.path === 'heading') ? 'titleText' : 'heading'
  return {type: 'headingFields', pattern, fields, textPath}
}

/**
 * Header fields the front matter gives (`date: {YYYY-MM-DD}`): one per key whose value is a
 * placeholder. A key whose placeholder the title already has (`title: "{Incident title}"`) names
 * that field instead.
 */
export function frontMatterFields(derivation: Derivation, yaml: Yaml, titleBlocks: Block[]): FieldSpec[] {
  const fields: FieldSpec[] = []
  const titled = titleBlocks.find((block) => block.type === 'headingFields')
  // Note: read line by line, not as YAML: `date: {YYYY-MM-DD}` is a YAML mapping.
  for (const line of yaml.value.split('\n')) {
    const entry = /^([A-Za-z_][\w -]*?):[ \t]*(.*?)[ \t]*$/.exec(line)
    if (!entry) continue
    const [, key, raw] = entry as unknown as [string, string, string]
    const value = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw
    const found = findPlaceholders(value, derivation.notations).map((match) => match.text)
    if (found.length === 0) continue
    const placeholder = found.length === 1 && found[0] === value ? value : value
    if (titled?.type === 'headingFields' && titled.fields.some((field) => field.placeholder === placeholder)) continue
    fields.push({...makeField(derivation, {label: key, placeholder: found[0]!, prefix: ''}), placeholder, labelStyle: 'plain'})
  }
  return fields
}

export type {ColumnSpec, ValueType, Table}

/** A path under a section's (the title's fields are top-level keys). */
function joinPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`
}
