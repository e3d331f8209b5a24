import {z} from 'zod'
import {PostmortemDraftSchema, PostmortemSchema} from './schema.js'

/**
 * The JSON Schema (draft 2020-12) of a complete `Postmortem`, or of a `PostmortemDraft` with
 * `{draft: true}`. Checks that JSON Schema cannot say (a value must read back from Markdown as
 * itself) are described in each field's `description` and enforced by the zod schemas.
 */
export function jsonSchema(options: {draft?: boolean} = {}): Record<string, unknown> {
  const schema = options.draft ? PostmortemDraftSchema : PostmortemSchema
  const json = z.toJSONSchema(schema, {target: 'draft-2020-12', io: 'input', unrepresentable: 'any'}) as Record<string, unknown>
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://postmortem-md.dev/schema/${options.draft ? 'postmortem-draft' : 'postmortem'}.schema.json`,
    ...json
  }
}
