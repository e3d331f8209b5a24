/**
 * Field names for summaries that list many fields at once. `describePath` names a field by its
 * label, and two fields of the template share one (`**Duration:**` in the header and in
 * `## Impact`); in a list of both, the label alone does not say which is meant.
 */
import {describePath} from '../model/names.js'
import type {Profile} from '../profile/compile.js'

/** Field path → the section it stands in, for labels that more than one field uses. */
function sharedLabelSections(profile: Profile): ReadonlyMap<string, string> {
  const pathsByLabel = new Map<string, string[]>()
  for (const {field} of profile.fields) {
    const label = describePath(field.path, {profile})
    pathsByLabel.set(label, [...(pathsByLabel.get(label) ?? []), field.path])
  }
  const out = new Map<string, string>()
  for (const {section, field} of profile.fields) {
    if ((pathsByLabel.get(describePath(field.path, {profile})) ?? []).length < 2) continue
    const spec = profile.sectionById.get(section)
    // Note: the title section's heading is the title itself; its fields are "the header".
    const where = !spec || spec.kind === 'title' || spec.heading === null ? 'the header' : `\`${'#'.repeat(spec.depth)} ${spec.heading}\``
    out.set(field.path, where)
  }
  return out
}

/**
 * Name a field path in the template's words, adding the section when another field has the
 * same label: `durationMinutes` → "`**Duration:**` in the header", `impact.duration` →
 * "`**Duration:**` in `## Impact`", `severity` → "`**Severity:**`".
 */
export function fieldLabel(profile: Profile, path: string): string {
  const label = describePath(path, {profile})
  const where = sharedLabelSections(profile).get(path)
  return where === undefined ? label : `${label} in ${where}`
}
