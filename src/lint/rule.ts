/**
 * What a rule module is and what it is given: the shape every file of `rules/` implements. Apart
 * from the options' types (`types.ts`) so that rule ids can be read from the rules themselves.
 */
import type {Span} from '../model/finding.js'
import type {FindingSeverity} from '../model/finding.js'
import type {PostmortemDocument} from '../parse/document.js'
import type {Profile} from '../profile/compile.js'
import type {Message} from './messages.js'

/** What a rule sees: the parsed document and the options of this run. */
export interface RuleContext {
  readonly document: PostmortemDocument
  /** The template the document was read by: what the rule judges its values by. */
  readonly profile: Profile
  /** The document's draft (its keys are the profile's paths: read them with `getPath` or by role). */
  readonly draft: object
  /** Today, `YYYY-MM-DD` (the `--now` option). */
  readonly now: string
  /**
   * Report a defect of the field at `path`, as a message id and its data (`say(…)`); the engine
   * words it. Without `span`, it is placed at the field's own position, else at the nearest thing
   * present (its row, its list, its section's heading).
   */
  report(path: string, message: Message, span?: Span): void
}

/**
 * A documented example of a rule: an edit of the bundled complete example document
 * (`find` replaced by `replace`, every occurrence), and the findings it must give.
 */
export interface RuleExample {
  /** What the example shows, in a sentence. */
  readonly title: string
  /** Pairs of `[find, replace]` applied to the complete example document, in order. */
  readonly edits: readonly (readonly [string, string])[]
  /** `line:column` of each finding of this rule the edited document gives (empty: passes). */
  readonly findings: readonly string[]
  /** The message of each finding, in the order of `findings` (the test suite checks both). */
  readonly messages?: readonly string[]
  /**
   * A different base document than the complete example: `template` for the blank template, or a
   * team's document read by its own template (`fixtures/templates/<team>/`).
   */
  readonly base?: 'example' | 'template' | {readonly team: string; readonly document: string}
}

/** One lint rule: id, default severity, documentation with examples, and its check. */
export interface Rule<Id extends string = string> {
  /** Kebab-case id (`no-placeholder`). */
  readonly id: Id
  readonly severity: FindingSeverity
  /** What the rule finds, in one sentence. */
  readonly description: string
  /** Why it matters and how to fix a finding. */
  readonly rationale: string
  /** At least one failing and one passing example; the test suite runs them. */
  readonly examples: readonly RuleExample[]
  /** Report findings through `context.report`. Never throws. */
  check(context: RuleContext): void
}
