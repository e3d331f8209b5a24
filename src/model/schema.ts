/**
 * The model: `PostmortemDraftSchema` (what a document says) and `PostmortemSchema` (what a complete
 * postmortem means). A draft's keys follow SPEC §2's three states: a key the document lacks is
 * absent, a field still holding the template's placeholder is `null`, and what the user wrote is
 * a string (the empty string when present but empty).
 */
import {z} from 'zod'
import {cellText, describe, hotfixIdText, inlineText, labelOf, listItemText, markdownBody, nameText, titleText} from './checks.js'
import {ExtraSchema, extrasProblem} from './extras.js'
import {draftProblems} from './presence.js'
import {isIsoDate, isUnresolvedChoice, looksLikeZone, timeToMinutes, withoutUnit} from './text.js'

const draftText = {filled: false} as const
const filledText = {filled: true} as const

const severityValues = ['P0', 'P1', 'P2'] as const
const priorityValues = ['High', 'Medium', 'Low'] as const
const statusValues = ['Not Started', 'In Progress', 'Blocked', 'Done', "Won't Do"] as const
const hotfixValues = ['Full fix', 'Temporary workaround'] as const

/** A draft value: absent, unfilled (`null`) or written. */
const field = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

const frontMatter = z
  .string()
  .refine((value) => !/^---[ \t]*$/m.test(value), 'Front matter cannot hold a `---` line')
  .meta({description: 'YAML front matter, verbatim, without its `---` fences'})

const extraList = z
  .array(ExtraSchema)
  .min(1, 'Unexpected empty `extra`, expected at least one block (leave the key out when there is none)')
  .check((ctx) => {
    const problem = extrasProblem(ctx.value)
    if (problem) ctx.issues.push({code: 'custom', message: problem.message, input: ctx.value, path: [problem.index]})
  })
  .meta({description: 'Content the template has no field for, in document order'})

// ---------------------------------------------------------------------------------------------
// The draft.

const draftTimelineRow = z
  .object({
    time: field(cellText('Time', 'time of the event (`HH:MM`, `HH:MM:SS`, `2:54 PM` or an ISO date-time), with its zone word if written', draftText)),
    event: field(cellText('Event', 'what happened', draftText)),
    who: field(cellText('Who', 'person or system', draftText))
  })
  .refine((row) => Object.keys(row).length > 0, 'A timeline row holds at least one cell')
  .meta({description: 'A row of the `## Timeline (Detailed)` table; unfilled cells are null, cells of a column the table lacks absent'})

const draftActionItem = z
  .object({
    action: field(cellText('Action', 'what will be done', draftText)),
    owner: field(cellText('Owner', 'who does it', draftText)),
    dueDate: field(cellText('Due Date', '`YYYY-MM-DD`', draftText)),
    priority: field(cellText('Priority', '`High`, `Medium` or `Low`', draftText)),
    status: field(cellText('Status', "`Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`", draftText))
  })
  .refine((row) => Object.keys(row).length > 0, 'An action item holds at least one cell')
  .meta({description: 'A row of an action item table; unfilled cells are null, cells of a column the table lacks absent'})

const draftChecklistEntry = (path: string) =>
  z
    .object({
      checked: z.boolean().meta({description: 'Whether the box is ticked (`[x]`)'}),
      value: inlineText(path, draftText, 'text after the label, one line').nullable()
    })
    .optional()
    .meta(describe(path, 'a line of the proper-fix checklist'))

const draftList = (path: string) => z.array(listItemText(path, draftText).nullable()).optional().meta(describe(path, 'list items; unfilled ones are null'))
const draftRows = <T extends z.ZodType>(path: string, row: T) => z.array(row).optional().meta(describe(path, 'the table rows, in document order'))

