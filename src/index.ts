/**
 * postmortem-md: a typed model, a lossless parser and serializer, a validator and a linter for
 * incident postmortems written in Markdown, from the built-in template or a team's own.
 */
export {parse, parseDocument} from './parse/document.js'
export type {ParseOptions} from './parse/document.js'
export type {FieldInfo, FieldState, PostmortemDocument, SectionOccurrence, UnknownSection} from './parse/document.js'
export {stringify, toMdast} from './stringify/index.js'
export type {StringifyInput, StringifyOptions} from './stringify/index.js'
export {validate, validateDocument} from './validate/index.js'
export type {ValidateOptions, ValidateResult} from './validate/index.js'
export {
  ExtraSchema,
  PostmortemDraftSchema,
  PostmortemSchema,
  hotfixKinds,
  priorities,
  severities,
  statuses
} from './profile/builtin-model.js'
export type {ActionItem, ActionPriority, ChecklistEntry, Extra, IncidentSeverity, Postmortem, PostmortemDraft, TimelineRow} from './profile/builtin-model.js'
export type {Finding, FindingData, FindingSeverity, FindingValue, Point, Span} from './model/finding.js'
export {blankDraft} from './model/draft.js'
export {describePath} from './model/names.js'
export type {DescribeOptions, WrittenHeading, WrittenHeadings} from './model/names.js'
export {jsonSchema} from './model/json-schema.js'
export type {JsonSchemaOptions} from './model/json-schema.js'
export {builtinProfile, builtinSpec, sections} from './profile/builtin.js'
export {compileProfile} from './profile/compile.js'
export type {KeyOrder, Profile, RoleBinding} from './profile/compile.js'
export {deriveProfile} from './profile/derive/index.js'
export type {DeriveOptions, DerivedProfile, TemplateProblem, UnusableTemplate} from './profile/derive/index.js'
export {typesSource} from './profile/codegen.js'
export type {TypesSourceOptions} from './profile/codegen.js'
export {describeProfile} from './profile/describe.js'
export type {FieldDescription, ProfileDescription, SectionDescription} from './profile/describe.js'
export type {Block, ColumnSpec, FieldRole, FieldSpec, ProfileSpec, RowGrammar, SectionId, SectionKind, SectionSpec, TitleSpec, ValueSpec, ValueType} from './profile/spec.js'
export {template} from './template.js'
export {lint, lintDocument, rules, ruleIds} from './lint/index.js'
export type {LintOptions, Message, MessageData, MessageId, Rule, RuleContext, RuleExample, RuleId, RuleLevel, RuleSetting, RuleSettings} from './lint/index.js'
export {presets} from './lint/presets.js'
export type {Preset, PresetName} from './lint/presets.js'
export {actionItemsOf, actionTables, canonicalStatus, isOpen, isOverdue, ownedBy, ownerNames, ownersOf, peopleNames} from './model/action-items.js'
export type {ActionColumnKeys, ActionItemEntry, ActionStatus, ActionTable, ActionTableKey, People} from './model/action-items.js'
export {format} from './format.js'
export type {FormatOptions, FormatResult, Refusal} from './format.js'
export {reportData} from './report/data.js'
export type {
  AgeBucket,
  AgeFigures,
  FieldFigures,
  MonthFigures,
  OwnerFigures,
  ReportActionItem,
  ReportData,
  ReportInput,
  ReportOptions,
  ReportPostmortem,
  SeverityKey,
  StatusKey
} from './report/data.js'
export type {NumberSummary} from './report/figures.js'
