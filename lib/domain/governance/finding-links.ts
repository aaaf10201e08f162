// Where a finding is acted on, as paths of the portal: the editor of the specification record it
// is about, the decision it names, or the live estate's list of the resource it found. The same
// paths serve the findings page, the dashboard, the REST API and `agp check --json`.
import { liveKindSchema } from "@/lib/domain/live/snapshot";

const segment = encodeURIComponent;

/** The specification section of a record with that record's edit panel open (`?edit=<id>`). */
export function specRecordEditPath(workspace: string, kind: string, id: string): string {
  return `/w/${segment(workspace)}/specification/${segment(kind)}?edit=${segment(id)}`;
}

/**
 * Where a finding's record is edited: its specification record, given the record's kind (the
 * caller looks it up; null when the record no longer exists), or the decision a decision's finding
 * names. Null when the finding is about neither (a live resource nobody planned).
 */
export function findingEditPath(
  workspace: string,
  finding: { specRecordId: string | null; resourceKind: string; resourceName: string },
  recordKind: string | null | undefined,
): string | null {
  if (finding.specRecordId && recordKind) return specRecordEditPath(workspace, recordKind, finding.specRecordId);
  if (finding.resourceKind === "decision" && /^D\d+$/.test(finding.resourceName))
    return `/w/${segment(workspace)}/decisions/${finding.resourceName}`;
  return null;
}

/** The live estate's inventory of a resource's kind, searched for its name; null for a kind it does not list. */
export function liveResourcePath(workspace: string, kind: string, name: string): string | null {
  if (!liveKindSchema.safeParse(kind).success) return null;
  return `/w/${segment(workspace)}/live?${new URLSearchParams({ kind, q: name }).toString()}`;
}
