/**
 * `fmt --write` (SPEC §8): atomic (temporary file in the same folder, then rename), keeps the
 * file's mode, leaves unchanged files alone, refuses a rewrite that would lose text, and copes
 * with files that are missing or vanish meanwhile.
 */
import {chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {parse, stringify} from '../src/index.js'
import {writeAtomic} from '../src/cli/write.js'
import {lostWords} from '../src/lossless.js'
import {runInProcess} from './cli-harness.js'
import {markdownFiles, template} from './helpers.js'

// A fake file system hook: real calls unless a test sets a fault.
const faults = vi.hoisted(() => ({
  rename: undefined as undefined | ((from: string, to: string) => void),
  writeFile: undefined as undefined | ((file: string) => void),
  /** Damage what the serializer writes (a stand-in for a serializer bug that drops a word). */
  stringify: undefined as undefined | ((markdown: string) => string)
}))
vi.mock('../src/stringify/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/stringify/index.js')>()
  return {...real, stringify: (...args: Parameters<typeof real.stringify>) => (faults.stringify ?? ((text: string) => text))(real.stringify(...args))}
})
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: async (from: string, to: string) => {
      faults.rename?.(from, to)
      return real.rename(from, to)
    },
    writeFile: async (file: string, ...rest: Parameters<typeof real.writeFile> extends [unknown, ...infer R] ? R : never) => {
      faults.writeFile?.(file)
      return real.writeFile(file, ...rest)
    }
  }
})

afterEach(() => {
  faults.rename = undefined
  faults.writeFile = undefined
  faults.stringify = undefined
})

const example = markdownFiles('examples')[0]!
const messy = markdownFiles('real-world').find((file) => file.name === 'aliases.md')!

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-fmt-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('.') || name.endsWith('.tmp'))

