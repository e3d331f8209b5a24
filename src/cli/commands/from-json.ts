import path from 'node:path'
import {modelFromJson, parseJson} from '../../json.js'
import {stringify} from '../../stringify/index.js'
import {parseCommandArgs} from '../args.js'
import {profileFor, templateFlag, templateHelp, templateOption} from '../templates.js'
import {readOrReport} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'

export const fromJsonHelp = `Usage: postmortem from-json <file|-> [--template FILE]

Write the canonical Markdown of a Postmortem or PostmortemDraft given as JSON (with a
team's template, of its model, as \`to-json --template\` prints it).
Invalid JSON exits 2 with its line and column; JSON that is not a postmortem exits 1
with the field paths at fault.

Options:
${templateHelp(19)}
  -h, --help       show this help
`

/** `postmortem from-json`: JSON → canonical Markdown. */
export async function fromJson(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, templateOption)
  if (positionals.length !== 1) throw new UsageError('from-json takes exactly one file (or `-` for standard input)')
  const name = positionals[0]!
  const read = await profileFor(undefined, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  const text = await readOrReport({name, file: name === '-' ? undefined : path.resolve(io.cwd, name)}, io)
  if (text === undefined) return exit.usage
  const json = parseJson(text)
  if (!json.ok) {
    io.stderr.write(`${name}:${json.error.line}:${json.error.column}: invalid JSON: ${json.error.message}\n`)
    return exit.usage
  }
  const model = modelFromJson(json.value, read.profile)
  if (!model.ok) {
    for (const problem of model.problems) io.stderr.write(`${name}: ${problem.path || '(root)'}: ${problem.message}\n`)
    return exit.findings
  }
  io.stdout.write(read.profile ? stringify(model.model, {profile: read.profile}) : stringify(model.model))
  return exit.ok
}
