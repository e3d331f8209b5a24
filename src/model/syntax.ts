import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/**
 * GFM without autolink literals: tables, task list items, footnotes and strikethrough. Note:
 * autolink literals (a bare `www.` or `https://` turned into a link) only change inline nodes,
 * which no field is read from — values are slices of the source — while looking for them at
 * every word costs about a third of a full GFM parse. Footnotes and strikethrough stay: a
 * footnote definition is a block of its own, and both are cheap.
 */
export function remarkPostmortemSyntax(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmFootnote(), gfmStrikethrough())
  ;(data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown()
  )
}
