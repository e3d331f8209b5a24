/**
 * The built-in template's TypeScript types (drafts and complete postmortems) and its enums. The
 * schemas they describe are generated from the built-in profile (`builtin-model.ts`).
 */

/** A one-line value of a draft: absent, unfilled (`null`) or as written. */
type DraftText = string | null | undefined

/** What a postmortem document says: keys it lacks are absent, unfilled fields `null`. */
export interface PostmortemDraft {
  /** `# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`. */
  hotfixId?: DraftText
  /** The title as written, when it is not `Postmortem: HOTFIX-` and the id (its id, if any, is `hotfixId`). */
  title?: string | undefined
  /** `**Date:**`: date of the incident, `YYYY-MM-DD`. */
  date?: DraftText
  /** `**Incident:**`: title of the incident. */
  incident?: DraftText
  /** `**Duration:**`: whole minutes, written before ` minutes`. */
  durationMinutes?: DraftText
  /** `**Severity:**`: `P0`, `P1` or `P2`. */
  severity?: DraftText
  /** `**Author:**`: who wrote the postmortem. */
  author?: DraftText
  /** `## Executive Summary`: Markdown, kept verbatim. */
  executiveSummary?: DraftText
  /** `## Impact`. */
  impact?: {usersAffected?: DraftText; duration?: DraftText; revenueImpact?: DraftText; dataImpact?: DraftText; reputationImpact?: DraftText} | undefined
  /** `## Timeline (Detailed)`: the table rows, in document order. */
  timeline?: TimelineRow[] | undefined
  /** Zone of the timeline times as the document names it (`PST`, `US Pacific`); `UTC` when it names none. */
  timelineTimeZone?: string | undefined
  /** `## Root Cause Analysis`. */
  rootCause?:
    | {
        whatHappened?: DraftText
        immediateCause?: DraftText
        contributingFactors?: (string | null)[] | undefined
        testingGap?: DraftText
        monitoringGap?: DraftText
        processGap?: DraftText
      }
    | undefined
  /** `## What Went Well`: list items; unfilled ones are null. */
  wentWell?: (string | null)[] | undefined
  /** `## What Didn't Go Well`: list items; unfilled ones are null. */
  wentPoorly?: (string | null)[] | undefined
  /** `## Where We Got Lucky`: Markdown, kept verbatim. */
  gotLucky?: DraftText
  /** `## Action Items`: the three tables. */
  actionItems?: {preventRecurrence?: ActionItem[] | undefined; improveDetection?: ActionItem[] | undefined; improveResponse?: ActionItem[] | undefined} | undefined
  /** `## Proper Fix`. */
  properFix?: {hotfixWas?: DraftText; storyCreated?: ChecklistEntry | undefined; scheduledFor?: ChecklistEntry | undefined; description?: ChecklistEntry | undefined} | undefined
  /** `## Communication`. */
  communication?: {internalNotification?: DraftText; customerNotification?: DraftText; publicPostmortem?: DraftText} | undefined
  /** `## Lessons Learned`. */
  lessonsLearned?: {technical?: (string | null)[] | undefined; process?: (string | null)[] | undefined; team?: (string | null)[] | undefined} | undefined
  /** `## Blameless Culture Note`: Markdown, kept verbatim. */
  blamelessNote?: DraftText
  /** The meeting footer. */
  meeting?: {heldOn?: DraftText; attendees?: string[] | null | undefined; documentedBy?: DraftText} | undefined
  /** YAML front matter, verbatim, without its `---` fences. */
  frontMatter?: string | undefined
  /** Content the template has no field for, in document order. */
  extra?: Extra[] | undefined
}

/** A row of the timeline table. */
export interface TimelineRow {
  time?: DraftText
  event?: DraftText
  who?: DraftText
}

/** An action item: a row of one of the three action item tables. */
export interface ActionItem {
  action?: DraftText
  owner?: DraftText
  dueDate?: DraftText
  priority?: DraftText
  status?: DraftText
}

/** A line of the proper-fix checklist. */
export interface ChecklistEntry {
  checked: boolean
  value: string | null
}

/** Content the template has no field for, kept where it stood. */
export interface Extra {
  after: string
  markdown: string
}

/** The built-in template's severities. */
export const severities = ['P0', 'P1', 'P2'] as const
/** An action item's priorities. */
export const priorities = ['High', 'Medium', 'Low'] as const
/** An action item's statuses. */
export const statuses = ['Not Started', 'In Progress', 'Blocked', 'Done', "Won't Do"] as const
/** What the hotfix was. */
export const hotfixKinds = ['Full fix', 'Temporary workaround'] as const

/** An incident's severity in a complete postmortem (not a finding's level, `FindingSeverity`). */
export type IncidentSeverity = (typeof severities)[number]
/** An action item's priority in a complete postmortem. */
export type ActionPriority = (typeof priorities)[number]
/** An action item's status in a complete postmortem. */
export type ActionStatus = (typeof statuses)[number]

/** A complete action item. */
interface CompleteActionItem {
  action: string
  owner: string
  dueDate: string
  priority: ActionPriority
  status: ActionStatus
}

/** A complete postmortem: every required field filled and typed. */
export interface Postmortem {
  hotfixId: string
  title?: string | undefined
  date: string
  incident: string
  durationMinutes: number
  severity: IncidentSeverity
  author: string
  executiveSummary: string
  impact: {usersAffected: string; duration: string; revenueImpact: string; dataImpact: string; reputationImpact: string}
  timeline: {time: string; event: string; who?: string | null | undefined}[]
  timelineTimeZone: string
  rootCause: {whatHappened: string; immediateCause: string; contributingFactors: string[]; testingGap: string; monitoringGap: string; processGap: string}
  wentWell: string[]
  wentPoorly: string[]
  gotLucky: string
  actionItems: {preventRecurrence: CompleteActionItem[]; improveDetection: CompleteActionItem[]; improveResponse: CompleteActionItem[]}
  properFix: {hotfixWas: (typeof hotfixKinds)[number]; storyCreated?: ChecklistEntry | undefined; scheduledFor?: ChecklistEntry | undefined; description?: ChecklistEntry | undefined}
  communication: {internalNotification: string; customerNotification: string; publicPostmortem: string}
  lessonsLearned: {technical: string[]; process: string[]; team: string[]}
  blamelessNote: string
  meeting: {heldOn: string; attendees: string[]; documentedBy: string}
  frontMatter?: string | undefined
  extra?: Extra[] | undefined
}

