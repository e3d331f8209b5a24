/**
 * The hooks of `.pre-commit-hooks.yaml` as pre-commit runs them: `pre-commit try-repo` installs
 * this repository's hooks (npm pack, with the prepack build) and runs them in a temporary Git
 * repository. A postmortem with errors that is not in canonical layout fails both hooks (and
 * `postmortem-fmt` rewrites it); a complete canonical one passes both.
 */
import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

const has = (command: string): boolean => spawnSync(command, ['--version'], {encoding: 'utf8'}).status === 0
const available = has('pre-commit') && has('git')
if (!available && process.env.CI) throw new Error('pre-commit and git are needed (.ci/run installs them with apt-get)')

const good = path.join(root, 'fixtures/lint-cli/files/clean.md')
const bad = path.join(root, 'fixtures/real-world/atlassian-style.md')

interface Result {
  code: number | null
  output: string
}

/** A temporary Git repository holding one postmortem, and `pre-commit try-repo` of this project run in it. */
function tryRepo(postmortem: string): Promise<Result & {folder: string}> {
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-pre-commit-'))
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: path.join(folder, '.pre-commit-home'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1'
  }
  const git = (...args: string[]): void => {
    const result = spawnSync('git', args, {cwd: folder, env, encoding: 'utf8'})
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  }
  git('init', '-q')
  copyFileSync(postmortem, path.join(folder, 'incident.md'))
  git('add', 'incident.md')
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', ['try-repo', root, '--all-files', '--color', 'never'], {cwd: folder, env})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output, folder}))
  })
}

describe('the hook definitions', () => {
  it('declare postmortem-lint and postmortem-fmt as node hooks with no language_version pin', () => {
    const hooks = parseYaml(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {id: string; entry: string; language: string; language_version?: string; args?: string[]}[]
    expect(hooks.map((hook) => hook.id)).toEqual(['postmortem-lint', 'postmortem-fmt'])
    for (const hook of hooks) {
      expect(hook.language).toBe('node')
      expect(hook.language_version).toBeUndefined()
    }
    expect(hooks.map((hook) => [hook.entry, ...(hook.args ?? [])].join(' '))).toEqual(['postmortem lint', 'postmortem fmt --write'])
  })
})

describe.runIf(available)('pre-commit try-repo', () => {
  it(
    'fails a bad postmortem (lint errors, rewritten by fmt) and passes a good one',
    async () => {
      // Note: each try-repo installs the hooks afresh (about a minute), so both run at once.
      const [failing, passing] = await Promise.all([tryRepo(bad), tryRepo(good)])

      expect(failing.output).toMatch(/^postmortem lint\.+Failed$/m)
      expect(failing.output).toMatch(/- hook id: postmortem-lint\n- exit code: 1\n\nincident\.md\n.*error /)
      expect(failing.output).toMatch(/^postmortem fmt\.+Failed$/m)
      expect(failing.output).toMatch(/files were modified by this hook/)
      expect(failing.code).toBe(1)
      expect(readFileSync(path.join(failing.folder, 'incident.md'), 'utf8')).not.toBe(readFileSync(bad, 'utf8'))

      expect(passing.output).toMatch(/^postmortem lint\.+Passed$/m)
      expect(passing.output).toMatch(/^postmortem fmt\.+Passed$/m)
      expect(passing.code).toBe(0)
      expect(readFileSync(path.join(passing.folder, 'incident.md'), 'utf8')).toBe(readFileSync(good, 'utf8'))
    },
    600_000
  )
})
