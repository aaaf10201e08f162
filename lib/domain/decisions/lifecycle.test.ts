import { describe, expect, it } from "vitest";
import {
  checkTransition,
  decisionStatusSchema,
  decisionTransitions,
  formatDecisionNumber,
  nextDecisionSequence,
  parseDecisionNumber,
  planAcceptance,
  reverseLinkLabel,
  type DecisionStatus,
} from "@/lib/domain/decisions/lifecycle";

const statuses = decisionStatusSchema.options;
const approved = { approvals: 1, requiredApprovals: 1 };

describe("checkTransition: every pair of statuses", () => {
  const legal: [DecisionStatus, DecisionStatus][] = [
    ["draft", "proposed"],
    ["proposed", "accepted"],
    ["proposed", "rejected"],
    ["proposed", "draft"],
    ["accepted", "deprecated"],
    ["accepted", "superseded"],
  ];
  const isLegal = (from: DecisionStatus, to: DecisionStatus) => legal.some(([f, t]) => f === from && t === to);

  for (const from of statuses) {
    for (const to of statuses) {
      if (isLegal(from, to)) {
        it(`allows ${from} -> ${to}`, () => {
          expect(checkTransition("D05", from, to, { ...approved, bySupersession: true })).toEqual({ ok: true });
        });
      } else {
        it(`refuses ${from} -> ${to} with a reason`, () => {
          const result = checkTransition("D05", from, to, { ...approved, bySupersession: true });
          expect(result.ok).toBe(false);
          expect(result.ok ? "" : result.reason).toMatch(/^D05 /);
        });
      }
    }
  }

  it("matches the published table", () => {
    const table = statuses.flatMap((from) => decisionTransitions[from].map((to) => [from, to]));
    expect(table.sort()).toEqual([...legal].sort());
  });

  it("explains what is possible instead", () => {
    expect(checkTransition("D05", "draft", "accepted", approved)).toEqual({
      ok: false,
      reason: "D05 cannot go from draft to accepted; from draft it can only become proposed",
    });
    expect(checkTransition("D05", "rejected", "proposed", approved)).toEqual({
      ok: false,
      reason: "D05 is rejected, which is final: record a new decision instead",
    });
    expect(checkTransition("D05", "accepted", "accepted", approved)).toEqual({
      ok: false,
      reason: "D05 is already accepted",
    });
  });

  it("blocks acceptance without the required approvals", () => {
    expect(checkTransition("D05", "proposed", "accepted", { approvals: 0, requiredApprovals: 1 })).toEqual({
      ok: false,
      reason: "D05 needs 1 approval to be accepted; it has 0",
    });
    expect(checkTransition("D05", "proposed", "accepted", { approvals: 1, requiredApprovals: 2 })).toEqual({
      ok: false,
      reason: "D05 needs 2 approvals to be accepted; it has 1",
    });
    expect(checkTransition("D05", "proposed", "accepted", { approvals: 0, requiredApprovals: 0 })).toEqual({
      ok: true,
    });
  });

  it("lets a decision become superseded only through the decision that supersedes it", () => {
    expect(checkTransition("D05", "accepted", "superseded", approved)).toEqual({
      ok: false,
      reason: "D05 becomes superseded when the decision that supersedes it is accepted",
    });
  });
});

describe("planAcceptance: supersession in one operation", () => {
  const d05 = { id: "a", number: "D05", status: "accepted" as const };
  const d06 = { id: "b", number: "D06", status: "proposed" as const };

  it("accepts the new decision and supersedes the old one together", () => {
    expect(planAcceptance(d06, approved, [d05])).toEqual({
      ok: true,
      changes: [
        { id: "b", from: "proposed", to: "accepted" },
        { id: "a", from: "accepted", to: "superseded" },
      ],
    });
  });

  it("changes nothing when the old decision cannot be superseded", () => {
    expect(planAcceptance(d06, approved, [{ ...d05, status: "draft" }])).toEqual({
      ok: false,
      reason: "D06 supersedes D05, but D05 cannot go from draft to superseded; from draft it can only become proposed",
    });
    expect(planAcceptance(d06, approved, [{ ...d05, status: "superseded" }])).toMatchObject({ ok: false });
  });

  it("changes nothing when the new decision lacks approvals", () => {
    expect(planAcceptance(d06, { approvals: 0, requiredApprovals: 1 }, [d05])).toEqual({
      ok: false,
      reason: "D06 needs 1 approval to be accepted; it has 0",
    });
  });

  it("refuses a decision that supersedes itself", () => {
    expect(planAcceptance(d06, approved, [{ ...d06, status: "accepted" }])).toEqual({
      ok: false,
      reason: "D06 cannot supersede itself",
    });
  });
});

describe("numbering", () => {
  it("formats and parses the template's numbers", () => {
    expect([1, 5, 12, 100].map(formatDecisionNumber)).toEqual(["D01", "D05", "D12", "D100"]);
    expect(parseDecisionNumber("D07")).toBe(7);
    expect(parseDecisionNumber(" d12 ")).toBe(12);
    expect(parseDecisionNumber("Dxx")).toBeNull();
    expect(parseDecisionNumber("7")).toBeNull();
  });

  it("takes the next free sequence, after gaps too", () => {
    expect(nextDecisionSequence([])).toBe(1);
    expect(nextDecisionSequence([1, 2, 5])).toBe(6);
  });

  it("labels reverse links", () => {
    expect(reverseLinkLabel("supersedes")).toBe("superseded by");
    expect(reverseLinkLabel("amends")).toBe("amended by");
    expect(reverseLinkLabel("relates_to")).toBe("related to");
  });
});
