/**
 * A team's template, read into a profile's spec by SPEC §9's rules: the first heading with
 * placeholders is the title (its placeholders are fields); every later heading is a section (id the
 * camelCase of its text, parent the nearest shallower heading), except headings that are only a
 * placeholder (repeated entries of their section); each section's body becomes blocks
 * (`blocks.ts`); annotations complete or override what is derived; roles are bound (`roles.ts`).
 */
import type {Heading, Root, RootContent} from 'mdast'
import {parseMarkdown} from '../../model/markdown.js'
import {headingText, startOf} from '../../parse/values.js'
import type {Block, FieldSpec, PatternPart, ProfileSpec, SectionSpec} from '../spec.js'
import {splitZone} from '../../model/zones.js'
import {findAnnotations, isAnnotation, readAnnotation} from './annotations.js'
import {bodyBlocks, frontMatterFields, titleBlock, type SectionBody} from './blocks.js'
import {makeField} from './fields.js'
import {Derivation, type TemplateProblem} from './context.js'
import {camelCase, leadLabel, placeholderWords, withoutTrailingColon} from './hints.js'
import {bindRoles} from './roles.js'
import {sectionVariants} from './variants.js'

/** What reading a template gives: its spec, or the errors that make it unusable. */
export interface TemplateSpec {
  readonly spec: ProfileSpec | undefined
  readonly errors: readonly TemplateProblem[]
  readonly warnings: readonly TemplateProblem[]
}

/** A heading of the template that starts a section, with its body. */
interface Draft {
  readonly heading: Heading
  readonly text: string
  readonly depth: number
  parent: Draft | null
  readonly nodes: RootContent[]
  readonly children: Draft[]
  id: string
}

/** Read a template into a profile's spec. */
export function specFromTemplate(text: string, file: string): TemplateSpec {
  const derivation = new Derivation(text)
  const tree = parseMarkdown(derivation.source.text)
  attachAnnotations(derivation, tree)
  const children = tree.children.filter((node) => !(node.type === 'html' && isAnnotation(node.value)))
  const titleAt = findTitle(derivation, children)
  if (!children.some((node) => node.type === 'heading')) {
    derivation.error(0, 'A template needs headings: each heading is a section (`## Summary`), the first with a placeholder its title (`# {Incident title}`)')
    return {spec: undefined, errors: derivation.errors, warnings: derivation.warnings}
  }
  const yaml = children[0]?.type === 'yaml' ? children[0] : undefined
  const drafts = sectionDrafts(derivation, children, titleAt)
  assignIds(derivation, drafts)
  const sections: SectionSpec[] = []
  const title = titleAt === -1 ? undefined : (children[titleAt] as Heading)
  const titleBlocks: Block[] = []
  if (title) titleBlocks.push(titleBlock(derivation, title, headingText(derivation.source, title)))
  // The title's body (header fields) is what stands between it and the first section.
  const firstSection = drafts[0] ? children.indexOf(drafts[0].heading) : children.length
  const titleBody = title ? children.slice(titleAt + 1, firstSection) : []
  const header = bodyBlocks(derivation, {id: 'title', path: '', heading: title ? headingText(derivation.source, title) : '', nodes: titleBody, title: true})
  titleBlocks.push(...header.blocks)
  if (yaml) {
    const fields = frontMatterFields(derivation, yaml, titleBlocks)
    if (fields.length > 0) titleBlocks.push({type: 'fieldLines', fields})
  }
  if (title || titleBlocks.length > 0) {
    sections.push({
      id: 'title',
      kind: 'title',
      heading: title ? headingText(derivation.source, title) : '',
      depth: (title?.depth ?? 1) as SectionSpec['depth'],
      parent: null,
      aliases: [],
      path: 'title',
      blocks: titleBlocks,
      ...(header.guidance.length > 0 ? {guidance: header.guidance} : {})
    })
  }
  for (const draft of flatten(drafts)) sections.push(sectionSpec(derivation, draft))
  checkIds(derivation, sections)
  const named = sectionVariants(sections, derivation)
  const bound = bindRoles(derivation, named)
  if (derivation.errors.length > 0) return {spec: undefined, errors: derivation.errors, warnings: derivation.warnings}
  const spec: ProfileSpec = {
    name: file,
    sections: bound,
    title: {text: title ? headingText(derivation.source, title) : '', textPath: titleTextPath(bound), names: []},
    typeNames: typeNamesOf(file),
    placeholders: derivation.notations
  }
  return {spec, errors: derivation.errors, warnings: derivation.warnings}
}

