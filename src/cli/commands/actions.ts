import path from 'node:path'
import {parseDocument, type PostmortemDocument} from '../../parse/document.js'
import {actionItemsOf, isOpen, isOverdue, isOwnerName, ownedBy, ownersOf, peopleNames, type ActionItemEntry, type People} from '../../model/action-items.js'
import type {Profile} from '../../profile/compile.js'
import {parseCommandArgs} from '../args.js'
import {ConfigResolver, configOrReport, skipByConfig, templateFor, type Config} from '../config.js'
import {display, expandInputs, readOrReport, type SkipFile} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {formatFindingLine} from '../report.js'
import {prepareTemplates, skipTemplates, templateFlag, templateHelp, templateOption} from '../templates.js'
import {readDates} from '../values.js'

export const actionsHelp = `Usage: postmortem actions [paths…] [options]

List the action items of postmortems: one row per item of the Prevent Recurrence, Improve
Detection and Improve Response tables (with a team's template, of the tables or lists its
action-item roles are bound to), with the file and line it stands on. Incomplete
postmortems contribute whatever items they have. Owners are shown by the one name the
\`people\` of .postmortemrc.json gives them ({"Grace Liu": ["@grace", "grace"]}).

Paths may be files, folders (searched for *.md) or globs; - reads standard input.
Without paths, the current folder is searched.

Options:
  --open                 only items whose status is not Done or Won't Do
  --overdue              only open items due before --now (items without a valid due date are
                         never overdue)
  --now YYYY-MM-DD       the date --overdue compares with (default: today, UTC)
  --owner NAME           only items owned by NAME (case-insensitive; a leading @ is ignored)
  --format table|json|csv
                         table (default): aligned text with a header; json: an array of
                         objects; csv: RFC 4180 with a header row
${templateHelp(25)}
  -h, --help             show this help

Exit codes: 0 listed (even when nothing matches); 1 a file over the size or nesting limit;
2 usage error, unreadable file or unusable configuration (the other files are still
listed), or a template that cannot be used (nothing is listed).
`

/** One action item as `postmortem actions` lists it: the item's cells, its file and line. */
export interface ListedActionItem {
  readonly file: string
  /** The table's heading: `Prevent Recurrence`, `Improve Detection` or `Improve Response`. */
  readonly table: string
  readonly action: string | null
  readonly owner: string | null
  readonly dueDate: string | null
  readonly priority: string | null
  readonly status: string | null
  /** 1-based line of the item's row (or list item), when known. */
  readonly line: number | null
  /** Field path of the item, e.g. `actionItems.improveDetection[1]`. */
  readonly path: string
}

/** A postmortem read by a command: its display name, its path, its configuration and its parsed document. */
export interface ReadPostmortem {
  readonly name: string
  /** Absolute path, or `undefined` for standard input. */
  readonly file: string | undefined
  /** Its configuration (the nearest .postmortemrc.json, or `--config`), if any. */
  readonly config: Config | undefined
  readonly document: PostmortemDocument
}

/** How `readPostmortems` finds each file's configuration and template. */
export interface ReadOptions {
  /** `--template FILE`, as an absolute path: wins over each file's configuration. */
  readonly template?: string | undefined
  /** The configuration of a folder (default: the nearest .postmortemrc.json from it upward). */
  readonly configOf?: ((folder: string) => Promise<Config | undefined>) | undefined
  /** Files never read besides the templates themselves (the configuration's `ignores`). */
  readonly skip?: SkipFile | undefined
  /** What the command says of a file whose configuration cannot be used: `not ${verb}` (`listed`, `reported`). */
  readonly verb: string
}

/** What `readPostmortems` read: the documents, the exit code so far, and every configuration's `people`. */
export interface ReadResult {
  readonly documents: ReadPostmortem[]
  readonly code: number
  /** A template could not be used: its problems are written, and nothing else is to run. */
  readonly stopped: boolean
  /** The \`people\` of the configurations read (the first one that names a person wins). */
  readonly people: People
}

