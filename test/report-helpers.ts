/** Shared by the report's Node and browser tests: hostile documents, and reading a page's links. */
import {execSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'
import {root} from './helpers.js'

/** The date the report tests measure against. */
export const reportNow = '2026-06-30'

/** What the hostile documents put in titles, owners, actions, statuses and file names. */
export const hostile = {
  title: '<img src=x onerror=alert(1)> and <script>alert(2)</script>',
  owner: '<svg/onload=alert(3)>',
  action: '[click me](javascript:alert(4)) <a href="javascript:alert(5)">x</a>',
  status: 'In Progress <iframe src=javascript:alert(9)>',
  id: '<b onmouseover=alert(8)>1</b>',
  files: ['x"><img src=y onerror=alert(6)>.md', 'javascript:alert(10).md'],
  pageTitle: '</title><script>alert(11)</script>'
} as const

/**
 * Write two postmortems whose every text field tries to inject markup or a script, under file
 * names that try too, into `folder` (created). Returns the folder.
 */
export function writeHostileFolder(folder: string): string {
  mkdirSync(folder, {recursive: true})
  const base = readFileSync(path.join(root, 'fixtures/report/2025-12-15-queue-backlog.md'), 'utf8')
  const edits: [string, string][] = [
    ['# Postmortem: HOTFIX-101', `# Postmortem: HOTFIX-${hostile.id}`],
    ['**Incident:** Order queue backlog delayed confirmation emails', `**Incident:** ${hostile.title}`],
    ['| Alert on the age of the oldest queued message | @dana | 2026-03-01 | Medium | In Progress |', `| ${hostile.action} | ${hostile.owner} | 2026-03-01 | Medium | ${hostile.status} |`]
  ]
  let text = base
  for (const [find, replace] of edits) {
    expect(text).toContain(find)
    text = text.replace(find, replace)
  }
  for (const name of hostile.files) writeFileSync(path.join(folder, name), text)
  return folder
}

/** Every value of `src`, `href`, `xlink:href`, `action`, `srcset`, `poster` and `url(…)` in a page. */
export function references(page: string): string[] {
  const attributes = [...page.matchAll(/\s(?:src|href|xlink:href|action|srcset|poster|data|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((match) => match[1]!.replace(/^["']|["']$/g, ''))
  const urls = [...page.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)].map((match) => match[2]!)
  return [...attributes, ...urls]
}

/** Whether a reference stays inside the page or beside it: a fragment or a relative path, never a scheme or a host. */
export function isLocalReference(reference: string): boolean {
  const value = reference.trim()
  if (value.startsWith('#')) return true
  if (value.startsWith('//') || value.startsWith('\\\\')) return false
  return !/^[a-z][a-z0-9+.-]*:/i.test(value)
}

/** Chromium from `CHROMIUM_PATH`, or on `PATH` as Debian installs it. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  const found = execSync('command -v chromium || command -v chromium-browser || true', {shell: '/bin/sh', encoding: 'utf8'}).trim()
  return found === '' ? undefined : found
}

/** Chromium's switches for a machine without network: nothing tries to reach it. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
