import {readdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const fixtures = path.join(root, 'fixtures')

/** Markdown files of a fixture folder, by name. */
export function markdownFiles(folder: string): {name: string; file: string; text: string}[] {
  const dir = path.join(fixtures, folder)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({name, file: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8')}))
}

/**
 * Compare with an expected JSON file; `UPDATE_FIXTURES=1` writes it instead. A missing expected
 * file is a failure, never a silent pass: run with `UPDATE_FIXTURES=1` and review what it wrote.
 */
export function expectedJson(file: string, actual: unknown): unknown {
  if (process.env.UPDATE_FIXTURES) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n')
  if (!existsSync(file)) throw new Error(`Missing expected file ${path.relative(root, file)}: run \`UPDATE_FIXTURES=1 npx vitest run\` and review it`)
  return JSON.parse(readFileSync(file, 'utf8'))
}

export const template = readFileSync(path.join(fixtures, 'template.md'), 'utf8')

/** Every Markdown fixture that is UTF-8 text, in every folder, by path relative to `fixtures/`. */
export function allMarkdownFiles(): {name: string; file: string; text: string}[] {
  const found: {name: string; file: string; text: string}[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.md')) {
        const bytes = readFileSync(file)
        const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
        if (!text.includes('\uFFFD')) found.push({name: path.relative(fixtures, file), file, text})
      }
    }
  }
  walk(fixtures)
  return found
}
