/**
 * fast-check generators of models the schema accepts, with text full of Markdown's special
 * characters (SPEC R2): `| * _ \` [ ] { } < > # \ ! ~ &`, leading `1.`, `-`, `+`, `#`, Unicode
 * and emoji.
 */
import fc from 'fast-check'
import {PostmortemDraftSchema, PostmortemSchema, type Postmortem, type PostmortemDraft} from '../src/index.js'

const specials = ['|', '*', '_', '`', '[', ']', '{', '}', '<', '>', '#', '\\', '!', '~', '&', '**', '__', '~~', '<!--', '-->', '&amp;', '\\|', '[x]', '](', ')']
const words = ['incident', 'R&D', '[TBD]', '~12%', '_x_', 'https://example.com/a_b', 'p99', 'café', 'naïve', '日本語', '🔥', '✅', '👩‍💻', 'Ω', 'a|b', '`code`', '*emph*', '{TIME}', '{not a field}', 'x\\', '\\*', '&lt;', '<b>', '1.', '-', '+', '#', '---', '===', '>', '    ', '\t']
const leading = ['1. ', '- ', '+ ', '# ', '* ', '> ', '1) ', '[ ] ', '| ', '']

const token = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...words)},
  {weight: 3, arbitrary: fc.constantFrom(...specials)},
  {weight: 2, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 6})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 3})}
)

/** A line of text: a leading marker, then tokens separated by spaces or not. */
const line = fc
  .tuple(fc.constantFrom(...leading), fc.array(fc.tuple(token, fc.constantFrom(' ', '', ' ')), {minLength: 1, maxLength: 8}))
  .map(([lead, parts]) => lead + parts.map(([text, space]) => text + space).join(''))

/** Keep only what a given schema accepts. */
function accepted<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => boolean): fc.Arbitrary<T> {
  return arbitrary.filter(check)
}

// Note: the draft schema is a zod object, built from the built-in profile.
const draftShape = (PostmortemDraftSchema as unknown as {shape: any}).shape
const ok = (schema: {safeParse: (value: unknown) => {success: boolean}}) => (value: unknown) => schema.safeParse(value).success

/** One-line text accepted as a header value. */
export const oneLine = accepted(line.map((text) => text.trim()), ok(draftShape.incident))

/** A table cell. */
export const cell = accepted(line.map((text) => text.trim()), ok(draftShape.timeline.unwrap().element.shape.event))

/** Multi-line Markdown accepted as an ordered-list item. */
export const listItem = accepted(
  fc.array(line, {minLength: 1, maxLength: 4}).chain((lines) => fc.constantFrom('\n', '\n\n').map((sep) => lines.join(sep).trim())),
  ok(draftShape.wentWell.unwrap().element.unwrap())
)

/** Multi-paragraph Markdown accepted as a section body. */
export const body = accepted(
  fc.array(line, {minLength: 1, maxLength: 5}).chain((lines) => fc.constantFrom('\n', '\n\n').map((sep) => lines.join(sep).trim())),
  ok(draftShape.executiveSummary)
)

/** The id after `HOTFIX-`: one word. */
const hotfixId = accepted(
  fc.oneof(fc.constantFrom('2291', 'A-17', '12#', 'x_1', 'ü✓', '{ID}x', '7.3', '🔥'), fc.array(token, {minLength: 1, maxLength: 3}).map((parts) => parts.join('').replace(/\s+/g, ''))),
  ok(draftShape.hotfixId)
)

const name = accepted(fc.array(token, {minLength: 1, maxLength: 3}).map((parts) => parts.join(' ').trim()), ok(draftShape.meeting.unwrap().shape.attendees.unwrap().unwrap().element))

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, {nil: null, freq: 3})

const timelineRow = fc.record({time: nullable(cell), event: nullable(cell), who: nullable(cell)})
const actionItem = fc.record({action: nullable(cell), owner: nullable(cell), dueDate: nullable(cell), priority: nullable(cell), status: nullable(cell)})
const checklist = fc.record({checked: fc.boolean(), value: nullable(oneLine)})
/** A table's rows: each has the cells of the table's columns (`keep`), a column the table lacks is absent. */
const rows = <T extends Record<string, unknown>>(row: fc.Arbitrary<T>, maxLength: number) =>
  fc.tuple(fc.array(row, {maxLength}), fc.boolean()).map(([list, dropLast]) =>
    dropLast ? list.map((item) => Object.fromEntries(Object.entries(item).slice(0, -1)) as Partial<T>) : list
  )
const items = (arbitrary: fc.Arbitrary<string>, maxLength: number) => fc.array(nullable(arbitrary), {maxLength})
/** Every key optional: a draft lacks what its document lacks. */
const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, {requiredKeys: []})

/** Extras of the kinds the parser keeps: paragraphs, comments, images, unknown sections. */
const extraMarkdown = fc.oneof(
  fc.constantFrom('<!-- reviewed by SRE -->', '![latency](./img/latency.png)', '> Quoted from the incident channel.', 'A note the template has no place for.'),
  fc.constantFrom('## Appendix\n\nRaw numbers below.', '### Graphs\n\n![p99](./p99.png)', '## Detection Notes\n\n- first\n- second')
)
const anchors = ['start', 'title:heading', 'title', 'impact', 'timeline', 'rootCause', 'whyNotCaught', 'gotLucky', 'actionItems', 'improveResponse', 'communication', 'meeting']
const extras = fc
  .array(fc.record({after: fc.constantFrom(...anchors), markdown: extraMarkdown}), {minLength: 1, maxLength: 3})
  .map((list) => {
    // At most one extra an anchor keeps the generator inside the schema's ordering rules.
    const seen = new Set<string>()
    return list.filter((extra) => (seen.has(extra.after) ? false : (seen.add(extra.after), true)))
  })

