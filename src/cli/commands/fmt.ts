import {access, constants} from 'node:fs/promises'
import path from 'node:path'
import {format} from '../../format.js'
import {parseCommandArgs} from '../args.js'
import {ConfigResolver, configOrReport, skipByConfig} from '../config.js'
import {display, expandInputs, readError, readOrReport} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {formatFindingLine} from '../report.js'
import {writeAtomic} from '../write.js'

export const fmtHelp = `Usage: postmortem fmt <paths…> [--check | --write] [--add-missing]

Rewrite postmortems in the template's canonical layout. Layout only: headings, labels,
tables and lists are written the template's way; every value is kept verbatim, and nothing
is added or removed. Line endings (LF or CRLF) and a byte-order mark are kept.

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
  -h, --help     show this help
`

/** `postmortem fmt`: canonical layout, to stdout, checked, or written. */
export async function fmt(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {check: {type: 'boolean'}, write: {type: 'boolean'}, 'add-missing': {type: 'boolean'}})
  if (values.check && values.write) throw new UsageError('use either --check or --write, not both')
  if (positionals.length === 0) throw new UsageError('fmt needs a file, folder or glob (or `-` for standard input)')
  const resolver = new ConfigResolver((file) => display(file, io.cwd))
  const {inputs, problems, skipped} = await expandInputs(positionals, io.cwd, skipByConfig((folder) => resolver.resolve(folder)))
  if (!values.check && !values.write && (inputs.length > 1 || positionals.length > 1)) {
    throw new UsageError('fmt prints one file; for several files use --check or --write')
  }
  if (values.write && inputs.some((input) => input.file === undefined)) throw new UsageError('fmt --write cannot write standard input')
  let code: number = exit.ok
  const raise = (next: number): void => {
    code = Math.max(code, next)
  }
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not formatted: matched by ${skip.reason}\n`)
  const reported = new Set<string>()
  for (const input of inputs) {
    // Its `ignores` cannot be known when its configuration cannot be used: the file is left alone.
    if (!(await configOrReport((folder) => resolver.resolve(folder), input.file === undefined ? io.cwd : path.dirname(input.file), input.name, 'formatted', io, reported))) {
      raise(exit.usage)
      continue
    }
    const text = await readOrReport(input, io)
    if (text === undefined) {
      raise(exit.usage)
      continue
    }
    const result = format(text, {addMissing: values['add-missing'] === true})
    if (result.refused) {
      if (!result.document.parsed) {
        for (const finding of result.document.findings) io.stderr.write(formatFindingLine(input.name, finding) + '\n')
        io.stderr.write(`${input.name}: not formatted\n`)
      } else {
        const lost = result.refused.lost ?? []
        const shown = lost.slice(0, 8).map((word) => `\`${word}\``).join(', ')
        const why = lost.length > 0 ? `the rewrite would lose ${shown}${lost.length > 8 ? ` and ${lost.length - 8} more` : ''}` : result.refused.reason
        io.stderr.write(`${input.name}: not formatted: ${why}\n`)
      }
      raise(exit.findings)
      continue
    }
    const {output, changed} = result
    if (values.check) {
      if (changed) {
        io.stdout.write(input.name + '\n')
        raise(exit.findings)
      }
    } else if (values.write) {
      if (!changed) continue
      try {
        await access(input.file!, constants.W_OK)
        await writeAtomic(input.file!, output)
        io.stderr.write(`${input.name}: formatted\n`)
      } catch (error) {
        io.stderr.write(readError(error, input.name).replace('Cannot read', 'Cannot write') + '\n')
        raise(exit.usage)
      }
    } else {
      io.stdout.write(output)
    }
  }
  return code
}
