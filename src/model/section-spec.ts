/**
 * The shapes of the section table's entries: what a section, a field, a column and a block of the
 * template are. The table itself is `sections.ts`.
 */

/** A labelled one-line field such as `**Date:** {DATE}`. */
export interface FieldSpec {
  /** Model path (`date`, `impact.usersAffected`, `meeting.heldOn`). */
  readonly path: string
  /** Label as the template writes it, without the colon (`Date`). */
  readonly label: string
  /** Other labels real documents use for the same field (`Incident Date`, `Authors`). */
  readonly aliases?: readonly string[]
  /** The template's placeholder, written when the field is unfilled (`{DATE}`). */
  readonly placeholder: string
  /** Text the template writes after the value (` minutes` for the duration). */
  readonly suffix?: string
  /** What the complete model expects; drives descriptions and rules. */
  readonly type: 'text' | 'date' | 'minutes' | 'severity' | 'hotfix' | 'names'
}

/** A column of one of the template's tables. */
export interface ColumnSpec {
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
  readonly type: 'text' | 'time' | 'date' | 'priority' | 'status'
}

/** One block of a section's body, in the template's layout. */
export type Block =
  /** One paragraph, one `**Label:** value` per line (the header and the meeting footer). */
  | {readonly type: 'fieldLines'; readonly fields: readonly FieldSpec[]}
  /** A paragraph `**Label:** value`. */
  | {readonly type: 'labelParagraph'; readonly field: FieldSpec}
  /** A bullet list of `- **Label:** value` items (Impact). */
  | {readonly type: 'labelList'; readonly fields: readonly FieldSpec[]}
  /** A `**Label:**` paragraph directly followed by an ordered list (Contributing factors). */
  | {
      readonly type: 'labeledList'
      readonly label: string
      readonly path: string
      readonly placeholders: readonly string[]
    }
  /** An ordered list making up the whole section (What Went Well, lessons). */
  | {readonly type: 'list'; readonly path: string; readonly placeholders: readonly string[]}
  /** Free Markdown making up the whole section (Executive Summary). */
  | {readonly type: 'markdown'; readonly path: string; readonly placeholder: string}
  /** A table of rows (Timeline, action items). */
  | {
      readonly type: 'table'
      readonly path: string
      readonly columns: readonly ColumnSpec[]
      /** Rows the template writes for an empty list. */
      readonly templateRows: readonly (readonly string[])[]
      /**
       * How a list item reads as a row when the rows are written as a list: `timeline`
       * (`- 14:02 - text`) or `action` (`- [x] Rotate the key (@dana, due 2026-03-20)`).
       */
      readonly listRows: 'timeline' | 'action'
      /** The column whose words hold what the template has no column for (`Bug: #12`). */
      readonly textColumn: string
      /**
       * The column whose header names the time zone (`Time (UTC)`); the section's heading may
       * name it too (`Timeline (all times PST)`).
       */
      readonly zoneColumn?: string
    }
  /** A `**Label:**` paragraph directly followed by a task list of `Label: value` items. */
  | {
      readonly type: 'checklist'
      readonly label: string
      readonly fields: readonly FieldSpec[]
    }
  /** The thematic break before the meeting footer. */
  | {readonly type: 'rule'}

export type SectionId =
  | 'title'
  | 'executiveSummary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'whatHappened'
  | 'whyItHappened'
  | 'whyNotCaught'
  | 'wentWell'
  | 'wentPoorly'
  | 'gotLucky'
  | 'actionItems'
  | 'preventRecurrence'
  | 'improveDetection'
  | 'improveResponse'
  | 'properFix'
  | 'communication'
  | 'lessonsLearned'
  | 'technicalLessons'
  | 'processLessons'
  | 'teamLessons'
  | 'blamelessNote'
  | 'meeting'

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
  readonly depth: 1 | 2 | 3
  /** Enclosing section for `###` sub-sections. */
  readonly parent: SectionId | null
  /** Other headings that mean this section (compared after normalisation). */
  readonly aliases: readonly string[]
  /** The section's own body, in template order (sub-sections follow it). */
  readonly blocks: readonly Block[]
  /** Model path of the section's content, for findings about the section as a whole. */
  readonly path: string
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
}