/** Annotations (block comments and comments inside a table's header cells) by the element before them. */
function attachAnnotations(derivation: Derivation, tree: Root): void {
  let previous: RootContent | undefined
  for (const node of tree.children) {
    if (node.type === 'html' && isAnnotation(node.value)) {
      const {annotation, errors} = readAnnotation(node.value)
      for (const message of errors) derivation.error(startOf(node), message)
      if (!previous) derivation.error(startOf(node), 'An annotation belongs right after the heading, line, list or table it describes; this one follows nothing')
      else derivation.annotations.set(previous, {annotation, offset: startOf(node)})
      continue
    }
    previous = node
    if (node.type === 'table') {
      const head = node.children[0]
      for (const cell of head?.children ?? []) {
        const text = derivation.text(cell)
        for (const found of findAnnotations(text)) {
          const {annotation, errors} = readAnnotation(found.value)
          for (const message of errors) derivation.error(startOf(cell) + found.start, message)
          derivation.annotations.set(cell, {annotation, offset: startOf(cell) + found.start})
        }
      }
    }
  }
}

/**
 * The title: the first heading with a placeholder, when it stands at the template's top level;
 * else a first heading that has headings under it (`# Postmortem` above `## Summary`); else none.
 */
function findTitle(derivation: Derivation, children: readonly RootContent[]): number {
  const depths = children.flatMap((node) => (node.type === 'heading' ? [node.depth] : []))
  const top = Math.min(...depths)
  const withPlaceholder = children.findIndex((node) => node.type === 'heading' && derivation.hasPlaceholder(node))
  if (withPlaceholder !== -1 && (children[withPlaceholder] as Heading).depth === top) return withPlaceholder
  const first = children.findIndex((node) => node.type === 'heading')
  if (first === -1) return -1
  const depth = (children[first] as Heading).depth
  return depth === top && depths.filter((other) => other === depth).length === 1 && depths.some((other) => other > depth) ? first : -1
}

/** Whether a heading is only a placeholder (`### {{ hh:mm }}`): an entry of its section, not a section. */
export function isEntryHeading(derivation: Derivation, node: RootContent): boolean {
  if (node.type !== 'heading') return false
  const text = headingText(derivation.source, node).trim()
  const found = derivation.placeholdersIn(startOf(node), startOf(node) + derivation.text(node).length)
  return found.length === 1 && found[0]!.text.trim() === text
}

/** The sections of the template: every heading after the title, nested by depth, with its body. */
function sectionDrafts(derivation: Derivation, children: readonly RootContent[], titleAt: number): Draft[] {
  const roots: Draft[] = []
  const stack: Draft[] = []
  let current: Draft | undefined
  children.forEach((node, index) => {
    if (index <= titleAt) return
    // A heading that is only a placeholder under a section is an entry of it (`### {{ hh:mm }}`).
    if (node.type === 'heading' && !(current && node.depth > current.depth && isEntryHeading(derivation, node))) {
      while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) stack.pop()
      const parent = stack.at(-1) ?? null
      const draft: Draft = {heading: node, text: headingText(derivation.source, node), depth: node.depth, parent, nodes: [], children: [], id: ''}
      if (parent) parent.children.push(draft)
      else roots.push(draft)
      stack.push(draft)
      current = draft
      return
    }
    if (current) current.nodes.push(node)
  })
  for (const draft of flatten(roots)) foldSamples(derivation, draft)
  return roots
}

/**
 * Sub-headings the template calls samples ("These are only sample subheadings"): documents name
 * their own, so they are no sections; with their lists they are the section's rows, in groups.
 */
function foldSamples(derivation: Derivation, draft: Draft): void {
  if (draft.children.length === 0) return
  const says = draft.nodes.some((node) => node.type === 'paragraph' && /\b(?:sample|example)s?\b[^]*\bsub-?headings?\b|\bsub-?headings?\b[^]*\b(?:sample|example)s?\b/i.test(derivation.text(node)))
  if (!says || draft.children.some((child) => child.children.length > 0 || !child.nodes.some((node) => node.type === 'list'))) return
  for (const child of draft.children) draft.nodes.push(child.heading, ...child.nodes)
  draft.children.length = 0
}

