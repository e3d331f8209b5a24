// The pools the benchmark's corpus draws from: sentences, timeline events, action items,
// lessons… read out of fixtures/examples/*.md once (see corpus.mjs).

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// -- pools read from the examples ---------------------------------------------------------------

/** Split a section body into blocks separated by blank lines, keeping fenced code whole. */
function blocksOf(lines) {
  const blocks = []
  let current = []
  let fenced = false
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced
    if (line.trim() === '' && !fenced) {
      if (current.length) blocks.push(current.join('\n'))
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length) blocks.push(current.join('\n'))
  return blocks
}

/** `{"Executive Summary": [lines], "Root Cause Analysis/What Happened": [lines], "footer": …}` */
function sectionsOf(markdown) {
  const sections = new Map([['title', []]])
  let h2 = 'title'
  let key = 'title'
  let fenced = false
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced
    const heading = fenced ? null : /^(#{2,3}) (.*)$/.exec(line)
    if (heading) {
      if (heading[1] === '##') h2 = heading[2].trim()
      key = heading[1] === '##' ? h2 : `${h2}/${heading[2].trim()}`
      sections.set(key, [])
    } else if (!fenced && line === '---') {
      key = 'footer'
      sections.set(key, [])
    } else {
      sections.get(key).push(line)
    }
  }
  return sections
}

/** Whether inline markup is balanced, so a sentence cut from a paragraph stays well formed. */
function balanced(text) {
  return (text.split('`').length - 1) % 2 === 0 && (text.split('**').length - 1) % 2 === 0 && !/[[\]()]/.test(text.replace(/\[[^\]]*\]\([^)]*\)/g, ''))
}

function labelled(lines, label) {
  const prefix = `**${label}:**`
  return lines.filter((line) => line.startsWith(prefix) || line.startsWith(`- ${prefix}`)).map((line) => line.slice(line.indexOf(prefix) + prefix.length).trim())
}

function numbered(lines) {
  return lines.map((line) => /^\d+\. (.*)$/.exec(line)?.[1]).filter((value) => value && !value.includes('{'))
}

function tableRows(lines) {
  return lines
    .filter((line) => line.startsWith('|') && !/^\|[-| :]+\|$/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
    )
}

/** Values of the six examples, sorted into pools by where the template puts them. */
function readPools() {
  const folder = path.join(root, 'fixtures/examples')
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
  const pools = {
    titles: [],
    people: new Set(),
    handles: new Set(),
    sentences: [],
    happened: [],
    impact: {users: [], revenue: [], data: [], reputation: []},
    events: [],
    who: new Set(),
    immediate: [],
    factors: [],
    gaps: {testing: [], monitoring: [], process: []},
    well: [],
    notWell: [],
    lucky: [],
    actions: [],
    stories: [],
    fixes: [],
    comms: {internal: [], customer: [], public: []},
    lessons: {technical: [], process: [], team: []},
    blameless: []
  }
  const addSentences = (block) => {
    if (/^(\s*[-*] |\s*\d+\. |```|\|)/.test(block)) return
    for (const sentence of block.replace(/\n/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z`*_(])/)) {
      if (sentence.length >= 30 && balanced(sentence) && !sentence.includes('{')) pools.sentences.push(sentence)
    }
  }
  for (const name of files) {
    const sections = sectionsOf(readFileSync(path.join(folder, name), 'utf8'))
    const get = (key) => sections.get(key) ?? []
    const title = get('title')
    pools.titles.push(...labelled(title, 'Incident'))
    for (const author of labelled(title, 'Author')) pools.people.add(author)
    for (const attendee of labelled(get('footer'), 'Attendees').flatMap((value) => value.split(/,\s*/))) pools.people.add(attendee)
    for (const block of blocksOf(get('Executive Summary'))) addSentences(block)
    const impact = get('Impact')
    pools.impact.users.push(...labelled(impact, 'Users affected'))
    pools.impact.revenue.push(...labelled(impact, 'Revenue impact'))
    pools.impact.data.push(...labelled(impact, 'Data impact'))
    pools.impact.reputation.push(...labelled(impact, 'Reputation impact'))
    for (const [, event, who] of tableRows(get('Timeline (Detailed)'))) {
      if (event) pools.events.push(event)
      if (who) pools.who.add(who)
    }
    for (const block of blocksOf(get('Root Cause Analysis/What Happened'))) {
      pools.happened.push(block)
      addSentences(block)
    }
    const why = get('Root Cause Analysis/Why It Happened')
    pools.immediate.push(...labelled(why, 'Immediate cause'))
    pools.factors.push(...numbered(why))
    const caught = get("Root Cause Analysis/Why It Wasn't Caught Earlier")
    pools.gaps.testing.push(...labelled(caught, 'Testing gap'))
    pools.gaps.monitoring.push(...labelled(caught, 'Monitoring gap'))
    pools.gaps.process.push(...labelled(caught, 'Process gap'))
    pools.well.push(...numbered(get('What Went Well')))
    pools.notWell.push(...numbered(get("What Didn't Go Well")))
    for (const block of blocksOf(get('Where We Got Lucky'))) {
      pools.lucky.push(block)
      addSentences(block)
    }
    for (const table of ['Prevent Recurrence', 'Improve Detection', 'Improve Response']) {
      for (const [action, owner] of tableRows(get(`Action Items/${table}`))) {
        pools.actions.push(action)
        if (owner?.startsWith('@')) pools.handles.add(owner)
        else if (owner) pools.people.add(owner)
      }
    }
    for (const line of get('Proper Fix')) {
      const story = /Story created: ([A-Z]+-\d+)/.exec(line)
      if (story) pools.stories.push(story[1])
      const fix = /Description: (.*)$/.exec(line)
      if (fix && !fix[1].includes('{')) pools.fixes.push(fix[1])
    }
    const comms = get('Communication')
    pools.comms.internal.push(...labelled(comms, 'Internal notification'))
    pools.comms.customer.push(...labelled(comms, 'Customer notification'))
    pools.comms.public.push(...labelled(comms, 'Public postmortem'))
    pools.lessons.technical.push(...numbered(get('Lessons Learned/Technical Lessons')))
    pools.lessons.process.push(...numbered(get('Lessons Learned/Process Lessons')))
    pools.lessons.team.push(...numbered(get('Lessons Learned/Team Lessons')))
    for (const block of blocksOf(get('Blameless Culture Note'))) {
      pools.blameless.push(block)
      addSentences(block)
    }
  }
  return {...pools, people: [...pools.people].sort(), handles: [...pools.handles].sort(), who: [...pools.who].sort()}
}

let cachedPools
/** The pools, read once. */
export function pools() {
  cachedPools ??= readPools()
  return cachedPools
}
