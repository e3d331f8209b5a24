/**
 * The package as users get it: `npm pack` the project, install the tarball with npm into a fresh
 * project (its dependencies from the registry, or npm's cache), and follow the README's Install
 * section there: `npx postmortem-md --version`, `npx postmortem-md lint` on a folder, `npx
 * postmortem --help`, the library from ESM (`import`), CommonJS (`require`, Node ≥ 20.19 loads
 * ES modules with it) and TypeScript. One pack and one install per run.
 *
 * The project is copied into a temporary folder first, so a build running elsewhere in the
 * working tree (tsup cleans `dist`) cannot change the files while they are packed. The copy
 * takes the project's `dist` when it is newer than every source file (run `npx tsup` first to
 * save time), and builds it otherwise.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runWithModuleLog} from './cli-harness.js'
import {root} from './helpers.js'

const templateFile = path.join(root, 'fixtures/template.md')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {name: string; version: string; bin: Record<string, string>}
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
/** The README's Install section. */
const installSection = readme.slice(readme.indexOf('\n## Install\n'), readme.indexOf('\n## ', readme.indexOf('\n## Install\n') + 1))

let work: string
let consumer: string
let tarball: string
let entries: string[]
let installOutput: string

function run(command: string, args: string[], cwd: string, timeout = 90_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', timeout, env: {...process.env, NODE_ENV: 'production', NO_COLOR: '1'}})
  if (result.error) throw result.error
  return result
}

/**
 * Run npm or npx in the consumer as a user's shell would: without the `npm_*` variables of the
 * `npm test` that runs this (`npm_config_local_prefix` would make npx look in this project), and
 * with `npm_config_yes=false`, so npx runs only what the consumer installed and never fetches a
 * package of the same name.
 */
function runNpm(command: 'npm' | 'npx', args: string[], timeout = 90_000): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE_ENV'))
  const result = spawnSync(command, args, {cwd: consumer, encoding: 'utf8', timeout, env: {...env, NO_COLOR: '1', npm_config_yes: 'false', npm_config_update_notifier: 'false'}})
  if (result.error) throw result.error
  return result
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** The newest modification time of the files under `folder`. */
function newest(folder: string): number {
  let time = 0
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    const full = path.join(folder, entry.name)
    time = Math.max(time, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return time
}

function builtDistIsFresh(): boolean {
  const dist = path.join(root, 'dist')
  const needed = ['index.js', 'index.d.ts', 'cli/bin.js'].map((file) => path.join(dist, file))
  if (!needed.every((file) => existsSync(file))) return false
  const built = Math.min(...needed.map((file) => statSync(file).mtimeMs))
  const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'tsup.config.ts')).mtimeMs)
  return built >= sources
}

/** Copy the project (without node_modules, dist and dot-folders) and give it a built `dist`. */
function stageProject(stage: string): void {
  cpSync(root, stage, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source)
      if (relative === '') return true
      const top = relative.split(path.sep)[0]!
      return top !== 'node_modules' && top !== 'dist' && !(top.startsWith('.') && statSync(source).isDirectory())
    }
  })
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir')
  if (builtDistIsFresh()) {
    cpSync(path.join(root, 'dist'), path.join(stage, 'dist'), {recursive: true})
    // A build that cleaned `dist` while it was copied leaves an incomplete copy: build instead.
    if (['index.js', 'index.d.ts', 'cli/bin.js'].every((file) => existsSync(path.join(stage, 'dist', file)))) return
    rmSync(path.join(stage, 'dist'), {recursive: true, force: true})
  }
  ok(run(process.execPath, [path.join(root, 'node_modules/tsup/dist/cli-default.js')], stage, 120_000), 'tsup')
}

