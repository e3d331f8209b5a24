// Types of corpus.mjs, for the test that checks the corpus is deterministic.

/** The seed of the published numbers. */
export declare const defaultSeed: number
/** Today, for every lint the benchmark runs (`--now`). */
export declare const now: string

export interface Rung {
  readonly name: 'small' | 'medium' | 'large' | 'huge'
  /** Target size of one document, in bytes. */
  readonly target: number
  /** Documents of this size the in-process measures use. */
  readonly count: number
}

/** The size ladder: small (~2 KB), medium (~7 KB), large (~35 KB), huge (~140 KB). */
export declare const ladder: readonly Rung[]

/** mulberry32: floats in [0, 1) and ways to pick values, all from one seed. */
export declare function prng(seed: number): {
  next(): number
  int(min: number, max: number): number
  pick<T>(values: readonly T[]): T
  chance(p: number): boolean
  weighted<T>(choices: readonly (readonly [T, number])[]): T
}

/** One postmortem of about `target` bytes; deterministic in (seed, name, index). */
export declare function makeDocument(options?: {seed?: number; name?: string; index?: number; target?: number}): string

export interface CorpusPart {
  readonly folder: string
  readonly name: string
  readonly count: number
  readonly target: number
  readonly seed: number
}

/** Folder names and contents of a corpus. */
export declare function corpusPlan(options?: {seed?: number; files?: number; rssFiles?: number}): CorpusPart[]

/** Write (or reuse) the corpus under `dir` (default: the system's temporary folder). */
export declare function writeCorpus(options?: {seed?: number; files?: number; rssFiles?: number; dir?: string}): {
  base: string
  parts: Record<string, {folder: string; files: string[]}>
}
