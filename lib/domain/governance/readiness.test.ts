import { describe, expect, it } from "vitest";
import { computeReadiness, overviewReadiness, summarize, type Readiness } from "@/lib/domain/governance/readiness";
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
  it("counts open findings by severity, category and rule, and waived ones apart", () => {
    const rule = (ruleId: string, over: Parameters<typeof f>[0]) => ({ ...f(over), ruleId });
    expect(
      summarize([
        rule("NET-DLB-TLS", { severity: "error", category: "network" }),
        rule("NET-DLB-TLS", { category: "network" }),
        rule("NET-VPC-SIZE", { category: "network" }),
        rule("NET-VPC-SIZE", { status: "waived" }),
      ]),
    ).toEqual({
      open: 3,
      waived: 1,
      bySeverity: { error: 1, warning: 2, info: 0 },
      byCategory: { network: 3 },
      byRule: { "NET-DLB-TLS": { error: 1, warning: 1 }, "NET-VPC-SIZE": { warning: 1 } },
    });
  });
});

describe("overviewReadiness", () => {
  const r = (name: string, level: Readiness["level"], score: number, scope: Readiness["scope"] = "environment") => ({
    scope,
    name,
    level,
    score,
    errors: level === "not-ready" ? 1 : 0,
    warnings: 0,
    waived: 0,
  });
  const readiness: Readiness[] = [
    r("DEV", "ready", 100),
    r("PROD", "not-ready", 40),
    r("QA", "in-progress", 70),
    r("SIT", "not-ready", 10),
    r("UAT", "in-progress", 60),
    r("Logistics", "not-ready", 0, "business-group"),
  ];

  it("shows every entry of the scope in its own order when they fit, and counts the levels", () => {
    const overview = overviewReadiness(readiness, "environment", 5);
    expect(overview.shown.map((e) => e.name)).toEqual(["DEV", "PROD", "QA", "SIT", "UAT"]);
    expect(overview).toMatchObject({ total: 5, hidden: 0, byLevel: { "not-ready": 2, "in-progress": 2, ready: 1 } });
  });

  it("shows the ones needing most attention first when there are more than the limit", () => {
    const overview = overviewReadiness(readiness, "environment", 3);
    expect(overview.shown.map((e) => e.name)).toEqual(["SIT", "PROD", "UAT"]);
    expect(overview).toMatchObject({ total: 5, hidden: 2 });
  });

  it("keeps the scopes apart", () => {
    expect(overviewReadiness(readiness, "business-group", 3)).toMatchObject({
      total: 1,
      hidden: 0,
      byLevel: { "not-ready": 1, "in-progress": 0, ready: 0 },
    });
  });
});
