import {jsonSchema} from '../../model/json-schema.js'
import {parseCommandArgs} from '../args.js'
import {exit, UsageError, type CliIo} from '../io.js'

export const schemaHelp = `Usage: postmortem schema [--draft]

Print the JSON Schema (draft 2020-12) of a complete Postmortem, or of a PostmortemDraft
with --draft. The same files ship in the package under schema/.

Options:
  --draft     the schema of the draft (every field may be null)
  -h, --help  show this help
`

/** `postmortem schema`: the JSON Schema of the model. */
export async function schema(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {draft: {type: 'boolean'}})
  if (positionals.length > 0) throw new UsageError('schema takes no paths')
  io.stdout.write(JSON.stringify(jsonSchema({draft: values.draft === true}), null, 2) + '\n')
  return exit.ok
}
