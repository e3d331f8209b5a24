/**
 * The CLI in a team's repository: .gitignore, the configuration's `ignores`, `extends` and
 * `overrides`, paths that name nothing, and `postmortem init`. Every scenario runs in-process
 * and as a real process, in a temporary working tree.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../src/cli/config-file.js'
import {starterConfig} from '../src/cli/commands/init.js'
import {runInProcess, runProcess, type Run} from './cli-harness.js'
import {root, template} from './helpers.js'

const clean = readFileSync(path.join(root, 'fixtures/lint-cli/files/clean.md'), 'utf8')
const warnings = readFileSync(path.join(root, 'fixtures/lint-cli/files/warnings.md'), 'utf8')
const old = readFileSync(path.join(root, 'fixtures/real-world/atlassian-style.md'), 'utf8')
const now = ['--now', '2026-03-20']

/** Write `files` (path → text) under a new temporary folder; a path ending in `/` is a folder. */
function tree(files: Record<string, string>): string {
  const top = mkdtempSync(path.join(tmpdir(), 'pm-repo-'))
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(top, name)
    if (name.endsWith('/')) mkdirSync(full, {recursive: true})
    else {
      mkdirSync(path.dirname(full), {recursive: true})
      writeFileSync(full, text)
    }
  }
  return top
}

const repo = tree({
  '.git/': '',
  '.gitignore': 'build/\n*.tmp.md\n!keep.tmp.md\n',
  'docs/a.md': warnings,
  'docs/legacy/old.md': old,
  'docs/drafts/draft.md': template,
  'docs/.postmortemrc.json': JSON.stringify({
    ignores: ['drafts/**'],
    overrides: [{files: ['legacy/**'], extends: 'postmortem-md/legacy'}]
  }),
  'build/gen.md': template,
  'scratch.tmp.md': template,
  'keep.tmp.md': clean,
  'nested/.gitignore': 'skip.md\n',
  'nested/skip.md': template,
  'nested/ok.md': clean,
  'empty/': '',
  'txt-only/notes.txt': 'not a postmortem\n',
  'layers/.postmortemrc.json': `// comments are allowed
{
  "extends": ["postmortem-md/legacy", "postmortem-md/recommended"], /* later wins */
  "rules": {"heading-text": "warn"},
  "overrides": [
    {"files": ["*.md"], "rules": {"heading-text": "error"}},
    {"files": ["old*.md"], "ignores": ["old-kept.md"], "rules": {"heading-text": "info"}}
  ]
}`,
  'layers/old.md': old,
  'layers/old-kept.md': old,
  'broken/.postmortemrc.json': JSON.stringify({extends: 'postmortem-md/legasy', overrides: [{files: 'legacy/**', rules: {'heading-txt': 'off', status: 'warnx'}}], ignore: []}),
  'broken/a.md': clean
})

interface Scenario {
  name: string
  argv: string[]
  code: number
  /** Files of the JSON report, in order. */
  files?: string[]
  stdout?: RegExp
  stderr?: RegExp
  check?: (run: Run) => void
}

const filesOf = (run: Run): string[] => (JSON.parse(run.stdout) as {file: string}[]).map((entry) => entry.file)
const rulesOf = (run: Run, file: string): Record<string, string> => {
  const entry = (JSON.parse(run.stdout) as {file: string; findings: {ruleId: string; severity: string}[]}[]).find((item) => item.file === file)
  return Object.fromEntries((entry?.findings ?? []).map((finding) => [finding.ruleId, finding.severity]))
}

