// What Anypoint did not answer (an attribute the tolerant reader mapped to null) is unknown: no rule
// may read it as empty, zero or different. Each case is checked both ways: the unread value gives
// no finding, the same record with the value answered gives the finding it should.
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { ruleset } from "@/lib/domain/governance/ruleset";
import type { SpecEntry } from "@/lib/domain/governance/types";
import { unreadableScope, type ReadScope } from "@/lib/domain/live/read-scope";
import type { LiveResource, LiveValue } from "@/lib/domain/live/snapshot";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const prod = specEntry("environment", { name: "PROD", classification: "production" }, "env-prod");
const liveProd = liveResource("environment", "PROD", { environment: "PROD", attributes: { type: "production" } });

const findingsOf = (ruleId: string, spec: SpecEntry[], live: LiveResource[], liveScopes: ReadScope[] = []) =>
  evaluate(
    ruleset.filter((r) => r.id === ruleId),
    evaluationInput({ spec: [prod, ...spec], live: [liveProd, ...live], liveScopes }),
    [],
  ).map((f) => f.message);

describe("a value Anypoint did not answer", () => {
  it("is not a different CIDR, region or allowlist (DRIFT-VALUE)", () => {
    const vpc = specEntry("vpc", { name: "vpc-prod", region: "eu-central-1", cidr: "10.0.0.0/20" });
    const lb = specEntry("load-balancer", { name: "dlb-int", role: "internal", allowlistedCidrs: ["10.1.0.0/16"] });
    const live = (cidr: LiveValue, region: LiveValue, allowlist: LiveValue) => [
      liveResource("vpc", "vpc-prod", { attributes: { cidr, region } }),
      liveResource("load-balancer", "dlb-int", { attributes: { allowlist } }),
    ];
    expect(findingsOf("DRIFT-VALUE", [vpc, lb], live(null, null, null))).toEqual([]);
    expect(findingsOf("DRIFT-VALUE", [vpc, lb], live("10.9.0.0/20", "eu-west-1", []))).toHaveLength(3);
  });

  it("is not an empty allowlist of an internal load balancer (NET-DLB-INTERNAL-OPEN)", () => {
    const lb = specEntry("load-balancer", { name: "dlb-int", role: "internal", allowlistedCidrs: ["10.1.0.0/16"] });
    const live = (allowlist: LiveValue) => [liveResource("load-balancer", "dlb-int", { attributes: { allowlist } })];
    expect(findingsOf("NET-DLB-INTERNAL-OPEN", [lb], live(null))).toEqual([]);
    expect(findingsOf("NET-DLB-INTERNAL-OPEN", [lb], live([]))).toEqual([
      'Internal load balancer "dlb-int" has an empty allowlist in Anypoint',
    ]);
  });

  it("is not an assignment of zero (CAP-ENTITLEMENT-DRIFT)", () => {
    const entitlement = specEntry("entitlement", { name: "Production vCores", quantity: 4 });
    const live = (assigned: LiveValue) => [
      liveResource("business-group", "Acme", { attributes: { isRoot: true } }),
      liveResource("entitlement", "vCoresProduction", { businessGroup: "Acme", attributes: { assigned } }),
    ];
    expect(findingsOf("CAP-ENTITLEMENT-DRIFT", [entitlement], live(null))).toEqual([]);
    expect(findingsOf("CAP-ENTITLEMENT-DRIFT", [entitlement], live(2))).toHaveLength(1);
  });

  it("is not a single region of a tier 1 application (AVAIL-DR-TIER1-REGIONS)", () => {
    const tier = specEntry("recovery-tier", { name: "Tier 1 Mission-Critical" }, "tier-1");
    const dr = specEntry("environment", { name: "DR", classification: "production" }, "env-dr");
    const app = specEntry("application", {
      name: "orders-api",
      layer: "process",
      environments: ["env-prod", "env-dr"],
      drTier: "tier-1",
    });
    const live = (drRegion: LiveValue) => [
      liveResource("application", "orders-api", {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", region: "eu-central-1" },
      }),
      liveResource("application", "orders-api-dr", {
        environment: "DR",
        attributes: { platform: "cloudhub-1", region: drRegion },
      }),
    ];
    expect(findingsOf("AVAIL-DR-TIER1-REGIONS", [tier, dr, app], live(null))).toEqual([]);
    expect(findingsOf("AVAIL-DR-TIER1-REGIONS", [tier, dr, app], live("eu-central-1"))).toHaveLength(1);
  });

  it("is not none: an API instance whose policies were not read lacks nothing (SEC-API-POLICIES)", () => {
    const app = specEntry("application", {
      name: "orders-api",
      layer: "process",
      environments: ["env-prod"],
      securityCategory: "level-b",
    });
    const live = (policies: LiveValue) => [
      liveResource("application", "orders-api", { environment: "PROD", attributes: { platform: "cloudhub-1" } }),
      liveResource("api-instance", "orders-api", {
        environment: "PROD",
        attributes: { application: "orders-api", policies },
      }),
    ];
    expect(findingsOf("SEC-API-POLICIES", [app], live(null))).toEqual([]);
    expect(findingsOf("SEC-API-POLICIES", [app], live([]))).toHaveLength(1);
  });
});