/** What a postmortem document says: absent keys it lacks, `null` where it holds a placeholder. */
export const PostmortemDraftSchema = z
  .object({
    hotfixId: field(hotfixIdText(draftText)).meta({description: '`# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`'}),
    title: titleText().optional(),
    date: field(inlineText('date', draftText, 'date of the incident, `YYYY-MM-DD`')),
    incident: field(inlineText('incident', draftText, 'title of the incident')),
    durationMinutes: field(
      inlineText('durationMinutes', draftText, 'whole minutes, written before ` minutes`').check((ctx) => {
        // `47 minutes` would be written `47 minutes minutes`: the unit is the template's.
        if (withoutUnit(ctx.value, ' minutes') !== ctx.value) ctx.issues.push({code: 'custom', message: 'The Duration is written before ` minutes`: leave the unit out (`47`)', input: ctx.value})
      })
    ),
    severity: field(inlineText('severity', draftText, '`P0`, `P1` or `P2`')),
    author: field(inlineText('author', draftText, 'who wrote the postmortem')),
    executiveSummary: field(markdownBody('executiveSummary', draftText)),
    impact: z
      .object({
        usersAffected: field(inlineText('impact.usersAffected', draftText)),
        duration: field(inlineText('impact.duration', draftText)),
        revenueImpact: field(inlineText('impact.revenueImpact', draftText)),
        dataImpact: field(inlineText('impact.dataImpact', draftText)),
        reputationImpact: field(inlineText('impact.reputationImpact', draftText))
      })
      .optional(),
    timeline: draftRows('timeline', draftTimelineRow),
    timelineTimeZone: z
      .string()
      .check((ctx) => {
        const value = ctx.value
        const problem = looksLikeZone(value) && value === value.trim() ? undefined : `Unexpected time zone \`${value}\`, expected an abbreviation (\`PST\`, \`UTC+2\`), an offset (\`+02:00\`), an IANA name (\`Europe/Berlin\`) or \`US Pacific\``
        if (problem) ctx.issues.push({code: 'custom', message: problem, input: value})
      })
      .optional()
      .meta({description: 'Zone of the timeline times as the document names it (`PST`, `US Pacific`), written in the `Time (UTC)` column header; `UTC` when the document names none'}),
    rootCause: z
      .object({
        whatHappened: field(markdownBody('rootCause.whatHappened', draftText)),
        immediateCause: field(inlineText('rootCause.immediateCause', draftText)),
        contributingFactors: draftList('rootCause.contributingFactors'),
        testingGap: field(inlineText('rootCause.testingGap', draftText)),
        monitoringGap: field(inlineText('rootCause.monitoringGap', draftText)),
        processGap: field(inlineText('rootCause.processGap', draftText))
      })
      .optional(),
    wentWell: draftList('wentWell'),
    wentPoorly: draftList('wentPoorly'),
    gotLucky: field(markdownBody('gotLucky', draftText)),
    actionItems: z
      .object({
        preventRecurrence: draftRows('actionItems.preventRecurrence', draftActionItem),
        improveDetection: draftRows('actionItems.improveDetection', draftActionItem),
        improveResponse: draftRows('actionItems.improveResponse', draftActionItem)
      })
      .optional(),
    properFix: z
      .object({
        hotfixWas: field(inlineText('properFix.hotfixWas', draftText, '`Full fix` or `Temporary workaround`')).refine(
          (value) => value === null || value === undefined || !isUnresolvedChoice(value),
          'The Hotfix was value `Full fix / Temporary workaround` is the unresolved template choice; use null'
        ),
        storyCreated: draftChecklistEntry('properFix.storyCreated'),
        scheduledFor: draftChecklistEntry('properFix.scheduledFor'),
        description: draftChecklistEntry('properFix.description')
      })
      .optional(),
    communication: z
      .object({
        internalNotification: field(inlineText('communication.internalNotification', draftText)),
        customerNotification: field(inlineText('communication.customerNotification', draftText)),
        publicPostmortem: field(inlineText('communication.publicPostmortem', draftText))
      })
      .optional(),
    lessonsLearned: z
      .object({
        technical: draftList('lessonsLearned.technical'),
        process: draftList('lessonsLearned.process'),
        team: draftList('lessonsLearned.team')
      })
      .optional(),
    blamelessNote: field(markdownBody('blamelessNote', {...draftText, noRule: true})),
    meeting: z
      .object({
        heldOn: field(inlineText('meeting.heldOn', draftText, 'date of the review meeting, `YYYY-MM-DD`')),
        attendees: field(z.array(nameText(draftText))).meta(describe('meeting.attendees', 'names, written comma-separated')),
        documentedBy: field(inlineText('meeting.documentedBy', draftText))
      })
      .optional(),
    frontMatter: frontMatter.optional(),
    extra: extraList.optional()
  })
  .superRefine((draft, ctx) => {
    for (const problem of draftProblems(draft)) ctx.addIssue({code: 'custom', message: problem.message, path: problem.path})
  })
  .meta({title: 'PostmortemDraft', description: 'What a postmortem document says: keys it lacks are absent, unfilled fields null'})

