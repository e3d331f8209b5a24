import {z} from 'zod'
import {listItemProblem, markdownBodyProblem, tryParse} from './markdown.js'
import {fields, sectionById, sectionOrder, sections, sectionsForHeading, type FieldSpec, type SectionId} from './sections.js'
import {hasLineBreak, hasOuterSpace, isIsoDate, isPlaceholder, isUnresolvedChoice, timeToMinutes} from './text.js'

// Descriptions come from the section table, so the schema names fields in the template's words.
const fieldByPath = new Map<string, FieldSpec>(fields.map(({field}) => [field.path, field]))
const sectionByPath = new Map(sections.map((section) => [section.path, section]))

function labelOf(path: string): string {
  const field = fieldByPath.get(path)
  if (field) return `**${field.label}:**`
  const section = sectionByPath.get(path)
  if (section?.heading) return `\`${'#'.repeat(section.depth)} ${section.heading}\``
  return path
}

function describe(path: string, what: string): {description: string} {
  return {description: `${labelOf(path)}: ${what}`}
}

type Check = (value: string) => string | undefined

/** Checks shared by every filled value: not empty, not a bare placeholder, no outer space. */
function filled(name: string): Check {
  return (value) => {
    if (value === '') return `${name} is empty; use null for an unfilled field`
    if (isPlaceholder(value)) return `${name} is only a placeholder (\`${value}\`); use null for an unfilled field`
    if (hasOuterSpace(value)) return `${name} has leading or trailing white space, which Markdown cannot keep`
    if (value.includes('\r')) return `${name} holds a carriage return; Markdown lines end with a line feed`
    return undefined
  }
}

function oneLine(name: string): Check {
  const base = filled(name)
  return (value) => base(value) ?? (hasLineBreak(value) ? `${name} holds a line break, but it is a one-line field` : undefined)
}

function refined(checks: Check[]): z.ZodString {
  let schema = z.string()
  for (const check of checks) {
    schema = schema.check((ctx) => {
      const problem = check(ctx.value)
      if (problem) ctx.issues.push({code: 'custom', message: problem, input: ctx.value})
    }) as z.ZodString
  }
  return schema
}

/** A one-line Markdown value (header field, label value, list item label). */
function inlineText(path: string, what = 'inline Markdown, one line'): z.ZodString {
  return refined([oneLine(labelOf(path))]).meta(describe(path, what)) as z.ZodString
}

/** A table cell: one line, and no `\|` (the table writes `|` as `\|`, so `\|` would read back as a cell boundary). */
function cellText(name: string, what: string): z.ZodString {
  return refined([
    oneLine(name),
    (value) => (value.includes('\\|') ? `${name} holds \`\\|\`, which a table cell cannot keep (write \`|\` alone)` : undefined)
  ]).meta({description: `${name}: ${what}`}) as z.ZodString
}

/** Free Markdown that is the whole body of a section. */
function markdownBody(path: string, options: {noRule?: boolean} = {}): z.ZodString {
  const name = labelOf(path)
  return refined([
    filled(name),
    (value) => {
      const problem = markdownBodyProblem(value, options)
      return problem ? `${name} cannot be written back as a section body: ${problem}` : undefined
    }
  ]).meta(describe(path, 'Markdown, kept verbatim')) as z.ZodString
}

/** One item of an ordered list: Markdown, continuation lines without their indentation. */
function listItemText(path: string): z.ZodString {
  const name = `An item of ${labelOf(path)}`
  return refined([
    filled(name),
    (value) => {
      const problem = listItemProblem(value)
      return problem ? `${name} cannot be written back: ${problem}` : undefined
    }
  ]).meta({
    description: `An item of ${labelOf(path)}: Markdown, kept verbatim (continuation lines without indentation)`
  }) as z.ZodString
}

/** The id after `HOTFIX-`: one word (the title's other words are kept apart, see `extra`). */
function hotfixIdText(): z.ZodString {
  return refined([
    oneLine('The id after `HOTFIX-`'),
    (value) => (/[\s]/.test(value) ? 'The id after `HOTFIX-` is one word; other words of the title go in an extra paragraph' : undefined),
    (value) => (value.endsWith(':') ? 'The id after `HOTFIX-` cannot end with `:`' : undefined)
  ]).meta({description: 'The id after `HOTFIX-` in the title, one word'}) as z.ZodString
}