/** Any draft the schema accepts: every key may be absent, unfilled (`null`) or written. */
export const draft: fc.Arbitrary<PostmortemDraft> = accepted(
  optional({
    hotfixId: nullable(hotfixId),
    date: nullable(oneLine),
    incident: nullable(oneLine),
    durationMinutes: nullable(oneLine),
    severity: nullable(oneLine),
    author: nullable(oneLine),
    executiveSummary: nullable(body),
    impact: optional({usersAffected: nullable(oneLine), duration: nullable(oneLine), revenueImpact: nullable(oneLine), dataImpact: nullable(oneLine), reputationImpact: nullable(oneLine)}),
    timeline: rows(timelineRow, 4),
    rootCause: optional({
      whatHappened: nullable(body),
      immediateCause: nullable(oneLine),
      contributingFactors: items(listItem, 3),
      testingGap: nullable(oneLine),
      monitoringGap: nullable(oneLine),
      processGap: nullable(oneLine)
    }),
    wentWell: items(listItem, 3),
    wentPoorly: items(listItem, 3),
    gotLucky: nullable(body),
    actionItems: optional({
      preventRecurrence: rows(actionItem, 3),
      improveDetection: rows(actionItem, 2),
      improveResponse: rows(actionItem, 2)
    }),
    properFix: optional({hotfixWas: nullable(oneLine), storyCreated: checklist, scheduledFor: checklist, description: checklist}),
    communication: optional({internalNotification: nullable(oneLine), customerNotification: nullable(oneLine), publicPostmortem: nullable(oneLine)}),
    lessonsLearned: optional({technical: items(listItem, 2), process: items(listItem, 2), team: items(listItem, 2)}),
    blamelessNote: nullable(body),
    meeting: optional({heldOn: nullable(oneLine), attendees: nullable(fc.array(name, {maxLength: 4})), documentedBy: nullable(oneLine)}),
    frontMatter: fc.constantFrom('tags: [db]', 'team: payments\nreviewed: true', ''),
    extra: extras.map((list) => list.sort((a, b) => anchors.indexOf(a.after) - anchors.indexOf(b.after)))
  }).map((model) => {
    // A timeline with rows names its zone (`UTC` when the document names none).
    const timeline = (model as {timeline?: unknown[]}).timeline
    const zone = ['UTC', 'PST', 'Europe/Berlin', 'UTC+2', 'US Pacific'][(timeline?.length ?? 0) % 5]!
    return timeline && timeline.length > 0 ? {...model, timelineTimeZone: zone} : model
  }),
  ok(PostmortemDraftSchema)
) as fc.Arbitrary<PostmortemDraft>

const isoDate = fc.date({min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true}).map((date) => date.toISOString().slice(0, 10))
const clock = fc.tuple(fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59})).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)

/** Any complete postmortem the schema accepts. */
export const complete: fc.Arbitrary<Postmortem> = accepted(
  fc.record({
    hotfixId: hotfixId.filter((value): value is string => value !== null),
    date: isoDate,
    incident: oneLine,
    durationMinutes: fc.nat({max: 100_000}),
    severity: fc.constantFrom('P0', 'P1', 'P2'),
    author: oneLine,
    executiveSummary: body,
    impact: fc.record({usersAffected: oneLine, duration: oneLine, revenueImpact: oneLine, dataImpact: oneLine, reputationImpact: oneLine}),
    timeline: fc.array(fc.record({time: clock, event: cell, who: nullable(cell)}), {minLength: 1, maxLength: 4}),
    timelineTimeZone: fc.constantFrom('UTC', 'PST', 'CET'),
    rootCause: fc.record({
      whatHappened: body,
      immediateCause: oneLine,
      contributingFactors: fc.array(listItem, {minLength: 1, maxLength: 3}),
      testingGap: oneLine,
      monitoringGap: oneLine,
      processGap: oneLine
    }),
    wentWell: fc.array(listItem, {minLength: 1, maxLength: 3}),
    wentPoorly: fc.array(listItem, {minLength: 1, maxLength: 3}),
    gotLucky: body,
    actionItems: fc.record({
      preventRecurrence: fc.array(
        fc.record({action: cell, owner: cell, dueDate: isoDate, priority: fc.constantFrom('High', 'Medium', 'Low'), status: fc.constantFrom('Not Started', 'In Progress', 'Blocked', 'Done', "Won't Do")}),
        {minLength: 1, maxLength: 3}
      ),
      improveDetection: fc.constant([]),
      improveResponse: fc.constant([])
    }),
    properFix: fc.record({
      hotfixWas: fc.constant('Temporary workaround'),
      storyCreated: fc.record({checked: fc.constant(true), value: oneLine}),
      scheduledFor: fc.record({checked: fc.constant(true), value: oneLine}),
      description: fc.record({checked: fc.constant(true), value: oneLine})
    }),
    communication: fc.record({internalNotification: oneLine, customerNotification: oneLine, publicPostmortem: oneLine}),
    lessonsLearned: fc.record({technical: fc.array(listItem, {minLength: 1, maxLength: 2}), process: fc.array(listItem, {minLength: 1, maxLength: 2}), team: fc.array(listItem, {minLength: 1, maxLength: 2})}),
    blamelessNote: body,
    meeting: fc.record({heldOn: isoDate, attendees: fc.array(name, {minLength: 1, maxLength: 4}), documentedBy: oneLine}),
  }),
  ok(PostmortemSchema)
) as fc.Arbitrary<Postmortem>
