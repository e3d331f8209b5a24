// The benchmark's corpus: realistic postmortems, built deterministically from the template's
// layout and the values of the filled examples.
//
// Every document is a function of (seed, size name, index) alone: a seeded PRNG picks values
// from pools read out of fixtures/examples/*.md (sentences, timeline events, action items,
// lessons…), grows the document unit by unit (a timeline row, an action item, a paragraph, a
// list item) until it reaches its target size, and then injects a few of the defects real
// drafts have (placeholders left in, `High` for a severity, times out of order, a missing
// section…) so that lint has findings to report. No clock and no Math.random: the same seed
// gives the same bytes on every machine.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {pools} from './pools.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The seed of the published numbers. */
export const defaultSeed = 9

/** Today, for every lint the benchmark runs (`--now`), so findings do not depend on the date. */
export const now = '2026-12-01'

/**
 * The size ladder: a target size in bytes per document, and how many documents of that size the
 * in-process measures use (about the same amount of text per rung). Medium is the issue's
 * "7 KB postmortem"; huge is 20× medium.
 */
export const ladder = [
  {name: 'small', target: 2 * 1024, count: 40},
  {name: 'medium', target: 7 * 1024, count: 12},
  {name: 'large', target: 35 * 1024, count: 3},
  {name: 'huge', target: 140 * 1024, count: 1}
]

// -- randomness ---------------------------------------------------------------------------------

