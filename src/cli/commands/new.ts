import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {formatDate} from '../../model/dates.js'
import {blankDraft} from '../../model/draft.js'
import {builtinProfile} from '../../profile/builtin.js'
import {PostmortemDraftSchema, severities} from '../../profile/builtin-model.js'
import type {Profile} from '../../profile/compile.js'
import {schemasOf} from '../../profile/schema.js'
import type {FieldRole} from '../../profile/spec.js'
import {joinPath, describePath} from '../../model/names.js'
import {setPath} from '../../model/paths.js'
import {stringify} from '../../stringify/index.js'
import {parseCommandArgs} from '../args.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {profileFor, templateFlag, templateHelp, templateOption} from '../templates.js'
import {parseDate} from '../values.js'
import {writeAtomic} from '../write.js'

export const newHelp = `Usage: postmortem new [--id ID] [--date YYYY-MM-DD] [--severity P0|P1|P2]
                      [--incident TITLE] [--author NAME] [--out FILE [--force]]
                      [--template FILE]

Start a postmortem from the template, with the header fields given filled in and every
other field left as the template's placeholder. Without --out it is printed to stdout.

Options:
  --id ID             the hotfix id, as in "HOTFIX-2291" (a leading "HOTFIX-" is optional)
  --date YYYY-MM-DD   the incident date
  --severity LEVEL    P0, P1 or P2
  --incident TITLE    the incident title
  --author NAME       who writes the postmortem
  --out FILE          write to FILE (never over an existing file); - is standard output
  --force             with --out, overwrite FILE if it exists
${templateHelp(22)}
  -h, --help          show this help

With a team's template, the flags fill the fields bound to the roles id, incidentDate
(the date is written in the field's own notation), severity (one of its values), title and
author (see \`postmortem template\`); a flag whose role the template does not bind is an
error. Guidance the template writes is kept; annotations are not written.

Exit codes: 0 written; 2 usage error, or FILE exists and --force was not given.
`

/** Draft field → the flag that fills it. */
const flags: Readonly<Record<string, string>> = {hotfixId: 'id', date: 'date', severity: 'severity', incident: 'incident', author: 'author'}

/** `postmortem new`: the template, prefilled from flags. */
export async function newPostmortem(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    id: {type: 'string'},
    date: {type: 'string'},
    severity: {type: 'string'},
    incident: {type: 'string'},
    author: {type: 'string'},
    out: {type: 'string', short: 'o'},
    force: {type: 'boolean'},
    ...templateOption
  })
  if (positionals.length > 0) throw new UsageError(`new takes no paths (got \`${positionals[0]}\`); write to a file with --out FILE`)
  if (values.force && typeof values.out !== 'string') throw new UsageError('--force only applies with --out FILE')
  const text = (name: string): string | null => {
    const value = values[name]
    if (typeof value !== 'string') return null
    const trimmed = value.trim()
    if (trimmed === '') throw new UsageError(`Unexpected empty \`--${name}\`, expected a value (or leave the flag out to keep the placeholder)`)
    return trimmed
  }
  const out = typeof values.out === 'string' && values.out !== '-' ? path.resolve(io.cwd, values.out) : undefined
  const read = await profileFor(out, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  const markdown = read.profile && read.template ? teamDraft(read.profile, read.template.name, text) : builtinDraft(text)
  return write(markdown, values, io)
}

/** The built-in template's draft, its header filled from the flags. */
function builtinDraft(text: (name: string) => string | null): string {
  const draft = blankDraft(builtinProfile)
  const id = text('id')
  draft.hotfixId = id === null ? null : id.replace(/^hotfix-/i, '')
  const date = text('date')
  draft.date = date === null ? null : parseDate('date', date)
  draft.severity = text('severity')
  if (draft.severity !== null && !(severities as readonly string[]).includes(draft.severity)) {
    throw new UsageError(`Unexpected \`--severity ${draft.severity}\`, expected ${severities.map((value) => `\`${value}\``).join(', ')}`)
  }
  draft.incident = text('incident')
  draft.author = text('author')

  // Note: the schema refuses what cannot be written back where it belongs (a line break in a
  // one-line header field); those are usage errors, named in the template's words.
  const checked = PostmortemDraftSchema.safeParse(draft)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    const where = joinPath(issue.path)
    const flag = flags[where]
    throw new UsageError(flag ? `Unexpected value for \`--${flag}\`: ${issue.message}` : `${issue.message} (${describePath(where)})`)
  }
  return stringify(checked.data)
}

