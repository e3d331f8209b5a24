import {z} from 'zod'
import {builtinProfile} from '../profile/builtin.js'
import type {Profile} from '../profile/compile.js'
import {schemasOf} from '../profile/schema.js'

/** Options of `jsonSchema`. */
export interface JsonSchemaOptions {
  /** The draft's schema instead of the complete model's (default: `false`). */
  readonly draft?: boolean
  /** The template's profile (default: the built-in template's). */
  readonly profile?: Profile
}

/**
 * The JSON Schema (draft 2020-12) of a complete postmortem, or of a draft with `{draft: true}`,
 * of a profile. Checks that JSON Schema cannot say (a value must read back from Markdown as
 * itself) are described in each field's `description` and enforced by the zod schemas.
 */
export function jsonSchema(options: JsonSchemaOptions = {}): Record<string, unknown> {
  const profile = options.profile ?? builtinProfile
  const schemas = schemasOf(profile)
  const json = z.toJSONSchema(options.draft ? schemas.draft : schemas.complete, {target: 'draft-2020-12', io: 'input', unrepresentable: 'any'}) as Record<string, unknown>
  const names = profile.spec.typeNames
  const base = names ? (options.draft ? kebab(names.draft) : kebab(names.complete)) : options.draft ? 'postmortem-draft' : 'postmortem'
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://postmortem-md.dev/schema/${base}.schema.json`,
    ...json
  }
}

/** `PostmortemDraft` → `postmortem-draft`. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}
