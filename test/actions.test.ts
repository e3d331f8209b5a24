import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {displayWidth} from '../src/cli/commands/actions.js'
import {isOverdue, ownedBy, ownersOf, peopleNames} from '../src/model/action-items.js'
import {runInProcess} from './cli-harness.js'
import {root, template} from './helpers.js'

interface Row {
  file: string
  line: number | null
  table: string
  action: string | null
  owner: string | null
  dueDate: string | null
  priority: string | null
  status: string | null
  path: string
}

const examples = 'fixtures/examples'

async function rows(argv: string[], stdin?: string): Promise<Row[]> {
  const run = await runInProcess(['actions', ...argv, '--format', 'json'], stdin === undefined ? {} : {stdin})
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as Row[]
}

/** The template with its Prevent Recurrence rows replaced by `lines`. */
function withPreventRows(lines: string[]): string {
  const rowsOfTemplate = '| {action_1} | {owner} | {date} | High | Not Started |\n| {action_2} | {owner} | {date} | Medium | Not Started |\n'
  expect(template).toContain(rowsOfTemplate)
  return template.replace(rowsOfTemplate, lines.map((line) => line + '\n').join(''))
}

/** A small RFC 4180 reader for checking the CSV output. */
function readCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    if (char === '"' && field === '') {
      index++
      while (index < text.length) {
        if (text[index] === '"' && text[index + 1] === '"') {
          field += '"'
          index += 2
        } else if (text[index] === '"') {
          index++
          break
        } else field += text[index++]
      }
    } else if (char === ',') {
      record.push(field)
      field = ''
      index++
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      index += 2
    } else {
      expect(char).not.toBe('\n')
      field += char
      index++
    }
  }
  expect(field).toBe('')
  expect(record).toEqual([])
  return records
}