/** Flag → the role whose field it fills in a team's template. */
const flagRoles: readonly (readonly [string, FieldRole])[] = [
  ['id', 'id'],
  ['date', 'incidentDate'],
  ['severity', 'severity'],
  ['incident', 'title'],
  ['author', 'author']
]

/**
 * A team template's blank draft (its own text, guidance kept), with the fields bound to the
 * flags' roles filled: a date in the field's notation, an enum checked against its values.
 */
function teamDraft(profile: Profile, name: string, text: (name: string) => string | null): string {
  const draft = blankDraft(profile) as Record<string, unknown>
  const filled = new Map<string, string>()
  for (const [flag, role] of flagRoles) {
    let value = text(flag)
    if (value === null) continue
    const binding = profile.roles.get(role)
    if (binding === undefined || binding.kind === 'column') {
      throw new UsageError(`Unexpected \`--${flag}\`: the template \`${name}\` has no field for it (no field has the role \`${role}\`; see \`postmortem template\`)`)
    }
    const spec = binding.kind === 'field' ? binding.field : undefined
    if (role === 'incidentDate') {
      const iso = parseDate(flag, value)
      value = spec?.type === 'date' ? (formatDate(iso, spec.format) ?? iso) : iso
    }
    if (role === 'id' && profile.spec.title?.id) {
      const prefix = profile.spec.title.id.prefix
      if (value.toLowerCase().startsWith(prefix.toLowerCase())) value = value.slice(prefix.length)
    }
    if (spec?.type === 'enum' && spec.values && !spec.values.includes(value)) {
      throw new UsageError(`Unexpected \`--${flag} ${value}\`, expected ${spec.values.map((each) => `\`${each}\``).join(', ')}`)
    }
    // Note: the fields a heading holds (`# {Month Do, YYYY} {Incident title}`) are unfilled in
    // a new document; the blank draft may hold pieces of the template's heading text there, which
    // must not stay beside a value a flag writes.
    for (const block of profile.sections.flatMap((section) => section.blocks)) {
      if (block.type !== 'headingFields' || !block.fields.some((each) => each.path === binding.path)) continue
      for (const each of block.fields) if (!filled.has(each.path)) setPath(draft, each.path, null)
    }
    setPath(draft, binding.path, value)
    filled.set(binding.path, flag)
  }
  // Note: only what the flags wrote is checked; the rest is the template's own text.
  const checked = schemasOf(profile).draft.safeParse(draft)
  for (const issue of checked.success ? [] : checked.error.issues) {
    const flag = filled.get(joinPath(issue.path))
    if (flag !== undefined) throw new UsageError(`Unexpected value for \`--${flag}\`: ${issue.message}`)
  }
  return stringify(draft, {profile})
}

/** Print the draft, or write it to `--out` (never over a file without `--force`). */
async function write(markdown: string, values: Readonly<Record<string, unknown>>, io: CliIo): Promise<number> {
  if (typeof values.out !== 'string' || values.out === '-') {
    io.stdout.write(markdown)
    return exit.ok
  }
  const name = values.out
  const file = path.resolve(io.cwd, name)
  let overwritten = false
  try {
    // Note: `wx` creates the file or fails if it exists, with no window between check and write.
    overwritten = await writeFile(file, markdown, {flag: 'wx'}).then(
      () => false,
      (error: {code?: string}) => {
        if (error.code === 'EEXIST' && values.force) return true
        throw error
      }
    )
    if (overwritten) await writeAtomic(file, markdown)
  } catch (error) {
    const code = (error as {code?: string} | undefined)?.code
    if (code === 'EEXIST') {
      io.stderr.write(`Not writing \`${name}\`: the file already exists; choose another --out, or add --force to overwrite it\n`)
    } else if (code === 'ENOENT') {
      io.stderr.write(`Cannot write \`${name}\`: its folder does not exist\n`)
    } else if (code === 'EACCES' || code === 'EPERM') {
      io.stderr.write(`Cannot write \`${name}\`: permission denied\n`)
    } else if (code === 'EISDIR') {
      io.stderr.write(`Cannot write \`${name}\`: it is a folder\n`)
    } else {
      io.stderr.write(`Cannot write \`${name}\`: ${error instanceof Error ? error.message : String(error)}\n`)
    }
    return exit.usage
  }
  io.stderr.write(`${name}: ${overwritten ? 'overwritten' : 'created'}\n`)
  return exit.ok
}
