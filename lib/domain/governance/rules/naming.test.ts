import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { namingRules } from "@/lib/domain/governance/rules/naming";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const prod = specEntry("environment", { name: "PROD", classification: "production" }, "env-prod");
const dev = specEntry("environment", { name: "DEV", classification: "sandbox" }, "env-dev");
const convention = (data: Record<string, unknown>) =>
  specEntry("naming-convention", { name: "Apps", resourceKind: "application", ...data }, "conv-apps");
const run = (id: string, spec: ReturnType<typeof specEntry>[], live: ReturnType<typeof liveResource>[] | null) =>
  evaluate(
    namingRules.filter((r) => r.id === id),
    evaluationInput({ spec: [prod, dev, ...spec], live }),
    [],
  );

describe("NAME-CONVENTION", () => {
  const apps = convention({ pattern: "{company}-{env:dev|prd}-{api}", environments: [] });

  it("passes names that follow the convention", () => {
    expect(
      run("NAME-CONVENTION", [apps], [liveResource("application", "nwf-prd-orders", { environment: "PROD" })]),
    ).toEqual([]);
  });

  it("names the failing part and suggests the corrected name", () => {
    const [finding] = run(
      "NAME-CONVENTION",
      [apps],
      [liveResource("application", "nwf-prod-orders", { environment: "PROD", businessGroup: "Logistics" })],
    );
    expect(finding).toMatchObject({
      ruleId: "NAME-CONVENTION",
      category: "naming",
      severity: "warning",
      resourceKind: "application",
      environment: "PROD",
      businessGroup: "Logistics",
      message:
        'Application "nwf-prod-orders" in PROD breaks convention "Apps": "nwf-prod-orders" does not follow {company}-{env:dev|prd}-{api}: after "nwf-" expected {env} (one of dev, prd), found "prod-orders". Suggested name: nwf-prd-orders',
    });
  });

  it("applies a convention only to the environments it lists", () => {
    const prodOnly = convention({ pattern: "{company}-prd-{api}", environments: ["env-prod"] });
    const live = [
      liveResource("application", "whatever-name", { environment: "DEV" }),
      liveResource("application", "bad_name", { environment: "PROD" }),
    ];
    expect(run("NAME-CONVENTION", [prodOnly], live).map((f) => f.resourceName)).toEqual(["bad_name"]);
  });

  it("checks environments by their own name and enforces the maximum length", () => {
    const envs = specEntry("naming-convention", {
      name: "Envs",
      resourceKind: "environment",
      pattern: "{env:DEV|TEST|PROD}",
      maxLength: 4,
    });
    const findings = run(
      "NAME-CONVENTION",
      [envs],
      [liveResource("environment", "PROD"), liveResource("environment", "Design")],
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Environment "Design" breaks convention "Envs": "Design" does not follow {env:DEV|TEST|PROD}: at the start expected {env} (one of DEV, TEST, PROD), found "Design"',
    ]);
  });

  it("passes a resource that follows any one of the conventions that apply", () => {
    const second = specEntry("naming-convention", {
      name: "Legacy",
      resourceKind: "application",
      pattern: "legacy-{api}",
    });
    expect(
      run("NAME-CONVENTION", [apps, second], [liveResource("application", "legacy-ftp", { environment: "PROD" })]),
    ).toEqual([]);
  });

  it("reports a convention whose pattern cannot be compiled, as an error", () => {
    const broken = convention({ pattern: "{company-{api}" });
    expect(run("NAME-CONVENTION", [broken], [])).toMatchObject([
      {
        severity: "error",
        resourceKind: "naming-convention",
        message: expect.stringMatching(/^Naming convention "Apps" cannot be used: placeholder name/),
      },
    ]);
  });

  it("is skipped before the first sync", () => {
    expect(run("NAME-CONVENTION", [apps], null)).toEqual([]);
  });
});

describe("NAME-CLOUDHUB-LENGTH", () => {
  it("passes a CloudHub 1.0 name of 42 characters and any CloudHub 2.0 name", () => {
    const live = [
      liveResource("application", "a".repeat(42), { attributes: { platform: "cloudhub-1" } }),
      liveResource("application", "b".repeat(50), { attributes: { platform: "cloudhub-2-shared-space" } }),
    ];
    expect(run("NAME-CLOUDHUB-LENGTH", [], live)).toEqual([]);
  });

  it("refuses 43 characters with the count", () => {
    const name = "nwf-sys-carrier-portal-file-exchange-api-v1";
    const [finding] = run(
      "NAME-CLOUDHUB-LENGTH",
      [],
      [liveResource("application", name, { environment: "PROD", attributes: { platform: "cloudhub-1" } })],
    );
    expect(finding).toMatchObject({
      severity: "error",
      message: `CloudHub application "${name}" has 43 characters; CloudHub 1.0 allows at most 42`,
    });
  });
});

describe("remediations name the values of each finding", () => {
  it("NAME-CONVENTION: the name, the pattern, its length and the suggested name", () => {
    const apps = convention({ pattern: "{company}-{env:dev|prd}-{api}", maxLength: 20, environments: [] });
    const live = [
      liveResource("application", "nwf-prod-orders", { environment: "PROD" }),
      liveResource("application", "nwf-prd-orders-and-returns", { environment: "PROD" }),
    ];
    expect(run("NAME-CONVENTION", [apps], live).map((f) => f.remediation)).toEqual([
      'Rename application "nwf-prd-orders-and-returns" to follow {company}-{env:dev|prd}-{api} in at most 20 characters, or waive the finding with the reason it cannot be renamed',
      'Rename application "nwf-prod-orders" to follow {company}-{env:dev|prd}-{api} in at most 20 characters (e.g. nwf-prd-orders), or waive the finding with the reason it cannot be renamed',
    ]);
  });

  it("NAME-CONVENTION: the convention whose pattern cannot be used, and that pattern", () => {
    expect(run("NAME-CONVENTION", [convention({ pattern: "{company-{api}" })], []).map((f) => f.remediation)).toEqual([
      'Fix the pattern "{company-{api}" of naming convention "Apps" in the convention editor; its tester shows which part it reads how',
    ]);
  });

  it("NAME-CLOUDHUB-LENGTH: the name, how much too long it is, and the limit", () => {
    const name = "nwf-sys-carrier-portal-file-exchange-api-v1-prod";
    const [finding] = run(
      "NAME-CLOUDHUB-LENGTH",
      [],
      [liveResource("application", name, { attributes: { platform: "cloudhub-1" } })],
    );
    expect(finding!.remediation).toBe(
      `Shorten "${name}" by 6 characters or more, to at most 42 (for example by abbreviating the system or dropping words the environment already says), and redeploy it under the new name`,
    );
  });
});
