/**
 * The built-in template's zod schemas, generated from the built-in profile as any template's
 * are, typed by the built-in model's interfaces.
 */
import type {z} from 'zod'
import {builtinProfile} from './builtin.js'
import type {Extra, Postmortem, PostmortemDraft} from './builtin-types.js'
import {extraSchema, schemasOf} from './schema.js'

/** What a postmortem document says: the draft schema of the built-in template. */
export const PostmortemDraftSchema = schemasOf(builtinProfile).draft as z.ZodType<PostmortemDraft>
/** What a complete postmortem means: the complete schema of the built-in template. */
export const PostmortemSchema = schemasOf(builtinProfile).complete as z.ZodType<Postmortem>
/** Content the template has no field for, kept where it stood (one entry of `extra`). */
export const ExtraSchema = extraSchema(builtinProfile) as z.ZodType<Extra>

export type {ActionItem, ActionPriority, ActionStatus, ChecklistEntry, Extra, IncidentSeverity, Postmortem, PostmortemDraft, TimelineRow} from './builtin-types.js'
export {priorities, severities, statuses} from './builtin-types.js'
/** What the hotfix was: the values of `**Hotfix was:**`. */
export {hotfixWasValues as hotfixKinds} from './builtin-types.js'
