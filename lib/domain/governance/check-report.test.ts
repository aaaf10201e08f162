import { describe, expect, it } from "vitest";
import {
  checkFails,
  filterCheckFindings,
  formatJunit,
  formatSarif,
  sortCheckFindings,
  summarizeCheck,
  type CheckReport,
} from "@/lib/domain/governance/check-report";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { buildCheckFinding } from "@/lib/testing/factories";

const reportOf = (findings: CheckReport["findings"]): CheckReport => ({
  workspace: "acme",
  rulesetVersion: "test",
  evaluatedAt: "2026-12-01T10:00:00.000Z",
  summary: summarizeCheck(findings),
  readiness: [],
  findings,
});

const sarifOptions = { toolVersion: "0.1.0", informationUri: "https://example.com/agp" };

describe("the check summary and threshold", () => {
  const findings = [
    buildCheckFinding({ severity: "error", ruleId: "NET-CIDR-OVERLAP", category: "network" }),
    buildCheckFinding({ severity: "warning" }),
    buildCheckFinding({ severity: "info", ruleId: "GAP-FIELD-EMPTY", category: "gap", environment: null }),
    buildCheckFinding({ severity: "error", status: "waived" }),
  ];

  it("counts open findings by severity and waived ones apart", () => {
    expect(summarizeCheck(findings)).toEqual({ error: 1, warning: 1, info: 1, waived: 1 });
  });

  it("fails at the threshold and above, never with never, and not for waived errors", () => {
    expect(checkFails(reportOf(findings), "error")).toBe(true);
    expect(checkFails(reportOf(findings.slice(1)), "error")).toBe(false);
    expect(checkFails(reportOf(findings.slice(1)), "warning")).toBe(true);
    expect(checkFails(reportOf(findings.slice(2)), "warning")).toBe(false);
    expect(checkFails(reportOf(findings), "never")).toBe(false);
  });

  it("filters by category and environment, keeping workspace-wide findings for an environment", () => {
    expect(filterCheckFindings(findings, { category: ["network"], environment: [] }).map((f) => f.ruleId)).toEqual([
      "NET-CIDR-OVERLAP",
    ]);
    const dev = filterCheckFindings([...findings, buildCheckFinding({ environment: "DEV" })], {
      category: [],
      environment: ["prod"],
    });
    expect(dev.map((f) => f.environment)).toEqual(["PROD", "PROD", null, "PROD"]);
  });

  it("sorts most severe first, then by rule and resource", () => {
    expect(sortCheckFindings(findings).map((f) => f.severity)).toEqual(["error", "error", "warning", "info"]);
  });
});

describe("SARIF", () => {
  const findings = [
    buildCheckFinding({ severity: "error", ruleId: "SEC-API-POLICIES", category: "security", resourceName: "orders" }),
    buildCheckFinding({ severity: "info", status: "waived" }),
  ];
  type Log = {
    version: string;
    runs: {
      tool: { driver: { rules: { id: string; help: { text: string }; properties: Record<string, unknown> }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: { physicalLocation?: unknown; logicalLocations: { name: string; fullyQualifiedName: string }[] }[];
        partialFingerprints: Record<string, string>;
        suppressions?: unknown[];
      }[];
    }[];
  };
  const log = formatSarif(reportOf(findings), ruleset, sarifOptions) as Log;
  const run = log.runs[0]!;

  it("describes only the rules that have results, with help text", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(["NAME-CONVENTION", "SEC-API-POLICIES"]);
    const security = run.tool.driver.rules.find((r) => r.id === "SEC-API-POLICIES")!;
    expect(security.help.text).toContain("Remediation:");
    expect(security.properties["security-severity"]).toBe("8.0");
  });

  it("names each resource by a logical location and keeps the fingerprint", () => {
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(run.results[0]).toMatchObject({
      ruleId: "SEC-API-POLICIES",
      level: "error",
      partialFingerprints: { agpFingerprint: findings[0]!.fingerprint },
    });
    expect(run.results[0]!.locations[0]!.logicalLocations[0]).toMatchObject({
      name: "orders",
      fullyQualifiedName: "PROD/application/orders",
    });
    expect(run.results[0]!.locations[0]!.physicalLocation).toBeUndefined();
    expect(run.results[1]!.level).toBe("note");
    expect(run.results[1]!.suppressions).toHaveLength(1);
  });

  it("anchors results to a repository file when asked", () => {
    const anchored = formatSarif(reportOf(findings), ruleset, { ...sarifOptions, artifact: "docs/spec.md" }) as Log;
    expect(anchored.runs[0]!.results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "docs/spec.md" },
      region: { startLine: 1 },
    });
  });
});

describe("JUnit", () => {
  const findings = [
    buildCheckFinding({ severity: "error", resourceName: "a&b", message: 'bad <name> "x"' }),
    buildCheckFinding({ severity: "warning", resourceName: "c" }),
    buildCheckFinding({ severity: "warning", resourceName: "d", status: "waived" }),
  ];
  const rules = ruleset.filter((r) => r.id === "NAME-CONVENTION" || r.id === "NET-CIDR-OVERLAP");

  it("has a case per rule and resource, failing at the threshold, skipping waived ones, escaping text", () => {
    const xml = formatJunit(reportOf(findings), rules, "error");
    expect(xml).toMatch(/<testsuites name="agp check acme" tests="4" failures="1" errors="0" skipped="1">/);
    expect(xml).toContain('<testcase classname="NAME-CONVENTION" name="PROD/application/a&amp;b">');
    expect(xml).toContain('message="bad &lt;name&gt; &quot;x&quot;"');
    // A rule without findings passes once, so a pipeline sees it was checked.
    expect(xml).toContain('<testcase classname="NET-CIDR-OVERLAP" name="all resources"/>');
    expect(formatJunit(reportOf(findings), rules, "warning")).toMatch(/failures="2"/);
    expect(formatJunit(reportOf(findings), rules, "never")).toMatch(/<testsuites [^>]*failures="0"/);
  });
});
