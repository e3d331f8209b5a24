/**
 * The model's keys as its schemas and its TypeScript types both read them: the key order, each
 * key read as the title's id or text, a zone, the front matter or extras, a field, a block, or an
 * object of more keys. `schema.ts` and `codegen.ts` walk this one tree.
 */
import {blockFields, type TableBlock} from './blocks.js'
import {ownsPath, type KeyOrder, type Profile} from './compile.js'
import type {Block, FieldSpec, SectionSpec, TitleSpec} from './spec.js'

type ChecklistBlock = Extract<Block, {type: 'checklist'}>

/** What one key of the model holds, read from the profile as its schemas read it. */
export type Node =
  | {readonly kind: 'id' | 'title'; readonly title: TitleSpec}
  | {readonly kind: 'frontMatter' | 'extra'}
  | {readonly kind: 'zone'; readonly block: TableBlock}
  | {readonly kind: 'field'; readonly field: FieldSpec; readonly checklist?: ChecklistBlock}
  | {readonly kind: 'block'; readonly block: Block; readonly section: SectionSpec}
  | {readonly kind: 'object'; readonly path: string; readonly section: SectionSpec | undefined; readonly entries: readonly Entry[]}

export interface Entry {
  readonly key: string
  readonly path: string
  readonly node: Node
}

/** The model's keys as its schemas build them: the key order, each key read as a field, a block or an object. */
export function modelEntries(profile: Profile): Entry[] {
  const leaves = new Map<string, Node>()
  const objects = new Map<string, SectionSpec>()
  for (const section of profile.sections) {
    if (ownsPath(section) && !section.blocks.some((block) => 'path' in block && block.path === section.path)) objects.set(section.path, section)
    for (const block of section.blocks) {
      if (block.type === 'checklist') for (const field of block.fields) leaves.set(field.path, {kind: 'field', field, checklist: block})
      else for (const field of blockFields(block)) leaves.set(field.path, {kind: 'field', field})
      if ('path' in block) leaves.set(block.path, {kind: 'block', block, section})
    }
  }
  const zones = new Map(profile.tables.flatMap(({block}) => (block.zonePath === undefined ? [] : [[block.zonePath, block] as const])))
  const build = (order: KeyOrder, prefix: string): Entry[] => {
    const entries: Entry[] = []
    for (const [key, inner] of order) {
      const path = prefix ? `${prefix}.${key}` : key
      const zone = zones.get(path)
      const leaf = leaves.get(path)
      let node: Node | undefined
      const title = profile.title
      if (title?.id && path === title.id.path) node = {kind: 'id', title}
      else if (title && path === title.textPath) node = {kind: 'title', title}
      else if (zone) node = {kind: 'zone', block: zone}
      else if (path === 'frontMatter' || path === 'extra') node = {kind: path}
      else if (leaf) node = leaf
      else if (inner !== null) node = {kind: 'object', path, section: objects.get(path), entries: build(inner, path)}
      if (node) entries.push({key, path, node})
    }
    return entries
  }
  return build(profile.keyOrder, '')
}
