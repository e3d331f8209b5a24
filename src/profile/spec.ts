/**
 * The shape of a profile: what a template's sections, fields, columns and blocks are, what each
 * value means (its type and role) and how it is written. Plain data, serialisable as JSON: what
 * the built-in template's spec is written as (`builtin.ts`), what a team's template is derived
 * into, and what `postmortem types` writes out. `compileProfile` (compile.ts) builds every table
 * the stages read from it, once.
 */

/**
 * What a value means. `text` is one line of inline Markdown; `markdown` a block; `date` a day
 * (written in the field's `format`, ISO `YYYY-MM-DD` in the complete model); `time` a time of day
 * (`HH:MM`, a 12-hour time or an ISO date-time); `minutes` whole minutes; `enum` one of `values`;
 * `names` names written comma-separated; `list` the items of a list; `checkbox` a task's box
 * (`true` when ticked).
 */
export type ValueType = 'text' | 'markdown' | 'date' | 'time' | 'datetime' | 'minutes' | 'enum' | 'number' | 'names' | 'list' | 'checkbox'

/** A piece of a line as the template writes it: literal text, or the slot of a value (a field path or a column key). */
export type PatternPart = {readonly text: string} | {readonly slot: string}

/** A list's marker as the template writes it: a bullet (`-`, `*`, `+`) or an ordered list's delimiter (`.`, `)`). */
export type ListMarker = '-' | '*' | '+' | '.' | ')'

/**
 * The notations a template writes placeholders in: `braces`, SPEC §2's `{x}` (letters, digits,
 * spaces and `_ - / .`); `braces-text`, `{x}` of any text on one line; `double-braces`, `{{ x }}`;
 * `angle`, `<x>`.
 */
export type PlaceholderNotation = 'braces' | 'braces-text' | 'double-braces' | 'angle'

/** Every role, in the order `postmortem template` lists them. */
export const fieldRoles = [
  'id',
  'title',
  'incidentDate',
  'severity',
  'duration',
  'author',
  'summary',
  'meetingDate',
  'timeline.zone',
  'timeline.time',
  'timeline.event',
  'actionItems.action',
  'actionItems.owner',
  'actionItems.due',
  'actionItems.status',
  'actionItems.priority'
] as const

/**
 * What a value is for, beyond its type: what `actions`, `stats`, `report` and the value rules
 * read. A role is bound to at most one field (or column) of a profile.
 */
export type FieldRole = (typeof fieldRoles)[number]

/** What a value is and how it reads, shared by fields and table columns. */
export interface ValueSpec {
  readonly type: ValueType
  /** The values of an `enum`, as the template writes them. */
  readonly values?: readonly string[]
  /** A date's notation in dayjs tokens (`DD-MM-YYYY`, `MMMM Do, YYYY`; default `YYYY-MM-DD`). */
  readonly format?: string
  readonly role?: FieldRole
  /** Not required in a complete postmortem (default: required). */
  readonly optional?: boolean
  /** What the value is, in a few words, for the schema's descriptions (`date of the incident, \`YYYY-MM-DD\``). */
  readonly describe?: string
  /** `describe` for the complete model, where it says something else. */
  readonly describeComplete?: string
}

/** A labelled one-line field such as `**Date:** {DATE}`. */
export interface FieldSpec extends ValueSpec {
  /** Model path (`date`, `impact.usersAffected`, `meeting.heldOn`). */
  readonly path: string
  /** Label as the template writes it, without the colon (`Date`). */
  readonly label: string
  /** Other labels real documents use for the same field (`Incident Date`, `Authors`). */
  readonly aliases?: readonly string[]
  /** Aliases the template accepts as written (its `aka`): no rule asks for the template's label instead. */
  readonly accepted?: readonly string[]
  /** The template's placeholder, written when the field is unfilled (`{DATE}`). */
  readonly placeholder: string
  /** How the label is written: `**Label:**` (default) or `Label:`. */
  readonly labelStyle?: 'bold' | 'plain'
  /** Text the template writes after the value (` minutes` after the duration): layout after a number. */
  readonly suffix?: string
  /**
   * An `enum` the template leaves to resolve (`Full fix / Temporary workaround`): written so while
   * unfilled, and `hotfix-choice` reports it.
   */
  readonly choice?: boolean
}

/** A column of one of the template's tables. */
export interface ColumnSpec extends ValueSpec {
  /** Key of the row object (`time`, `owner`). */
  readonly key: string
  /** Header cell as the template writes it (`Due Date`). */
  readonly header: string
  /** Other headers real documents use for the column (`Who`, `Due`). */
  readonly aliases?: readonly string[]
  /** Whether the template writes a placeholder in this column of its own rows. */
  readonly placeholderColumn: boolean
  /** Text written for an unfilled cell (`N`: the row's number, as in `{action_1}`). */
  readonly placeholder: string
  /** For a status: the values that close an item (`Done`, `Won't Do`). */
  readonly closed?: readonly string[]
  /** For a status: the value a ticked box (`- [x]`) means (`Done`). */
  readonly done?: string
  /** For the zone column: the words between its header and the zone (` in ` for `Date and Time in CET`; default ` (`…`)`). */
  readonly zoneJoin?: string
}

