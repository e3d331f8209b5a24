/**
 * The built-in template (SPEC §1, `fixtures/template.md`) as a profile: every section,
 * sub-section, label, alias and placeholder in template order, what each value means (its type,
 * enum values and role) and the layout the serializer writes. The only place that names the
 * built-in template's sections and fields.
 */
import type {Postmortem, PostmortemDraft} from './builtin-types.js'
import {compileProfile, type Profile} from './compile.js'
import type {Block, ColumnSpec, ProfileSpec, SectionSpec} from './spec.js'

const actionColumns: readonly ColumnSpec[] = [
  {key: 'action', header: 'Action', aliases: ['Action Item', 'Item', 'Task', 'Description'], placeholderColumn: true, placeholder: '{action_N}', type: 'text', role: 'actionItems.action', describe: 'what will be done'},
  {key: 'owner', header: 'Owner', aliases: ['Who', 'Assignee', 'Owners'], placeholderColumn: true, placeholder: '{owner}', type: 'text', role: 'actionItems.owner', describe: 'who does it'},
  {key: 'dueDate', header: 'Due Date', aliases: ['Due', 'Deadline', 'Due By', 'Target Date', 'ETA'], placeholderColumn: true, placeholder: '{date}', type: 'date', role: 'actionItems.due', describe: '`YYYY-MM-DD`'},
  {key: 'priority', header: 'Priority', aliases: ['Prio'], placeholderColumn: false, placeholder: '{priority}', type: 'enum', values: ['High', 'Medium', 'Low'], role: 'actionItems.priority'},
  {key: 'status', header: 'Status', aliases: ['State'], placeholderColumn: false, placeholder: '{status}', type: 'enum', values: ['Not Started', 'In Progress', 'Blocked', 'Done', "Won't Do"], role: 'actionItems.status', closed: ['Done', "Won't Do"], done: 'Done'}
]

const actionTemplateRows: readonly (readonly string[])[] = [
  ['{action_1}', '{owner}', '{date}', 'High', 'Not Started'],
  ['{action_2}', '{owner}', '{date}', 'Medium', 'Not Started']
]

function actionTable(path: string): Block {
  return {type: 'table', path, columns: actionColumns, templateRows: actionTemplateRows, rows: 'task', textColumn: 'action', optional: true}
}

const lessonPlaceholders = ['{lesson_1}', '{lesson_2}']

