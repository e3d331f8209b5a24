/**
 * Role bindings: what `actions`, `stats`, `report` and the value rules read (SPEC §9). A role is
 * bound to at most one field or column: by `role=` first, then by name. A second candidate is a
 * warning the `template` command shows (the first in template order is kept), never a guess.
 */
import type {Block, ColumnSpec, FieldRole, FieldSpec, SectionSpec} from '../spec.js'
import {mapBlockFields} from '../blocks.js'
import type {Derivation} from './context.js'

/** Where a candidate for a role stands, for the warning. */
interface Candidate {
  readonly name: string
  readonly section: string
}

/** Keep each role's first binding; unbind later ones, each a warning. */
export function bindRoles(derivation: Derivation, sections: readonly SectionSpec[]): SectionSpec[] {
  const bound = new Map<FieldRole, Candidate>()
  const seen = new Map<FieldRole, Candidate[]>()
  const keep = (role: FieldRole | undefined, candidate: Candidate): boolean => {
    if (!role) return true
    seen.set(role, [...(seen.get(role) ?? []), candidate])
    if (bound.has(role)) return false
    bound.set(role, candidate)
    return true
  }
  const field = (spec: FieldSpec, section: string): FieldSpec => (keep(spec.role, {name: `\`${spec.label}\``, section}) ? spec : withoutRole(spec))
  const column = (spec: ColumnSpec, section: string, table: string, tableIndex: number): ColumnSpec => {
    // Action items may have several tables (by horizon): each binds the same roles, in its rows.
    if (spec.role?.startsWith('actionItems.') || spec.role?.startsWith('timeline.')) {
      if (tableIndex === 0 || !spec.role.startsWith('timeline.')) {
        if (!bound.has(spec.role)) bound.set(spec.role, {name: `\`${spec.header}\` of ${table}`, section})
        return spec
      }
    }
    return keep(spec.role, {name: `\`${spec.header}\` of ${table}`, section}) ? spec : withoutRole(spec)
  }
  let timelines = 0
  const out = sections.map((section) => {
    const where = section.heading ?? section.id
    const blocks = section.blocks.map((block): Block => {
      switch (block.type) {
        case 'markdown':
          return keep(block.role, {name: `the text of \`${where}\``, section: where}) ? block : withoutRole(block)
        case 'table': {
          const index = block.columns.some((spec) => spec.role?.startsWith('timeline.')) ? timelines++ : 0
          return {...block, columns: block.columns.map((spec) => column(spec, where, `\`${where}\``, index))}
        }
        default:
          return mapBlockFields(block, (spec) => field(spec, where))
      }
    })
    return {...section, blocks}
  })
  for (const [role, candidates] of seen) {
    if (candidates.length < 2) continue
    const [first, ...rest] = candidates
    derivation.warnings.push({
      line: 1,
      column: 1,
      message: `Role \`${role}\` has ${candidates.length} candidates: ${first!.name} in \`${first!.section}\` is used, not ${rest.map((other) => `${other.name} in \`${other.section}\``).join(', ')}; choose with \`<!-- postmortem: role=${role} -->\``
    })
  }
  return out
}

function withoutRole<T extends {readonly role?: FieldRole}>(spec: T): T {
  const {role: _role, ...rest} = spec
  return rest as T
}