describe('fmt --write', () => {
  it('rewrites through a temporary file in the same folder, then renames; no leftovers', async () => {
    const dir = folder({'a.md': messy.text})
    const renames: [string, string][] = []
    faults.rename = (from, to) => void renames.push([from, to])
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('a.md: formatted\n')
    expect(renames).toHaveLength(1)
    expect(path.dirname(renames[0]![0])).toBe(dir)
    expect(renames[0]![1]).toBe(path.join(dir, 'a.md'))
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(stringify(parse(messy.text)))
    expect(leftovers(dir)).toEqual([])
  })

  it('an interrupted write leaves the original whole and no temporary file', async () => {
    const dir = folder({'a.md': messy.text})
    faults.rename = () => {
      throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
    }
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Cannot write `a.md`/)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(messy.text)
    expect(leftovers(dir)).toEqual([])
  })

  it('a write that fails half-way (disk full) leaves the original whole', async () => {
    const dir = folder({'a.md': messy.text})
    faults.writeFile = (file) => {
      // Half a file lands in the temporary file, then the disk is full.
      writeFileSync(file, 'half')
      throw Object.assign(new Error('ENOSPC: no space left on device'), {code: 'ENOSPC'})
    }
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(messy.text)
    expect(leftovers(dir)).toEqual([])
  })

  it.each(['640', '600', '444', '755'])('keeps the mode 0%s', async (octal) => {
    const mode = Number.parseInt(octal, 8)
    const dir = folder({'a.md': messy.text})
    const file = path.join(dir, 'a.md')
    chmodSync(file, mode)
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(statSync(file).mode & 0o7777).toBe(mode)
    if (run.code === 0) {
      expect(readFileSync(file, 'utf8')).toBe(stringify(parse(messy.text)))
    } else {
      // A read-only file (for a user other than root) is refused and left as it was.
      expect(mode & 0o200).toBe(0)
      expect(run.code).toBe(2)
      expect(readFileSync(file, 'utf8')).toBe(messy.text)
    }
    expect(leftovers(dir)).toEqual([])
  })

  it('does nothing to a canonical file (mtime unchanged)', async () => {
    const dir = folder({'a.md': example.text})
    const file = path.join(dir, 'a.md')
    const past = new Date('2020-01-01T00:00:00Z')
    utimesSync(file, past, past)
    const renames: string[] = []
    faults.rename = (from) => void renames.push(from)
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(renames).toEqual([])
    expect(statSync(file).mtimeMs).toBe(past.getTime())
  })

  it('refuses a document over the nesting limit (exit 1, file byte-identical)', async () => {
    const text = template + '\n' + '> - '.repeat(2000) + 'x\n'
    const dir = folder({'a.md': text})
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/input-limit/)
    expect(run.stderr).toMatch(/a.md: not formatted/)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(text)
  })

  it('refuses a rewrite that would lose text (exit 1, file byte-identical)', async () => {
    // A serializer that drops a word: the check against the parsed input catches it, and the
    // file is left as it was.
    const lossy = messy.text
    faults.stringify = (markdown) => markdown.replace(/\bcleanup\b/g, '')
    expect(lossy).toMatch(/\bcleanup\b/)
    const dir = folder({'a.md': lossy})
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(1)
    // The first place it would change: `cleanup` first stands in the header, line 4.
    expect(run.stderr).toBe('a.md: not formatted: the rewrite would lose `cleanup` (line 4, in `# Postmortem: HOTFIX-2904`)\n')
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(lossy)
    expect(leftovers(dir)).toEqual([])
  })

  it('names the line and the heading, as the document writes it, of the first word a rewrite would lose', async () => {
    // One word deep in the document, under a heading the template words otherwise.
    faults.stringify = (markdown) => markdown.replace('Add mobile social sign-in', 'Add social sign-in')
    const line = messy.text.split('\n').findIndex((text) => text.includes('Add mobile social sign-in')) + 1
    const run = await runInProcess(['fmt', '--check', 'a.md'], {cwd: folder({'a.md': messy.text})})
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`a.md: not formatted: the rewrite would lose \`mobile\` (line ${line}, in \`### Improve Detection\`)\n`)
    // The library gives the same as data.
    const {format} = await import('../src/format.js')
    expect(format(messy.text).refused).toEqual({reason: 'the rewrite would lose words', lost: ['mobile'], line, section: '### Improve Detection'})
  })

  it('refuses a rewrite that would read back as another postmortem', async () => {
    faults.stringify = (markdown) => markdown.replace('**Severity:** P1', '**Severity:** P1 P1')
    const dir = folder({'a.md': example.text.replace('## Executive Summary', '## Summary')})
    const run = await runInProcess(['fmt', '--write', 'a.md'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('a.md: not formatted: the rewrite would not read back as the same postmortem (`severity` at line 6, in `# Postmortem: HOTFIX-2291`); please report it\n')
  })

  it('names the first field, in document order, that a rewrite would read differently', async () => {
    // Two changes: the Improve Detection row (line 93) comes before the Lessons Learnt line.
    faults.stringify = (markdown) => markdown.replace('| Chen Jia |', '| Chen Jia, Chen Jia |').replace('**Severity:** P1', '**Severity:** P1 P1')
    const row = messy.text.split('\n').findIndex((text) => text.includes('| Chen Jia |')) + 1
    const {format} = await import('../src/format.js')
    const refused = format(messy.text).refused
    expect(refused).toEqual({reason: 'the rewrite would not read back as the same postmortem', path: 'severity', line: 6, section: '# Postmortem: HOTFIX-2904'})
    faults.stringify = (markdown) => markdown.replace('| Chen Jia |', '| Chen Jia, Chen Jia |')
    expect(format(messy.text).refused).toEqual({reason: 'the rewrite would not read back as the same postmortem', path: 'actionItems.improveDetection[1].owner', line: row, section: '### Improve Detection'})
    const run = await runInProcess(['fmt', '-'], {stdin: messy.text})
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`-: not formatted: the rewrite would not read back as the same postmortem (\`actionItems.improveDetection[1].owner\` at line ${row}, in \`### Improve Detection\`); please report it\n`)
  })

  it('names the field a second rewrite would write differently', async () => {
    // The first writing pads one cell; read again, the cell is the same, and written again it
    // is not padded: not a fixed point.
    let calls = 0
    faults.stringify = (markdown) => (calls++ === 0 ? markdown.replace('| Chen Jia |', '|  Chen Jia |') : markdown)
    const row = messy.text.split('\n').findIndex((text) => text.includes('| Chen Jia |')) + 1
    const {format} = await import('../src/format.js')
    const refused = format(messy.text).refused
    expect(refused).toMatchObject({reason: 'the rewrite would change again when formatted a second time', line: row, section: '### Improve Detection'})
    expect(refused?.path).toMatch(/^actionItems\.improveDetection\[1\]/)
  })

  it('lostWords: counts words, exempts the template wording and placeholders', () => {
    expect(lostWords('a b b c', 'a b c')).toEqual(['b'])
    expect(lostWords('**Date:** {DATE}\n\n## Root Causes\n', '')).toEqual([])
    expect(lostWords('<!-- keep me -->', '')).toEqual(['keep', 'me'])
    expect(lostWords('\uFEFFword', 'word')).toEqual([])
    expect(lostWords('x ' + '{a} '.repeat(50_000) + 'y', 'x y')).toEqual([])
  })

  it('a missing file among good ones: the others are still written, exit 2', async () => {
    const dir = folder({'a.md': messy.text, 'c.md': messy.text})
    const run = await runInProcess(['fmt', '--write', 'a.md', 'b.md', 'c.md'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/b.md/)
    for (const name of ['a.md', 'c.md']) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(stringify(parse(messy.text)))
    expect(existsSync(path.join(dir, 'b.md'))).toBe(false)
  })

  it('a file deleted while it is processed is not recreated', async () => {
    const dir = folder({'a.md': messy.text, 'b.md': messy.text})
    faults.writeFile = (file) => {
      if (path.basename(file).startsWith('.a.md.')) rmSync(path.join(dir, 'a.md'))
    }
    const run = await runInProcess(['fmt', '--write', 'a.md', 'b.md'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/a.md/)
    expect(existsSync(path.join(dir, 'a.md'))).toBe(false)
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe(stringify(parse(messy.text)))
    expect(leftovers(dir)).toEqual([])
  })

  it('writeAtomic on a deleted file: an error, and no file created', async () => {
    const dir = folder()
    const file = path.join(dir, 'gone.md')
    await expect(writeAtomic(file, 'text')).rejects.toMatchObject({code: 'ENOENT'})
    expect(readdirSync(dir)).toEqual([])
  })

  it('CRLF and BOM files keep their line endings and byte-order mark, nothing lost', async () => {
    const crlf = '\uFEFF' + example.text.replace(/\n/g, '\r\n')
    const canonical = {'a.md': crlf, 'b.md': example.text.replace(/\n/g, '\r\n'), 'c.md': '\uFEFF' + example.text}
    const dir = folder({...canonical, 'd.md': crlf.replace('## Executive Summary', '## Summary')})
    const check = await runInProcess(['fmt', '--check', 'a.md', 'b.md', 'c.md'], {cwd: dir})
    expect(check.code).toBe(0)
    expect(check.stdout).toBe('')
    const run = await runInProcess(['fmt', '--write', 'a.md', 'b.md', 'c.md', 'd.md'], {cwd: dir})
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('d.md: formatted\n')
    for (const [name, text] of Object.entries(canonical)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)
    expect(readFileSync(path.join(dir, 'd.md'), 'utf8')).toBe(crlf)
    expect(lostWords(crlf, example.text)).toEqual([])
  })
})