/**
 * Expand `paths`, read and parse each file once, by its template. Unreadable files and paths
 * that match nothing are reported on stderr (exit 2), as are files whose configuration cannot
 * be used; files over the size or nesting limit are reported (exit 1) and left out; files
 * `skip` leaves out, and the template files, are not read (those named on their own with a
 * note). A template that cannot be used stops the reading before any file (`stopped`).
 */
export async function readPostmortems(paths: readonly string[], io: CliIo, options: ReadOptions): Promise<ReadResult> {
  const resolver = options.configOf ? undefined : new ConfigResolver((file) => display(file, io.cwd))
  const configOf = options.configOf ?? ((folder: string): Promise<Config | undefined> => resolver!.resolve(folder))
  const {inputs, problems, skipped} = await expandInputs(paths.length === 0 ? ['.'] : paths, io.cwd, skipTemplates(options.template, configOf, options.skip))
  const texts = await prepareTemplates(inputs, options.template, configOf, io)
  if (texts === undefined) return {documents: [], code: exit.usage, stopped: true, people: {}}
  const profiles = Object.keys(texts).length === 0 ? undefined : await import('../template-profile.js')
  let code: number = exit.ok
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    code = Math.max(code, exit.usage)
  }
  for (const {name, reason} of skipped) io.stderr.write(`${name}: not read: matched by ${reason}\n`)
  const documents: ReadPostmortem[] = []
  const people: Record<string, readonly string[]> = {}
  const reported = new Set<string>()
  for (const input of inputs) {
    const found = await configOrReport(configOf, input.file === undefined ? io.cwd : path.dirname(input.file), input.name, options.verb, io, reported)
    if (!found) {
      code = Math.max(code, exit.usage)
      continue
    }
    for (const [name, others] of Object.entries(found.config?.people ?? {})) if (!Object.hasOwn(people, name)) people[name] = others
    const template = options.template ?? templateFor(found.config, input.file)
    let profile: Profile | undefined
    if (template !== undefined && profiles !== undefined && texts[template] !== undefined) {
      const loaded = profiles.templateProfile(template, display(template, io.cwd), texts[template])
      if (loaded.ok) profile = loaded.profile
    }
    const text = await readOrReport(input, io)
    if (text === undefined) {
      code = Math.max(code, exit.usage)
      continue
    }
    const document = parseDocument<object>(text, profile ? {profile} : {})
    if (!document.parsed) {
      for (const finding of document.findings) io.stderr.write(formatFindingLine(input.name, finding) + '\n')
      io.stderr.write(`${input.name}: not read\n`)
      code = Math.max(code, exit.findings)
      continue
    }
    documents.push({name: input.name, file: input.file, config: found.config, document})
  }
  return {documents, code, stopped: false, people}
}

/**
 * Every action item of a document, in table and row order, with its file and line; `keep` picks
 * which (by the item and the statuses that close it in its table); `personName` gives each
 * owner the one name it is shown by (`peopleNames`).
 */
export function listActionItems(
  name: string,
  document: PostmortemDocument,
  keep: (entry: ActionItemEntry) => boolean = () => true,
  personName: (name: string) => string = (same) => same
): ListedActionItem[] {
  return actionItemsOf(document.draft, document.profile).filter(keep).map(({heading, path, item, keys}) => {
    const span = document.fields.get(path)?.span ?? (keys.action === undefined ? undefined : document.fields.get(`${path}.${keys.action}`)?.span)
    return {
      file: name,
      table: heading,
      action: item.action ?? null,
      owner: ownersOf(item.owner ?? null, personName).owner,
      dueDate: item.dueDate ?? null,
      priority: item.priority ?? null,
      status: item.status ?? null,
      line: span ? span.start.line : null,
      path
    }
  })
}

