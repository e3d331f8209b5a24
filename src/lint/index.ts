import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {finding, type Finding, type FindingSeverity} from '../model/finding.js'
import {parseDocument, type PostmortemDocument} from '../parse/document.js'
import {spanForPath} from '../parse/positions.js'
import type {WrittenHeadings} from '../model/names.js'
import {say, worded} from './messages.js'
import {checkLintOptions} from './options.js'
import {ruleIdList, type RuleId} from './rule-ids.js'
import {writtenHeadings} from './rules/presence.js'
import {ruleList} from './rules/index.js'
import {todayUtc} from '../today.js'
import type {LintOptions, Rule, RuleContext, RuleLevel} from './types.js'

/** The rule catalog by id, with documentation and examples. */
export const rules: Readonly<Record<string, Rule>> = Object.fromEntries(ruleList.map((rule) => [rule.id, rule]))

/** Every rule id, including the engine's own (`input-limit`), in catalog order. */
export const ruleIds: readonly RuleId[] = ruleIdList

/**
 * Lint a postmortem: every rule of the catalog over one parse. Browser-safe; it never throws on
 * any text, and throws a `TypeError` only for options that name an unknown rule or level, or a
 * `now` that is not a real `YYYY-MM-DD` date. Findings come sorted by position, with configured
 * levels applied and `<!-- postmortem disable|enable|ignore id -->` comments honoured.
 */
export function lint(markdown: string, options: LintOptions = {}): Finding[] {
  return lintDocument(parseDocument<object>(markdown, options?.profile ? {profile: options.profile} : {}), options)
}

/**
 * Lint an already parsed document (so callers that also need the draft parse once), by the
 * profile it was read by.
 */
export function lintDocument(document: PostmortemDocument, options: LintOptions = {}): Finding[] {
  const checked = checkLintOptions(options)
  // Note: findings carry rule ids as strings (the model's `Finding`), so levels are looked up by string.
  const configured: Readonly<Record<string, RuleLevel | undefined>> = checked.rules
  const now = checked.now ?? todayUtc()
  let findings: Finding[] = []
  if (!document.parsed) {
    findings = [...document.findings]
  } else {
    const headings = writtenHeadings(document)
    for (const rule of ruleList) {
      const level = configured[rule.id] ?? rule.severity
      if (level === 'off') continue
      runRule(rule, level, document, headings, now, findings)
    }
  }
  findings = findings.flatMap((item) => {
    const level = configured[item.ruleId]
    if (level === 'off') return []
    return level && level !== item.severity ? [{...item, severity: level}] : [item]
  })
  // Note: only an HTML comment can control findings; a text without one needs no walk for them.
  if (checked.inlineControl && document.parsed && document.source.text.includes('<!--')) findings = applyInlineControl(document, findings)
  return findings.sort(compareFindings)
}

/**
 * Run one rule, wording what it reports: sections named by the headings the document wrote, and
 * each finding placed at `span`, else at its field's own span, its row's, its list's, or its
 * section heading's.
 */
function runRule(rule: Rule, level: FindingSeverity, document: PostmortemDocument, headings: WrittenHeadings, now: string, out: Finding[]): void {
  const {profile} = document
  const context: RuleContext = {
    document,
    profile,
    draft: document.draft,
    now,
    report(path, message, span) {
      out.push(finding(rule.id, level, worded(message, profile, headings), path, span ?? spanForPath(document, path)))
    }
  }
  try {
    rule.check(context)
  } catch (error) {
    // Note: a rule that throws is a bug; it is reported, and the other rules still run.
    const failed = say('ruleFailed', {rule: rule.id, error: error instanceof Error ? error.message : String(error)})
    out.push(finding('internal-error', 'error', worded(failed, profile), ''))
  }
}

/**
 * The order of findings in every report and format: by line, then column (a finding without a
 * position first), then rule id; findings that tie keep the order the rules made them in.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId)
}

/** The processor that applies inline comments, made on first use and kept (it holds no state between runs). */
let control: Processor<undefined, Root> | undefined

/**
 * Apply `<!-- postmortem disable|enable|ignore id -->` with remark-message-control: findings
 * become VFile messages on the parsed tree, and the messages it keeps are the findings kept.
 */
function applyInlineControl({tree, profile}: PostmortemDocument, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings
  const file = new VFile()
  const byMessage = new Map<object, Finding>()
  for (const item of findings) {
    const message = file.message(item.message, {
      place: item.line === undefined ? undefined : {line: item.line, column: item.column!},
      ruleId: item.ruleId,
      source: 'postmortem'
    })
    byMessage.set(message, item)
  }
  const processor = control ?? (control = unified().use(remarkMessageControl, {name: 'postmortem', source: 'postmortem', known: [...ruleIds]}).freeze())
  processor.runSync(tree, file)
  const kept: Finding[] = []
  for (const message of file.messages) {
    const item = byMessage.get(message)
    if (item) kept.push(item)
    else if (message.ruleId === 'known') {
      // An inline comment naming a rule that does not exist.
      kept.push({
        ruleId: 'unknown-rule',
        severity: 'warning',
        ...worded(say('unknownRuleComment', {reason: message.reason}), profile),
        path: '',
        ...(message.line ? {line: message.line, column: message.column ?? 1} : {})
      })
    }
  }
  return kept
}

export {checkLintOptions, ruleLevelOf, ruleLevels} from './options.js'
export type {CheckedLintOptions, RuleLevels} from './options.js'
export {isRuleId, ruleIdList} from './rule-ids.js'
export type {RuleId} from './rule-ids.js'
export type {LintOptions, Rule, RuleContext, RuleExample, RuleLevel, RuleSetting, RuleSettings} from './types.js'
export {messageIds, say, wordMessage} from './messages.js'
export type {Message, MessageData, MessageId} from './messages.js'
