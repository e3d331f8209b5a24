import path from 'node:path'
import stripJsonComments from 'strip-json-comments'
import {z} from 'zod'
import {parseJson} from '../json.js'
import {checkRules, ruleLevelOf, unknownLevelMessage, unknownRuleMessage, type RuleLevels} from '../lint/options.js'
import {isPresetName, presetNames, presets, type PresetName} from '../lint/presets.js'
import {isRuleId} from '../lint/rule-ids.js'
import {closeNames, didYouMean, quotedList, shown} from '../lint/suggest.js'
import {ConfigError, type Config} from './config-types.js'

export {ConfigError} from './config-types.js'
export type {Config, Override} from './config-types.js'

const topKeys = ['$schema', 'extends', 'rules', 'ignores', 'overrides', 'template', 'people']
const overrideKeys = ['files', 'ignores', 'extends', 'rules', 'template']
const glob = z.string({error: 'a glob such as "legacy/**"'}).min(1, {error: 'a glob, not an empty string'})
const globs = z.array(glob, {error: 'a list of globs such as ["legacy/**"]'})

// Note: issues carry data (`params`); `describeIssue` words them, naming the key they are about.
const extendsSchema = z.union([z.string(), z.array(z.string())], {error: `a preset name or a list of them, such as "postmortem-md/legacy"`}).superRefine((value, context) => {
  const names = typeof value === 'string' ? [value] : value
  names.forEach((name, index) => {
    if (!isPresetName(name)) context.addIssue({code: 'custom', path: typeof value === 'string' ? [] : [index], params: {preset: name}})
  })
})

const rulesSchema = z.record(z.string(), z.unknown(), {error: 'an object of rule id → level such as {"overdue-action": "off"}'}).superRefine((value, context) => {
  for (const [id, level] of Object.entries(value)) {
    if (!isRuleId(id) || ruleLevelOf(level) === undefined) context.addIssue({code: 'custom', path: [id], params: {rule: id, level}})
  }
})

const templateSchema = z.string({error: 'the path of a template file, such as "./docs/postmortem-template.md"'}).trim().min(1, {error: 'the path of a template file, not an empty string'})

const personName = z.string({error: 'a name such as "Grace Liu"'}).trim().min(1, {error: 'a name, not an empty string'})
const peopleSchema = z.record(personName, z.array(personName, {error: 'a list of the other ways the name is written, such as ["@grace", "grace"]'}), {
  error: 'an object of name → other spellings such as {"Grace Liu": ["@grace", "grace"]}'
})

const overrideSchema = z.strictObject(
  {
    files: globs.min(1, {error: 'at least one glob, such as ["legacy/**"]'}),
    ignores: globs.optional(),
    extends: extendsSchema.optional(),
    rules: rulesSchema.optional(),
    template: templateSchema.optional()
  },
  {error: 'an object such as {"files": ["legacy/**"], "extends": "postmortem-md/legacy"}'}
)

/** The shape of `.postmortemrc.json`. */
export const ConfigSchema = z.strictObject(
  {
    // Note: `$schema` is allowed so editors can offer completion from a schema of their own.
    $schema: z.string({error: 'a URL'}).optional(),
    extends: extendsSchema.optional(),
    rules: rulesSchema.optional(),
    ignores: globs.optional(),
    overrides: z.array(overrideSchema, {error: 'a list of objects such as [{"files": ["legacy/**"], "rules": {"missing-section": "off"}}]'}).optional(),
    template: templateSchema.optional(),
    people: peopleSchema.optional()
  },
  {error: 'an object such as {"extends": "postmortem-md/recommended", "rules": {"overdue-action": "off"}}'}
)

/**
 * Parse the text of a configuration file (JSON; `//` and `/* *\/` comments allowed, as in
 * tsconfig.json). Throws a `ConfigError` listing every problem, each naming the file and the key:
 * invalid JSON (with line and column), an unexpected key or type, an unknown preset, rule id or
 * level. A `template` is resolved against `folder`, the configuration file's own.
 */
export function parseConfig(text: string, name: string, folder: string): Config {
  // Note: comments become spaces, so a JSON error's line and column are the file's own.
  const json = parseJson(stripJsonComments(text, {whitespace: true}))
  if (!json.ok) throw new ConfigError(`${name}:${json.error.line}:${json.error.column}: invalid JSON: ${json.error.message}`)
  const parsed = ConfigSchema.safeParse(json.value, {reportInput: true})
  if (!parsed.success) {
    const lines = parsed.error.issues.flatMap((issue) => describeIssue(issue).split('\n'))
    throw new ConfigError(lines.map((line) => `${name}: ${line}`).join('\n'))
  }
  const value = parsed.data
  return {
    name,
    folder,
    rules: layered(value.extends, value.rules),
    ignores: (value.ignores ?? []).map(trimSlash),
    overrides: (value.overrides ?? []).map((entry) => ({
      files: entry.files.map(trimSlash),
      ignores: (entry.ignores ?? []).map(trimSlash),
      rules: layered(entry.extends, entry.rules),
      ...(entry.template === undefined ? {} : {template: path.resolve(folder, entry.template)})
    })),
    ...(value.template === undefined ? {} : {template: path.resolve(folder, value.template)}),
    ...(value.people === undefined ? {} : {people: value.people})
  }
}

/** A configuration's presets in order, then its own rules (later wins). */
function layered(extended: string | readonly string[] | undefined, rules: Record<string, unknown> | undefined): RuleLevels {
  const names = (extended === undefined ? [] : typeof extended === 'string' ? [extended] : extended) as PresetName[]
  return Object.assign({}, ...names.map((name) => presets[name].rules), rules ? checkRules(rules) : {}) as RuleLevels
}

/** `legacy/` → `legacy` (a folder's pattern matches what is in it either way). */
function trimSlash(pattern: string): string {
  let end = pattern.length
  while (end > 1 && pattern[end - 1] === '/') end--
  return pattern.slice(0, end)
}

/** One zod issue in the CLI's words: the key it is about, what was found and what was expected. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = keyPath(issue.path)
  if (issue.code === 'custom') {
    const params = (issue.params ?? {}) as {preset?: string; rule?: string; level?: unknown}
    if (params.rule !== undefined) {
      const inKey = ` in \`${keyPath(issue.path.slice(0, -1))}\``
      return isRuleId(params.rule) ? unknownLevelMessage(params.rule, params.level, inKey) : unknownRuleMessage(params.rule, inKey)
    }
    const inKey = ` in \`${keyPath(issue.path.filter((part) => typeof part !== 'number'))}\``
    return `Unknown preset ${shown(params.preset)}${inKey}; ${didYouMean(params.preset ?? '', presetNames)} (the presets are ${quotedList(presetNames, 'and')})`
  }
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? topKeys : overrideKeys
    return issue.keys
      .map((key) => {
        const close = closeNames(key, known)
        const hint = close.length > 0 ? `; did you mean ${quotedList(close, 'or')}?` : ''
        return `Unexpected key \`${key}\`${where ? ` in \`${where}\`` : ''}, expected ${quotedList(known, 'or')}${hint}`
      })
      .join('\n')
  }
  const found = 'input' in issue ? shown(issue.input) : 'nothing'
  return `Unexpected ${found}${where ? ` for \`${where}\`` : ''}, expected ${issue.message}`
}

/** `overrides[0].files` from `['overrides', 0, 'files']`. */
function keyPath(parts: readonly PropertyKey[]): string {
  let out = ''
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out
}
