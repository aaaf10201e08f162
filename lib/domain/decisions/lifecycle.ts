import { z } from "zod";

/** Where a decision stands. Superseded, rejected and deprecated are final. */
export const decisionStatusSchema = z.enum(["draft", "proposed", "accepted", "rejected", "deprecated", "superseded"]);
export type DecisionStatus = z.infer<typeof decisionStatusSchema>;

/**
 * The legal moves. A proposal can be withdrawn to draft for rework; everything else follows the
 * ADR lifecycle: draft -> proposed -> accepted | rejected; accepted -> deprecated | superseded.
 */
export const decisionTransitions: Record<DecisionStatus, readonly DecisionStatus[]> = {
  draft: ["proposed"],
  proposed: ["accepted", "rejected", "draft"],
  accepted: ["deprecated", "superseded"],
  rejected: [],
  deprecated: [],
  superseded: [],
};

export type TransitionContext = {
  /** Current approvals (reviews reset when the text changes). */
  approvals: number;
  /** Approvals the workspace requires before acceptance (default 1). */
  requiredApprovals: number;
  /** True when the move is made by accepting the decision that supersedes this one. */
  bySupersession?: boolean;
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Tells whether a decision may move from one status to another, and why not. */
export function checkTransition(
  number: string,
  from: DecisionStatus,
  to: DecisionStatus,
  context: TransitionContext,
): TransitionCheck {
  if (from === to) return { ok: false, reason: `${number} is already ${from}` };
  if (!decisionTransitions[from].includes(to)) {
    const legal = decisionTransitions[from];
    return {
      ok: false,
      reason:
        legal.length === 0
          ? `${number} is ${from}, which is final: record a new decision instead`
          : `${number} cannot go from ${from} to ${to}; from ${from} it can only become ${legal.join(" or ")}`,
    };
  }
  if (to === "accepted" && context.approvals < context.requiredApprovals) {
    const needed = context.requiredApprovals;
    return {
      ok: false,
      reason: `${number} needs ${needed} approval${needed === 1 ? "" : "s"} to be accepted; it has ${context.approvals}`,
    };
  }
  if (to === "superseded" && !context.bySupersession) {
    return { ok: false, reason: `${number} becomes superseded when the decision that supersedes it is accepted` };
  }
  return { ok: true };
}

/** The text of a decision: changing it after acceptance needs an amendment or a flagged edit. */
export const decisionTextFields = ["title", "context", "decision", "rationale", "implications"] as const;

/** D01, D02 … D99, D100: the numbering of the template. */
export function formatDecisionNumber(sequence: number): string {
  return `D${String(sequence).padStart(2, "0")}`;
}

/** The sequence of a decision number ("D07" -> 7), or null when it is not one (e.g. the template's "Dxx"). */
export function parseDecisionNumber(text: string): number | null {
  const match = /^D(\d{1,4})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** The next free sequence in a workspace. */
export function nextDecisionSequence(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}

export const decisionLinkKindSchema = z.enum(["supersedes", "amends", "relates_to"]);
export type DecisionLinkKind = z.infer<typeof decisionLinkKindSchema>;

/** A decision as the lifecycle sees it. */
export type LifecycleDecision = { id: string; number: string; status: DecisionStatus };

/**
 * What accepting a decision changes, all in one transaction: the decision becomes accepted and
 * every decision it supersedes becomes superseded. Refused, with the reason, when any move is
 * illegal (nothing is changed then).
 */
export function planAcceptance(
  decision: LifecycleDecision,
  context: TransitionContext,
  supersedes: readonly LifecycleDecision[],
): { ok: true; changes: { id: string; from: DecisionStatus; to: DecisionStatus }[] } | { ok: false; reason: string } {
  const own = checkTransition(decision.number, decision.status, "accepted", context);
  if (!own.ok) return own;
  const changes = [{ id: decision.id, from: decision.status, to: "accepted" as DecisionStatus }];
  for (const old of supersedes) {
    if (old.id === decision.id) return { ok: false, reason: `${decision.number} cannot supersede itself` };
    const check = checkTransition(old.number, old.status, "superseded", { ...context, bySupersession: true });
    if (!check.ok) return { ok: false, reason: `${decision.number} supersedes ${old.number}, but ${check.reason}` };
    changes.push({ id: old.id, from: old.status, to: "superseded" });
  }
  return { ok: true, changes };
}

/** The reverse of stored links, for display: "superseded by D07", "amended by D09". */
export function reverseLinkLabel(kind: DecisionLinkKind): string {
  return kind === "supersedes" ? "superseded by" : kind === "amends" ? "amended by" : "related to";
}