function nameText(): z.ZodString {
  return refined([
    oneLine('An attendee'),
    (value) => (value.includes(',') ? 'An attendee holds a comma, but attendees are written comma-separated' : undefined)
  ]).meta({description: 'One attendee, as written'}) as z.ZodString
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable()

// ---------------------------------------------------------------------------------------------
// Extras: content the template has no field for.

/**
 * Where an extra block stands: after a section's heading (`"impact:heading"`), after a section's
 * own content (`"impact"`), or before the title (`"start"`).
 */
export const AnchorSchema = z
  .string()
  .regex(/^(?:start|[a-zA-Z]+(?::heading)?)$/)
  .refine((value) => {
    const id = value.replace(/:heading$/, '')
    return value === 'start' || sections.some((section) => section.id === id)
  }, 'Unexpected anchor, expected `start`, a section id or `<section id>:heading`')
  .meta({description: 'Where the block stands: `start`, a section id (after its content) or `<id>:heading` (right after its heading)'})

export const ExtraSchema = z
  .object({
    after: AnchorSchema,
    markdown: z
      .string()
      .check((ctx) => {
        const problem = markdownBodyProblem(ctx.value, {allowHeadings: true})
        if (problem) ctx.issues.push({code: 'custom', message: `This extra block cannot be written back: ${problem}`, input: ctx.value})
      })
      .meta({description: 'Markdown source, verbatim'})
  })
  .meta({description: 'Content the template has no field for (an unknown section, an extra paragraph, an image, an HTML comment), kept where it stood'})

const frontMatter = z
  .string()
  .refine((value) => !/^---[ \t]*$/m.test(value), 'Front matter cannot hold a `---` line')
  .nullable()
  .meta({description: 'YAML front matter, verbatim, without its `---` fences'})

const markdownSections = new Set(sections.filter((section) => section.blocks.length === 1 && section.blocks[0]!.type === 'markdown').map((section) => section.id))
const sectionsWithBlocks = new Set(sections.filter((section) => section.blocks.length > 0).map((section) => section.id))

/** Position of an anchor in document order: before the title, after a heading, after a section. */
export function anchorRank(after: string): number {
  if (after === 'start') return -1
  const heading = after.endsWith(':heading')
  const order = sectionOrder.get(after.replace(/:heading$/, '') as SectionId) ?? 0
  return order * 2 + (heading ? 0 : 1)
}

/**
 * Why a list of extras could not be written back and read as itself, or `undefined`. Each extra
 * is one block, or a heading the template lacks with its content; they stand in document order.
 */
export function extrasProblem(extras: readonly {after: string; markdown: string}[]): {index: number; message: string} | undefined {
  let rank = -Infinity
  let headedAt = ''
  for (const [index, extra] of extras.entries()) {
    const id = extra.after.replace(/:heading$/, '')
    const current = anchorRank(extra.after)
    if (current < rank) return {index, message: 'Extras must be listed in document order'}
    if (current > rank) headedAt = ''
    rank = current
    const nodes = tryParse(extra.markdown)?.children ?? []
    const first = nodes[0]
    if (!first) return {index, message: 'An extra block is empty'}
    if (first.type === 'heading') {
      if (extra.after === 'start') return {index, message: 'A heading before the title would become the title'}
      if (extra.after.endsWith(':heading')) return {index, message: 'An extra section right after a heading would take in that section\'s content; anchor it after the section'}
      if (nodes.slice(1).some((node) => node.type === 'heading')) return {index, message: 'An extra section holds one heading only'}
      const text = extra.markdown.slice(first.position!.start.offset!, first.position!.end.offset!).replace(/^#+\s*/, '').replace(/\s#+\s*$/, '')
      // Only a heading that would be read as a template section there conflicts.
      const top = sectionById.get(id as SectionId)
      const context = top?.parent ?? top?.id
      const depth = (first as {depth: number}).depth
      const known = sectionsForHeading(text).filter((section) =>
        section.parent === null ? depth <= 2 : section.parent === context && depth > 2
      )
      if (known.length > 0 && !known.some((section) => section.id === id)) return {index, message: `The extra heading \`${text}\` names a template section`}
      // A section-level heading after a group (Root Cause Analysis, Action Items, Lessons
      // Learned) follows the whole group: after its last sub-section.
      const group = top?.parent ?? top?.id
      const last = sections.filter((section) => section.parent === group).at(-1)?.id
      if (depth <= 2 && last && id !== last) return {index, message: `An extra section at this level stands after the last sub-section of its group: anchor it after \`${last}\``}
      // Under Action Items, an unknown sub-heading groups actions: it is kept alone, after the heading.
      if (depth > 2 && group === 'actionItems' && (id !== 'actionItems' || nodes.length > 1)) {
        return {index, message: 'An extra sub-heading under Action Items is a heading alone, anchored after `actionItems`'}
      }
      headedAt = extra.after
      continue
    }
    if (nodes.length !== 1) return {index, message: 'An extra without a heading is one block (a paragraph, list, comment, …)'}
    if (headedAt === extra.after) return {index, message: 'An extra block after an extra section at the same place would become part of that section'}
    if (markdownSections.has(id as SectionId)) return {index, message: `Only a section with a heading can stand after \`${id}\`, whose whole body is free text`}
    if (extra.after.endsWith(':heading') && !sectionsWithBlocks.has(id as SectionId)) return {index, message: `Use \`${id}\` as the anchor, not \`${extra.after}\``}
  }
  return undefined
}

const extraList = z
  .array(ExtraSchema)
  .default([])
  .check((ctx) => {
    const problem = extrasProblem(ctx.value)
    if (problem) ctx.issues.push({code: 'custom', message: problem.message, input: ctx.value, path: [problem.index]})
  })
  .meta({description: 'Content the template has no field for, in document order'})

// ---------------------------------------------------------------------------------------------
// Rows.

const severityValues = ['P0', 'P1', 'P2'] as const
const priorityValues = ['High', 'Medium', 'Low'] as const
const statusValues = ['Not Started', 'In Progress', 'Blocked', 'Done', "Won't Do"] as const
const hotfixValues = ['Full fix', 'Temporary workaround'] as const

function atLeastOneFilled<T extends Record<string, unknown>>(keys: (keyof T)[], what: string) {
  return (row: T) => keys.some((key) => row[key] !== null) || what
}

const draftTimelineRow = z
  .object({
    time: nullable(cellText('Time', 'time of the event (`HH:MM`, `HH:MM:SS` or an ISO date-time)')),
    event: nullable(cellText('Event', 'what happened')),
    who: nullable(cellText('Who', 'person or system'))
  })
  .refine((row) => row.time !== null || row.event !== null || row.who !== null, {
    message: 'A timeline row with every cell unfilled is the template\'s own row; leave it out of the list'
  })
  .meta({description: 'A row of the `## Timeline (Detailed)` table'})

const draftActionItem = z
  .object({
    action: nullable(cellText('Action', 'what will be done')),
    owner: nullable(cellText('Owner', 'who does it')),
    dueDate: nullable(cellText('Due Date', '`YYYY-MM-DD`')),
    priority: nullable(cellText('Priority', '`High`, `Medium` or `Low`')),
    status: nullable(cellText('Status', "`Not Started`, `In Progress`, `Blocked`, `Done` or `Won't Do`"))
  })
  .refine((row) => row.action !== null || row.owner !== null || row.dueDate !== null, {
    message: 'An action item with Action, Owner and Due Date unfilled is the template\'s own row; leave it out of the list'
  })
  .meta({description: 'A row of an action item table'})

const draftChecklistEntry = (path: string) =>
  z
    .object({
      checked: z.boolean().meta({description: 'Whether the box is ticked (`[x]`)'}),
      value: nullable(inlineText(path, 'text after the label, one line'))
    })
    .meta(describe(path, 'a line of the proper-fix checklist'))

// ---------------------------------------------------------------------------------------------
// The draft.

const list = (path: string) => z.array(listItemText(path)).meta(describe(path, 'ordered list items'))

/** What a postmortem document says: every field may be unfilled (`null`), every list empty. */
export const PostmortemDraftSchema = z
  .object({
    hotfixId: nullable(hotfixIdText()).meta({description: '`# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`'}),
    date: nullable(inlineText('date', 'date of the incident, `YYYY-MM-DD`')),
    incident: nullable(inlineText('incident', 'title of the incident')),
    durationMinutes: nullable(inlineText('durationMinutes', 'whole minutes, written before ` minutes`')),
    severity: nullable(inlineText('severity', '`P0`, `P1` or `P2`')),
    author: nullable(inlineText('author', 'who wrote the postmortem')),
    executiveSummary: nullable(markdownBody('executiveSummary')),
    impact: z.object({
      usersAffected: nullable(inlineText('impact.usersAffected')),
      duration: nullable(inlineText('impact.duration')),
      revenueImpact: nullable(inlineText('impact.revenueImpact')),
      dataImpact: nullable(inlineText('impact.dataImpact')),
      reputationImpact: nullable(inlineText('impact.reputationImpact'))
    }),
    timeline: z.array(draftTimelineRow).meta(describe('timeline', 'the table rows, in document order')),
    timelineTimeZone: z
      .string()
      .check((ctx) => {
        const problem = oneLine('The timeline time zone')(ctx.value) ?? (/[|()]/.test(ctx.value) ? 'The timeline time zone cannot hold `|`, `(` or `)`' : undefined)
        if (problem) ctx.issues.push({code: 'custom', message: problem, input: ctx.value})
      })
      .default('UTC')
      .meta({description: 'Zone of the timeline times, written in the `Time (UTC)` column header (default: `UTC`)'}),
    rootCause: z.object({
      whatHappened: nullable(markdownBody('rootCause.whatHappened')),
      immediateCause: nullable(inlineText('rootCause.immediateCause')),
      contributingFactors: list('rootCause.contributingFactors'),
      testingGap: nullable(inlineText('rootCause.testingGap')),
      monitoringGap: nullable(inlineText('rootCause.monitoringGap')),
      processGap: nullable(inlineText('rootCause.processGap'))
    }),
    wentWell: list('wentWell'),
    wentPoorly: list('wentPoorly'),
    gotLucky: nullable(markdownBody('gotLucky')),
    actionItems: z.object({
      preventRecurrence: z.array(draftActionItem).meta(describe('actionItems.preventRecurrence', 'action items')),
      improveDetection: z.array(draftActionItem).meta(describe('actionItems.improveDetection', 'action items')),
      improveResponse: z.array(draftActionItem).meta(describe('actionItems.improveResponse', 'action items'))
    }),
    properFix: z.object({
      hotfixWas: nullable(inlineText('properFix.hotfixWas', '`Full fix` or `Temporary workaround`')).refine(
        (value) => value === null || !isUnresolvedChoice(value),
        'The Hotfix was value `Full fix / Temporary workaround` is the unresolved template choice; use null'
      ),
      storyCreated: draftChecklistEntry('properFix.storyCreated'),
      scheduledFor: draftChecklistEntry('properFix.scheduledFor'),
      description: draftChecklistEntry('properFix.description')
    }),
    communication: z.object({
      internalNotification: nullable(inlineText('communication.internalNotification')),
      customerNotification: nullable(inlineText('communication.customerNotification')),
      publicPostmortem: nullable(inlineText('communication.publicPostmortem'))
    }),
    lessonsLearned: z.object({
      technical: list('lessonsLearned.technical'),
      process: list('lessonsLearned.process'),
      team: list('lessonsLearned.team')
    }),
    blamelessNote: nullable(markdownBody('blamelessNote', {noRule: true})),
    meeting: z.object({
      heldOn: nullable(inlineText('meeting.heldOn', 'date of the review meeting, `YYYY-MM-DD`')),
      attendees: z.array(nameText()).meta(describe('meeting.attendees', 'names, written comma-separated')),
      documentedBy: nullable(inlineText('meeting.documentedBy'))
    }),
    frontMatter: frontMatter.default(null),
    extra: extraList
  })
  .meta({title: 'PostmortemDraft', description: 'What a postmortem document says; unfilled fields are null'})

// ---------------------------------------------------------------------------------------------
// The complete postmortem.

const dateText = (path: string) =>
  inlineText(path, 'a calendar date, `YYYY-MM-DD`').refine(isIsoDate, {message: `${labelOf(path)} must be a real calendar date written \`YYYY-MM-DD\``})

const enumText = <const T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, {error: () => `Unexpected value for ${name}, expected ${values.map((v) => `\`${v}\``).join(', ').replace(/, ([^,]*)$/, ' or $1')}`})

const timelineRow = z
  .object({
    time: cellText('Time', 'HH:MM, HH:MM:SS or an ISO date-time').refine((value) => timeToMinutes(value) !== undefined, {
      message: 'A timeline Time must be `HH:MM`, `HH:MM:SS` or an ISO date-time'
    }),
    event: cellText('Event', 'what happened'),
    who: cellText('Who', 'person or system').nullable()
  })
  .meta({description: 'A row of the `## Timeline (Detailed)` table'})

const actionItem = z
  .object({
    action: cellText('Action', 'what will be done'),
    owner: cellText('Owner', 'who does it'),
    dueDate: cellText('Due Date', '`YYYY-MM-DD`').refine(isIsoDate, {message: 'An action item Due Date must be a real calendar date written `YYYY-MM-DD`'}),
    priority: enumText(priorityValues, 'action item Priority'),
    status: enumText(statusValues, 'action item Status')
  })
  .meta({description: 'A row of an action item table'})

const checklistEntry = (path: string) =>
  z
    .object({checked: z.boolean(), value: inlineText(path, 'text after the label').nullable()})
    .meta(describe(path, 'a line of the proper-fix checklist'))

const nonEmptyList = (path: string) =>
  z.array(listItemText(path)).min(1, {message: `${labelOf(path)} needs at least one item`}).meta(describe(path, 'ordered list items, at least one'))

/** What a complete postmortem means: every required field filled and typed. */
export const PostmortemSchema = z
  .object({
    hotfixId: hotfixIdText().meta({description: '`# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`'}),
    date: dateText('date'),
    incident: inlineText('incident', 'title of the incident'),
    durationMinutes: z.int().min(0).meta(describe('durationMinutes', 'whole minutes')),
    severity: enumText(severityValues, 'Severity'),
    author: inlineText('author', 'who wrote the postmortem'),
    executiveSummary: markdownBody('executiveSummary'),
    impact: z.object({
      usersAffected: inlineText('impact.usersAffected'),
      duration: inlineText('impact.duration'),
      revenueImpact: inlineText('impact.revenueImpact'),
      dataImpact: inlineText('impact.dataImpact'),
      reputationImpact: inlineText('impact.reputationImpact')
    }),
    timeline: z.array(timelineRow).min(1, {message: 'The timeline needs at least one row'}).meta(describe('timeline', 'the table rows')),
    timelineTimeZone: PostmortemDraftSchema.shape.timelineTimeZone,
    rootCause: z.object({
      whatHappened: markdownBody('rootCause.whatHappened'),
      immediateCause: inlineText('rootCause.immediateCause'),
      contributingFactors: nonEmptyList('rootCause.contributingFactors'),
      testingGap: inlineText('rootCause.testingGap'),
      monitoringGap: inlineText('rootCause.monitoringGap'),
      processGap: inlineText('rootCause.processGap')
    }),
    wentWell: nonEmptyList('wentWell'),
    wentPoorly: nonEmptyList('wentPoorly'),
    gotLucky: markdownBody('gotLucky'),
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
          if (!entry.checked || entry.value === null) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `A temporary workaround needs its proper-fix checklist done: ${labelOf(`properFix.${key}`).replace(/\*\*/g, '')} is ${entry.value === null ? 'unfilled' : 'unchecked'}`
            })
          }
        }
      }),
    communication: z.object({
      internalNotification: inlineText('communication.internalNotification'),
      customerNotification: inlineText('communication.customerNotification'),
      publicPostmortem: inlineText('communication.publicPostmortem')
    }),
    lessonsLearned: z.object({
      technical: nonEmptyList('lessonsLearned.technical'),
      process: nonEmptyList('lessonsLearned.process'),
      team: nonEmptyList('lessonsLearned.team')
    }),
    blamelessNote: markdownBody('blamelessNote', {noRule: true}),
    meeting: z.object({
      heldOn: dateText('meeting.heldOn'),
      attendees: z.array(nameText()).min(1, {message: '**Attendees:** needs at least one name'}),
      documentedBy: inlineText('meeting.documentedBy')
    }),
    frontMatter: frontMatter.default(null),
    extra: extraList
  })
  .meta({title: 'Postmortem', description: 'A complete postmortem: every required field filled and typed'})

/** What a postmortem document says; unfilled fields are `null`. */
export type PostmortemDraft = z.infer<typeof PostmortemDraftSchema>
/** A draft as accepted on input: `timelineTimeZone`, `frontMatter` and `extra` may be left out. */
export type PostmortemDraftInput = z.input<typeof PostmortemDraftSchema>
/** A complete postmortem. */
export type Postmortem = z.infer<typeof PostmortemSchema>
export type TimelineRow = PostmortemDraft['timeline'][number]
export type ActionItem = PostmortemDraft['actionItems']['preventRecurrence'][number]
export type ChecklistEntry = PostmortemDraft['properFix']['storyCreated']
export type Extra = z.infer<typeof ExtraSchema>

export const severities = severityValues
export const priorities = priorityValues
export const statuses = statusValues
export const hotfixKinds = hotfixValues
/** An incident's severity in a complete postmortem (not a finding's level, `FindingSeverity`). */
export type IncidentSeverity = (typeof severityValues)[number]
/** An action item's priority in a complete postmortem. */
export type ActionPriority = (typeof priorityValues)[number]