/** Check a `--format` value against the allowed ones. */
export function formatOption<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`unknown format \`${String(value)}\`, expected ${allowed.map((name) => `\`${name}\``).join(', ')}`)
}

const formats = ['table', 'json', 'csv'] as const

/** `postmortem actions`: action items across postmortems. */
export async function actions(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    open: {type: 'boolean'},
    overdue: {type: 'boolean'},
    now: {type: 'string'},
    owner: {type: 'string'},
    format: {type: 'string'},
    ...templateOption
  })
  const format = formatOption(values.format, formats, 'table')
  const {now} = readDates({now: values.now}, 'expects')
  const owner = typeof values.owner === 'string' ? values.owner : undefined
  if (owner !== undefined && !isOwnerName(owner)) throw new UsageError('--owner expects a name')

  // Files the configuration's `ignores` lists are left out, as lint and report leave them out.
  const resolver = new ConfigResolver((file) => display(file, io.cwd))
  const configOf = (folder: string): Promise<Config | undefined> => resolver.resolve(folder)
  const {documents, code, stopped, people} = await readPostmortems(positionals, io, {template: templateFlag(values, io.cwd), configOf, skip: skipByConfig(configOf), verb: 'listed'})
  if (stopped) return code
  const personName = peopleNames(people)
  const keep = ({item, closed, dueFormat}: ActionItemEntry): boolean => (!values.open || isOpen(item, closed)) && (!values.overdue || isOverdue(item, now, closed, dueFormat))
  let rows = documents.flatMap(({name, document}) => listActionItems(name, document, keep, personName))
  if (owner !== undefined) rows = rows.filter((row) => ownedBy(row, personName(owner)))

  if (format === 'json') io.stdout.write(JSON.stringify(rows.map(jsonRow), null, 2) + '\n')
  else if (format === 'csv') io.stdout.write(csv(rows))
  else io.stdout.write(table(rows))
  return code
}

function jsonRow(row: ListedActionItem): Record<string, unknown> {
  const {file, line, table, action, owner, dueDate, priority, status, path} = row
  return {file, line, table, action, owner, dueDate, priority, status, path}
}

const columns: readonly {header: string; value: (row: ListedActionItem) => string}[] = [
  {header: 'File', value: (row) => row.file},
  {header: 'Line', value: (row) => (row.line === null ? '' : String(row.line))},
  {header: 'Table', value: (row) => row.table},
  {header: 'Action', value: (row) => row.action ?? ''},
  {header: 'Owner', value: (row) => row.owner ?? ''},
  {header: 'Due Date', value: (row) => row.dueDate ?? ''},
  {header: 'Priority', value: (row) => row.priority ?? ''},
  {header: 'Status', value: (row) => row.status ?? ''}
]

/** RFC 4180: CRLF line breaks, a header row, fields quoted when they hold `"`, `,`, CR or LF. */
export function csv(rows: readonly ListedActionItem[]): string {
  const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  const lines = [columns.map((column) => field(column.header)), ...rows.map((row) => columns.map((column) => field(column.value(row))))]
  return lines.map((cells) => cells.join(',') + '\r\n').join('')
}

/** Aligned plain text: a header, then one line per item; unfilled cells show `-`. */
export function table(rows: readonly ListedActionItem[]): string {
  if (rows.length === 0) return 'No action items.\n'
  const cells = [
    columns.map((column) => column.header.toUpperCase()),
    ...rows.map((row) => columns.map((column) => oneLine(column.value(row)) || '-'))
  ]
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => displayWidth(line[index]!))))
  return cells
    .map((line) =>
      line
        .map((cell, index) => (index === line.length - 1 ? cell : cell + ' '.repeat(widths[index]! - displayWidth(cell))))
        .join('  ')
        .trimEnd()
    )
    .map((line) => line + '\n')
    .join('')
}

function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ')
}

/** Columns a string takes in a terminal: combining marks take none, wide and emoji characters two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    if (/[\p{M}\u200b-\u200f\u2060\ufeff]/u.test(char)) continue
    const code = char.codePointAt(0)!
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd)
    width += wide ? 2 : 1
  }
  return width
}
