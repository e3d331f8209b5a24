/**
 * What a configuration file is once read, and the error of one that cannot be used: a module of
 * its own, so the file search and the commands can name them without loading the reader
 * (`config-file.ts`, which loads zod) until a configuration file is there to read.
 */
import type {RuleLevels} from '../lint/options.js'

/** A configuration that could not be used: where and why, one line per problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Rules for the files some globs match (an `overrides` entry). */
export interface Override {
  readonly files: readonly string[]
  readonly ignores: readonly string[]
  /** Its presets, then its own `rules`. */
  readonly rules: RuleLevels
  /** The template the files it matches are written from: an absolute path (written relative to the configuration's folder). */
  readonly template?: string
}

/** A configuration file, checked and with its presets applied. */
export interface Config {
  /** The file as shown in messages. */
  readonly name: string
  /** The folder its globs are relative to (the file's own). */
  readonly folder: string
  /** Its presets (`extends`), then its own `rules`. */
  readonly rules: RuleLevels
  readonly ignores: readonly string[]
  readonly overrides: readonly Override[]
  /** The team's template: an absolute path (written relative to the configuration's folder); none for the built-in one. */
  readonly template?: string
  /** One name for each person, and the other ways documents write it (`{"Grace Liu": ["@grace"]}`). */
  readonly people?: Readonly<Record<string, readonly string[]>>
}
