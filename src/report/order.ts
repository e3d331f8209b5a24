import type {ReportActionItem} from './data.js'
import {isIsoDate} from '../model/text.js'

/**
 * The open action items in the order a review reads them: overdue first (longest overdue
 * first), then by due date (items without a real due date last), then by file and line.
 */
export function openItemsInOrder(items: readonly ReportActionItem[]): ReportActionItem[] {
  const due = (item: ReportActionItem): string => {
    const value = item.dueDate?.trim() ?? ''
    return isIsoDate(value) ? value : '\uffff'
  }
  return items
    .filter((item) => item.open)
    .sort(
      (a, b) =>
        (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
        (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        (a.line ?? 0) - (b.line ?? 0)
    )
}
