import path from 'node:path'
import {parseDocument} from '../../parse/document.js'
import {validateDocument} from '../../validate/index.js'
import {formatFindingLine} from '../report.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {readOrReport, type Input} from '../files.js'
import {parseCommandArgs} from '../args.js'
import {profileFor, templateFlag, templateHelp, templateOption} from '../templates.js'

export const toJsonHelp = `Usage: postmortem to-json <file|-> [--draft] [--template FILE]

Print the complete Postmortem of a Markdown file as JSON. An incomplete document fails
(exit 1) with its findings on stderr, unless --draft prints the draft instead. A team's
template gives the model its own keys (see \`postmortem template\`).

Options:
  --draft           print the draft (unfilled fields are null) even when incomplete
${templateHelp(20)}
  -h, --help        show this help
`

/** `postmortem to-json`: Markdown → JSON. */
export async function toJson(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {draft: {type: 'boolean'}, ...templateOption})
  if (positionals.length !== 1) throw new UsageError('to-json takes exactly one file (or `-` for standard input)')
  const name = positionals[0]!
  const input: Input = {name, file: name === '-' ? undefined : path.resolve(io.cwd, name)}
  const read = await profileFor(input.file, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  const text = await readOrReport(input, io)
  if (text === undefined) return exit.usage
  const document = parseDocument<object>(text, read.profile ? {profile: read.profile} : {})
  if (!document.parsed) {
    // Over a size or nesting limit: there is no draft to print, even with --draft.
    for (const finding of document.findings) io.stderr.write(formatFindingLine(name, finding) + '\n')
    return exit.findings
  }
  if (values.draft) {
    io.stdout.write(JSON.stringify(document.draft, null, 2) + '\n')
    return exit.ok
  }
  const result = validateDocument(document)
  if (result.ok) {
    io.stdout.write(JSON.stringify(result.postmortem, null, 2) + '\n')
    return exit.ok
  }
  const findings = [...document.findings.filter((finding) => finding.severity === 'error'), ...result.issues]
  for (const finding of findings) io.stderr.write(formatFindingLine(name, finding) + '\n')
  io.stderr.write(`${name}: not a complete postmortem (${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}); use --draft to print the draft\n`)
  return exit.findings
}
