import {jsonSchema} from '../../model/json-schema.js'
import {parseCommandArgs} from '../args.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {profileFor, templateFlag, templateHelp, templateOption} from '../templates.js'

export const schemaHelp = `Usage: postmortem schema [--draft] [--template FILE]

Print the JSON Schema (draft 2020-12) of a complete Postmortem, or of a PostmortemDraft
with --draft. The built-in template's ship in the package under schema/; with a team's
template, the schema of its own model.

Options:
  --draft          the schema of the draft (every field may be null)
${templateHelp(19)}
  -h, --help       show this help
`

/** `postmortem schema`: the JSON Schema of the model. */
export async function schema(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {draft: {type: 'boolean'}, ...templateOption})
  if (positionals.length > 0) throw new UsageError('schema takes no paths')
  const read = await profileFor(undefined, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  io.stdout.write(JSON.stringify(jsonSchema({draft: values.draft === true, ...(read.profile ? {profile: read.profile} : {})}), null, 2) + '\n')
  return exit.ok
}
