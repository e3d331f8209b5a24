/**
 * The report and the library's core in a real browser: Debian's Chromium, driven by
 * playwright-core (which downloads nothing). `.ci/run` installs Chromium; without it these tests
 * fail and say so, rather than skip.
 *
 * - The report opens from disk with no console error and no request but its own; every chart
 *   has its marks, and their numbers agree with `stats`, `actions` and `lint`.
 * - Nothing from a document runs, even with the page's Content Security Policy taken out.
 * - `src/index.ts` bundled for the browser by esbuild lints the template in a page and gets
 *   the findings Node gets, and computes the same report figures.
 *
 * Screenshots go to `.scratch/browser/`; `UPDATE_SCREENSHOT=1` also writes `docs/report.png`
 * (the report over fixtures/examples/ shown in the README).
 */
import {copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Stats} from '../src/cli/commands/stats.js'
import {lint, parseDocument, reportData, template} from '../src/index.js'
import {runInProcess, runProcess} from './cli-harness.js'
import {root} from './helpers.js'
import {chromiumArgs, findChromium, hostile, isLocalReference, reportNow, writeHostileFolder} from './report-helpers.js'

const work = mkdtempSync(path.join(tmpdir(), 'postmortem-browser-'))
const shots = path.join(root, '.scratch/browser')
let browser: Browser

