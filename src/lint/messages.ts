/**
 * The wording of every defect, in one place: the rules and `validate` both say a defect with
 * these, so the same defect reads the same whichever reports it. Values in backticks; "Unexpected
 * X, expected Y" where something is there, "Missing X" or "Empty X" where it is not.
 */
import {describePath} from '../model/names.js'
import {hotfixKinds, priorities, severities, statuses} from '../model/schema.js'
import {sections, type Block, type SectionSpec} from '../model/sections.js'

/** A value in backticks for a message; a backtick inside gets a longer fence. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`'
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${value}${pad}${fence}`
}

/** `a`, `a or b`, `a, b or c` with every value in backticks. */
export function oneOf(values: readonly string[]): string {
  const shown = values.map(code)
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

/** A section's heading as the template writes it (`## Impact`). */
export function headingOf(section: SectionSpec): string {
  return `${'#'.repeat(section.depth)} ${section.heading ?? ''}`
}

/** The template's table a table path names: `the \`### Prevent Recurrence\` table`. */
export function tableName(path: string): string {
  const section = sections.find((candidate) => candidate.blocks.some((block) => block.type === 'table' && block.path === path))
  return section ? `the \`${headingOf(section)}\` table` : `the \`${path}\` table`
}

export const messages = {
  placeholder: (text: string): string => `Unexpected placeholder ${code(text)}, expected it filled in`,
  empty: (path: string): string => `Empty ${describePath(path)}, expected a value`,
  emptyList: (path: string): string => `Empty ${describePath(path)}, expected at least one item`,
  emptyItem: (path: string): string => `Empty ${describePath(path)}, expected text or the item removed`,
  emptyTable: (path: string): string => `Empty ${describePath(path)} table, expected at least one row`,
  emptySection: (section: SectionSpec): string => `Empty section \`${headingOf(section)}\`, expected its content under the heading`,
  missingSection(section: SectionSpec): string {
    if (section.kind === 'footer') return 'Missing the meeting footer (`---` then `**Meeting held:**`, `**Attendees:**`, `**Documented by:**`)'
    if (section.kind === 'title') return `Missing the title \`# ${section.heading}\``
    return `Missing section \`${headingOf(section)}\``
  },
  missingHotfixId: (): string => 'Missing the hotfix id in the title, expected `# Postmortem: HOTFIX-` and the id',
  missingField(block: Block, path: string): string {
    switch (block.type) {
      case 'fieldLines':
      case 'labelList':
      case 'labelParagraph':
      case 'checklist': {
        const fields = block.type === 'labelParagraph' ? [block.field] : block.fields
        const field = fields.find((candidate) => candidate.path === path) ?? fields[0]!
        return block.type === 'checklist' ? `Missing checklist line \`- [ ] ${field.label}: …\`` : `Missing field \`**${field.label}:**\``
      }
      case 'labeledList':
        return `Missing \`**${block.label}:**\` and its list`
      case 'list':
        return 'Missing the list of items'
      case 'markdown':
        return 'Missing the section text'
      case 'table':
        return 'Missing the table'
      case 'rule':
        return 'Missing `---`'
    }
  },
  missingColumns(path: string, missing: readonly string[], headers: readonly string[]): string {
    return `Missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map(code).join(', ')} in ${tableName(path)}, expected ${headers.map(code).join(', ')}`
  },
  dateFormat(path: string, value: string): string {
    const expected = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'a real calendar date (there is no such day)' : 'a date written `YYYY-MM-DD`'
    return `Unexpected ${code(value)} for ${describePath(path)}, expected ${expected}`
  },
  severity: (value: string): string => `Unexpected ${code(value)} for ${describePath('severity')}, expected ${oneOf(severities)}`,
  duration: (value: string): string => `Unexpected ${code(value)} for ${describePath('durationMinutes')}, expected whole minutes (\`N minutes\`)`,
  priority: (path: string, value: string): string => `Unexpected ${code(value)} for ${describePath(path)}, expected ${oneOf(priorities)}`,
  status: (path: string, value: string): string => `Unexpected ${code(value)} for ${describePath(path)}, expected ${oneOf(statuses)}`,
  hotfixUnresolved: (written: string): string => `Unexpected unresolved choice ${code(written)} for ${describePath('properFix.hotfixWas')}, expected ${oneOf(hotfixKinds)}`,
  hotfix: (value: string): string => `Unexpected ${code(value)} for ${describePath('properFix.hotfixWas')}, expected ${oneOf(hotfixKinds)}`,
  timeFormat: (path: string, value: string): string =>
    `Unexpected ${code(value)} for ${describePath(path)}, expected \`HH:MM\`, \`HH:MM:SS\`, a 12-hour time such as \`2:54 PM\` or an ISO date-time`,
  lineBreak: (path: string): string => `Unexpected line break in ${describePath(path)}, expected one line`,
  properFix(label: string, checked: boolean, filled: boolean): string {
    const problems = [...(checked ? [] : ['unchecked']), ...(filled ? [] : ['unfilled'])]
    const expected = !filled ? (checked ? 'a value' : 'a value and a ticked box (`- [x]`)') : 'a ticked box (`- [x]`)'
    return `Unexpected ${problems.join(' and ')} \`${label}:\` for a temporary workaround, expected ${expected}`
  },
  noActionItems(): string {
    const names = sections.filter((section) => section.parent === 'actionItems').map((section) => `\`${headingOf(section)}\``).join(', ')
    return `Missing action items: ${names} are all empty, expected at least one row`
  }
}