describe("a part of the estate the sync could not read", () => {
  const reason = "GET /amc/.../deployments answered 500";
  const app = specEntry("application", { name: "orders-api", layer: "process", environments: ["env-prod"] });
  const vpc = specEntry("vpc", { name: "vpc-prod", region: "eu-central-1", cidr: "10.0.0.0/20" });

  it("has nothing missing in it (DRIFT-MISSING), and other places are still checked", () => {
    const unreadProd = [unreadableScope(["application", "api-instance"], reason, { environment: "prod" })];
    expect(findingsOf("DRIFT-MISSING", [app], [], unreadProd)).toEqual([]);
    const unreadTest = [unreadableScope(["application"], reason, { environment: "TEST" })];
    expect(findingsOf("DRIFT-MISSING", [app], [], unreadTest)).toEqual([
      'Application "orders-api" is planned in PROD but not deployed there',
    ]);
    expect(findingsOf("DRIFT-MISSING", [vpc], [], [unreadableScope(["vpc", "vpn"], reason)])).toEqual([]);
    expect(findingsOf("DRIFT-MISSING", [vpc], [], unreadProd)).toEqual([
      'VPC "vpc-prod" is in the specification but not in Anypoint',
    ]);
  });

  it("may hold the target of a mapping rule (NET-MAPPING-DANGLING)", () => {
    const live = [
      liveResource("mapping-rule", "dlb-ext #1", {
        attributes: { order: 1, loadBalancer: "dlb-ext", inputUri: "/orders/", appName: "orders-api" },
      }),
    ];
    expect(findingsOf("NET-MAPPING-DANGLING", [], live, [unreadableScope(["application"], reason)])).toEqual([]);
    expect(findingsOf("NET-MAPPING-DANGLING", [], live)).toHaveLength(1);
  });
});

describe("a part of the estate kept from an earlier sync", () => {
  const readAt = "2026-12-01T08:00:00.000Z";
  const carriedFrom = { syncRunId: "run-1", readAt };
  const app = specEntry("application", { name: "orders-api", layer: "process", environments: ["env-prod"] });
  const stale = (ruleId: string, spec: SpecEntry[], live: LiveResource[], liveScopes: ReadScope[]) =>
    evaluate(
      ruleset.filter((r) => r.id === ruleId),
      evaluationInput({ spec: [prod, ...spec], live: [liveProd, ...live], liveScopes }),
      [],
    ).map((f) => [f.message, f.staleSince?.toISOString() ?? null]);

  it("is checked like a read one, its findings marked with the time it was read", () => {
    const kept = {
      ...unreadableScope(["application"], "503", { environment: "PROD" }),
      carriedFrom,
      carriedRecords: 0,
    };
    const carried = { ...kept, status: "carried-forward" as const };
    // Unreadable: nothing concluded. Kept: the planned application is missing, as of that sync.
    expect(stale("DRIFT-MISSING", [app], [], [kept])).toEqual([]);
    expect(stale("DRIFT-MISSING", [app], [], [carried])).toEqual([
      ['Application "orders-api" is planned in PROD but not deployed there', readAt],
    ]);
    // Elsewhere the finding rests on what the latest sync read.
    const elsewhere = { ...carried, environment: "TEST" };
    expect(stale("DRIFT-MISSING", [app], [], [elsewhere])).toEqual([
      ['Application "orders-api" is planned in PROD but not deployed there', null],
    ]);
  });

  it("marks a finding on a carried record, not one on a record the latest sync read", () => {
    const secured = specEntry("application", {
      name: "orders-api",
      layer: "process",
      environments: ["env-prod"],
      securityCategory: "level-b",
    });
    const live = (carried: LiveResource["carried"]) => [
      liveResource("application", "orders-api", { environment: "PROD", attributes: { platform: "cloudhub-1" } }),
      liveResource("api-instance", "orders-api", {
        externalId: "42",
        environment: "PROD",
        attributes: { application: "orders-api", policies: [] },
        carried,
      }),
    ];
    const message = expect.stringContaining("orders-api");
    expect(
      stale("SEC-API-POLICIES", [secured], live({ syncRunId: "run-1", readAt, attributes: ["policies"] }), []),
    ).toEqual([[message, readAt]]);
    expect(stale("SEC-API-POLICIES", [secured], live(null), [])).toEqual([[message, null]]);
  });
});
