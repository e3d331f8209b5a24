/**
 * Presets a configuration can `extend`, shipped in the package: `postmortem-md/recommended` (the
 * rules at their default levels) and `postmortem-md/legacy` (for documents written before the
 * template: the structure rules off, the value rules on).
 */
import type {RuleLevels} from './options.js'
import type {RuleId} from './rule-ids.js'
import {ruleList} from './rules/index.js'
import type {RuleLevel} from './types.js'

/** The name of each preset, as `extends` writes it. */
export const presetNames = ['postmortem-md/recommended', 'postmortem-md/legacy'] as const

/** A preset's name: `postmortem-md/recommended` or `postmortem-md/legacy`. */
export type PresetName = (typeof presetNames)[number]

/** A preset: what it is for, and the level it gives each rule. */
export interface Preset {
  readonly name: PresetName
  readonly description: string
  readonly rules: RuleLevels
}

/**
 * The rules `postmortem-md/legacy` turns off: they say "this is not our template", which is
 * all they can say about a document written before it (on other teams' older postmortems they
 * make nine findings in ten). Rules about the values written stay on.
 */
export const structureRules: readonly RuleId[] = [
  'missing-section', // older documents lack the template's sections
  'missing-field', // …and its labelled fields, checklist lines and columns
  'duplicate-section', // two sections that read as one template section (`Impact`, `Customer Impact`)
  'section-order', // sections in the writer's own order
  'heading-text', // `## Summary` for `## Executive Summary`: read the same, only worded otherwise
  'unknown-section', // `## Detection`, `## Resolution`: kept as is
  'table-shape', // tables with their own columns (`Action | Type | Owner | Bug`)
  'no-action-items', // follow-ups written as prose, not as the template's tables or lists
  'list-marker', // lists with the writer's own markers
  'field-as-heading', // fields written as headings
  'template-text' // guidance of a template the document was not written from
]

const defaults: Partial<Record<RuleId, RuleLevel>> = {}
for (const rule of ruleList) defaults[rule.id as RuleId] = rule.severity

// Note: legacy sets only what it turns off, so extending it (in a configuration or in one of its
// overrides) keeps every level the configuration gave other rules.
const legacy: Partial<Record<RuleId, RuleLevel>> = {}
for (const id of structureRules) legacy[id] = 'off'

/** Every preset, by name. */
export const presets: Readonly<Record<PresetName, Preset>> = {
  'postmortem-md/recommended': {
    name: 'postmortem-md/recommended',
    description: 'Every rule at its default level.',
    rules: defaults
  },
  'postmortem-md/legacy': {
    name: 'postmortem-md/legacy',
    description: 'For documents written before the template: the structure rules off; the value rules (placeholders, dates, enums, the timeline, action items) keep their levels.',
    rules: legacy
  }
}

/** Whether `value` names a preset. */
export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (presetNames as readonly string[]).includes(value)
}
