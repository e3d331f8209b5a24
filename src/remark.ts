/**
 * postmortem-md/remark: a unified plugin that lints a postmortem and reports each finding as a
 * `VFileMessage`, so remark-cli, `.remarkrc` files and remark-language-server show them.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {checkLintOptions, lint} from './lint/index.js'
import type {LintOptions, RuleSettings} from './lint/index.js'
import type {Finding} from './model/finding.js'
import type {Profile} from './profile/compile.js'
import {deriveProfile, type TemplateProblem} from './profile/derive/index.js'

/**
 * Options of the plugin, as for `lint`. An unknown rule id or level, or a `now` that is not a
 * real date, throws a `TypeError` when the processor is frozen (remark-cli reports it).
 */
export interface RemarkPostmortemOptions {
  /** Rule id → level (`off`, `info`, `warning` or `warn`, `error`); unlisted rules keep their default. */
  readonly rules?: RuleSettings | null | undefined
  /** Today as `YYYY-MM-DD`, for `overdue-action` and `future-date` (default: the current UTC date). */
  readonly now?: string | null | undefined
  /** The template's profile the files are read by (default: the built-in template's). */
  readonly profile?: Profile | null | undefined
  /**
   * A team's template, as Markdown text, to derive the profile from (instead of `profile`). A
   * template that cannot be used is reported on each file as fatal messages (rule
   * `template`), and the file is not linted.
   */
  readonly template?: string | null | undefined
  /** The template's file name, for its messages and the profile's name (default: `template.md`). */
  readonly templateFile?: string | null | undefined
}

/** Where the rules are documented (the README's "Linting" section). */
export const docsUrl = 'https://www.npmjs.com/package/postmortem-md'

/** The documentation of one rule: an anchor in the README's rule table. */
export function ruleUrl(ruleId: string): string {
  return `${docsUrl}#rule-${ruleId}`
}

/**
 * Report a finding on a file as a `VFileMessage` with `ruleId`, `source: 'postmortem'`, `url`
 * and severity the unified way: `fatal: true` for an error, `false` for a warning, `undefined`
 * for info.
 */
export function reportFinding(file: VFile, finding: Finding): VFileMessage {
  const place =
    finding.line === undefined
      ? undefined
      : finding.endLine === undefined
        ? {line: finding.line, column: finding.column ?? 1}
        : {start: {line: finding.line, column: finding.column ?? 1}, end: {line: finding.endLine, column: finding.endColumn ?? 1}}
  const message = file.message(finding.message, {place, ruleId: finding.ruleId, source: 'postmortem'})
  message.url = ruleUrl(finding.ruleId)
  // Note: vfile-reporter and remark-cli read `fatal` as the severity: true is an error, false a
  // warning, and undefined info.
  message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined
  return message
}

/**
 * Report a problem of a template that cannot be used on a file the template was to read, as a
 * fatal message (rule `template`) naming the template's line: the file is not linted.
 */
export function reportTemplateProblem(file: VFile, templateFile: string, problem: TemplateProblem): VFileMessage {
  const message = file.message(`Cannot use the template \`${templateFile}\`: ${problem.message} (at ${templateFile}:${problem.line}:${problem.column ?? 1})`, {ruleId: 'template', source: 'postmortem'})
  message.fatal = true
  return message
}

/**
 * Lint the file's text as a postmortem and report each finding as a message on the file.
 * The tree is not used (the text is parsed the way `lint` parses it), so the plugin works
 * whatever remark plugins come before it.
 */
const remarkPostmortem: Plugin<[(RemarkPostmortemOptions | null | undefined)?], Root> = function (options) {
  // Note: checked here, once, so a typo in `.remarkrc.json` fails loudly instead of linting
  // with the defaults; `now` and `inlineControl` only, as `lint` takes them.
  const checked = checkLintOptions({rules: options?.rules ?? undefined, now: options?.now ?? undefined})
  let profile = options?.profile ?? undefined
  let unusable: readonly TemplateProblem[] = []
  const templateFile = options?.templateFile ?? 'template.md'
  if (typeof options?.template === 'string') {
    // Note: derived once, when the plugin is attached; `deriveProfile` never throws.
    const derived = deriveProfile(options.template, {file: templateFile})
    if (derived.ok) profile = derived.profile
    else unusable = derived.errors
  }
  const settings: LintOptions = {rules: checked.rules, now: checked.now, profile}
  return function (_tree, file) {
    if (unusable.length > 0) {
      for (const problem of unusable) reportTemplateProblem(file, templateFile, problem)
      return
    }
    for (const finding of lint(String(file), settings)) reportFinding(file, finding)
  }
}

export default remarkPostmortem
export {remarkPostmortem}
