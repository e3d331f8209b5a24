/**
 * What deriving a template works from: its source, the placeholder notations it writes, its
 * annotations by the element they follow, and the problems found so far, each at a line.
 */
import type {Nodes, RootContent} from 'mdast'
import {findPlaceholders, type PlaceholderMatch} from '../../model/text.js'
import {Source} from '../../parse/source.js'
import {endOf, startOf} from '../../parse/values.js'
import type {PlaceholderNotation} from '../spec.js'
import type {Annotation} from './annotations.js'

/** A problem with a template: where (1-based line and column) and what, for the person who wrote it. */
export interface TemplateProblem {
  readonly line: number
  readonly column: number
  readonly message: string
}

/** The template being derived. */
export class Derivation {
  readonly source: Source
  readonly notations: readonly PlaceholderNotation[]
  readonly errors: TemplateProblem[] = []
  readonly warnings: TemplateProblem[] = []
  /** The annotation after each node, by the node. */
  readonly annotations = new Map<Nodes, {annotation: Annotation; offset: number}>()

  constructor(text: string) {
    this.source = new Source(text)
    this.notations = notationsOf(this.source.text)
  }

  /** Placeholders in a node's source (offsets into the template). */
  placeholdersIn(start: number, end: number): PlaceholderMatch[] {
    return findPlaceholders(this.source.text.slice(start, end), this.notations).map((match) => ({start: match.start + start, end: match.end + start, text: match.text}))
  }

  /** Placeholders in a node. */
  placeholdersOf(node: Nodes): PlaceholderMatch[] {
    return this.placeholdersIn(startOf(node), endOf(node))
  }

  /** Whether a node holds a placeholder. */
  hasPlaceholder(node: Nodes): boolean {
    return this.placeholdersOf(node).length > 0
  }

  /** The annotation after a node, if any. */
  annotationOf(node: Nodes): Annotation {
    return this.annotations.get(node)?.annotation ?? {}
  }

  /** Report an error at an offset. */
  error(offset: number, message: string): void {
    const point = this.source.point(offset)
    this.errors.push({line: point.line, column: point.column, message})
  }

  /** Report a warning at an offset. */
  warn(offset: number, message: string): void {
    const point = this.source.point(offset)
    this.warnings.push({line: point.line, column: point.column, message})
  }

  /** The line (1-based) of an offset. */
  line(offset: number): number {
    return this.source.point(offset).line
  }

  /** A node's source. */
  text(node: RootContent | Nodes): string {
    return this.source.text.slice(startOf(node), endOf(node))
  }
}

/** The notations a template writes its placeholders in, from the placeholders it has. */
function notationsOf(text: string): PlaceholderNotation[] {
  const found = findPlaceholders(text, ['double-braces', 'braces-text', 'angle'])
  const notations = new Set<PlaceholderNotation>()
  for (const match of found) {
    if (match.text.startsWith('{{')) notations.add('double-braces')
    else if (match.text.startsWith('{')) notations.add('braces-text')
    else notations.add('angle')
  }
  if (notations.size === 0) notations.add('braces')
  return [...notations]
}