/** A label and the list of items under it (`**Contributing factors:**` and `1. {factor_1}`). */
export interface LabelledList {
  readonly label: string
  readonly path: string
  readonly placeholders: readonly string[]
  readonly optional?: boolean
  /** The list's marker (default: `.`, numbered). */
  readonly marker?: ListMarker
  /** How the label is written: `**Label:**` (default) or `Label:`. */
  readonly labelStyle?: 'bold' | 'plain'
  /** A blank line between the label and its list (default: none). */
  readonly gap?: boolean
  /** The label is the last line of the field lines before it (`Owner: …` … `Involved:`), not a paragraph of its own. */
  readonly attached?: boolean
  /** Other labels real documents use for the list. */
  readonly aliases?: readonly string[]
  readonly role?: FieldRole
}

/** How a list item reads as a row when a table's rows are written as a list. */
export type RowGrammar =
  /** Rows that start with a time: `- 14:02 - text`, `- [14:02] text`, `- **14:02 UTC** text`. */
  | 'timed'
  /** Tasks: `- [x] Rotate the certificate (@dana, due 2026-03-20)`. */
  | 'task'

/** One block of a section's body, in the template's layout. */
export type Block =
  /** One paragraph, one `**Label:** value` per line (the header and the meeting footer). */
  | {readonly type: 'fieldLines'; readonly fields: readonly FieldSpec[]}
  /**
   * A section's heading in the template's words (`Short-term Improvements (Target: {Month YYYY})`,
   * the title `{Month Do, YYYY} {Incident title}`): its slots are fields, read from the heading and
   * written into it; a heading written any other way is kept, verbatim, at `textPath`.
   */
  | {readonly type: 'headingFields'; readonly pattern: readonly PatternPart[]; readonly fields: readonly FieldSpec[]; readonly textPath: string}
  /** A paragraph `**Label:** value`. */
  | {readonly type: 'fieldParagraph'; readonly field: FieldSpec}
  /** A bullet list whose items are `- **Label:** value` fields (Impact). */
  | {readonly type: 'fieldList'; readonly fields: readonly FieldSpec[]; readonly marker?: ListMarker}
  /** A table of two columns, a field a row: `| **Incident date** | {Mon D, YYYY} |`. */
  | {readonly type: 'fieldTable'; readonly fields: readonly FieldSpec[]; readonly compact?: boolean}
  /** One line of fields in the template's words: `**{Critical/Major/Minor}** - {why}`, `All times in {zone}.`. */
  | {readonly type: 'patternLine'; readonly pattern: readonly PatternPart[]; readonly fields: readonly FieldSpec[]}
  /** A `**Label:**` paragraph directly followed by an ordered list of items (Contributing factors). */
  | ({readonly type: 'listUnderLabel'} & LabelledList)
  /** An ordered list making up the whole section (What Went Well, lessons); another marker as the template writes it. */
  | {readonly type: 'list'; readonly path: string; readonly placeholders: readonly string[]; readonly optional?: boolean; readonly marker?: ListMarker}
  /** Free Markdown making up the whole section (Executive Summary). */
  | {readonly type: 'markdown'; readonly path: string; readonly placeholder: string; readonly role?: FieldRole; readonly optional?: boolean}
  /** A table of rows (Timeline, action items). */
  | {
      readonly type: 'table'
      readonly path: string
      readonly columns: readonly ColumnSpec[]
      /** Rows the template writes for an empty list. */
      readonly templateRows: readonly (readonly string[])[]
      /** How a list item reads as a row when the rows are written as a list. */
      readonly rows: RowGrammar
      /** The column whose words hold what the template has no column for (`Bug: #12`). */
      readonly textColumn: string
      /**
       * The column whose header names the time zone (`Time (UTC)`); the section's heading may
       * name it too (`Timeline (all times PST)`), and the draft keeps it at `zonePath`.
       */
      readonly zoneColumn?: string
      /** Where the draft keeps the zone the table's times are in (`timelineTimeZone`). */
      readonly zonePath?: string
      /** A complete postmortem needs at least one row (default: true). */
      readonly optional?: boolean
      /** The delimiter row written `|---|---|` (default: dashes as wide as each header plus two). */
      readonly compact?: boolean
      /** Rows written as list items in the template's words (`* [{HH:MM}] {event}`), not a table. */
      readonly list?: {readonly marker: ListMarker; readonly pattern: readonly PatternPart[]; readonly task?: boolean}
      /**
       * Rows written as headings with text under them (`### {{ hh:mm }}` and a paragraph): the
       * heading's pattern fills the row's other columns, the text under it the `body` column.
       */
      readonly entries?: {readonly depth: number; readonly heading: readonly PatternPart[]; readonly body: string}
      /**
       * Rows under sub-headings of the section, which documents name as they like (the template's
       * are samples): the sub-heading's text is the row's `key` column, the rows are the list under it.
       */
      readonly groups?: {readonly depth: number; readonly key: string}
    }
  /** A `**Label:**` paragraph directly followed by a task list of `Label: value` items. */
  | {
      readonly type: 'checklist'
      readonly label: string
      readonly fields: readonly FieldSpec[]
      /**
       * Required only while a choice says so (the proper-fix checklist while the hotfix was a
       * temporary workaround); otherwise its lines may stay unfilled (SPEC §2).
       */
      readonly requiredWhen?: {readonly path: string; readonly value: string}
    }
  /** The thematic break before the meeting footer. */
  | {readonly type: 'rule'}

