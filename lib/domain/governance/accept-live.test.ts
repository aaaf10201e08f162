import { describe, expect, it } from "vitest";
import { acceptLiveValues } from "@/lib/domain/governance/accept-live";
import { evaluate } from "@/lib/domain/governance/engine";
import { driftRules } from "@/lib/domain/governance/rules/drift";
import type { SpecEntry } from "@/lib/domain/governance/types";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const prod = specEntry("environment", { name: "PROD", classification: "production" }, "env-prod");
const test = specEntry("environment", { name: "TEST", classification: "sandbox" }, "env-test");
const spec: SpecEntry[] = [
  prod,
  test,
  specEntry("vpc", { name: "vpc-prod", region: "eu-central-1", cidr: "10.20.16.0/20", environments: ["env-prod"] }),
  specEntry("load-balancer", {
    name: "dlb-ext",
    vpc: "x",
    role: "external",
    allowlistedCidrs: ["0.0.0.0/0"],
    httpMode: "redirect",
  }),
  specEntry("vpn", {
    name: "vpn-dc",
    vpc: "x",
    routing: "static",
    remoteIp: "198.51.100.20",
    staticRoutes: ["10.10.0.0/16"],
  }),
  specEntry("application", {
    name: "orders-api",
    layer: "process",
    environments: ["env-prod"],
    workers: 2,
    workerSize: "0.2",
  }),
  specEntry("runtime-fabric", { name: "rtf-prod", controllers: 3, workers: 3, version: "2.6.x" }),
];
const live = [
  liveResource("environment", "PROD", { attributes: { type: "production" } }),
  liveResource("environment", "TEST", { attributes: { type: "sandbox" } }),
  liveResource("vpc", "vpc-prod", {
    attributes: { cidr: "10.20.16.0/21", region: "eu-west-1", environments: ["PROD", "TEST"] },
  }),
  liveResource("load-balancer", "dlb-ext", { attributes: { allowlist: ["203.0.113.0/24"], httpMode: "on" } }),
  liveResource("vpn", "vpn-dc", {
    attributes: { remoteIp: "198.51.100.21", remoteNetworks: ["10.10.0.0/16", "10.11.0.0/16"] },
  }),
  liveResource("application", "orders-api", {
    environment: "PROD",
    attributes: { platform: "cloudhub-1", workers: 1, workerVCores: 0.1 },
  }),
  liveResource("runtime-fabric", "rtf-prod", { attributes: { controllers: 1, workers: 3, version: "2.7.1" } }),
  liveResource("vpc", "vpc-sandbox", { attributes: { cidr: "10.99.0.0/24", region: "eu-west-1" } }),
];
const findings = (records: SpecEntry[]) =>
  evaluate(driftRules, evaluationInput({ spec: records, live }), []).filter((f) => f.category === "drift");

describe("acceptLiveValues", () => {
  it("says, for each value drift, the plan value that matches live, in the field's own terms", () => {
    const values = findings(spec).filter((f) => f.ruleId === "DRIFT-VALUE");
    const { accepted, refused } = acceptLiveValues(
      evaluationInput({ spec, live }),
      values.map((f) => f.fingerprint),
    );
    expect(refused).toEqual([]);
    const byRecord = (id: string) => spec.find((e) => e.id === id)!.title;
    expect(accepted.map((a) => [byRecord(a.specRecordId), a.field, a.value]).sort()).toEqual(
      [
        ["dlb-ext", "allowlistedCidrs", ["203.0.113.0/24"]],
        ["dlb-ext", "httpMode", "on"],
        ["orders-api", "workerSize", "0.1"],
        ["orders-api", "workers", 1],
        ["rtf-prod", "controllers", 1],
        ["rtf-prod", "version", "2.7.1"],
        ["vpc-prod", "cidr", "10.20.16.0/21"],
        ["vpc-prod", "environments", ["env-prod", "env-test"]],
        ["vpc-prod", "region", "eu-west-1"],
        ["vpn-dc", "remoteIp", "198.51.100.21"],
        ["vpn-dc", "staticRoutes", ["10.10.0.0/16", "10.11.0.0/16"]],
      ].sort(),
    );
    // The plan with every accepted value has no value drift left.
    const changed = spec.map((entry) => {
      const mine = accepted.filter((a) => a.specRecordId === entry.id);
      return mine.length
        ? { ...entry, data: { ...entry.data, ...Object.fromEntries(mine.map((a) => [a.field, a.value])) } }
        : entry;
    });
    expect(findings(changed).filter((f) => f.ruleId === "DRIFT-VALUE")).toEqual([]);
  });

  it("refuses a fingerprint no drift finding has now, and a drift that is not a value, saying why", () => {
    const unplanned = findings(spec).find((f) => f.ruleId === "DRIFT-UNPLANNED")!;
    expect(unplanned.resourceName).toBe("vpc-sandbox");
    const { accepted, refused } = acceptLiveValues(evaluationInput({ spec, live }), [unplanned.fingerprint, "0000"]);
    expect(accepted).toEqual([]);
    expect(refused).toEqual([
      {
        fingerprint: unplanned.fingerprint,
        reason: expect.stringContaining("DRIFT-UNPLANNED is not a difference of values"),
      },
      { fingerprint: "0000", reason: expect.stringContaining("no open drift finding has this fingerprint now") },
    ]);
    // Before the first sync there is nothing live to accept.
    expect(acceptLiveValues(evaluationInput({ spec, live: null }), [unplanned.fingerprint]).refused).toHaveLength(1);
  });

  it("refuses two environments' different live values for the one value the plan holds, naming both", () => {
    const app = specEntry("application", {
      name: "orders-api",
      layer: "process",
      environments: ["env-prod", "env-test"],
      workers: 3,
    });
    const running = (environment: string, workers: number) =>
      liveResource("application", "orders-api", { environment, attributes: { platform: "cloudhub-1", workers } });
    const input = evaluationInput({ spec: [prod, test, app], live: [running("PROD", 2), running("TEST", 1)] });
    const both = evaluate(driftRules, input, []).filter((f) => f.ruleId === "DRIFT-VALUE");
    expect(both).toHaveLength(2);
    const { accepted, refused } = acceptLiveValues(
      input,
      both.map((f) => f.fingerprint),
    );
    expect(accepted).toEqual([]);
    expect(refused.map((r) => r.reason)).toEqual([
      expect.stringContaining("the findings chosen want 1 and 2; accept one of them"),
      expect.stringContaining("the findings chosen want 1 and 2; accept one of them"),
    ]);
    expect(acceptLiveValues(input, [both[0]!.fingerprint]).accepted).toHaveLength(1);
  });
});