beforeAll(async () => {
  const executablePath = findChromium()
  if (executablePath === undefined) {
    throw new Error('The browser tests need Chromium: install Debian\'s package (`apt-get install chromium`, as .ci/run does) or set CHROMIUM_PATH')
  }
  mkdirSync(shots, {recursive: true})
  // Note: the network is closed here; these switches keep Chromium from trying to reach it.
  browser = await chromium.launch({
    executablePath,
    args: chromiumArgs
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  rmSync(work, {recursive: true, force: true})
})

/** What a page did while it loaded: console errors, page errors, requests and failed requests. */
interface Visit {
  readonly page: Page
  readonly errors: string[]
  readonly requests: string[]
  readonly failed: string[]
}

async function open(url: string, options: {initScript?: () => void} = {}): Promise<Visit> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}})
  const visit: Visit = {page, errors: [], requests: [], failed: []}
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(message.text())
  })
  page.on('pageerror', (error) => visit.errors.push(error.message))
  page.on('request', (request) => visit.requests.push(request.url()))
  page.on('requestfailed', (request) => visit.failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`))
  if (options.initScript) await page.addInitScript(options.initScript)
  await page.goto(url, {waitUntil: 'load'})
  return visit
}

/** A chart as the browser draws it. */
interface DrawnChart {
  id: string
  title: string
  description: string
  bars: {title: string; width: number; height: number}[]
  dots: string[]
  labels: string[]
}

function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('svg[role="img"]')).map((svg) => ({
      id: svg.id,
      title: document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      description: document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      bars: Array.from(svg.querySelectorAll('g[aria-label="bar"] rect')).map((rect) => {
        const box = (rect as SVGGraphicsElement).getBBox()
        return {title: rect.querySelector('title')?.textContent ?? '', width: box.width, height: box.height}
      }),
      dots: Array.from(svg.querySelectorAll('g[aria-label="dot"] > *')).map((dot) => dot.querySelector('title')?.textContent ?? ''),
      labels: Array.from(svg.querySelectorAll('g[aria-label="text"] text')).map((text) => text.textContent ?? '')
    }))
  )
}

function sortedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

describe('the report in Chromium', () => {
  const project = path.join(work, 'project')
  const reportFile = path.join(project, 'out/report.html')

  beforeAll(() => {
    cpSync(path.join(root, 'fixtures/report'), path.join(project, 'postmortems'), {recursive: true})
    const run = runProcess(['report', 'postmortems', '--now', reportNow, '--out', 'out/report.html'], {cwd: project})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('opens from disk with no console error and no request but the page itself', async () => {
    const visit = await open(pathToFileURL(reportFile).href)
    await visit.page.screenshot({path: path.join(shots, 'report-fixtures.png'), fullPage: true})
    expect(visit.errors).toEqual([])
    expect(visit.failed).toEqual([])
    expect(visit.requests).toEqual([pathToFileURL(reportFile).href])
    // Nothing in the page could load or run anything.
    const counts = await visit.page.evaluate(() => ({
      loaders: document.querySelectorAll('script, link, iframe, object, embed, img, video, audio, source, base').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
      references: Array.from(document.querySelectorAll('[href], [src]')).map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? ''),
      links: Array.from(document.querySelectorAll('a')).map((anchor) => anchor.href)
    }))
    expect(counts.loaders).toBe(0)
    expect(counts.handlers).toBe(0)
    expect(counts.references.filter((reference) => !isLocalReference(reference))).toEqual([])
    // Every link leads to a postmortem file beside the report.
    expect(counts.links.length).toBe(5 + 10)
    for (const link of counts.links) {
      const url = new URL(link)
      expect(url.protocol).toBe('file:')
      expect(existsSync(fileURLToPath(url))).toBe(true)
    }
    await visit.page.close()
  })

  it('draws every chart with its marks, and their numbers agree with stats, actions and lint', async () => {
    const stats = JSON.parse((await runInProcess(['stats', 'postmortems', '--now', reportNow, '--format', 'json'], {cwd: project})).stdout) as Stats
    const visit = await open(pathToFileURL(reportFile).href)
    const charts = await drawnCharts(visit.page)
    expect(charts.map((chart) => chart.id)).toEqual(['chart-incidents-per-month', 'chart-duration', 'chart-owners', 'chart-age', 'chart-completeness'])
    for (const chart of charts) {
      expect(chart.title).not.toBe('')
      expect(chart.description.length).toBeGreaterThan(20)
      expect(chart.bars.length + chart.dots.length).toBeGreaterThan(0)
      for (const bar of chart.bars) expect(bar.width * bar.height).toBeGreaterThan(0)
    }
    const chart = (id: string): DrawnChart => charts.find((entry) => entry.id === id)!

    // Incidents per month: the bars add up to stats' severity counts.
    const bySeverity: Record<string, number> = {}
    for (const {title} of chart('chart-incidents-per-month').bars) {
      const [, severity, count] = title.match(/^\d{4}-\d{2} · (\S+): (\d+) incidents?$/)!
      bySeverity[severity!] = (bySeverity[severity!] ?? 0) + Number(count)
    }
    expect(bySeverity).toEqual(Object.fromEntries(Object.entries(stats.severity).filter(([, count]) => count > 0)))

    // Duration: one dot per postmortem with whole minutes, and their median is stats' median.
    const dots = chart('chart-duration').dots.map((title) => Number(title.match(/: (\d+) minutes$/)![1]))
    expect(dots).toHaveLength(stats.durationMinutes.count)
    expect(sortedMedian(dots)).toBe(stats.durationMinutes.median)
    expect(chart('chart-duration').labels).toContain(`median ${stats.durationMinutes.median} min`)

    // Owners: each owner's open and overdue items are what `actions --owner` lists.
    const owners = new Map<string, {open: number; overdue: number}>()
    for (const {title} of chart('chart-owners').bars) {
      const [, name, count, kind] = title.match(/^(.+): (\d+) (overdue|open, not yet due)$/)!
      const entry = owners.get(name!) ?? {open: 0, overdue: 0}
      entry.open += Number(count)
      if (kind === 'overdue') entry.overdue += Number(count)
      owners.set(name!, entry)
    }
    expect([...owners.keys()].sort()).toEqual(['Lee', 'dana', 'grace', 'sam'])
    for (const [name, figures] of owners) {
      const listed = async (...flags: string[]): Promise<number> =>
        (JSON.parse((await runInProcess(['actions', 'postmortems', '--owner', name, '--now', reportNow, '--format', 'json', ...flags], {cwd: project})).stdout) as unknown[]).length
      expect({name, ...figures}).toEqual({name, open: await listed('--open'), overdue: await listed('--overdue')})
    }

    // Age: every open item in one bar segment; the overdue ones add up too.
    let openItems = 0
    let overdueItems = 0
    for (const {title} of chart('chart-age').bars) {
      const [, count, kind] = title.match(/: (\d+) (overdue|open, not yet due)$/)!
      openItems += Number(count)
      if (kind === 'overdue') overdueItems += Number(count)
    }
    expect({open: openItems, overdue: overdueItems}).toEqual({open: stats.actionItems.open, overdue: stats.actionItems.overdue})

    // Completeness: a bar per file with lint errors, as long as `lint` counts them.
    const linted = JSON.parse((await runInProcess(['lint', 'postmortems', '--now', reportNow, '--format', 'json'], {cwd: project})).stdout) as {file: string; errorCount: number}[]
    const errors = chart('chart-completeness').bars.map(({title}) => Number(title.match(/: (\d+) lint errors?$/)![1]))
    expect(errors.sort()).toEqual(linted.filter((file) => file.errorCount > 0).map((file) => file.errorCount).sort())
    expect(stats.completeness.incomplete).toBe(errors.length)

    // Headline figures and tables.
    const page = await visit.page.evaluate(() => ({
      figures: Object.fromEntries(Array.from(document.querySelectorAll('.figures div')).map((cell) => [cell.querySelector('dt')!.textContent, cell.querySelector('dd')!.firstChild!.textContent!.trim()])),
      postmortems: document.querySelectorAll('#postmortems ~ table tbody tr').length,
      open: document.querySelectorAll('#open-action-items ~ table tbody tr').length
    }))
    expect(page.figures).toEqual({
      Incidents: String(stats.postmortems),
      'Median duration': `${stats.durationMinutes.median} min`,
      '90th percentile duration': `${stats.durationMinutes.p90} min`,
      'Open action items': String(stats.actionItems.open),
      'Overdue action items': String(stats.actionItems.overdue),
      'Complete postmortems': String(stats.completeness.complete)
    })
    expect({postmortems: page.postmortems, open: page.open}).toEqual({postmortems: stats.postmortems, open: stats.actionItems.open})
    expect(visit.errors).toEqual([])
    await visit.page.close()
  })

  it('prints: two charts a row, no data tables, and a PDF', async () => {
    const visit = await open(pathToFileURL(reportFile).href)
    await visit.page.emulateMedia({media: 'print'})
    const layout = await visit.page.evaluate(() => ({
      columns: getComputedStyle(document.querySelector('.charts')!).gridTemplateColumns.split(' ').length,
      details: getComputedStyle(document.querySelector('details')!).display
    }))
    expect(layout).toEqual({columns: 2, details: 'none'})
    const pdf = await visit.page.pdf({format: 'A4', printBackground: true})
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    writeFileSync(path.join(shots, 'report-fixtures.pdf'), pdf)
    await visit.page.close()
  })

  it('shows the examples report (the README screenshot)', async () => {
    const out = path.join(work, 'examples/report.html')
    const run = runProcess(['report', 'fixtures/examples', '--now', '2027-02-15', '--title', 'Postmortem review, February 2027', '--out', out])
    expect(run.code).toBe(0)
    const visit = await open(pathToFileURL(out).href)
    expect(visit.errors).toEqual([])
    expect(visit.failed).toEqual([])
    const charts = await drawnCharts(visit.page)
    // All six examples are complete, so the completeness chart says so in words.
    expect(charts.map((chart) => [chart.id, chart.bars.length + chart.dots.length > 0])).toEqual([
      ['chart-incidents-per-month', true],
      ['chart-duration', true],
      ['chart-owners', true],
      ['chart-age', true]
    ])
    const screenshot = path.join(shots, 'report-examples.png')
    await visit.page.screenshot({path: screenshot, fullPage: true})
    if (process.env.UPDATE_SCREENSHOT) {
      mkdirSync(path.join(root, 'docs'), {recursive: true})
      copyFileSync(screenshot, path.join(root, 'docs/report.png'))
    }
    await visit.page.close()
  })
})

describe('a report over many files with long names in Chromium', () => {
  // Other teams' postmortems (no hotfix id) under long file names in a deep folder, and one
  // whose action, owner and title are long words without a space (a URL, a handle).
  const project = path.join(work, 'long-names')
  const folder = path.join(project, 'docs/postmortems/imported/kubernetes')
  const reportFile = path.join(project, 'report.html')
  const names: string[] = []

  beforeAll(() => {
    mkdirSync(folder, {recursive: true})
    const sources = readdirSync(path.join(root, 'fixtures/real-world')).filter((name) => name.endsWith('.md')).sort()
    for (const [index, source] of sources.entries()) {
      const text = readFileSync(path.join(root, 'fixtures/real-world', source), 'utf8')
      if (/HOTFIX-/.test(text)) continue
      const name = `kubernetes__test-infra__2019-${String((index % 12) + 1).padStart(2, '0')}-${String(10 + index).padStart(2, '0')}-${source.replace(/\.md$/, '')}-postmortem-notes.md`
      writeFileSync(path.join(folder, name), text)
      names.push(name)
    }
    const url = 'https://github.com/kubernetes/test-infra/blob/master/prow/cmd/deck/static/prow/a/long/path/to/a/file/that/keeps/going/and/going.ts'
    const long = readFileSync(path.join(root, 'fixtures/report/2025-12-15-queue-backlog.md'), 'utf8')
      .replace('**Incident:** Order queue backlog delayed confirmation emails', `**Incident:** ${url.replace('https://', '')}`)
      .replace('| Alert on the age of the oldest queued message | @dana |', `| Read ${url} | @a-very-long-owner-handle-without-any-spaces-at-all |`)
    writeFileSync(path.join(folder, 'kubernetes__test-infra__2019-12-31-a-postmortem-with-long-words-in-it.md'), long)
    const run = runProcess(['report', 'docs', '--now', reportNow, '--out', 'report.html'], {cwd: project})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('fits a 1,280 px window: no horizontal scroll', async () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
    const visit = await open(pathToFileURL(reportFile).href)
    await visit.page.screenshot({path: path.join(shots, 'report-long-names.png'), fullPage: true})
    const layout = await visit.page.evaluate(() => ({
      viewport: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      wider: Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
        .map((element) => `${element.tagName.toLowerCase()} ${(element.textContent ?? '').slice(0, 60)}`)
        .slice(0, 5)
    }))
    expect(layout).toEqual({viewport: 1280, scrollWidth: 1280, wider: []})
    expect(visit.errors).toEqual([])
    await visit.page.close()
  })

  it('labels every bar apart, and names the postmortem of every open action item', async () => {
    const visit = await open(pathToFileURL(reportFile).href)
    const seen = await visit.page.evaluate(() => ({
      ticks: Array.from(document.querySelectorAll('#chart-completeness [aria-label="y-axis tick label"] text')).map((text) => text.textContent ?? ''),
      postmortems: Array.from(document.querySelectorAll('#open-action-items ~ table tbody tr')).map((row) => (row.children[4] as HTMLElement).innerText.trim())
    }))
    expect(seen.ticks.length).toBeGreaterThanOrEqual(10)
    expect(new Set(seen.ticks).size).toBe(seen.ticks.length)
    for (const tick of seen.ticks) expect(tick.length).toBeLessThanOrEqual(28)
    expect(seen.postmortems.length).toBeGreaterThan(20)
    expect(seen.postmortems.filter((cell) => cell === '')).toEqual([])
    await visit.page.close()
  })
})

describe('text from documents in Chromium', () => {
  const record = (): void => {
    const ran: string[] = []
    Object.assign(window, {__ran: ran})
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      Object.defineProperty(window, name, {value: (message: unknown) => void ran.push(`${name}(${String(message)})`)})
    }
  }

  it.each([
    ['as written', false],
    ['with its Content Security Policy taken out', true]
  ])('runs nothing and shows the text, %s', async (_name, stripPolicy) => {
    const dir = writeHostileFolder(path.join(work, `hostile-${stripPolicy ? 'open' : 'csp'}`))
    const run = runProcess(['report', '.', '--now', reportNow, '--title', hostile.pageTitle, '--out', 'report.html'], {cwd: dir})
    expect(run.code).toBe(0)
    const file = path.join(dir, 'report.html')
    if (stripPolicy) {
      const page = readFileSync(file, 'utf8')
      const stripped = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')
      expect(stripped).not.toBe(page)
      writeFileSync(file, stripped)
    }
    const visit = await open(pathToFileURL(file).href, {initScript: record})
    // Give anything that would fire (onerror, onload) a moment.
    await visit.page.waitForTimeout(300)
    await visit.page.mouse.move(200, 200)
    const seen = await visit.page.evaluate(() => ({
      ran: (window as unknown as {__ran: string[]}).__ran,
      injected: document.querySelectorAll('script, img, iframe, b, svg:not([aria-hidden]):not([role="img"])').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
      protocols: [...new Set(Array.from(document.querySelectorAll('a')).map((anchor) => anchor.protocol))],
      title: document.title,
      text: document.body.innerText
    }))
    expect(seen.ran).toEqual([])
    expect(seen.injected).toBe(0)
    expect(seen.handlers).toBe(0)
    expect(seen.protocols).toEqual(['file:'])
    expect(seen.title).toBe(hostile.pageTitle)
    expect(seen.text).toContain(hostile.title)
    expect(seen.text).toContain(hostile.action)
    expect(seen.text).toContain(hostile.status)
    expect(visit.errors).toEqual([])
    expect(visit.requests).toEqual([pathToFileURL(file).href])
    await visit.page.close()
  })
})

describe('the core in Chromium', () => {
  const now = '2026-12-01'

  it('bundles for the browser, lints the template and computes report figures as Node does', async () => {
    // Note: the production build of the unified ecosystem, as plain Node and vitest.config.ts use.
    const result = await build({
      stdin: {contents: "import * as core from './src/index.ts'\nglobalThis.postmortemCore = core\n", resolveDir: root, loader: 'ts', sourcefile: 'browser-entry.ts'},
      bundle: true,
      platform: 'browser',
      format: 'esm',
      conditions: ['production'],
      define: {'process.env.NODE_ENV': '"production"'},
      metafile: true,
      write: false,
      logLevel: 'silent'
    })
    const bundle = result.outputFiles[0]!.text
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((input) => /^node:|@observablehq\/plot|linkedom|src\/cli\//.test(input))).toEqual([])
    expect(bundle.length).toBeGreaterThan(100_000)

    const visit = await open('about:blank')
    await visit.page.addScriptTag({content: bundle, type: 'module'})
    await visit.page.waitForFunction(() => 'postmortemCore' in globalThis)

    type Core = typeof import('../src/index.js')
    const examples = readdirSync(path.join(root, 'fixtures/examples'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(root, 'fixtures/examples', name), 'utf8'))
    const inBrowser = await visit.page.evaluate(
      ({now, examples}) => {
        const core = (globalThis as unknown as {postmortemCore: Core}).postmortemCore
        return {template: core.lint(core.template, {now}), examples: examples.map((text) => core.lint(text, {now}))}
      },
      {now, examples}
    )
    expect(inBrowser.template.length).toBeGreaterThan(10)
    expect(inBrowser.template).toEqual(lint(template, {now}))
    expect(inBrowser.examples).toEqual(examples.map((text) => lint(text, {now})))

    const files = readdirSync(path.join(root, 'fixtures/report')).map((name) => ({file: name, text: readFileSync(path.join(root, 'fixtures/report', name), 'utf8')}))
    const figures = await visit.page.evaluate(
      ({now, files}) => {
        const core = (globalThis as unknown as {postmortemCore: Core}).postmortemCore
        return core.reportData(
          files.map(({file, text}) => ({file, document: core.parseDocument(text)})),
          {now}
        )
      },
      {now: reportNow, files}
    )
    expect(figures).toEqual(reportData(files.map(({file, text}) => ({file, document: parseDocument(text)})), {now: reportNow}))
    expect(visit.errors).toEqual([])
    await visit.page.close()
  })
})