/** A section's id: the camelCase of its heading (`executiveSummary`), or what the profile names. */
export type SectionId = string

/**
 * What a section is: the `title` (the `#` heading and the header fields under it), a `section`
 * with a heading and blocks, a `group` whose content is its sub-sections (Root Cause Analysis,
 * Action Items, Lessons Learned), or the `footer` (after `---`, no heading).
 */
export type SectionKind = 'title' | 'section' | 'group' | 'footer'

export interface SectionSpec {
  readonly id: SectionId
  readonly kind: SectionKind
  /** Heading text as the template writes it; `null` for the meeting footer (no heading). */
  readonly heading: string | null
  /** Heading depth in the template. */
  readonly depth: 1 | 2 | 3 | 4 | 5 | 6
  /** Enclosing section for sub-sections. */
  readonly parent: SectionId | null
  /** Other headings that mean this section (compared after normalisation). */
  readonly aliases: readonly string[]
  /** Aliases the template accepts as written (its `aka`): `heading-text` does not report them. */
  readonly accepted?: readonly string[]
  /** The section's own body, in template order (sub-sections follow it). */
  readonly blocks: readonly Block[]
  /** Model path of the section's content, for findings about the section as a whole. */
  readonly path: string
  /**
   * Its fields live in its group's object (`rootCause.immediateCause` under Why It Happened): the
   * section has no key of its own.
   */
  readonly fieldsInGroup?: boolean
  /**
   * A sub-section real documents also write as a section of its own (`## What Happened`,
   * `## Contributing Factors` without a Root Cause Analysis around them).
   */
  readonly standalone?: boolean
  /**
   * For a group: the sub-section whose blocks content written straight under the group's heading
   * is read as (`## Action Items` then a table: Prevent Recurrence), any number of times.
   */
  readonly bareContent?: SectionId
  /** Not required in a complete postmortem (default: required). */
  readonly optional?: boolean
  /** Literal text the template writes in the section for the writer to replace (guidance, examples). */
  readonly guidance?: readonly string[]
}

/** How the title heading reads (`# Postmortem: HOTFIX-{ID}`). */
export interface TitleSpec {
  /** The title as the template writes it. */
  readonly text: string
  /** The id the title names after a prefix (`HOTFIX-` and the id, kept at `hotfixId`). */
  readonly id?: {readonly path: string; readonly prefix: string; readonly placeholder: string; readonly describe?: string}
  /** Where a title written any other way is kept, verbatim (`title`). */
  readonly textPath: string
  /** Words before the id the template writes (`Postmortem:`), left out of the title's other words. */
  readonly lead?: string
  /**
   * Words that make a document's first heading its title even when it is not at level 1
   * (`## Postmortem: HOTFIX-12`, `## Incident report: …`), compared after normalisation.
   */
  readonly names?: readonly string[]
}

/** A whole profile: a template's sections in order, its title and how front matter names its fields. */
export interface ProfileSpec {
  /** A name for messages (`built-in`, or the template file's name). */
  readonly name: string
  /** Every section, sub-section and the footer, in template order. */
  readonly sections: readonly SectionSpec[]
  readonly title?: TitleSpec
  /** Front matter keys that may hold the title's id (`hotfix`, `id`, `title`). */
  readonly frontMatterIdKeys?: readonly string[]
  /** Names for the JSON Schema and the TypeScript types (`Postmortem`, `PostmortemDraft`). */
  readonly typeNames?: {readonly complete: string; readonly draft: string}
  /** The notations the template writes placeholders in (default: `{x}` only). */
  readonly placeholders?: readonly PlaceholderNotation[]
  /**
   * The draft of the template itself (what `new` writes, and `stringify` of an empty draft):
   * for a team's template, its text read by its own profile. Default: built from the sections.
   */
  readonly blank?: object
}
