// Plans the decisions of a document: created as proposed (or draft while unfinished), updated
// while still draft or proposed, refused once settled (a settled decision is amended by a new one).

import type { DraftDecision, ImportProblem } from "@/lib/domain/document/draft";
import { formatDecisionNumber, type DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";

/** A decision already in the workspace. */
export type ExistingDecision = {
  id: string;
  sequence: number;
  status: DecisionStatus;
  title: string;
  decision: string;
  rationale: string;
  implications: string;
  version: number;
};

export type PlannedDecision = {
  action: "create" | "update" | "unchanged" | "refused";
  number: string;
  sequence: number;
  id?: string;
  version?: number;
  status: DecisionStatus;
  title: string;
  decision: string;
  rationale: string;
  implications: string;
  changes: string[];
  place: DraftDecision["place"];
};

const decisionFields = ["title", "decision", "rationale", "implications"] as const;

/** Plans the decisions of a document against the workspace's, by number; settled ones are not rewritten. */
export function planDecisions(
  drafts: readonly DraftDecision[],
  existing: readonly ExistingDecision[],
  problems: ImportProblem[],
): PlannedDecision[] {
  const bySequence = new Map(existing.map((d) => [d.sequence, d]));
  return drafts.map((d) => {
    const number = formatDecisionNumber(d.sequence);
    const current = bySequence.get(d.sequence);
    const text = { title: d.title, decision: d.decision, rationale: d.rationale, implications: d.implications };
    const base = { number, sequence: d.sequence, ...text, place: d.place };
    // Written in the document means proposed for review here; unfinished text stays a draft.
    const finished = d.decision.trim() !== "" && !decisionFields.some((f) => isPlaceholder(text[f]));
    if (!current) return { ...base, action: "create", status: finished ? "proposed" : "draft", changes: [] };
    const changes = decisionFields.filter((f) => current[f].trim() !== text[f].trim());
    if (changes.length === 0)
      return {
        ...base,
        action: "unchanged",
        id: current.id,
        version: current.version,
        status: current.status,
        changes,
      };
    if (current.status !== "draft" && current.status !== "proposed") {
      problems.push({
        place: d.place,
        message: `${number} is ${current.status} and its text here differs from the document's (${changes.join(", ")}); it was not changed: record a new decision that amends it`,
      });
      return { ...base, action: "refused", id: current.id, version: current.version, status: current.status, changes };
    }
    return { ...base, action: "update", id: current.id, version: current.version, status: current.status, changes };
  });
}