// ---------------------------------------------------------------------------------------------
// The complete postmortem.

const dateText = (path: string) =>
  inlineText(path, filledText, 'a calendar date, `YYYY-MM-DD`').refine(isIsoDate, {message: `${labelOf(path)} must be a real calendar date written \`YYYY-MM-DD\``})

const enumText = <const T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, {error: () => `Unexpected value for ${name}, expected ${values.map((v) => `\`${v}\``).join(', ').replace(/, ([^,]*)$/, ' or $1')}`})

const timelineRow = z
  .object({
    time: cellText('Time', 'HH:MM, HH:MM:SS, 2:54 PM or an ISO date-time', filledText).refine((value) => timeToMinutes(value) !== undefined, {
      message: 'A timeline Time must be `HH:MM`, `HH:MM:SS`, a 12-hour time or an ISO date-time'
    }),
    event: cellText('Event', 'what happened', filledText),
    who: cellText('Who', 'person or system', draftText).nullable().optional()
  })
  .meta({description: 'A row of the `## Timeline (Detailed)` table'})

const actionItem = z
  .object({
    action: cellText('Action', 'what will be done', filledText),
    owner: cellText('Owner', 'who does it', filledText),
    dueDate: cellText('Due Date', '`YYYY-MM-DD`', filledText).refine(isIsoDate, {message: 'An action item Due Date must be a real calendar date written `YYYY-MM-DD`'}),
    priority: enumText(priorityValues, 'action item Priority'),
    status: enumText(statusValues, 'action item Status')
  })
  .meta({description: 'A row of an action item table'})

const checklistEntry = (path: string) =>
  z
    .object({checked: z.boolean(), value: inlineText(path, draftText, 'text after the label').nullable()})
    .optional()
    .meta(describe(path, 'a line of the proper-fix checklist (required for a temporary workaround)'))

const nonEmptyList = (path: string) =>
  z.array(listItemText(path)).min(1, {message: `${labelOf(path)} needs at least one item`}).meta(describe(path, 'list items, at least one'))