const scenarios: Scenario[] = [
  // .gitignore and `ignores` for folders and globs.
  {
    name: 'a folder skips what .gitignore lists (at the top and deeper) and what `ignores` lists',
    argv: ['lint', ...now, '--format', 'json', '.'],
    code: 2, // layers/ and broken/ hold configurations of their own; broken/ is unusable
    files: ['docs/a.md', 'docs/legacy/old.md', 'keep.tmp.md', 'layers/old-kept.md', 'layers/old.md', 'nested/ok.md']
  },
  {name: 'a glob skips what .gitignore lists', argv: ['lint', ...now, '--format', 'json', '**/*.md', '--config', 'docs/.postmortemrc.json'], code: 1, files: ['docs/a.md', 'docs/legacy/old.md', 'keep.tmp.md', 'layers/old-kept.md', 'layers/old.md', 'nested/ok.md', 'broken/a.md'].sort()},
  {name: 'a file named on the command line is read even when .gitignore lists it', argv: ['lint', ...now, '--format', 'json', 'build/gen.md'], code: 1, files: ['build/gen.md']},
  {
    name: 'a file named on the command line that `ignores` matches is not linted, with a note',
    argv: ['lint', ...now, 'docs/drafts/draft.md', 'docs/a.md'],
    code: 0,
    stdout: /^docs\/a\.md\n/,
    stderr: /^docs\/drafts\/draft\.md: not linted: matched by `drafts\/\*\*` in `ignores` of `docs\/\.postmortemrc\.json`\n$/
  },
  {name: 'fmt --check skips what `ignores` lists', argv: ['fmt', '--check', 'docs/drafts/draft.md'], code: 0, stderr: /not formatted: matched by `drafts\/\*\*`/},
  {name: 'actions skips what `ignores` lists, as report does', argv: ['actions', 'docs/drafts/draft.md', 'docs/a.md'], code: 0, stderr: /^docs\/drafts\/draft\.md: not read: matched by `drafts\/\*\*`/},
  {name: 'stats skips what `ignores` lists', argv: ['stats', ...now, '--format', 'json', 'docs/drafts/draft.md', 'docs/a.md'], code: 0, stdout: /"postmortems": 1,/, stderr: /^docs\/drafts\/draft\.md: not counted: matched by `drafts\/\*\*`/},

  // Paths that name nothing.
  {name: 'an empty folder is an error naming it; the other paths are still linted', argv: ['lint', ...now, 'empty', 'nested/ok.md'], code: 2, stdout: /^nested\/ok\.md: no issues found\n$/, stderr: /^Nothing to read in `empty`: the folder holds no \*\.md file/},
  {name: 'a folder without *.md is an error naming it', argv: ['lint', ...now, 'txt-only'], code: 2, stdout: /^$/, stderr: /Nothing to read in `txt-only`: the folder holds no \*\.md file/},
  {name: 'a folder that .gitignore lists is an error naming it', argv: ['lint', ...now, 'build'], code: 2, stderr: /Nothing to read in `build`: the folder is listed in \.gitignore/},
  {name: 'a folder whose every file `ignores` lists is an error naming it', argv: ['lint', ...now, 'docs/drafts'], code: 2, stderr: /Nothing to read in `docs\/drafts`: every \*\.md file in it is skipped \(`drafts\/\*\*` in `ignores` of `docs\/\.postmortemrc\.json`\)/},
  {name: 'a glob that matches nothing is an error naming it', argv: ['lint', ...now, 'nothing/*.md', 'nested/ok.md'], code: 2, stdout: /nested\/ok\.md: no issues found/, stderr: /^No files match `nothing\/\*\.md`\n$/},
  {name: 'a glob whose matches .gitignore lists is an error naming it', argv: ['lint', ...now, 'build/*.md'], code: 2, stderr: /No files match `build\/\*\.md`: every file it matches is listed in \.gitignore/},
  {name: 'fmt --check of an empty folder is an error', argv: ['fmt', '--check', 'empty'], code: 2, stderr: /Nothing to read in `empty`/},
  {name: 'actions of an empty folder is an error', argv: ['actions', 'empty'], code: 2, stderr: /Nothing to read in `empty`/},

  // extends and overrides.
  {
    name: 'an override extending the legacy preset turns the structure rules off for its files only',
    argv: ['lint', ...now, '--format', 'json', 'docs/legacy/old.md', 'layers/old-kept.md'],
    code: 1,
    check(run) {
      const legacy = rulesOf(run, 'docs/legacy/old.md')
      expect(Object.keys(legacy)).not.toContain('missing-section')
      expect(Object.keys(legacy)).not.toContain('heading-text')
      // Value rules still apply to it.
      expect(Object.keys(legacy)).toContain('overdue-action')
      expect(Object.keys(rulesOf(run, 'layers/old-kept.md'))).toContain('missing-section')
    }
  },
  {
    name: 'presets in order, then rules (`warn` is `warning`), then overrides in order: later entries win',
    argv: ['lint', ...now, '--format', 'json', 'layers'],
    code: 1,
    check(run) {
      // recommended after legacy turns the structure rules back on; `*.md` makes heading-text
      // an error; `old*.md` makes it info, except for old-kept.md, which its `ignores` leaves out.
      expect(rulesOf(run, 'layers/old.md')).toMatchObject({'missing-section': 'error', 'heading-text': 'info'})
      expect(rulesOf(run, 'layers/old-kept.md')).toMatchObject({'missing-section': 'error', 'heading-text': 'error'})
    }
  },
  {
    name: 'every problem of a configuration is named with its file and key',
    argv: ['lint', ...now, 'broken'],
    code: 2,
    check(run) {
      const lines = run.stderr.split('\n')
      expect(lines).toContain('broken/.postmortemrc.json: Unexpected key `ignore`, expected `$schema`, `extends`, `rules`, `ignores`, `overrides`, `template` or `people`; did you mean `ignores`?')
      expect(lines).toContain('broken/.postmortemrc.json: Unknown preset `postmortem-md/legasy` in `extends`; did you mean `postmortem-md/legacy`? (the presets are `postmortem-md/recommended` and `postmortem-md/legacy`)')
      expect(lines).toContain('broken/.postmortemrc.json: Unexpected `legacy/**` for `overrides[0].files`, expected a list of globs such as ["legacy/**"]')
      expect(lines).toContain('broken/.postmortemrc.json: Unknown rule `heading-txt` in `overrides[0].rules`; did you mean `heading-text`?')
      expect(lines).toContain('broken/.postmortemrc.json: Unexpected level `warnx` for rule `status` in `overrides[0].rules`, expected `off`, `info`, `warning` or `error` (`warn` is `warning`)')
      expect(lines).toContain('broken/a.md: not linted: its configuration cannot be used')
    }
  },
  {name: 'fmt does not format files whose configuration cannot be used', argv: ['fmt', '--check', 'broken'], code: 2, stderr: /broken\/a\.md: not formatted: its configuration cannot be used/},
  {name: '--rule accepts `warn`', argv: ['lint', ...now, '--format', 'json', '--rule', 'heading-text=warn', 'docs/a.md'], code: 0, check: (run) => expect(rulesOf(run, 'docs/a.md')).toEqual({'heading-text': 'warning'})}
]