/** `npm install --save-dev ./postmortem-md-<version>.tgz` in a fresh project, as the README says. */
function install(): void {
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({name: 'consumer', version: '1.0.0', private: true}, null, 2))
  copyFileSync(tarball, path.join(consumer, path.basename(tarball)))
  const npm = runNpm('npm', ['install', '--save-dev', `./${path.basename(tarball)}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], 240_000)
  installOutput = npm.stdout + npm.stderr
  if (npm.status !== 0) throw new Error(`npm install of the tarball failed (exit ${npm.status}):\n${installOutput}`)
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'postmortem-md-pack-'))
  const stage = path.join(work, 'stage')
  consumer = path.join(work, 'consumer')
  mkdirSync(consumer)
  stageProject(stage)
  const packed = JSON.parse(ok(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work, '--loglevel=error'], stage), 'npm pack')) as {filename: string; files: {path: string}[]}[]
  tarball = path.join(work, packed[0]!.filename)
  entries = ok(run('tar', ['-tzf', tarball], work), 'tar -t')
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''))
  install()
}, 360_000)

afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('the packed package', () => {
  it('holds the build and type declarations, not the sources or tests', () => {
    expect(path.basename(tarball)).toBe(`${pkg.name}-${pkg.version}.tgz`)
    expect(entries).toContain('package.json')
    expect(entries).toContain('dist/index.js')
    expect(entries).toContain('dist/index.d.ts')
    expect(entries).toContain('dist/cli/bin.js')
    expect(entries).toContain('dist/cli/worker.js')
    expect(entries).toContain('fixtures/template.md')
    expect(entries.filter((entry) => /^(src|test|scripts)\//.test(entry))).toEqual([])
    expect(entries.filter((entry) => entry.startsWith('node_modules/') || entry.startsWith('fixtures/examples/'))).toEqual([])
  })

  it('is imported from ESM and round-trips the template', () => {
    writeFileSync(
      path.join(consumer, 'esm.mjs'),
      `import {readFileSync} from 'node:fs'
import * as library from 'postmortem-md'
import {parse, stringify} from 'postmortem-md'
const text = readFileSync(process.argv[2], 'utf8')
const draft = parse(text)
console.log(JSON.stringify({roundTrip: stringify(draft) === text, severity: draft.severity, names: Object.keys(library).sort()}))
`
    )
    const result = JSON.parse(ok(run(process.execPath, ['esm.mjs', templateFile], consumer), 'ESM import')) as {roundTrip: boolean; severity: unknown; names: string[]}
    expect(result).toMatchObject({roundTrip: true, severity: null})
    expect(result.names).toEqual(expect.arrayContaining(['parse', 'parseDocument', 'stringify', 'validate', 'lint', 'template', 'rules', 'PostmortemSchema', 'PostmortemDraftSchema']))
  })

  it('is loaded with require() from CommonJS and round-trips the template', () => {
    writeFileSync(
      path.join(consumer, 'cjs.cjs'),
      `const {readFileSync} = require('node:fs')
const library = require('postmortem-md')
const {parse, stringify, validate} = library
const text = readFileSync(process.argv[2], 'utf8')
const example = readFileSync(process.argv[3], 'utf8')
console.log(JSON.stringify({
  roundTrip: stringify(parse(text)) === text,
  exampleRoundTrip: stringify(parse(example)) === example,
  complete: validate(parse(example)).ok,
  names: Object.keys(library).sort(),
  version: require('postmortem-md/package.json').version
}))
`
    )
    const example = path.join(root, 'fixtures/examples/01-checkout-db-pool.md')
    const result = JSON.parse(ok(run(process.execPath, ['cjs.cjs', templateFile, example], consumer), 'CommonJS require')) as Record<string, unknown>
    expect(result).toMatchObject({roundTrip: true, exampleRoundTrip: true, complete: true, version: pkg.version})
    expect(result.names).toEqual(expect.arrayContaining(['parse', 'stringify', 'validate', 'lint']))
  })

  it('gives TypeScript users its types through the exports map', () => {
    writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: []}, files: ['typed.mts']})
    )
    writeFileSync(
      path.join(consumer, 'typed.mts'),
      `import {parse, stringify, validate, type Postmortem, type PostmortemDraft} from 'postmortem-md'
const draft: PostmortemDraft = parse('# Postmortem: HOTFIX-1\\n')
const text: string = stringify(draft)
const result = validate(draft)
const minutes: number | undefined = result.ok ? (result.postmortem satisfies Postmortem).durationMinutes : undefined
// @ts-expect-error: severity is a string or null in the draft, never a number
const wrong: number = draft.severity
export {text, minutes, wrong}
`
    )
    const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  })

  it('installs both bins, postmortem-md and postmortem', () => {
    expect(pkg.bin).toEqual({'postmortem-md': './dist/cli/bin.js', postmortem: './dist/cli/bin.js'})
    for (const name of ['postmortem-md', 'postmortem']) {
      const bin = path.join(consumer, 'node_modules/.bin', name)
      const version = run(bin, ['--version'], consumer)
      expect({name, code: version.status, stdout: version.stdout}).toEqual({name, code: 0, stdout: `${pkg.version}\n`})
    }
    const toJson = run(path.join(consumer, 'node_modules/.bin/postmortem'), ['to-json', templateFile, '--draft'], consumer)
    expect(toJson.status).toBe(0)
    expect(JSON.parse(toJson.stdout)).toMatchObject({severity: null})
  })

  it('runs the commands of the README\'s Install section with npx', () => {
    // The tarball install the README gives is the one this test ran.
    expect(installSection).toContain('npm pack ')
    expect(installSection).toContain(`npm install --save-dev ./${path.basename(tarball)} `)
    expect(installSection).toContain('npm install --save-dev postmortem-md\n')
    expect(installSection).toMatch(/npm install --save-dev git\+https:\/\/\S+\.git#v\d/)
    // Every `npx` line of the section, as written (a postmortem where it lints one).
    const commands = [...installSection.matchAll(/^npx (\S+(?: [^\s#]+)*)/gm)].map((match) => match[1]!.split(' '))
    expect(commands.map((command) => command.slice(0, 2).join(' '))).toEqual(['postmortem-md --version', 'postmortem-md lint', 'postmortem --help'])
    mkdirSync(path.join(consumer, 'docs/postmortems'), {recursive: true})
    copyFileSync(path.join(root, 'fixtures/examples/01-checkout-db-pool.md'), path.join(consumer, 'docs/postmortems/2026-03-14-checkout.md'))
    const ran = commands.map((args) => ({args: args.join(' '), ...pick(runNpm('npx', args))}))
    expect(ran[0]).toEqual({args: 'postmortem-md --version', code: 0, stdout: `${pkg.version}\n`, stderr: ''})
    expect(ran[1]).toMatchObject({args: 'postmortem-md lint docs/postmortems/', code: 0, stderr: ''})
    // A complete postmortem: no errors (an action item that falls due later is only an `info`).
    expect(ran[1]!.stdout).toContain('docs/postmortems/2026-03-14-checkout.md')
    expect(ran[1]!.stdout).not.toMatch(/ error /)
    expect(ran[2]).toMatchObject({args: 'postmortem --help', code: 0, stderr: ''})
    expect(ran[2]!.stdout).toMatch(/^Usage: postmortem <command> \[options\]\n {3}or: postmortem-md <command>/)
    // A postmortem with errors fails, as lint does anywhere.
    writeFileSync(path.join(consumer, 'docs/postmortems/draft.md'), readFileSync(templateFile, 'utf8'))
    const failing = runNpm('npx', ['postmortem-md', 'lint', 'docs/postmortems/draft.md'])
    expect(failing.status).toBe(1)
    expect(failing.stdout).toMatch(/no-placeholder/)
  })

  it('loads the library as the README shows, with import and with require()', () => {
    const importLine = installSection.match(/^import \{[^}]+\} from 'postmortem-md'/m)?.[0]
    const requireLine = installSection.match(/^const \{[^}]+\} = require\('postmortem-md'\)/m)?.[0]
    expect(importLine).toBeDefined()
    expect(requireLine).toBeDefined()
    const body = `const text = readFileSync(process.argv[2], 'utf8')
console.log(JSON.stringify({roundTrip: stringify(parse(text)) === text, findings: lint(text).length}))
`
    writeFileSync(path.join(consumer, 'readme.mjs'), `import {readFileSync} from 'node:fs'\n${importLine}\n${body}`)
    writeFileSync(path.join(consumer, 'readme.cjs'), `const {readFileSync} = require('node:fs')\n${requireLine}\n${body}`)
    const esm = JSON.parse(ok(run(process.execPath, ['readme.mjs', templateFile], consumer), 'README import')) as {roundTrip: boolean; findings: number}
    const cjs = JSON.parse(ok(run(process.execPath, ['readme.cjs', templateFile], consumer), 'README require')) as {roundTrip: boolean; findings: number}
    expect(esm.roundTrip).toBe(true)
    expect(esm.findings).toBeGreaterThan(10)
    expect(cjs).toEqual(esm)
  })

  it('lints in worker threads from the installed package, as in one thread', () => {
    const bin = path.join(consumer, 'node_modules/.bin/postmortem')
    const examples = path.join(root, 'fixtures/examples')
    const lint = (workers: string): SpawnSyncReturns<string> =>
      spawnSync(bin, ['lint', '--now', '2026-03-20', '--format', 'json', examples], {cwd: consumer, encoding: 'utf8', env: {...process.env, POSTMORTEM_WORKERS: workers, NO_COLOR: '1'}})
    const alone = lint('0')
    const pooled = lint('2')
    expect(alone.status).toBe(0)
    expect(JSON.parse(alone.stdout)).toHaveLength(6)
    expect({code: pooled.status, stdout: pooled.stdout, stderr: pooled.stderr}).toEqual({code: alone.status, stdout: alone.stdout, stderr: alone.stderr})
    // The workers ran the installed package's worker module (not this thread, as a fallback would).
    const installed = realpathSync(path.join(consumer, 'node_modules', pkg.name, 'dist/cli/bin.js'))
    const logged = runWithModuleLog(installed, ['lint', '--now', '2026-03-20', examples], {cwd: consumer, env: {POSTMORTEM_WORKERS: '2'}})
    expect(logged.code).toBe(0)
    const workers = logged.resolved.filter((url) => url.endsWith('/dist/cli/worker.js'))
    expect(workers.length).toBeGreaterThan(0)
    expect(new Set(workers)).toEqual(new Set([pathToFileURL(path.join(path.dirname(installed), 'worker.js')).href]))
  })

  it('was installed from the tarball by npm, as a development dependency', () => {
    const installed = path.join(consumer, 'node_modules', pkg.name)
    expect(lstatSync(installed).isSymbolicLink()).toBe(false)
    expect(existsSync(path.join(installed, 'src'))).toBe(false)
    expect(readFileSync(path.join(installed, 'fixtures/template.md'), 'utf8')).toBe(readFileSync(templateFile, 'utf8'))
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'package.json'), 'utf8')) as {devDependencies?: Record<string, string>}
    expect(manifest.devDependencies).toEqual({[pkg.name]: `file:${path.basename(tarball)}`})
    // Its dependencies came from the registry (or npm's cache), not from this project.
    expect(realpathSync(path.join(consumer, 'node_modules/unified'))).toBe(path.join(realpathSync(consumer), 'node_modules/unified'))
    expect(installOutput).not.toMatch(/ERR!/)
  })
})

/** The parts of a run a test compares. */
function pick(result: SpawnSyncReturns<string>): {code: number | null; stdout: string; stderr: string} {
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
