import type { DecisionEntry, EvaluationInput, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import { recordTitle, type SpecKind } from "@/lib/domain/spec/kinds";

let sequence = 0;

/** A specification record for rule tests; its title derives from the data as in the app. */
export function specEntry(kind: SpecKind, data: Record<string, unknown>, id?: string): SpecEntry {
  sequence += 1;
  return { id: id ?? `spec-${kind}-${sequence}`, kind, title: recordTitle(kind, data), data };
}

/** A live resource for rule tests. */
export function liveResource(
  kind: LiveKind,
  name: string,
  overrides: Partial<Omit<LiveResource, "kind" | "name">> = {},
): LiveResource {
  sequence += 1;
  return {
    kind,
    name,
    externalId: `live-${sequence}`,
    businessGroup: null,
    environment: null,
    attributes: {},
    ...overrides,
  };
}

/** A decision entry for rule tests. */
export function decisionEntry(overrides: Partial<DecisionEntry> = {}): DecisionEntry {
  return { number: "D01", title: "Use DLBs", status: "draft", proposedAt: null, texts: {}, ...overrides };
}

/** An evaluation input: nothing planned, nothing live (null = never synced), no decisions, a fixed time. */
export function evaluationInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return { spec: [], live: [], decisions: [], now: new Date("2026-11-21T12:00:00Z"), ...overrides };
}
