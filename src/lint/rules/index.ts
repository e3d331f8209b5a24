import {dateFormat} from './date-format.js'
import {dueDate} from './due-date.js'
import {duplicateSection} from './duplicate-section.js'
import {durationMismatch} from './duration-mismatch.js'
import {duration} from './duration.js'
import {emptyField} from './empty-field.js'
import {futureDate} from './future-date.js'
import {headingText} from './heading-text.js'
import {hotfixChoice} from './hotfix-choice.js'
import {meetingDate} from './meeting-date.js'
import {missingField} from './missing-field.js'
import {missingSection} from './missing-section.js'
import {noActionItems} from './no-action-items.js'
import {noPlaceholder} from './no-placeholder.js'
import {oneLineField} from './one-line-field.js'
import {overdueAction} from './overdue-action.js'
import {priority} from './priority.js'
import {properFix} from './proper-fix.js'
import {sectionOrder} from './section-order.js'
import {severity} from './severity.js'
import {status} from './status.js'
import {tableShape} from './table-shape.js'
import {timeFormat} from './time-format.js'
import {timelineOrder} from './timeline-order.js'
import {unknownSection} from './unknown-section.js'
import {listMarker} from './list-marker.js'
import {fieldAsHeading} from './field-as-heading.js'
import {templateText} from './template-text.js'

/**
 * Every rule, in catalog order: the one list of rule ids (`RuleId` is read from it). A rule is
 * one module; add it here to turn it on.
 */
export const ruleList = [
  missingSection,
  missingField,
  duplicateSection,
  sectionOrder,
  headingText,
  unknownSection,
  tableShape,
  noPlaceholder,
  emptyField,
  dateFormat,
  severity,
  duration,
  priority,
  status,
  hotfixChoice,
  properFix,
  noActionItems,
  timeFormat,
  timelineOrder,
  durationMismatch,
  dueDate,
  meetingDate,
  overdueAction,
  // Beyond the initial catalog.
  futureDate,
  oneLineField,
  // Of teams' own templates (SPEC §9).
  listMarker,
  fieldAsHeading,
  templateText
] as const
