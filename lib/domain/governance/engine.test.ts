import { describe, expect, it } from "vitest";
import { evaluate, fingerprintOf } from "@/lib/domain/governance/engine";
import type { Rule } from "@/lib/domain/governance/types";
import { evaluationInput } from "@/lib/testing/governance";

const rule = (overrides: Partial<Rule> = {}): Rule => ({
  id: "TEST-RULE",
  title: "Test",
  category: "network",
  severity: "warning",
  reads: [],
  rationale: "r",
  remediation: "fix it",
  needsLive: false,
  evaluate: () => [
    { resourceKind: "vpc", resourceName: "VPC-A", environment: "PROD", message: "a" },
    { resourceKind: "vpc", resourceName: "vpc-b", message: "b", severity: "error", remediation: "special" },
  ],
  ...overrides,
});

describe("evaluate", () => {
  it("fills in the rule's id, category, severity and remediation, errors first", () => {
    expect(evaluate([rule()], evaluationInput(), [])).toMatchObject([
      { ruleId: "TEST-RULE", resourceName: "vpc-b", severity: "error", remediation: "special", status: "open" },
      { ruleId: "TEST-RULE", resourceName: "VPC-A", severity: "warning", remediation: "fix it", category: "network" },
    ]);
  });

  it("gives the same problem the same fingerprint in every run, whatever the case of the name", () => {
    const a = fingerprintOf("R", { resourceKind: "vpc", resourceName: "VPC-A", environment: "PROD" });
    expect(fingerprintOf("R", { resourceKind: "vpc", resourceName: "vpc-a", environment: "prod" })).toBe(a);
    expect(fingerprintOf("R", { resourceKind: "vpc", resourceName: "vpc-a", environment: "DEV" })).not.toBe(a);
    expect(
      fingerprintOf("R", { resourceKind: "vpc", resourceName: "vpc-a", environment: "PROD", detail: "cidr" }),
    ).not.toBe(a);
    expect(a).toMatch(/^R:[0-9a-f]{16}$/);
  });

  it("keeps the fingerprints already stored (waivers point at them), for ASCII and other names", () => {
    // Values of the first release's FNV-1a over rule, kind, lower-cased name and environment, detail.
    const stored: [string, Parameters<typeof fingerprintOf>[1], string][] = [
      ["NET-CIDR-OVERLAP", { resourceKind: "vpc", resourceName: "VPC-Prod-EU", environment: null }, "74b4b668766c69e8"],
      [
        "DRIFT-VALUE",
        {
          resourceKind: "application",
          resourceName: "cs-exp-customers-api-v1",
          environment: "CS-PROD",
          detail: "workers",
        },
        "8cb6a9d0e6f876d2",
      ],
      [
        "NAME-CONVENTION",
        { resourceKind: "application", resourceName: "Zürich-Orders-API", environment: "Prüfung", detail: "c1" },
        "31288991a902c442",
      ],
      [
        "GAP-PLACEHOLDER",
        { resourceKind: "system", resourceName: "ΟΔΟΣ Σ", environment: "İstanbul" },
        "25d53b4874222428",
      ],
    ];
    for (const [ruleId, finding, hash] of stored) expect(fingerprintOf(ruleId, finding)).toBe(`${ruleId}:${hash}`);
  });

  it("skips rules that need the live estate before the first sync", () => {
    expect(evaluate([rule({ needsLive: true })], evaluationInput({ live: null }), [])).toEqual([]);
    expect(evaluate([rule({ needsLive: true })], evaluationInput({ live: [] }), [])).toHaveLength(2);
  });

  it("marks waived findings waived (never passed) until the waiver expires", () => {
    const [, open] = evaluate([rule()], evaluationInput(), []);
    const now = new Date("2026-11-21T12:00:00Z");
    const byFingerprint = {
      id: "w1",
      fingerprint: open!.fingerprint,
      ruleId: null,
      resourceName: null,
      environment: null,
      expiresAt: new Date("2026-12-01T00:00:00Z"),
    };
    const waived = evaluate([rule()], evaluationInput({ now }), [byFingerprint]);
    expect(waived.map((f) => [f.resourceName, f.status, f.waiverId])).toEqual([
      ["vpc-b", "open", null],
      ["VPC-A", "waived", "w1"],
    ]);
    const later = evaluate([rule()], evaluationInput({ now: new Date("2026-12-02T00:00:00Z") }), [byFingerprint]);
    expect(later.every((f) => f.status === "open")).toBe(true);
  });

  it("waives by rule with an optional resource and environment", () => {
    const byRule = {
      id: "w2",
      fingerprint: null,
      ruleId: "TEST-RULE",
      resourceName: null,
      environment: "prod",
      expiresAt: new Date("2027-01-01"),
    };
    expect(evaluate([rule()], evaluationInput(), [byRule]).map((f) => f.status)).toEqual(["open", "waived"]);
  });
});