const sections: readonly SectionSpec[] = [
  {
    id: 'title',
    kind: 'title',
    heading: 'Postmortem: HOTFIX-{ID}',
    depth: 1,
    parent: null,
    aliases: [],
    path: 'hotfixId',
    blocks: [
      {
        type: 'fieldLines',
        fields: [
          {path: 'date', label: 'Date', aliases: ['Incident Date', 'Date of Incident', 'Started', 'Start'], placeholder: '{DATE}', type: 'date', role: 'incidentDate', describe: 'date of the incident, `YYYY-MM-DD`'},
          {path: 'incident', label: 'Incident', aliases: ['Title', 'Incident Title', 'Summary Title'], placeholder: '{INCIDENT_TITLE}', type: 'text', role: 'title', describe: 'title of the incident'},
          {path: 'durationMinutes', label: 'Duration', aliases: ['Total Duration', 'Time to Recover', 'Duration (minutes)'], placeholder: '{DURATION_MINUTES}', suffix: ' minutes', type: 'minutes', role: 'duration', describe: 'whole minutes, written before ` minutes`', describeComplete: 'whole minutes'},
          {path: 'severity', label: 'Severity', aliases: ['Sev', 'Priority Level', 'Incident Severity'], placeholder: '{P0/P1/P2}', type: 'enum', values: ['P0', 'P1', 'P2'], role: 'severity'},
          {path: 'author', label: 'Author', aliases: ['Authors', 'Author(s)', 'Owner', 'Created by', 'Written by'], placeholder: '{PM_NAME}', type: 'text', role: 'author', describe: 'who wrote the postmortem'}
        ]
      }
    ]
  },
  {
    id: 'executiveSummary',
    kind: 'section',
    heading: 'Executive Summary',
    depth: 2,
    parent: null,
    aliases: ['Summary', 'Issue Summary', 'Incident Summary', 'Overview', 'Incident Overview', 'TL;DR', 'TLDR', 'Brief Description', 'Background'],
    path: 'executiveSummary',
    blocks: [{type: 'markdown', path: 'executiveSummary', placeholder: '{2-3_sentence_summary_of_incident_and_resolution}', role: 'summary'}]
  },
  {
    id: 'impact',
    kind: 'section',
    heading: 'Impact',
    depth: 2,
    parent: null,
    aliases: ['Customer Impact', 'Affected Users', 'End User Impact', 'Scope', 'User Impact', 'Business Impact'],
    path: 'impact',
    blocks: [
      {
        type: 'fieldList',
        fields: [
          {path: 'impact.usersAffected', label: 'Users affected', aliases: ['Affected users', 'Customers affected', 'Users'], placeholder: '{number_or_percentage}', type: 'text'},
          {path: 'impact.duration', label: 'Duration', aliases: ['Impact duration'], placeholder: '{time_from_start_to_resolution}', type: 'text'},
          {path: 'impact.revenueImpact', label: 'Revenue impact', aliases: ['Revenue', 'Financial impact'], placeholder: '{dollar_amount_or_estimate}', type: 'text'},
          {path: 'impact.dataImpact', label: 'Data impact', aliases: ['Data', 'Data loss'], placeholder: '{any_data_loss_or_corruption}', type: 'text'},
          {path: 'impact.reputationImpact', label: 'Reputation impact', aliases: ['Reputation', 'Reputational impact'], placeholder: '{customer_complaints_media_coverage}', type: 'text'}
        ]
      }
    ]
  },
  {
    id: 'timeline',
    kind: 'section',
    heading: 'Timeline (Detailed)',
    depth: 2,
    parent: null,
    aliases: ['Timeline', 'Timeline of Events', 'Incident Timeline', 'Chain of Events', 'Key Events', 'Detailed Timeline', 'Events'],
    path: 'timeline',
    blocks: [
      {
        type: 'table',
        path: 'timeline',
        columns: [
          {key: 'time', header: 'Time', aliases: ['Timestamp', 'When', 'Date/Time', 'Date and Time', 'Date', 'Time (UTC)'], placeholderColumn: true, placeholder: '{TIME}', type: 'time', role: 'timeline.time', describe: 'time of the event (`HH:MM`, `HH:MM:SS`, `2:54 PM` or an ISO date-time), with its zone word if written', describeComplete: 'HH:MM, HH:MM:SS, 2:54 PM or an ISO date-time'},
          {key: 'event', header: 'Event', aliases: ['Events', 'Description', 'What', 'What happened', 'Action'], placeholderColumn: true, placeholder: '{event_description}', type: 'text', role: 'timeline.event', describe: 'what happened'},
          {key: 'who', header: 'Who', aliases: ['Actor', 'Owner', 'By', 'Person', 'Source'], placeholderColumn: true, placeholder: '{person_or_system}', type: 'text', optional: true, describe: 'person or system'}
        ],
        templateRows: [
          ['{TIME}', '{event_description}', '{person_or_system}'],
          ['{TIME}', '{event_description}', '{person_or_system}'],
          ['{TIME}', '{event_description}', '{person_or_system}']
        ],
        rows: 'timed',
        textColumn: 'event',
        zoneColumn: 'time',
        zonePath: 'timelineTimeZone'
      }
    ]
  },
  {
    id: 'rootCause',
    kind: 'group',
    heading: 'Root Cause Analysis',
    depth: 2,
    parent: null,
    aliases: ['Root Cause', 'Root Causes', 'Root Cause(s)', 'Root Cause and Analysis', 'Cause', 'Causes', 'Analysis'],
    path: 'rootCause',
    blocks: []
  },
  {
    id: 'whatHappened',
    kind: 'section',
    heading: 'What Happened',
    depth: 3,
    parent: 'rootCause',
    aliases: ['What Happened?', 'Technical Details', 'Details', 'Technical Cause', 'Fault', 'What Caused the Incident'],
    path: 'rootCause.whatHappened',
    standalone: true,
    blocks: [{type: 'markdown', path: 'rootCause.whatHappened', placeholder: '{detailed_technical_explanation}'}]
  },
  {
    id: 'whyItHappened',
    kind: 'section',
    heading: 'Why It Happened',
    depth: 3,
    parent: 'rootCause',
    aliases: ['Why', 'Contributing Factors', 'Contributing Factor', 'Trigger', 'Triggers'],
    path: 'rootCause',
    fieldsInGroup: true,
    standalone: true,
    blocks: [
      {type: 'fieldParagraph', field: {path: 'rootCause.immediateCause', label: 'Immediate cause', aliases: ['Proximate cause', 'Trigger', 'Direct cause'], placeholder: '{proximate_cause}', type: 'text'}},
      {type: 'listUnderLabel', label: 'Contributing factors', path: 'rootCause.contributingFactors', placeholders: ['{factor_1}', '{factor_2}', '{factor_3}']}
    ]
  },
  {
    id: 'whyNotCaught',
    kind: 'section',
    heading: "Why It Wasn't Caught Earlier",
    depth: 3,
    parent: 'rootCause',
    aliases: ['Why It Was Not Caught Earlier', 'Why Was It Not Caught', 'Detection Gaps', 'Gaps'],
    path: 'rootCause',
    fieldsInGroup: true,
    blocks: [
      {type: 'fieldParagraph', field: {path: 'rootCause.testingGap', label: 'Testing gap', placeholder: '{what_tests_were_missing}', type: 'text'}},
      {type: 'fieldParagraph', field: {path: 'rootCause.monitoringGap', label: 'Monitoring gap', aliases: ['Alerting gap'], placeholder: '{what_alerts_were_missing}', type: 'text'}},
      {type: 'fieldParagraph', field: {path: 'rootCause.processGap', label: 'Process gap', placeholder: '{what_process_failed}', type: 'text'}}
    ]
  },
  {
    id: 'wentWell',
    kind: 'section',
    heading: 'What Went Well',
    depth: 2,
    parent: null,
    aliases: ['Went Well', 'Things That Went Well', 'What Went Right'],
    path: 'wentWell',
    blocks: [{type: 'list', path: 'wentWell', placeholders: ['{positive_1}', '{positive_2}', '{positive_3}']}]
  },
  {
    id: 'wentPoorly',
    kind: 'section',
    heading: "What Didn't Go Well",
    depth: 2,
    parent: null,
    aliases: ['What Did Not Go Well', 'What Went Wrong', 'What Went Poorly', 'Went Poorly', "Didn't Go So Well", "What Didn't Go So Well", 'What Could Have Gone Better', 'What Could Have Been Better', 'Things That Went Wrong'],
    path: 'wentPoorly',
    blocks: [{type: 'list', path: 'wentPoorly', placeholders: ['{issue_1}', '{issue_2}', '{issue_3}']}]
  },
  {
    id: 'gotLucky',
    kind: 'section',
    heading: 'Where We Got Lucky',
    depth: 2,
    parent: null,
    aliases: ['Where Did We Get Lucky', 'Got Lucky', 'Where We Were Lucky', 'Lucky'],
    path: 'gotLucky',
    blocks: [{type: 'markdown', path: 'gotLucky', placeholder: '{things_that_could_have_been_worse}'}]
  },
  {
    id: 'actionItems',
    kind: 'group',
    heading: 'Action Items',
    depth: 2,
    parent: null,
    aliases: ['Action Items & Follow-ups', 'Action Items and Follow-ups', 'Follow-ups', 'Follow-up Actions', 'Follow Ups', 'Followups', 'Corrective Actions', 'Corrective and Preventative Measures', 'Corrective and Preventive Actions', 'Remediation', 'Remediations', 'Recommendations', 'Review Actions', 'Actions'],
    path: 'actionItems',
    blocks: [],
    bareContent: 'preventRecurrence'
  },
  {
    id: 'preventRecurrence',
    kind: 'section',
    heading: 'Prevent Recurrence',
    depth: 3,
    parent: 'actionItems',
    aliases: ['Prevention', 'Preventing Recurrence', 'Prevent'],
    path: 'actionItems.preventRecurrence',
    blocks: [actionTable('actionItems.preventRecurrence')]
  },
  {
    id: 'improveDetection',
    kind: 'section',
    heading: 'Improve Detection',
    depth: 3,
    parent: 'actionItems',
    aliases: ['Detection', 'Detect', 'Improving Detection'],
    path: 'actionItems.improveDetection',
    blocks: [actionTable('actionItems.improveDetection')]
  },
  {
    id: 'improveResponse',
    kind: 'section',
    heading: 'Improve Response',
    depth: 3,
    parent: 'actionItems',
    aliases: ['Response', 'Mitigate', 'Improving Response', 'Mitigation'],
    path: 'actionItems.improveResponse',
    blocks: [actionTable('actionItems.improveResponse')]
  },
  {
    id: 'properFix',
    kind: 'section',
    heading: 'Proper Fix',
    depth: 2,
    parent: null,
    aliases: ['Permanent Fix', 'Long-term Fix', 'Follow-up Fix'],
    path: 'properFix',
    blocks: [
      {type: 'fieldParagraph', field: {path: 'properFix.hotfixWas', label: 'Hotfix was', aliases: ['Fix type', 'Hotfix type'], placeholder: 'Full fix / Temporary workaround', type: 'enum', values: ['Full fix', 'Temporary workaround'], choice: true}},
      {
        type: 'checklist',
        label: 'If temporary, proper fix required',
        requiredWhen: {path: 'properFix.hotfixWas', value: 'Temporary workaround'},
        fields: [
          {path: 'properFix.storyCreated', label: 'Story created', aliases: ['Story', 'Ticket', 'Ticket created'], placeholder: '{STORY_ID}', type: 'text', describe: 'text after the label, one line', describeComplete: 'text after the label'},
          {path: 'properFix.scheduledFor', label: 'Scheduled for', aliases: ['Scheduled', 'Sprint'], placeholder: '{SPRINT_OR_DATE}', type: 'text', describe: 'text after the label, one line', describeComplete: 'text after the label'},
          {path: 'properFix.description', label: 'Description', aliases: ['Proper fix'], placeholder: '{proper_fix_description}', type: 'text', describe: 'text after the label, one line', describeComplete: 'text after the label'}
        ]
      }
    ]
  },
  {
    id: 'communication',
    kind: 'section',
    heading: 'Communication',
    depth: 2,
    parent: null,
    aliases: ['Communications', 'Comms', 'Communication Plan'],
    path: 'communication',
    blocks: [
      {type: 'fieldParagraph', field: {path: 'communication.internalNotification', label: 'Internal notification', aliases: ['Internal'], placeholder: '{who_was_notified_and_when}', type: 'text'}},
      {type: 'fieldParagraph', field: {path: 'communication.customerNotification', label: 'Customer notification', aliases: ['Customer', 'External notification'], placeholder: '{yes/no and details}', type: 'text'}},
      {type: 'fieldParagraph', field: {path: 'communication.publicPostmortem', label: 'Public postmortem', aliases: ['Public'], placeholder: '{yes/no and reason}', type: 'text'}}
    ]
  },
  {
    id: 'lessonsLearned',
    kind: 'group',
    heading: 'Lessons Learned',
    depth: 2,
    parent: null,
    aliases: ['Lessons Learnt', 'Lessons', 'Learnings', 'Takeaways', 'Key Takeaways'],
    path: 'lessonsLearned',
    blocks: []
  },
  {
    id: 'technicalLessons',
    kind: 'section',
    heading: 'Technical Lessons',
    depth: 3,
    parent: 'lessonsLearned',
    aliases: ['Technical', 'Technical Learnings'],
    path: 'lessonsLearned.technical',
    blocks: [{type: 'list', path: 'lessonsLearned.technical', placeholders: lessonPlaceholders}]
  },
  {
    id: 'processLessons',
    kind: 'section',
    heading: 'Process Lessons',
    depth: 3,
    parent: 'lessonsLearned',
    aliases: ['Process', 'Process Learnings'],
    path: 'lessonsLearned.process',
    blocks: [{type: 'list', path: 'lessonsLearned.process', placeholders: lessonPlaceholders}]
  },
  {
    id: 'teamLessons',
    kind: 'section',
    heading: 'Team Lessons',
    depth: 3,
    parent: 'lessonsLearned',
    aliases: ['Team', 'People', 'Team Learnings'],
    path: 'lessonsLearned.team',
    blocks: [{type: 'list', path: 'lessonsLearned.team', placeholders: lessonPlaceholders}]
  },
  {
    id: 'blamelessNote',
    kind: 'section',
    heading: 'Blameless Culture Note',
    depth: 2,
    parent: null,
    aliases: ['Blameless Note', 'Blameless Culture', 'Blamelessness', 'Blameless'],
    path: 'blamelessNote',
    blocks: [{type: 'markdown', path: 'blamelessNote', placeholder: '{reminder_that_this_was_a_system_failure_not_individual_failure}'}]
  },
  {
    id: 'meeting',
    kind: 'footer',
    heading: null,
    depth: 2,
    parent: null,
    aliases: [],
    path: 'meeting',
    blocks: [
      {type: 'rule'},
      {
        type: 'fieldLines',
        fields: [
          {path: 'meeting.heldOn', label: 'Meeting held', aliases: ['Meeting date', 'Review held', 'Reviewed on', 'Meeting'], placeholder: '{DATE}', type: 'date', role: 'meetingDate', describe: 'date of the review meeting, `YYYY-MM-DD`'},
          {path: 'meeting.attendees', label: 'Attendees', aliases: ['Participants', 'Present', 'Responders'], placeholder: '{list_of_attendees}', type: 'names', describe: 'names, written comma-separated'},
          {path: 'meeting.documentedBy', label: 'Documented by', aliases: ['Notes by', 'Scribe', 'Note taker'], placeholder: '{PM_NAME}', type: 'text'}
        ]
      }
    ]
  }
]


/** Every section of the built-in template, in template order (its ids anchor `extra` blocks). */
export {sections}

/** The built-in template's spec. */
export const builtinSpec: ProfileSpec = {
  name: 'built-in',
  sections,
  title: {
    text: 'Postmortem: HOTFIX-{ID}',
    id: {path: 'hotfixId', prefix: 'HOTFIX-', placeholder: '{ID}', describe: '`# Postmortem: HOTFIX-{ID}`: the id after `HOTFIX-`'},
    textPath: 'title',
    lead: 'Postmortem:',
    names: ['postmortem', 'post mortem', 'hotfix', 'incident report']
  },
  frontMatterIdKeys: ['hotfix', 'hotfix id', 'id', 'title'],
  typeNames: {complete: 'Postmortem', draft: 'PostmortemDraft'}
}

/** The built-in template (SPEC §1) as a compiled profile: what every function uses by default. */
export const builtinProfile: Profile<PostmortemDraft, Postmortem> = compileProfile<PostmortemDraft, Postmortem>(builtinSpec)