describe('postmortem actions', () => {
  it('lists every action item of the six examples, in file, table and row order', async () => {
    const all = await rows([examples])
    expect(all).toHaveLength(38)
    const perFile = new Map<string, number>()
    for (const row of all) perFile.set(row.file, (perFile.get(row.file) ?? 0) + 1)
    expect([...perFile]).toEqual([
      ['fixtures/examples/01-checkout-db-pool.md', 5],
      ['fixtures/examples/02-cdn-cert-expiry.md', 7],
      ['fixtures/examples/03-auth-token-cache.md', 5],
      ['fixtures/examples/04-payments-webhook-retry-storm.md', 7],
      ['fixtures/examples/05-search-index-corruption.md', 7],
      ['fixtures/examples/06-dns-misconfig.md', 7]
    ])
    const perTable = (table: string): number => all.filter((row) => row.table === table).length
    expect([perTable('Prevent Recurrence'), perTable('Improve Detection'), perTable('Improve Response')]).toEqual([15, 9, 14])
    expect(all[0]).toEqual({
      file: 'fixtures/examples/01-checkout-db-pool.md',
      line: expect.any(Number),
      table: 'Prevent Recurrence',
      action: 'Add a CI check that computes pods * workers * (pool_size + max_overflow) per service and fails above its budget',
      owner: '@ana.souza',
      dueDate: '2027-01-29',
      priority: 'High',
      status: 'In Progress',
      path: 'actionItems.preventRecurrence[0]'
    })
    expect(all.at(-1)).toMatchObject({file: 'fixtures/examples/06-dns-misconfig.md', table: 'Improve Response', owner: '@grace', status: 'Blocked', path: 'actionItems.improveResponse[3]'})
  })

  it("gives each item the line of its own row", async () => {
    const all = await rows([examples])
    const texts = new Map<string, string[]>()
    for (const row of all) {
      if (!texts.has(row.file)) texts.set(row.file, readFileSync(path.join(root, row.file), 'utf8').split('\n'))
      const line = texts.get(row.file)![row.line! - 1]!
      expect(line.startsWith(`| ${row.action!.replace(/\|/g, '\\|')} | ${row.owner} | ${row.dueDate} |`), `${row.file}:${row.line}`).toBe(true)
    }
  })

  it('counts statuses as the examples write them', async () => {
    const all = await rows([examples])
    const count = (status: string): number => all.filter((row) => row.status === status).length
    expect({
      done: count('Done'),
      inProgress: count('In Progress'),
      notStarted: count('Not Started'),
      blocked: count('Blocked'),
      wontDo: count("Won't Do")
    }).toEqual({done: 21, inProgress: 6, notStarted: 6, blocked: 2, wontDo: 3})
  })

  it('--open keeps items that are neither Done nor Won\'t Do', async () => {
    const open = await rows([examples, '--open'])
    expect(open).toHaveLength(14)
    expect(open.every((row) => row.status !== 'Done' && row.status !== "Won't Do")).toBe(true)
  })

  it('--overdue keeps open items due strictly before --now', async () => {
    const overdue = await rows([examples, '--overdue', '--now', '2027-01-20'])
    expect(overdue.map((row) => [path.basename(row.file), row.dueDate, row.status])).toEqual([
      ['03-auth-token-cache.md', '2027-01-15', 'Not Started'],
      ['06-dns-misconfig.md', '2027-01-08', 'In Progress'],
      ['06-dns-misconfig.md', '2027-01-15', 'Blocked']
    ])
    // Due on --now itself (04: 2027-01-20) is not overdue yet; a day later it is.
    const nextDay = await rows([examples, '--overdue', '--now', '2027-01-21'])
    expect(nextDay.map((row) => row.dueDate)).toContain('2027-01-20')
    expect(nextDay).toHaveLength(4)
    expect(await rows([examples, '--overdue', '--now', '2026-01-01'])).toEqual([])
  })

  it('--overdue defaults --now to today (UTC): everything due in 1999 is overdue', async () => {
    const doc = withPreventRows(['| Old work | @sam | 1999-12-31 | High | Not Started |', '| Far future work | @sam | 9999-12-31 | High | Not Started |'])
    const overdue = await rows(['-', '--overdue'], doc)
    expect(overdue.map((row) => row.action)).toEqual(['Old work'])
  })

  it('never counts an invalid or missing due date as overdue, and reads status leniently', async () => {
    const doc = withPreventRows([
      '| Invalid calendar date | @sam | 2026-02-30 | High | Not Started |',
      '| Not a date | @sam | next week | High | In Progress |',
      '| No date | @sam |  | High | Blocked |',
      '| Real date | @sam | 2026-02-27 | High | Blocked |',
      '| Lower-case done | @sam | 2026-01-02 | High | done |',
      "| Curly won't do | @sam | 2026-01-02 | High | Won’t Do |",
      '| Unfilled status | @sam | 2026-01-03 | High |  |'
    ])
    const all = await rows(['-'], doc)
    expect(all.map((row) => row.action)).toEqual([
      'Invalid calendar date',
      'Not a date',
      'No date',
      'Real date',
      'Lower-case done',
      "Curly won't do",
      'Unfilled status'
    ])
    expect(all.every((row) => row.file === '-')).toBe(true)
    const overdue = await rows(['-', '--overdue', '--now', '2026-03-01'], doc)
    expect(overdue.map((row) => row.action)).toEqual(['Real date', 'Unfilled status'])
    const open = await rows(['-', '--open'], doc)
    expect(open.map((row) => row.action)).toEqual(['Invalid calendar date', 'Not a date', 'No date', 'Real date', 'Unfilled status'])
  })

  it('--owner matches case-insensitively, ignoring a leading @', async () => {
    const owners = async (name: string): Promise<string[]> => (await rows([examples, '--owner', name])).map((row) => `${path.basename(row.file).slice(0, 2)} ${row.owner}`)
    expect(await owners('@KENJI')).toEqual(['02 @kenji', '02 @kenji', '02 @kenji'])
    expect(await owners('ana.souza')).toEqual(['01 @ana.souza', '01 @ana.souza'])
    expect(await owners('grace')).toEqual(['06 @grace'])
    expect(await owners('grace liu')).toEqual(['06 Grace Liu', '06 Grace Liu'])
    expect(await owners('@Grace Liu')).toEqual(['06 Grace Liu', '06 Grace Liu'])
    expect(await owners('nobody')).toEqual([])
  })

  it('combines filters', async () => {
    const lukas = await rows([examples, '--open', '--owner', 'lukas'])
    expect(lukas.map((row) => [row.owner, row.dueDate, row.status])).toEqual([['@lukas', '2027-03-05', 'Not Started']])
  })

  it('--owner matches one of several owners in a cell', () => {
    expect(ownedBy({owner: '@ana, @marcus'}, 'Marcus')).toBe(true)
    expect(ownedBy({owner: 'SRE / Dana'}, '@dana')).toBe(true)
    expect(ownedBy({owner: 'Danai'}, 'dana')).toBe(false)
    expect(ownedBy({owner: null}, 'dana')).toBe(false)
    expect(isOverdue({status: null, dueDate: ' 2026-01-01 '}, '2026-01-02')).toBe(true)
  })

  it('--format table prints aligned columns with a header', async () => {
    const run = await runInProcess(['actions', 'fixtures/examples/02-cdn-cert-expiry.md', 'fixtures/examples/03-auth-token-cache.md'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1 + 7 + 5)
    expect(lines[0]).toMatch(/^FILE +LINE +TABLE +ACTION +OWNER +DUE DATE +PRIORITY +STATUS$/)
    // Every column starts where its header does.
    for (const header of ['LINE', 'TABLE', 'ACTION', 'OWNER', 'DUE DATE', 'PRIORITY', 'STATUS']) {
      const at = lines[0]!.indexOf(header)
      for (const line of lines.slice(1)) {
        expect(line[at - 1], `${header} in ${line}`).toBe(' ')
        expect(line[at - 2], `${header} in ${line}`).toBe(' ')
        expect(line[at]).not.toBe(' ')
      }
    }
    expect(lines.every((line) => line === line.trimEnd())).toBe(true)
    expect(lines[1]).toMatch(/^fixtures\/examples\/02-cdn-cert-expiry\.md +\d+ +Prevent Recurrence +Move the `assets` service/)
    expect(run.stdout).toContain('Chloé Martin')
  })

  it('--format table says so when nothing matches, and exits 0', async () => {
    const run = await runInProcess(['actions', examples, '--owner', 'nobody'])
    expect(run).toEqual({code: 0, stdout: 'No action items.\n', stderr: ''})
  })

  it('--format table shows unfilled cells as -', async () => {
    const run = await runInProcess(['actions', '-'], {stdin: withPreventRows(['| Something | {owner} |  | High |  |'])})
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[1]).toMatch(/^- +\d+ +Prevent Recurrence +Something +- +- +High +-$/)
  })

  it('--format csv is RFC 4180 and carries the same data as json', async () => {
    const run = await runInProcess(['actions', examples, '--format', 'csv'])
    expect(run.code).toBe(0)
    expect(run.stdout.endsWith('\r\n')).toBe(true)
    expect(run.stdout).toContain(',"Give support a ""possible incident"" button that posts to #sre with the ticket count",')
    const records = readCsv(run.stdout)
    expect(records[0]).toEqual(['File', 'Line', 'Table', 'Action', 'Owner', 'Due Date', 'Priority', 'Status'])
    const json = await rows([examples])
    expect(records.slice(1)).toEqual(json.map((row) => [row.file, String(row.line), row.table, row.action, row.owner, row.dueDate, row.priority, row.status]))
    // Commas in a value are quoted too; an empty list is just the header.
    expect(records.slice(1).some((record) => record[3]!.includes(','))).toBe(true)
    const empty = await runInProcess(['actions', examples, '--owner', 'nobody', '--format', 'csv'])
    expect(empty.stdout).toBe('File,Line,Table,Action,Owner,Due Date,Priority,Status\r\n')
  })

  it('lists what an incomplete postmortem has and nothing for the blank template', async () => {
    expect(await rows(['fixtures/template.md'])).toEqual([])
    const half = await rows(['-'], withPreventRows(['| Half an item | {owner} | {date} | High | Not Started |']))
    expect(half).toEqual([
      {file: '-', line: expect.any(Number), table: 'Prevent Recurrence', action: 'Half an item', owner: null, dueDate: null, priority: 'High', status: 'Not Started', path: 'actionItems.preventRecurrence[0]'}
    ])
  })

  it('exits 2 for a file it cannot read, and still lists the others', async () => {
    const run = await runInProcess(['actions', 'fixtures/examples/01-checkout-db-pool.md', 'fixtures/nope.md', '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Cannot read `fixtures\/nope.md`/)
    expect(JSON.parse(run.stdout)).toHaveLength(5)
    const glob = await runInProcess(['actions', 'fixtures/examples/*.nothing'])
    expect(glob.code).toBe(2)
    expect(glob.stderr).toMatch(/No files match/)
  })

  it.each([
    [['--format', 'xml'], /unknown format `xml`/],
    [['--now', '2026-02-30'], /--now expects a date written YYYY-MM-DD/],
    [['--now', 'tomorrow'], /--now expects a date/],
    [['--owner', '@'], /--owner expects a name/],
    [['--bogus'], /Unknown option '--bogus'/]
  ])('exits 2 on a usage error: %j', async (argv, stderr) => {
    const run = await runInProcess(['actions', examples, ...argv])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(stderr)
    expect(run.stderr).toMatch(/postmortem actions --help/)
  })

  it('--help describes the filters and formats', async () => {
    const run = await runInProcess(['actions', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: postmortem actions/)
    for (const option of ['--open', '--overdue', '--now', '--owner', '--format table|json|csv']) expect(run.stdout).toContain(option)
    expect((await runInProcess(['--help'])).stdout).toMatch(/actions +list action items/)
  })

  it('searches the current folder without paths', async () => {
    const run = await runInProcess(['actions', '--format', 'json'], {cwd: path.join(root, examples)})
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toHaveLength(38)
  })

  it('measures display width for alignment', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('Chloe\u0301')).toBe(5)
    expect(displayWidth('日本')).toBe(4)
    expect(displayWidth('🔥x')).toBe(3)
  })
})

describe('peopleNames and ownersOf: one name for each person', () => {
  const personName = peopleNames({'Grace Liu': ['@grace', 'grace'], 'Wen Zhou': ['@wzhou', '@grace']})

  it('gives every spelling of a person the one name, ignoring case, emphasis, `@` and spaces', () => {
    expect(['@grace', 'Grace', '**grace**', 'grace liu', '@GRACE', '@wzhou', 'Wen  Zhou'].map(personName)).toEqual(['Grace Liu', 'Grace Liu', 'Grace Liu', 'Grace Liu', 'Grace Liu', 'Wen Zhou', 'Wen Zhou'])
    // A spelling listed for two people keeps the first; names not listed stay as written.
    expect(personName('@dana')).toBe('@dana')
    expect(peopleNames(undefined)('@grace')).toBe('@grace')
  })

  it('shows a cell by those names only when one changed', () => {
    expect(ownersOf('@grace, @dana', personName)).toEqual({owner: 'Grace Liu, dana', owners: ['Grace Liu', 'dana']})
    expect(ownersOf('Grace Liu and @dana', personName)).toEqual({owner: 'Grace Liu and @dana', owners: ['Grace Liu', 'dana']})
    expect(ownersOf(null, personName)).toEqual({owner: null, owners: []})
  })
})
