/**
 * `describeProfile(profile)`: what a template was derived into, as plain data that `postmortem
 * template` prints (its `--format json` output, documented in the README): the title pattern,
 * the sections, every value a document holds (field, list, text block, table and its columns)
 * with its type and role, and where each role the commands read is bound.
 */
import {blockFields} from './blocks.js'
import type {Profile, RoleBinding} from './compile.js'
import {fieldRoles, type Block, type ColumnSpec, type FieldRole, type FieldSpec, type SectionSpec, type ValueSpec} from './spec.js'

/** One section as `template` shows it. */
export interface SectionDescription {
  readonly id: string
  /** The heading as the template writes it; `null` for a footer without one. */
  readonly heading: string | null
  readonly depth: number
  /** Where its content is in the model. */
  readonly path: string
  /** The id of the section it is under; `null` at the top. */
  readonly parent: string | null
  /** `title`, `section`, `group` (its content is its sub-sections) or `footer`. */
  readonly kind: string
  readonly required: boolean
}

/** One value of a document as `template` shows it. */
export interface FieldDescription {
  /** Its path in the model; a table's columns are `table[].column`. */
  readonly path: string
  /** The id of its section. */
  readonly section: string
  /** Its label, column header or (for a text block, a list or a table) its section's heading. */
  readonly label: string
  /** A value type (`text`, `markdown`, `date`, `time`, `enum`, `minutes`, `list`, …), or `table` for a table's rows. */
  readonly type: string
  /** A date's notation in dayjs tokens (`MMMM Do, YYYY`); `null` otherwise. */
  readonly format: string | null
  /** An enum's values; `null` otherwise. */
  readonly values: readonly string[] | null
  readonly required: boolean
  /** The role it is bound to; `null` when none. */
  readonly role: string | null
}

/** A profile as `postmortem template --format json` prints it. */
export interface ProfileDescription {
  /** The profile's name: the template file's, or `built-in`. */
  readonly name: string
  /** The title heading as the template writes it (`# {Month Do, YYYY} {Incident title}`), and the paths of its fields; `null` without a title. */
  readonly title: {readonly pattern: string; readonly fields: readonly string[]} | null
  readonly sections: readonly SectionDescription[]
  readonly fields: readonly FieldDescription[]
  /** Role → the path it is bound to, in the order of `roleNames`. */
  readonly roles: Readonly<Record<string, string>>
  /** The roles the template binds to nothing: the commands leave them out and say so. */
  readonly unbound: readonly string[]
}

/** The roles the commands and rules read, in the order `template` lists them. */
export const roleNames: readonly FieldRole[] = fieldRoles

/** The path a role is bound to: a field's, a block's, or a table's column (`timeline.entries[].time`). */
export function bindingPath(binding: RoleBinding): string {
  return binding.kind === 'column' ? `${binding.table}[].${binding.column.key}` : binding.path
}

/** What `template` shows of a profile. Deterministic: the same profile gives the same data. */
export function describeProfile(profile: Profile): ProfileDescription {
  const titleSection = profile.titleSection
  const titleFields = titleSection?.blocks.flatMap((block) => (block.type === 'headingFields' ? block.fields.map((field) => field.path) : [])) ?? []
  const pattern = titleSection?.heading ?? profile.title?.text
  const roles: Record<string, string> = {}
  const unbound: string[] = []
  for (const role of roleNames) {
    const binding = profile.roles.get(role)
    if (binding) roles[role] = bindingPath(binding)
    else unbound.push(role)
  }
  return {
    name: profile.spec.name,
    title: pattern === undefined ? null : {pattern: `${'#'.repeat(titleSection?.depth ?? 1)} ${pattern}`, fields: titleFields},
    sections: profile.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      depth: section.depth,
      path: section.path,
      parent: section.parent,
      kind: section.kind,
      required: section.optional !== true
    })),
    fields: profile.sections.flatMap((section) => section.blocks.flatMap((block) => blockValues(section, block))),
    roles,
    unbound
  }
}

/** What a value's description is read from: a field's or column's spec, or a block's type. */
type Described = Pick<ValueSpec, 'format' | 'values' | 'optional' | 'role'> & {readonly type: string}

/** The values a block holds, in template order. */
function blockValues(section: SectionSpec, block: Block): FieldDescription[] {
  const heading = section.heading ?? section.id
  const value = (path: string, label: string, spec: Described, required = spec.optional !== true): FieldDescription => ({
    path,
    section: section.id,
    label,
    type: spec.type,
    format: spec.type === 'date' || spec.type === 'datetime' ? (spec.format ?? 'YYYY-MM-DD') : null,
    values: spec.values ? [...spec.values] : null,
    required,
    role: spec.role ?? null
  })
  const field = (spec: FieldSpec, required?: boolean): FieldDescription => value(spec.path, spec.label, spec, required)
  // Note: a checklist's lines may stay unfilled unless a choice requires them (SPEC §2).
  if (block.type === 'checklist') return block.fields.map((spec) => field(spec, block.requiredWhen === undefined ? false : spec.optional !== true))
  switch (block.type) {
    case 'listUnderLabel':
      return [value(block.path, block.label, {type: 'list', ...(block.optional ? {optional: true} : {}), ...(block.role ? {role: block.role} : {})})]
    case 'list':
      return [value(block.path, heading, {type: 'list', ...(block.optional ? {optional: true} : {})})]
    case 'markdown':
      return [value(block.path, heading, {type: 'markdown', ...(block.optional ? {optional: true} : {}), ...(block.role ? {role: block.role} : {})})]
    case 'table':
      return [
        value(block.path, heading, {type: 'table', ...(block.optional ? {optional: true} : {})}),
        ...block.columns.map((column: ColumnSpec) => value(`${block.path}[].${column.key}`, column.header, column))
      ]
    default:
      return blockFields(block).map((spec) => field(spec))
  }
}
