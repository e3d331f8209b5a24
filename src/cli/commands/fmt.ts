import {parseCommandArgs} from '../args.js'
import {ConfigResolver, skipByConfig, type Config} from '../config.js'
import {display, expandInputs} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {workerSetting} from '../pool.js'
import {runFiles} from '../run-files.js'
import type {FmtJob} from '../tasks.js'
import {jobTemplates, prepareTemplates, skipTemplates, templateFlag, templateHelp, templateOption} from '../templates.js'
import {version} from '../version.js'

export const fmtHelp = `Usage: postmortem fmt <paths…> [--check | --write] [--add-missing]

Rewrite postmortems in the template's canonical layout. Layout only: headings, labels,
tables and lists are written the template's way; every value is kept verbatim, and nothing
is added or removed. A document already in its team's template (--template, or the
\`template\` of .postmortemrc.json) keeps its headings, list markers, numbering and order. Line endings (LF or CRLF) and a byte-order mark are kept.

  postmortem fmt FILE           print the canonical Markdown of FILE to stdout
  postmortem fmt --check PATHS  list files that would change (exit 1 if any)
  postmortem fmt --write PATHS  rewrite files in place (atomically, keeping their mode)

Paths may be files, folders (searched for *.md, skipping node_modules, dot-folders and what
.gitignore lists) or globs; - reads standard input. A path that names nothing is an error
(exit 2). Files that the \`ignores\` of their .postmortemrc.json match are never formatted.
A file whose rewrite would lose text is never written (exit 1).

Options:
  --check        list files that are not canonical
  --write        rewrite files that are not canonical
  --add-missing  also write every section and field the document lacks, as the template's
                 text (to bring an old document onto the template on purpose)
${templateHelp(17)}
  --cache        remember which files are canonical and check only files that changed
                 since; kept in node_modules/.cache/postmortem-md/
  --cache-location DIR
                 keep the cache in DIR instead (implies --cache)
  -h, --help     show this help

Over more than 64 files, files are formatted in worker threads, one per core
(POSTMORTEM_WORKERS=N sets how many; 0 for none); over more than 50, a progress line shows
on stderr when it is a terminal.
`

/** `postmortem fmt`: canonical layout, to stdout, checked, or written. */
export async function fmt(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    check: {type: 'boolean'},
    write: {type: 'boolean'},
    'add-missing': {type: 'boolean'},
    cache: {type: 'boolean'},
    'cache-location': {type: 'string'},
    ...templateOption
  })
  if (values.check && values.write) throw new UsageError('use either --check or --write, not both')
  if (positionals.length === 0) throw new UsageError('fmt needs a file, folder or glob (or `-` for standard input)')
  const resolver = new ConfigResolver((file) => display(file, io.cwd))
  const configOf = (folder: string): Promise<Config | undefined> => resolver.resolve(folder)
  const template = templateFlag(values, io.cwd)
  const {inputs, problems, skipped} = await expandInputs(positionals, io.cwd, skipTemplates(template, configOf, skipByConfig(configOf)))
  if (!values.check && !values.write && (inputs.length > 1 || positionals.length > 1)) {
    throw new UsageError('fmt prints one file; for several files use --check or --write')
  }
  if (values.write && inputs.some((input) => input.file === undefined)) throw new UsageError('fmt --write cannot write standard input')
  const mode = values.check ? 'check' : values.write ? 'write' : 'print'
  const addMissing = values['add-missing'] === true
  workerSetting(io.env)
  const templates = await prepareTemplates(inputs, template, configOf, io)
  if (templates === undefined) return exit.usage
  let code: number = exit.ok
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    code = exit.usage
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not formatted: matched by ${skip.reason}\n`)

  const location = typeof values['cache-location'] === 'string' ? values['cache-location'] : undefined
  const cache = values.cache === true || location !== undefined
  // Note: a file whose configuration cannot be used is left alone: its `ignores` cannot be known.
  const job: FmtJob = {kind: 'fmt', cwd: io.cwd, version: version(), cache, mode, addMissing, ...jobTemplates(template, templates)}
  const files = await runFiles({io, job, inputs, ...(cache ? {cache: {location}} : {}), configOf, progress: true, onFile: (_input, output) => output.stdout})
  return Math.max(code, files)
}
