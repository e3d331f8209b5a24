import {builtinProfile} from '../../profile/builtin.js'
import {describeProfile, type ProfileDescription} from '../../profile/describe.js'
import type {TemplateProblem} from '../../profile/derive/index.js'
import {parseCommandArgs} from '../args.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {problemLine} from '../template-profile.js'
import {profileFor, templateFlag, templateOption} from '../templates.js'
import {displayWidth, formatOption} from './actions.js'

export const templateCommandHelp = `Usage: postmortem template [--template FILE] [--format text|json]

Print what a template is derived into: its title pattern, its sections (heading, depth, id),
every value a document holds (path, label, type, date format or enum values, required or
optional, role), where each role the commands read is bound (incident date, severity,
duration, action items' owner and due date, …), and the template's warnings (a role with
two candidates, for one). Check a template with it before naming it in .postmortemrc.json.

Options:
  --template FILE     the template to derive (default: the \`template\` of the
                      .postmortemrc.json found from the working folder, else the built-in one)
  --format text|json  text (default): aligned, one field per line; json: one object (its
                      keys are described in the README, "Your own template")
  -h, --help          show this help

Exit codes: 0 derived (warnings do not change it); 2 usage error, or a template that cannot
be read or used (each problem at file:line:column).
`

/** What `template --format json` prints: the profile's description, the template file and its warnings. */
export interface TemplateOutput extends Omit<ProfileDescription, 'name'> {
  /** The template file as given (relative to the working folder); `null` for the built-in template. */
  readonly template: string | null
  readonly warnings: readonly {readonly line: number; readonly column: number; readonly message: string}[]
}

/** `postmortem template`: the profile a template is derived into. */
export async function template(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {format: {type: 'string'}, ...templateOption})
  const format = formatOption(values.format, ['text', 'json'] as const, 'text')
  if (positionals.length > 0) throw new UsageError(`template takes no paths (got \`${positionals[0]}\`); name the template with --template FILE`)
  const read = await profileFor(undefined, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  const {name: _name, ...description} = describeProfile(read.profile ?? builtinProfile)
  const warnings: readonly TemplateProblem[] = read.template?.warnings ?? []
  const output: TemplateOutput = {
    template: read.template?.name ?? null,
    ...description,
    warnings: warnings.map((warning) => ({line: warning.line, column: warning.column ?? 1, message: warning.message}))
  }
  io.stdout.write(format === 'json' ? JSON.stringify(output, null, 2) + '\n' : text(output))
  return exit.ok
}

/** The profile as aligned text: one section, field or role per line. */
function text(output: TemplateOutput): string {
  const lines: string[] = []
  lines.push(`Template: ${output.template ?? 'built-in'}`)
  lines.push(`Title: ${output.title ? output.title.pattern : '(none)'}`)
  lines.push('', `Sections (${output.sections.length}):`)
  lines.push(
    ...aligned(
      output.sections.map((section) => [
        section.heading === null ? `(${section.kind}, no heading)` : `${'#'.repeat(section.depth)} ${section.heading}`,
        section.id === section.path ? section.id : `${section.id} (${section.path})`,
        section.required ? '' : 'optional'
      ])
    )
  )
  lines.push('', `Fields (${output.fields.length}):`)
  lines.push(
    ...aligned([
      ['PATH', 'LABEL', 'TYPE', 'REQUIRED', 'ROLE', 'FORMAT OR VALUES'],
      ...output.fields.map((field) => [
        field.path,
        field.label,
        field.type,
        field.required ? 'required' : 'optional',
        field.role ?? '-',
        field.format ?? (field.values ? field.values.join(' | ') : '')
      ])
    ])
  )
  lines.push('', 'Roles:')
  lines.push(...aligned([...Object.entries(output.roles), ...output.unbound.map((role) => [role, '- (not bound)'])]))
  lines.push('', output.warnings.length === 0 ? 'Warnings: none' : `Warnings (${output.warnings.length}):`)
  for (const warning of output.warnings) lines.push(`  ${problemLine(output.template ?? 'built-in', warning)}`)
  return lines.join('\n') + '\n'
}

/** Rows of cells as lines, each column as wide as its widest cell, two spaces apart. */
function aligned(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))))
  return rows.map((row) => `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat(widths[index]! - displayWidth(cell)))).join('  ')}`.trimEnd())
}