function check(run: Run, scenario: Scenario): void {
  expect({code: run.code, stderr: run.stderr}).toMatchObject({code: scenario.code})
  if (scenario.files) expect(filesOf(run)).toEqual(scenario.files)
  if (scenario.stdout) expect(run.stdout).toMatch(scenario.stdout)
  if (scenario.stderr) expect(run.stderr).toMatch(scenario.stderr)
  scenario.check?.(run)
}

describe('a repository, in-process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => check(await runInProcess(scenario.argv, {cwd: repo}), scenario))
  }
})

describe.runIf(existsSync(path.join(root, 'dist/cli/bin.js')))('a repository, as a real process', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => check(runProcess(scenario.argv, {cwd: repo}), scenario))
  }
})

describe('.gitignore outside a Git repository', () => {
  it('applies from the folder searched', async () => {
    const folder = tree({'.gitignore': 'skip.md\n', 'skip.md': template, 'ok.md': clean})
    const run = await runInProcess(['lint', ...now, '--format', 'json', '.'], {cwd: folder})
    expect(filesOf(run)).toEqual(['ok.md'])
  })
})

describe('postmortem init', () => {
  it('writes a commented configuration that lint reads, and never over an existing one', async () => {
    const folder = tree({'incident.md': warnings})
    const first = runProcess(['init'], {cwd: folder})
    expect(first).toMatchObject({code: 0, stdout: '', stderr: '.postmortemrc.json: created\n'})
    const written = readFileSync(path.join(folder, '.postmortemrc.json'), 'utf8')
    expect(written).toBe(starterConfig(false))
    expect(written).toMatch(/^\/\/ /)
    expect(written).toContain('"extends": "postmortem-md/recommended"')
    expect((await runInProcess(['lint', ...now, 'incident.md'], {cwd: folder})).code).toBe(0)

    writeFileSync(path.join(folder, '.postmortemrc.json'), '{"rules": {}}\n')
    const again = await runInProcess(['init', '--legacy'], {cwd: folder})
    expect(again).toMatchObject({code: 2, stderr: 'Not writing `.postmortemrc.json`: it already exists (edit it, or remove it first)\n'})
    expect(readFileSync(path.join(folder, '.postmortemrc.json'), 'utf8')).toBe('{"rules": {}}\n')
  })

  it('--legacy extends the legacy preset; a folder may be named', async () => {
    const folder = tree({'old/': ''})
    const run = await runInProcess(['init', '--legacy', 'old'], {cwd: folder})
    expect(run).toMatchObject({code: 0, stderr: 'old/.postmortemrc.json: created (extends postmortem-md/legacy)\n'})
    const config = parseConfig(readFileSync(path.join(folder, 'old/.postmortemrc.json'), 'utf8'), 'x', folder)
    expect(config.rules).toMatchObject({'missing-section': 'off', 'heading-text': 'off'})
    expect(parseConfig(starterConfig(false), 'x', folder).rules).toMatchObject({'missing-section': 'error'})
  })

  it('offers a team template, people and overrides that parse once uncommented', () => {
    const uncommented = starterConfig(false)
      .replace(/^( *)\/\/ ("(?:template|people)": .*)$/gm, '$1$2')
      .replace(/^( *)\/\/ (\{"files": .*)$/gm, '$1$2')
    const config = parseConfig(uncommented, 'x', '/repo')
    expect(config.template).toBe(path.resolve('/repo', 'docs/postmortem-template.md'))
    expect(config.people).toEqual({'Grace Liu': ['@grace']})
    expect(config.overrides.map((override) => override.template)).toEqual([undefined, path.resolve('/repo', 'infra/incident-template.md')])
  })

  it('reports a folder that does not exist, and takes one folder at most', async () => {
    expect(await runInProcess(['init', 'nope/deeper'], {cwd: tree({})})).toMatchObject({code: 2, stderr: /its folder does not exist/})
    expect((await runInProcess(['init', 'a', 'b'])).code).toBe(2)
  })
})

describe('the README', () => {
  it('shows a configuration that parses, with every key', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const example = /```jsonc\n([^]*?)```/.exec(readme)![1]!
    const config = parseConfig(example, 'README.md', '/repo')
    expect(config.ignores).toEqual(['drafts/**', 'templates'])
    expect(config.overrides).toHaveLength(2)
    expect(config.overrides[1]!.rules).toEqual({'date-format': 'warning'})
  })

  it('shows a configuration that names templates and people, and parses', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Your own template'))
    const example = /```json\n([^]*?)```/.exec(section)![1]!
    const config = parseConfig(example, 'README.md', '/repo')
    expect(config.template).toBe(path.resolve('/repo/docs/postmortem-template.md'))
    expect(config.overrides[0]!.template).toBe(path.resolve('/repo/infra/incident-template.md'))
    expect(config.people).toEqual({'Priya Kowalczyk': ['@pkowalczyk', 'pkowalczyk']})
  })
})