/** 32-bit FNV-1a of a string: turns (seed, kind, index) into a PRNG seed. */
function hash32(text) {
  let h = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: small, fast and good enough to pick values; returns floats in [0, 1). */
export function prng(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (values) => values[Math.floor(next() * values.length)]
  const chance = (p) => next() < p
  /** One of `choices` (`[value, weight]` pairs) by weight. */
  const weighted = (choices) => {
    let total = 0
    for (const [, weight] of choices) total += weight
    let roll = next() * total
    for (const [value, weight] of choices) {
      roll -= weight
      if (roll < 0) return value
    }
    return choices.at(-1)[0]
  }
  return {next, int, pick, chance, weighted}
}

// -- one document -------------------------------------------------------------------------------

const day = 86_400_000
const baseDay = Date.UTC(2025, 0, 1)

function isoDate(days) {
  return new Date(baseDay + days * day).toISOString().slice(0, 10)
}

function clock(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function bytes(text) {
  return Buffer.byteLength(text)
}

/** A value short enough for a small document: the first pool entry (from a random start) that fits. */
function fitting(rng, values, max) {
  const start = rng.int(0, values.length - 1)
  for (let offset = 0; offset < values.length; offset++) {
    const value = values[(start + offset) % values.length]
    if (value.length <= max) return value
  }
  return values.reduce((a, b) => (a.length <= b.length ? a : b))
}

/** A paragraph of `count` sentences drawn from the examples. */
function paragraph(rng, count, max = Infinity) {
  const {sentences} = pools()
  const chosen = []
  for (let index = 0; index < count; index++) chosen.push(max === Infinity ? rng.pick(sentences) : fitting(rng, sentences, max))
  return chosen.join(' ')
}

/**
 * The model of one document: header values and, per section, the units it is made of. `terse`
 * documents (the small rung) take short values so that a complete postmortem fits in ~2 KB.
 */
function baseModel(rng, id, terse) {
  const p = pools()
  const short = terse ? 60 : Infinity
  const value = (values) => (terse ? fitting(rng, values, short) : rng.pick(values))
  const dateDays = rng.int(0, 640)
  // Items long past their due date are mostly closed, as in a kept archive; a few are overdue.
  const status = (due) =>
    due < now
      ? rng.weighted([['Done', 88], ["Won't Do", 5], ['In Progress', 4], ['Not Started', 3]])
      : rng.weighted([['Done', 30], ['In Progress', 35], ['Not Started', 30], ['Blocked', 5]])
  const owner = () => (rng.chance(0.5) ? rng.pick(p.handles) : rng.pick(p.people))
  const action = () => {
    const due = isoDate(dateDays + rng.int(7, 150))
    return {action: value(p.actions), owner: owner(), due, priority: rng.weighted([['High', 40], ['Medium', 40], ['Low', 20]]), status: status(due)}
  }
  const temporary = rng.chance(0.55)
  const author = rng.pick(p.people)
  const attendees = [author]
  while (attendees.length < rng.int(2, 6)) {
    const person = rng.pick(p.people)
    if (!attendees.includes(person)) attendees.push(person)
  }
  return {
    terse,
    id: String(1000 + (id % 9000)),
    dateDays,
    title: value(p.titles),
    severity: rng.weighted([['P0', 20], ['P1', 45], ['P2', 35]]),
    author,
    summary: [terse ? paragraph(rng, 1, short) : paragraph(rng, rng.int(2, 4))],
    impact: {
      users: value(p.impact.users),
      revenue: value(p.impact.revenue),
      data: value(p.impact.data),
      reputation: value(p.impact.reputation)
    },
    timelineStart: null,
    timeline: Array.from({length: 3}, () => ({event: value(p.events), who: rng.pick(p.who)})),
    happened: [terse ? paragraph(rng, 1, short) : rng.pick(p.happened)],
    immediate: value(p.immediate),
    factors: Array.from({length: terse ? 1 : 2}, () => value(p.factors)),
    gaps: {testing: value(p.gaps.testing), monitoring: value(p.gaps.monitoring), process: value(p.gaps.process)},
    well: Array.from({length: terse ? 1 : 2}, () => value(p.well)),
    notWell: Array.from({length: terse ? 1 : 2}, () => value(p.notWell)),
    lucky: [terse ? paragraph(rng, 1, short) : rng.pick(p.lucky)],
    actions: {prevent: [action()], detect: [action()], respond: [action()]},
    newAction: action,
    hotfix: temporary ? 'Temporary workaround' : 'Full fix',
    story: temporary ? {id: rng.pick(p.stories).replace(/\d+$/, () => String(rng.int(100, 9999))), sprint: `Sprint ${2025 + Math.floor(dateDays / 365)}-${String(rng.int(1, 26)).padStart(2, '0')}`, fix: value(p.fixes), done: rng.chance(0.9)} : null,
    comms: {internal: value(p.comms.internal), customer: value(p.comms.customer), public: value(p.comms.public)},
    lessons: {technical: [value(p.lessons.technical)], process: [value(p.lessons.process)], team: [value(p.lessons.team)]},
    blameless: terse ? paragraph(rng, 1, short) : rng.pick(p.blameless),
    meetingDays: dateDays + rng.int(1, 6),
    attendees,
    documentedBy: rng.chance(0.8) ? author : rng.pick(p.people),
    extraSections: [],
    // Note: the template's skeleton alone is 1.7 KB, so a ~2 KB document is a first draft: the
    // header and the sections written during the incident, the review's sections still to come.
    omit: new Set(terse ? laterSections : [])
  }
}

/** Sections a first draft (the small rung) has not reached yet. */
const laterSections = ["Why It Wasn't Caught Earlier", 'What Went Well', "What Didn't Go Well", 'Where We Got Lucky', 'Proper Fix', 'Communication', 'Lessons Learned', 'Blameless Culture Note']

/** The ways a document grows: each adds one unit and returns about how many bytes it added. */
function growers(rng, model) {
  const p = pools()
  const list = (items, values) => () => {
    const item = rng.pick(values)
    items.push(item)
    return bytes(item) + 4
  }
  return [
    [
      () => {
        const row = {event: rng.pick(p.events), who: rng.pick(p.who)}
        model.timeline.push(row)
        return bytes(row.event) + bytes(row.who) + 16
      },
      model.terse ? 3 : 8
    ],
    [
      () => {
        const item = model.newAction()
        rng.pick([model.actions.prevent, model.actions.detect, model.actions.respond]).push(item)
        return bytes(item.action) + bytes(item.owner) + bytes(item.priority) + bytes(item.status) + 29
      },
      model.terse ? 1 : 3
    ],
    [
      () => {
        const block = rng.chance(0.5) ? rng.pick(p.happened) : paragraph(rng, rng.int(2, 5))
        model.happened.push(block)
        return bytes(block) + 2
      },
      model.terse ? 0 : 3
    ],
    [
      () => {
        if (model.summary.length >= 3) return 0
        const block = paragraph(rng, rng.int(2, 4))
        model.summary.push(block)
        return bytes(block) + 2
      },
      model.terse ? 0 : 0.5
    ],
    [
      () => {
        const block = rng.chance(0.5) ? rng.pick(p.lucky) : paragraph(rng, rng.int(1, 3))
        model.lucky.push(block)
        return bytes(block) + 2
      },
      model.terse ? 0 : 0.4
    ],
    [list(model.factors, p.factors), 0.6],
    [list(model.well, p.well), model.terse ? 0 : 0.6],
    [list(model.notWell, p.notWell), model.terse ? 0 : 0.6],
    [list(model.lessons.technical, p.lessons.technical), model.terse ? 0 : 0.4],
    [list(model.lessons.process, p.lessons.process), model.terse ? 0 : 0.4],
    [list(model.lessons.team, p.lessons.team), model.terse ? 0 : 0.3]
  ]
}

/** Times for the timeline rows, ascending within one day; returns the span in minutes. */
function scheduleTimeline(rng, model) {
  const rows = model.timeline.length
  const start = rng.int(0, Math.max(0, Math.min(20 * 60, 1439 - rows * 3)))
  const average = Math.max(1, Math.min(12, Math.floor((1439 - start) / rows)))
  let minute = start
  for (const [index, row] of model.timeline.entries()) {
    if (index > 0) minute = Math.min(1439, minute + rng.int(1, Math.max(1, 2 * average - 1)))
    row.minute = minute
  }
  model.durationMinutes = Math.max(1, minute - start)
  model.impactDuration = `${model.durationMinutes} minutes (${clock(start)}–${clock(minute)} UTC)`
}

/**
 * The defects of real drafts. Each edits the model (or marks the rendering) so that one or a
 * few lint rules report something; most documents carry none.
 */
const defects = [
  ['placeholder', (rng, m) => (rng.pick([() => (m.author = '{PM_NAME}'), () => (m.impact.revenue = '{dollar_amount_or_estimate}'), () => (m.actions.detect[0].owner = '{owner}'), () => (m.gaps.process = '{what_process_failed}')]))()],
  ['severity', (rng, m) => (m.severity = rng.pick(['High', 'SEV-1', 'Critical', 'p1']))],
  ['date-format', (rng, m) => (m.dateText = rng.pick([(d) => `${d.slice(5, 7)}/${d.slice(8)}/${d.slice(0, 4)}`, (d) => `${d.slice(8)}.${d.slice(5, 7)}.${d.slice(0, 4)}`])(isoDate(m.dateDays)))],
  ['timeline-order', (rng, m) => {
    if (m.timeline.length < 4) return
    const index = rng.int(1, m.timeline.length - 2)
    m.timeline[index].minute = Math.max(0, m.timeline[index - 1].minute - rng.int(3, 30))
  }],
  ['time-format', (rng, m) => (rng.pick(m.timeline).timeText = rng.pick(['9.15', '~10am', '14h05', 'later']))],
  ['empty-event', (rng, m) => (rng.pick(m.timeline).event = '')],
  ['priority', (rng, m) => (m.actions.prevent[0].priority = rng.pick(['Urgent', 'P1', 'Critical', 'Normal']))],
  ['status', (rng, m) => (rng.pick([m.actions.prevent, m.actions.detect, m.actions.respond])[0].status = rng.pick(['Doing', 'WIP', 'Blocked', 'TODO']))],
  ['hotfix-choice', (rng, m) => (m.hotfix = 'Full fix / Temporary workaround')],
  ['duration-mismatch', (rng, m) => (m.durationText = String(m.durationMinutes + rng.int(20, 90)))],
  ['missing-section', (rng, m) => m.omit.add(rng.pick(['Where We Got Lucky', 'Communication', 'Blameless Culture Note']))],
  ['section-order', (rng, m) => (m.swapWell = true)],
  ['unknown-section', (rng, m) => m.extraSections.push({heading: rng.pick(['Detection', 'Resolution', 'Recovery', 'Appendix: graphs']), body: paragraph(rng, rng.int(1, 3))})],
  ['overdue', (rng, m) => Object.assign(m.actions.respond[0], {due: isoDate(m.dateDays + 5), status: 'Not Started'})]
]

/** The Markdown of a model, in the template's layout. */
function render(m) {
  const out = []
  const section = (heading, body) => {
    if (m.omit.has(heading)) return
    out.push(`## ${heading}`, '', ...body)
  }
  out.push(
    `# Postmortem: HOTFIX-${m.id}`,
    '',
    `**Date:** ${m.dateText ?? isoDate(m.dateDays)}`,
    `**Incident:** ${m.title}`,
    `**Duration:** ${m.durationText ?? m.durationMinutes} minutes`,
    `**Severity:** ${m.severity}`,
    `**Author:** ${m.author}`,
    ''
  )
  section('Executive Summary', m.summary.flatMap((block) => [block, '']))
  section('Impact', [
    `- **Users affected:** ${m.impact.users}`,
    `- **Duration:** ${m.impactDuration}`,
    `- **Revenue impact:** ${m.impact.revenue}`,
    `- **Data impact:** ${m.impact.data}`,
    `- **Reputation impact:** ${m.impact.reputation}`,
    ''
  ])
  section('Timeline (Detailed)', [
    '| Time (UTC) | Event | Who |',
    '|------------|-------|-----|',
    ...m.timeline.map((row) => `| ${row.timeText ?? clock(row.minute)} | ${row.event} | ${row.who} |`),
    ''
  ])
  const numberedList = (items) => [...items.map((item, index) => `${index + 1}. ${item}`), '']
  section('Root Cause Analysis', [
    '### What Happened',
    '',
    ...m.happened.flatMap((block) => [block, '']),
    '### Why It Happened',
    '',
    `**Immediate cause:** ${m.immediate}`,
    '',
    '**Contributing factors:**',
    ...numberedList(m.factors),
    ...(m.omit.has("Why It Wasn't Caught Earlier")
      ? []
      : ["### Why It Wasn't Caught Earlier", '', `**Testing gap:** ${m.gaps.testing}`, '', `**Monitoring gap:** ${m.gaps.monitoring}`, '', `**Process gap:** ${m.gaps.process}`, ''])
  ])
  const well = ['What Went Well', numberedList(m.well)]
  const notWell = ["What Didn't Go Well", numberedList(m.notWell)]
  for (const [heading, body] of m.swapWell ? [notWell, well] : [well, notWell]) section(heading, body)
  section('Where We Got Lucky', m.lucky.flatMap((block) => [block, '']))
  for (const extra of m.extraSections) section(extra.heading, [extra.body, ''])
  const table = (heading, rows) => [
    `### ${heading}`,
    '',
    '| Action | Owner | Due Date | Priority | Status |',
    '|--------|-------|----------|----------|--------|',
    ...rows.map((row) => `| ${row.action} | ${row.owner} | ${row.due} | ${row.priority} | ${row.status} |`),
    ''
  ]
  section('Action Items', [...table('Prevent Recurrence', m.actions.prevent), ...table('Improve Detection', m.actions.detect), ...table('Improve Response', m.actions.respond)])
  const box = m.story?.done ? 'x' : ' '
  section('Proper Fix', [
    `**Hotfix was:** ${m.hotfix}`,
    '',
    '**If temporary, proper fix required:**',
    ...(m.story
      ? [`- [${box}] Story created: ${m.story.id}`, `- [${box}] Scheduled for: ${m.story.sprint}`, `- [${box}] Description: ${m.story.fix}`]
      : ['- [ ] Story created: {STORY_ID}', '- [ ] Scheduled for: {SPRINT_OR_DATE}', '- [ ] Description: {proper_fix_description}']),
    ''
  ])
  section('Communication', [
    `**Internal notification:** ${m.comms.internal}`,
    '',
    `**Customer notification:** ${m.comms.customer}`,
    '',
    `**Public postmortem:** ${m.comms.public}`,
    ''
  ])
  section('Lessons Learned', [
    '### Technical Lessons',
    '',
    ...numberedList(m.lessons.technical),
    '### Process Lessons',
    '',
    ...numberedList(m.lessons.process),
    '### Team Lessons',
    '',
    ...numberedList(m.lessons.team)
  ])
  section('Blameless Culture Note', [m.blameless, ''])
  out.push('---', '', `**Meeting held:** ${isoDate(m.meetingDays)}`, `**Attendees:** ${m.attendees.join(', ')}`, `**Documented by:** ${m.documentedBy}`, '')
  return out.join('\n')
}

/**
 * One postmortem of about `target` bytes. Deterministic in (seed, name, index). About 45% of
 * documents carry one to three defects.
 */
export function makeDocument({seed = defaultSeed, name = 'medium', index = 0, target = 7 * 1024} = {}) {
  const rng = prng(hash32(`${seed}\u0000${name}\u0000${index}`))
  const terse = target < 4 * 1024
  const model = baseModel(rng, hash32(`${seed}:${name}:${index}:id`), terse)
  scheduleTimeline(rng, model)
  let size = bytes(render(model))
  const grow = growers(rng, model)
  // Grow until the next unit would overshoot the target by more than 1%; try a few smaller
  // units before stopping, so every rung lands close to its size.
  let misses = 0
  while (misses < 12) {
    const before = snapshot(model)
    const added = rng.weighted(grow)()
    if (size + added > target * 1.01) {
      restore(model, before)
      misses++
      continue
    }
    size += added
  }
  scheduleTimeline(rng, model)
  if (rng.chance(0.45)) {
    const count = rng.weighted([[1, 60], [2, 30], [3, 10]])
    for (let index = 0; index < count; index++) rng.pick(defects)[1](rng, model)
  }
  return render(model)
}

/** Array lengths of the growable parts, so a unit that overshoots can be taken back. */
function snapshot(model) {
  return [model.timeline, model.actions.prevent, model.actions.detect, model.actions.respond, model.happened, model.summary, model.lucky, model.factors, model.well, model.notWell, model.lessons.technical, model.lessons.process, model.lessons.team].map((array) => [array, array.length])
}

function restore(model, lengths) {
  for (const [array, length] of lengths) array.length = length
}

// -- the corpus on disk -------------------------------------------------------------------------

/** Folder names and contents of a corpus: the ladder, `files` medium files, and one file alone. */
export function corpusPlan({seed = defaultSeed, files = 1000, rssFiles = 10_000} = {}) {
  const medium = ladder.find((rung) => rung.name === 'medium')
  return [
    ...ladder.map((rung) => ({folder: `ladder/${rung.name}`, name: rung.name, count: rung.count, target: rung.target})),
    {folder: `files-${files}`, name: 'files', count: files, target: medium.target},
    {folder: `files-${rssFiles}`, name: 'files', count: rssFiles, target: medium.target},
    {folder: 'one', name: 'one', count: 1, target: medium.target}
  ].map((part) => ({...part, seed}))
}

function fileName(index, count) {
  return `pm-${String(index + 1).padStart(String(count).length, '0')}.md`
}

/**
 * Write the corpus under `os.tmpdir()/postmortem-bench-<hash>`, where the hash covers this
 * corpus code, the examples it reads and the options; reuse the folders already there.
 * Returns the folder and, per part, its folder and files.
 */
export function writeCorpus(options = {}) {
  const plan = corpusPlan(options)
  const fingerprint = createHash('sha256')
  fingerprint.update(readFileSync(fileURLToPath(import.meta.url)))
  fingerprint.update(readFileSync(fileURLToPath(new URL('./pools.mjs', import.meta.url))))
  for (const name of readdirSync(path.join(root, 'fixtures/examples')).sort()) fingerprint.update(readFileSync(path.join(root, 'fixtures/examples', name)))
  fingerprint.update(String(options.seed ?? defaultSeed))
  const base = path.join(options.dir ?? os.tmpdir(), `postmortem-bench-${fingerprint.digest('hex').slice(0, 12)}`)
  const parts = {}
  for (const part of plan) {
    const folder = path.join(base, part.folder)
    const files = Array.from({length: part.count}, (_, index) => path.join(folder, fileName(index, part.count)))
    const done = path.join(folder, '.complete')
    if (!existsSync(done)) {
      // Written to a side folder and renamed, so an interrupted run never leaves half a corpus.
      const staging = `${folder}.partial`
      rmSync(staging, {recursive: true, force: true})
      mkdirSync(staging, {recursive: true})
      for (let index = 0; index < part.count; index++) {
        writeFileSync(path.join(staging, fileName(index, part.count)), makeDocument({seed: part.seed, name: part.name, index, target: part.target}))
      }
      writeFileSync(path.join(staging, '.complete'), '')
      rmSync(folder, {recursive: true, force: true})
      mkdirSync(path.dirname(folder), {recursive: true})
      renameSync(staging, folder)
    }
    const key = part.folder.startsWith('ladder/') ? part.name : part.folder
    parts[key] = {folder, files}
  }
  return {base, parts}
}
