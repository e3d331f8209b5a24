/**
 * The team templates of `fixtures/templates/<team>/`: their names, their documents with the facts
 * each `*.facts.json` states, and which drift each structure rule reports. Shared by the tests of
 * SPEC §9.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fixtures} from './helpers.js'

/** The folder of the team templates. */
export const teamsFolder = path.join(fixtures, 'templates')

/** Every team, by folder name, sorted. */
export const teams: readonly string[] = readdirSync(teamsFolder, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** What a document's `*.facts.json` says of it: tidy, drifting or partial, and its drift. */
export interface TeamFacts {
  readonly kind: 'tidy' | 'drifting' | 'partial'
  readonly drift: readonly {readonly what: string; readonly line: number}[]
  readonly notDrift?: readonly string[]
}

/** One document of a team: its file name, its text and its facts. */
export interface TeamDocument {
  readonly name: string
  readonly text: string
  readonly facts: TeamFacts
}

/** A team's template text. */
export function teamTemplate(team: string): string {
  return readFileSync(path.join(teamsFolder, team, 'template.md'), 'utf8')
}

/** A team's documents (every `*.md` but the template), sorted, with their facts. */
export function teamDocuments(team: string): TeamDocument[] {
  return readdirSync(path.join(teamsFolder, team))
    .filter((file) => file.endsWith('.md') && file !== 'template.md')
    .sort()
    .map((file) => ({
      name: file,
      text: readFileSync(path.join(teamsFolder, team, file), 'utf8'),
      facts: JSON.parse(readFileSync(path.join(teamsFolder, team, file.replace(/\.md$/, '.facts.json')), 'utf8')) as TeamFacts
    }))
}

/** Which drift each structure rule reports. */
export const driftOf: Readonly<Record<string, string>> = {
  'heading-text': 'renamed-heading',
  'missing-section': 'missing-section',
  'unknown-section': 'extra-section',
  'list-marker': 'list-marker',
  'field-as-heading': 'field-as-heading'
}