function flatten(drafts: readonly Draft[]): Draft[] {
  return drafts.flatMap((draft) => [draft, ...flatten(draft.children)])
}

/** Section ids: an annotation's, else the camelCase of the heading's words outside placeholders and parentheses. */
function assignIds(derivation: Derivation, drafts: readonly Draft[]): void {
  for (const draft of flatten(drafts)) {
    const annotated = derivation.annotationOf(draft.heading).id
    draft.id = annotated ?? (camelCase(headingWords(derivation, draft.heading)) || `section${derivation.line(startOf(draft.heading))}`)
  }
}

/** A heading's words without placeholders and a trailing parenthetical. */
export function headingWords(derivation: Derivation, heading: Heading): string {
  let text = headingText(derivation.source, heading)
  const offset = derivation.source.text.indexOf(text, startOf(heading))
  for (const found of derivation.placeholdersIn(offset, offset + text.length).reverse()) text = text.slice(0, found.start - offset) + text.slice(found.end - offset)
  const open = text.lastIndexOf('(')
  if (open > 0 && text.trimEnd().endsWith(')')) text = text.slice(0, open)
  return withoutTrailingColon(text)
}

function sectionSpec(derivation: Derivation, draft: Draft): SectionSpec {
  const annotation = derivation.annotationOf(draft.heading)
  const parentPath = draft.parent ? pathOf(draft.parent) : ''
  const path = parentPath && draft.parent && isGroup(derivation, draft.parent) ? `${parentPath}.${draft.id}` : draft.id
  const body: SectionBody = {id: draft.id, path, heading: draft.text, nodes: draft.nodes, title: false, headingNode: draft.heading, annotation, hasChildren: draft.children.length > 0, ...(draft.parent ? {parentHeading: draft.parent.text} : {})}
  const {blocks: bodyOf, guidance} = bodyBlocks(derivation, body)
  const group = draft.children.length > 0 && bodyOf.length === 0
  const worded = headingBlock(derivation, draft.heading, path, bodyOf)
  const blocks = worded ? [worded, ...bodyOf] : bodyOf
  const spec: SectionSpec = {
    id: draft.id,
    kind: group ? 'group' : 'section',
    heading: draft.text,
    depth: draft.depth as SectionSpec['depth'],
    parent: draft.parent?.id ?? null,
    aliases: [],
    path,
    blocks,
    ...(annotation.optional === true ? {optional: true} : {}),
    ...(guidance.length > 0 ? {guidance} : {})
  }
  return annotation.aka ? {...spec, aliases: annotation.aka, accepted: annotation.aka} : spec
}

/**
 * A section heading with placeholders (`Short-term Improvements (Target: {Month YYYY})`) or the
 * zone of its timeline (`Timeline (times in BST)`): fields read from the heading and written
 * into it, kept beside the section's value (`…Target`, `…TimeZone`).
 */
function headingBlock(derivation: Derivation, heading: Heading, path: string, blocks: readonly Block[]): Block | undefined {
  const text = headingText(derivation.source, heading)
  const offset = derivation.source.text.indexOf(text, startOf(heading))
  const found = derivation.placeholdersIn(offset, offset + text.length)
  const timeline = blocks.find((block) => block.type === 'table' && block.rows === 'timed')
  const zone = found.length === 0 && timeline ? splitZone(text) : undefined
  if (found.length === 0 && !zone?.zone) return undefined
  const pattern: PatternPart[] = []
  const fields: FieldSpec[] = []
  if (zone?.zone) {
    const at = text.lastIndexOf(zone.zone)
    const field: FieldSpec = {path: `${path}TimeZone`, label: 'Time zone', placeholder: zone.zone, type: 'text', role: 'timeline.zone'}
    return {type: 'headingFields', pattern: [{text: text.slice(0, at)}, {slot: field.path}, ...(at + zone.zone.length < text.length ? [{text: text.slice(at + zone.zone.length)}] : [])], fields: [field], textPath: `${path}Heading`}
  }
  let at = offset
  for (const match of found) {
    const before = derivation.source.text.slice(at, match.start)
    if (before) pattern.push({text: before})
    const lead = leadLabel(before)
    const words = placeholderWords(match.text)
    const name = camelCase(lead ?? words.name) || 'value'
    const field = makeField(derivation, {label: lead ?? words.name, placeholder: match.text, prefix: '', name})
    fields.push({...field, path: `${path}${name[0]!.toUpperCase()}${name.slice(1)}`})
    pattern.push({slot: fields.at(-1)!.path})
    at = match.end
  }
  if (at < offset + text.length) pattern.push({text: derivation.source.text.slice(at, offset + text.length)})
  return {type: 'headingFields', pattern, fields, textPath: `${path}Heading`}
}

