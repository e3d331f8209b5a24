import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {reportData, type ReportInput} from '../../report/data.js'
import {reportMarkdown} from '../../report/markdown.js'
import {parseCommandArgs} from '../args.js'
import {ConfigError, ConfigResolver, loadConfig, parseRuleFlags, rulesFor, skipByConfig, type Config} from '../config.js'
import {display} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {templateFlag, templateHelp, templateOption} from '../templates.js'
import {formatOption, readPostmortems} from './actions.js'
import {dateOptions} from './stats.js'

export const reportHelp = `Usage: postmortem report [paths…] [options]

Write one self-contained HTML page about many postmortems, for a review meeting: headline
figures, incidents per month by severity, duration of each incident, open and overdue action
items by owner and by age, lint errors per postmortem, and tables of the postmortems and of
the open action items, linked to their files and lines. The page loads nothing (no script,
style, font or image from elsewhere), opens from disk and prints on A4. --format md writes
the same figures as Markdown tables.

Paths may be files, folders (searched for *.md) or globs; - reads standard input.
Without paths, the current folder is searched.

Options:
  --out FILE          write the report to FILE, creating its folder (default: standard
                      output); links to the postmortems are relative to FILE's folder
  --format html|md    html (default): one HTML page; md: Markdown tables
  --title TEXT        the report's heading (default: Postmortem report)
  --now YYYY-MM-DD    the date ages and overdue action items count from (default: today, UTC)
  --since YYYY-MM-DD  only postmortems of incidents on or after this date
  --until YYYY-MM-DD  only postmortems of incidents on or before this date
                      (with --since or --until, postmortems without a real Date are left out)
  --config FILE       use this configuration instead of searching for .postmortemrc.json
  --rule ID=LEVEL     set a rule to off, info, warning (or warn) or error (repeatable)
${templateHelp(22)}
  -h, --help          show this help

Lint errors are counted as lint counts them: with the nearest .postmortemrc.json of each file
(its presets, rules and overrides; files its ignores list are left out), or --config, and --rule.
Each file is read by its template (--template, or the configuration's \`template\`): dates,
severities, durations and owners are the fields its roles are bound to (see \`postmortem
template\`). Owners are shown by the one name the configuration's \`people\` gives them.

Exit codes: 0 written; 1 a file over the size or nesting limit (left out); 2 usage error,
unreadable file, unusable configuration or a report that cannot be written (the other files
are still counted), or a template that cannot be used (nothing is written).
`

/** `postmortem report`: one HTML page (or Markdown) of figures and charts over postmortems. */
export async function report(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    out: {type: 'string', short: 'o'},
    format: {type: 'string'},
    title: {type: 'string'},
    now: {type: 'string'},
    since: {type: 'string'},
    until: {type: 'string'},
    config: {type: 'string'},
    rule: {type: 'string', multiple: true},
    ...templateOption
  })
  const format = formatOption(values.format, ['html', 'md'] as const, 'html')
  const dates = dateOptions(values)
  const title = typeof values.title === 'string' ? values.title.trim() : undefined
  if (title === '') throw new UsageError('--title expects some text')
  const out = typeof values.out === 'string' ? path.resolve(io.cwd, values.out) : undefined
  if (values.out === '') throw new UsageError('--out expects a file name')

  // Note: configuration as `lint` resolves it, so the report's lint errors are lint's.
  const ruleFlags = await usage(() => parseRuleFlags((values.rule ?? []) as string[]))
  const shown = (file: string): string => display(file, io.cwd)
  let fixed: Config | undefined
  if (typeof values.config === 'string') {
    const file = path.resolve(io.cwd, values.config)
    fixed = await usage(() => loadConfig(file, shown(file)))
  }
  const resolver = new ConfigResolver(shown)
  const configOf = async (folder: string): Promise<Config | undefined> => fixed ?? resolver.resolve(folder)

  const read = await readPostmortems(positionals, io, {template: templateFlag(values, io.cwd), configOf, skip: skipByConfig(configOf), verb: 'reported'})
  if (read.stopped) return read.code
  const code = read.code
  const inputs: ReportInput[] = read.documents.map(({name, file, config, document}) => ({file: name, document, rules: {...rulesFor(config, file), ...ruleFlags}}))
  if (out !== undefined && read.documents.some(({file}) => file === out)) {
    throw new UsageError(`--out \`${values.out as string}\` is one of the postmortems read; choose another file`)
  }
  if (inputs.length === 0 && code !== exit.ok) {
    io.stderr.write(`Not writing a report: no postmortem was read\n`)
    return code
  }
  const data = reportData(inputs, {...dates, people: read.people})
  // Note: links are relative to the report's folder, so the page and the files move together.
  const base = out === undefined ? io.cwd : path.dirname(out)
  const linkPath = (file: string): string | null => (file === '-' ? null : path.relative(base, path.resolve(io.cwd, file)).split(path.sep).join('/'))
  const options = {linkPath, ...(title === undefined ? {} : {title})}
  // Note: the charting code loads only here, so other commands start without it.
  const text = format === 'md' ? reportMarkdown(data, options) : (await import('../../report/html.js')).reportHtml(data, options)

  if (out === undefined) {
    io.stdout.write(text)
    return code
  }
  try {
    await mkdir(path.dirname(out), {recursive: true})
    await writeFile(out, text)
  } catch (error) {
    io.stderr.write(`Cannot write \`${values.out as string}\`: ${error instanceof Error ? error.message : String(error)}\n`)
    return exit.usage
  }
  const {actionItems} = data
  io.stdout.write(
    `Wrote ${values.out as string}: ${data.postmortems.length} postmortem${data.postmortems.length === 1 ? '' : 's'}, ` +
      `${actionItems.open} open action item${actionItems.open === 1 ? '' : 's'} (${actionItems.overdue} overdue)\n`
  )
  return code
}

/** A configuration that cannot be used, given with --config or --rule: a usage error (exit 2). */
async function usage<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}
