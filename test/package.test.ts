/**
 * The package as users get it: `npm pack` the project, install the tarball into a fresh project,
 * and use it from ESM (`import`), CommonJS (`require`, Node ≥ 20.19 loads ES modules with it),
 * TypeScript and the `postmortem` bin.
 *
 * The project is copied into a temporary folder first, so a build running elsewhere in the
 * working tree (tsup cleans `dist`) cannot change the files while they are packed. The copy
 * takes the project's `dist` when it is newer than every source file (run `npx tsup` first to
 * save time), and builds it otherwise.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runWithModuleLog} from './cli-harness.js'
import {root} from './helpers.js'

const templateFile = path.join(root, 'fixtures/template.md')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {name: string; version: string}

let work: string
let consumer: string
let tarball: string
let entries: string[]
let installedBy: 'npm install --offline' | 'extracted tarball'

function run(command: string, args: string[], cwd: string, timeout = 90_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', timeout, env: {...process.env, NODE_ENV: 'production', NO_COLOR: '1'}})
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

/** Install the tarball with npm from its cache; if that fails, lay out node_modules by hand. */
function install(): void {
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({name: 'consumer', version: '1.0.0', private: true}, null, 2))
  const npm = run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], consumer)
  if (npm.status === 0 && existsSync(path.join(consumer, 'node_modules', pkg.name, 'package.json'))) {
    installedBy = 'npm install --offline'
    return
  }
  // Fallback: the package extracted into node_modules, its dependencies linked from the project's.
  rmSync(path.join(consumer, 'node_modules'), {recursive: true, force: true})
  const modules = path.join(consumer, 'node_modules')
  mkdirSync(path.join(modules, '.bin'), {recursive: true})
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name === '.bin' || name === pkg.name || name.startsWith('.')) continue
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name))
  }
  const target = path.join(modules, pkg.name)
  mkdirSync(target)
  ok(run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], consumer), 'tar -x')
  const bin = path.join(target, 'dist/cli/bin.js')
  chmodSync(bin, 0o755)
  symlinkSync(path.relative(path.join(modules, '.bin'), bin), path.join(modules, '.bin', 'postmortem'))
  installedBy = 'extracted tarball'
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
}, 180_000)

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

  it('installs the postmortem bin', () => {
    const bin = path.join(consumer, 'node_modules/.bin/postmortem')
    const version = run(bin, ['--version'], consumer)
    expect({code: version.status, stdout: version.stdout}).toEqual({code: 0, stdout: `${pkg.version}\n`})
    const toJson = run(bin, ['to-json', templateFile, '--draft'], consumer)
    expect(toJson.status).toBe(0)
    expect(JSON.parse(toJson.stdout)).toMatchObject({severity: null})
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

  it('was installed from the tarball', () => {
    // Either way the package under node_modules is the tarball's, not a link to the project.
    expect(['npm install --offline', 'extracted tarball']).toContain(installedBy)
    const installed = path.join(consumer, 'node_modules', pkg.name)
    expect(existsSync(path.join(installed, 'src'))).toBe(false)
    expect(readFileSync(path.join(installed, 'fixtures/template.md'), 'utf8')).toBe(readFileSync(templateFile, 'utf8'))
  })
})
