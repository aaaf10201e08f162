import { describe, expect, it } from "vitest";
import { computeReadiness, summarize } from "@/lib/domain/governance/readiness";
import type { Finding } from "@/lib/domain/governance/types";

type F = Pick<Finding, "severity" | "status" | "environment" | "businessGroup" | "category">;
const f = (overrides: Partial<F>): F => ({
  severity: "warning",
  status: "open",
  environment: null,
  businessGroup: null,
  category: "drift",
  ...overrides,
});

describe("computeReadiness", () => {
  const scopes = { environments: ["PROD", "TEST", "prod"], businessGroups: ["Logistics"] };

  it("is ready with no open errors or warnings and a finished specification", () => {
    expect(computeReadiness([f({ severity: "info", environment: "PROD" })], scopes, 1)).toEqual([
      { scope: "environment", name: "PROD", score: 100, level: "ready", errors: 0, warnings: 0, waived: 0 },
      { scope: "environment", name: "TEST", score: 100, level: "ready", errors: 0, warnings: 0, waived: 0 },
      { scope: "business-group", name: "Logistics", score: 100, level: "ready", errors: 0, warnings: 0, waived: 0 },
    ]);
  });

  it("is not ready with any open error; waived findings do not block but are counted", () => {
    const findings = [
      f({ severity: "error", environment: "prod" }),
      f({ severity: "warning", environment: "PROD" }),
      f({ severity: "error", environment: "TEST", status: "waived" }),
      f({ severity: "error", businessGroup: "logistics" }),
    ];
    const [prod, test, logistics] = computeReadiness(findings, scopes, 0.5);
    expect(prod).toMatchObject({ level: "not-ready", errors: 1, warnings: 1, score: Math.round(0.7 * 75 + 15) });
    expect(test).toMatchObject({ level: "in-progress", errors: 0, waived: 1, score: Math.round(70 + 15) });
    expect(logistics).toMatchObject({ level: "not-ready", errors: 1 });
  });
});

describe("summarize", () => {
  it("counts open findings by severity and category, and waived ones apart", () => {
    expect(
      summarize([f({ severity: "error", category: "network" }), f({ category: "network" }), f({ status: "waived" })]),
    ).toEqual({ open: 2, waived: 1, bySeverity: { error: 1, warning: 1, info: 0 }, byCategory: { network: 2 } });
  });
});