function isGroup(derivation: Derivation, draft: Draft): boolean {
  return draft.children.length > 0 && draft.nodes.every((node) => (node.type === 'paragraph' && !derivation.hasPlaceholder(node)) || node.type === 'html')
}

function pathOf(draft: Draft): string {
  return draft.parent ? `${pathOf(draft.parent)}.${draft.id}` : draft.id
}

/** Two sections or two fields with one id make a template unusable: each is named at its line. */
function checkIds(derivation: Derivation, sections: readonly SectionSpec[]): void {
  const seen = new Map<string, string>()
  const headings = new Map<string, number>()
  for (const section of sections) {
    const before = seen.get(section.id)
    // The second of two headings written alike is reported at its own line.
    const occurrence = headings.get(section.heading ?? '') ?? 0
    headings.set(section.heading ?? '', occurrence + 1)
    if (before !== undefined) derivation.errors.push({line: lineOfHeading(derivation, section, occurrence), column: 1, message: `Two sections have the id \`${section.id}\` (\`${before}\` and \`${section.heading}\`): rename one, or give it another id with \`<!-- postmortem: id=… -->\``})
    else seen.set(section.id, section.heading ?? '')
  }
  const paths = new Map<string, FieldSpec>()
  for (const section of sections) {
    for (const block of section.blocks) {
      const fields: readonly FieldSpec[] = 'fields' in block ? block.fields : block.type === 'fieldParagraph' ? [block.field] : []
      for (const field of fields) {
        const before = paths.get(field.path)
        if (before) derivation.errors.push({line: lineOfHeading(derivation, section), column: 1, message: `Two fields have the id \`${field.path}\` (\`${before.label}\` and \`${field.label}\`): give one another id with \`<!-- postmortem: id=… -->\``})
        else paths.set(field.path, field)
      }
    }
  }
  // Two tables, lists or texts of one section under one id would be read into one value.
  const blocks = new Set<string>()
  for (const section of sections) {
    for (const block of section.blocks) {
      if (!('path' in block) || block.path === '') continue
      if (blocks.has(block.path)) derivation.errors.push({line: lineOfHeading(derivation, section), column: 1, message: `Two blocks of \`${section.heading ?? section.id}\` have the id \`${block.path}\`: give one another id with \`<!-- postmortem: id=… -->\` after it`})
      blocks.add(block.path)
    }
  }
}

function lineOfHeading(derivation: Derivation, section: SectionSpec, occurrence = 0): number {
  const text = derivation.source.text
  const heading = section.heading ?? ''
  let at = heading ? text.indexOf(heading) : -1
  for (let skipped = 0; skipped < occurrence && at !== -1; skipped++) at = text.indexOf(heading, at + 1)
  return at === -1 ? 1 : derivation.line(at)
}

/** Where a title written any other way than the template's is kept. */
function titleTextPath(sections: readonly SectionSpec[]): string {
  const block = sections.find((section) => section.kind === 'title')?.blocks.find((candidate) => candidate.type === 'headingFields')
  return block?.type === 'headingFields' ? block.textPath : 'title'
}

/** Type names from the template's file name (`incident-template.md` → `IncidentTemplate`). */
function typeNamesOf(file: string): {complete: string; draft: string} {
  const parts = file.split(/[\\/]/)
  let words = camelCase((parts.at(-1) ?? '').replace(/\.[^.]*$/, '').replace(/\b(?:postmortem|template)s?\b/gi, ''))
  // `template.md` in a team's folder: the folder names it.
  if (!words && parts.length > 1) words = camelCase((parts.at(-2) ?? '').replace(/\b(?:postmortem|template)s?\b/gi, ''))
  const name = words ? words[0]!.toUpperCase() + words.slice(1) : ''
  return {complete: `${name}Postmortem`, draft: `${name}PostmortemDraft`}
}
