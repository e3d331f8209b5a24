/**
 * SPEC §9: the report over a team's folder, in Debian's Chromium as the built-in report is
 * checked: the payments team's postmortems by its own template (`--template`), with their dates
 * shown ISO (the team writes `Mar 20, 2025`), their own severities (SEV1–SEV3, not P0–P2), their
 * durations in minutes (`1 hr 12 min`) and the owners of their open action items.
 */
import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runProcess} from './cli-harness.js'
import {fixtures} from './helpers.js'
import {chromiumArgs, findChromium} from './report-helpers.js'

const work = mkdtempSync(path.join(tmpdir(), 'postmortem-team-report-'))
const reportFile = path.join(work, 'report.html')
let browser: Browser

beforeAll(async () => {
  const executablePath = findChromium()
  if (executablePath === undefined) throw new Error("The browser tests need Chromium: install Debian's package (`apt-get install chromium`, as .ci/run does) or set CHROMIUM_PATH")
  cpSync(path.join(fixtures, 'templates/payments'), path.join(work, 'payments'), {recursive: true})
  const run = runProcess(['report', 'payments', '--template', 'payments/template.md', '--now', '2026-12-07', '--out', 'report.html'], {cwd: work})
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  browser = await chromium.launch({executablePath, args: chromiumArgs})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  rmSync(work, {recursive: true, force: true})
})

describe("a team's report in Chromium", () => {
  it('shows its incidents by ISO date, its own severities, minutes and the owners of open items', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(pathToFileURL(reportFile).href, {waitUntil: 'load'})
    const seen = await page.evaluate(() => {
      const table = document.getElementById('postmortems')?.parentElement?.querySelector('table')
      const rows = Array.from(table?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim()))
      const open = document.getElementById('open-action-items')?.parentElement?.querySelector('table')
      const owners = Array.from(open?.querySelectorAll('tbody tr') ?? []).map((row) => (row as HTMLElement).innerText)
      const legend = Array.from(document.querySelectorAll('svg[role="img"]')).map((svg) => svg.textContent ?? '').join(' ')
      return {rows: rows.map((cells) => [cells[0], cells[2], cells[3]]), owners, legend, scrollWidth: document.documentElement.scrollWidth}
    })
    expect(errors).toEqual([])
    expect(seen.rows).toEqual([
      ['2025-03-20', 'SEV2', '72 min'],
      ['2025-07-08', 'SEV1', '155 min'],
      ['2025-10-14', 'SEV3', '–']
    ])
    expect(seen.owners.length).toBeGreaterThan(0)
    expect(seen.owners.join('\n')).toMatch(/@grace|Grace Liu/)
    expect(seen.legend).not.toMatch(/\bP0\b/)
    expect(seen.scrollWidth).toBe(1280)
    await page.close()
  })
})