/** What a complete postmortem means: every required field filled and typed. */
export const PostmortemSchema = z
  .object({
    hotfixId: hotfixIdText(filledText).meta({description: '`# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`'}),
    title: titleText(filledText).optional(),
    date: dateText('date'),
    incident: inlineText('incident', filledText, 'title of the incident'),
    durationMinutes: z.int().min(0).meta(describe('durationMinutes', 'whole minutes')),
    severity: enumText(severityValues, 'Severity'),
    author: inlineText('author', filledText, 'who wrote the postmortem'),
    executiveSummary: markdownBody('executiveSummary', filledText),
    impact: z.object({
      usersAffected: inlineText('impact.usersAffected', filledText),
      duration: inlineText('impact.duration', filledText),
      revenueImpact: inlineText('impact.revenueImpact', filledText),
      dataImpact: inlineText('impact.dataImpact', filledText),
      reputationImpact: inlineText('impact.reputationImpact', filledText)
    }),
    timeline: z.array(timelineRow).min(1, {message: 'The timeline needs at least one row'}).meta(describe('timeline', 'the table rows')),
    timelineTimeZone: PostmortemDraftSchema.shape.timelineTimeZone.unwrap(),
    rootCause: z.object({
      whatHappened: markdownBody('rootCause.whatHappened', filledText),
      immediateCause: inlineText('rootCause.immediateCause', filledText),
      contributingFactors: nonEmptyList('rootCause.contributingFactors'),
      testingGap: inlineText('rootCause.testingGap', filledText),
      monitoringGap: inlineText('rootCause.monitoringGap', filledText),
      processGap: inlineText('rootCause.processGap', filledText)
    }),
    wentWell: nonEmptyList('wentWell'),
    wentPoorly: nonEmptyList('wentPoorly'),
    gotLucky: markdownBody('gotLucky', filledText),
    actionItems: z
      .object({
        preventRecurrence: z.array(actionItem),
        improveDetection: z.array(actionItem),
        improveResponse: z.array(actionItem)
      })
      .refine((items) => items.preventRecurrence.length + items.improveDetection.length + items.improveResponse.length > 0, {
        message: 'Action Items needs at least one action item in one of its three tables'
      }),
    properFix: z
      .object({
        hotfixWas: enumText(hotfixValues, 'Hotfix was'),
        storyCreated: checklistEntry('properFix.storyCreated'),
        scheduledFor: checklistEntry('properFix.scheduledFor'),
        description: checklistEntry('properFix.description')
      })
      .superRefine((fix, ctx) => {
        if (fix.hotfixWas !== 'Temporary workaround') return
        for (const key of ['storyCreated', 'scheduledFor', 'description'] as const) {
          const entry = fix[key]
          if (!entry || !entry.checked || !entry.value) {
            const label = labelOf(`properFix.${key}`).replace(/\*\*/g, '')
            ctx.addIssue({code: 'custom', path: [key], message: `A temporary workaround needs its proper-fix checklist done: ${label} is ${!entry ? 'missing' : !entry.value ? 'unfilled' : 'unchecked'}`})
          }
        }
      }),
    communication: z.object({
      internalNotification: inlineText('communication.internalNotification', filledText),
      customerNotification: inlineText('communication.customerNotification', filledText),
      publicPostmortem: inlineText('communication.publicPostmortem', filledText)
    }),
    lessonsLearned: z.object({
      technical: nonEmptyList('lessonsLearned.technical'),
      process: nonEmptyList('lessonsLearned.process'),
      team: nonEmptyList('lessonsLearned.team')
    }),
    blamelessNote: markdownBody('blamelessNote', {...filledText, noRule: true}),
    meeting: z.object({
      heldOn: dateText('meeting.heldOn'),
      attendees: z.array(nameText()).min(1, {message: '**Attendees:** needs at least one name'}),
      documentedBy: inlineText('meeting.documentedBy', filledText)
    }),
    frontMatter: frontMatter.optional(),
    extra: extraList.optional()
  })
  .superRefine((postmortem, ctx) => {
    for (const problem of draftProblems(postmortem)) ctx.addIssue({code: 'custom', message: problem.message, path: problem.path})
  })
  .meta({title: 'Postmortem', description: 'A complete postmortem: every required field filled and typed'})

type DraftShape = z.infer<typeof PostmortemDraftSchema>
type CompleteShape = z.infer<typeof PostmortemSchema>

/** What a postmortem document says: keys it lacks are absent, unfilled fields `null`. */
export interface PostmortemDraft extends DraftShape {}
/** A complete postmortem: every required field filled and typed. */
export interface Postmortem extends CompleteShape {}
/** A row of the timeline table. */
export type TimelineRow = NonNullable<PostmortemDraft['timeline']>[number]
/** An action item: a row of one of the three action item tables. */
export type ActionItem = NonNullable<NonNullable<PostmortemDraft['actionItems']>['preventRecurrence']>[number]
/** A line of the proper-fix checklist. */
export type ChecklistEntry = NonNullable<NonNullable<PostmortemDraft['properFix']>['storyCreated']>
/** Content the template has no field for, kept where it stood. */
export type Extra = z.infer<typeof ExtraSchema>

export const severities = severityValues
export const priorities = priorityValues
export const statuses = statusValues
export const hotfixKinds = hotfixValues

/** An incident's severity in a complete postmortem (not a finding's level, `FindingSeverity`). */
export type IncidentSeverity = (typeof severityValues)[number]
/** An action item's priority in a complete postmortem. */
export type ActionPriority = (typeof priorityValues)[number]

export {AnchorSchema, ExtraSchema, anchorRank, extrasProblem} from './extras.js'
