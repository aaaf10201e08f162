import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import {
  availabilityRules,
  capacityRules,
  lifecycleRules,
  securityRules,
} from "@/lib/domain/governance/rules/platform";
import { parseRuntime } from "@/lib/domain/governance/rules/platform-facts";
import type { EvaluationInput, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { decisionEntry, evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const all = [...availabilityRules, ...securityRules, ...capacityRules, ...lifecycleRules];
const run = (id: string, spec: SpecEntry[], live: LiveResource[] | null = [], extra: Partial<EvaluationInput> = {}) =>
  evaluate(
    all.filter((r) => r.id === id),
    evaluationInput({ spec, live, ...extra }),
    [],
  ).map((f) => [f.severity, f.message]);

const prod = specEntry(
  "environment",
  { name: "PROD", classification: "production", highAvailability: true, minimumRuntime: "4.6.0" },
  "env-prod",
);
const dev = specEntry("environment", { name: "DEV", classification: "sandbox", highAvailability: false }, "env-dev");
const tier1 = specEntry("recovery-tier", { name: "Tier 1 Mission-Critical" }, "tier-1");
const tier2 = specEntry("recovery-tier", { name: "Tier 2 Business-Critical" }, "tier-2");
const ch1 = (name: string, environment: string, attributes: Record<string, unknown>) =>
  liveResource("application", name, { environment, attributes: { platform: "cloudhub-1", ...attributes } });

describe("AVAIL-HA-WORKERS", () => {
  it("passes two workers in an HA environment and one in a non-HA one", () => {
    const live = [ch1("orders", "PROD", { workers: 2 }), ch1("orders-dev", "DEV", { workers: 1 })];
    expect(run("AVAIL-HA-WORKERS", [prod, dev], live)).toEqual([]);
  });

  it("reports one worker or replica live (error) and a plan of one worker (warning)", () => {
    const live = [
      ch1("orders", "PROD", { workers: 1 }),
      liveResource("application", "mobile", {
        environment: "PROD",
        attributes: { platform: "cloudhub-2-private-space", replicas: 1 },
      }),
    ];
    const planned = specEntry("application", {
      name: "sap-api",
      layer: "system",
      environments: ["env-prod", "env-dev"],
      workers: 1,
    });
    expect(run("AVAIL-HA-WORKERS", [prod, dev, planned], live)).toEqual([
      [
        "error",
        'Application "mobile" runs 1 replica in PROD, an environment marked highly available; it needs at least 2',
      ],
      [
        "error",
        'Application "orders" runs 1 worker in PROD, an environment marked highly available; it needs at least 2',
      ],
      [
        "warning",
        'Application "sap-api" is planned with 1 worker in PROD, an environment marked highly available; plan at least 2',
      ],
    ]);
  });
});

describe("AVAIL-DR-TIER1-REGIONS", () => {
  const tracking = specEntry("application", {
    name: "tracking",
    layer: "experience",
    environments: ["env-prod"],
    drTier: "tier-1",
  });

  it("passes a tier 1 application running in two regions (its DR copy named after the DR environment)", () => {
    const drEnv = specEntry("environment", { name: "DR", classification: "production" }, "env-dr");
    const both = specEntry("application", {
      name: "tracking",
      layer: "experience",
      environments: ["env-prod", "env-dr"],
      drTier: "tier-1",
    });
    const live = [
      ch1("tracking", "PROD", { region: "eu-central-1" }),
      ch1("tracking-dr", "DR", { region: "eu-west-1" }),
    ];
    expect(run("AVAIL-DR-TIER1-REGIONS", [prod, drEnv, tier1, both], live)).toEqual([]);
  });

  it("reports a tier 1 application in one region, naming it", () => {
    expect(
      run("AVAIL-DR-TIER1-REGIONS", [prod, tier1, tracking], [ch1("tracking", "PROD", { region: "eu-central-1" })]),
    ).toEqual([
      [
        "error",
        'Application "tracking" is DR tier "Tier 1 Mission-Critical" but runs only in eu-central-1; tier 1 needs two regions',
      ],
    ]);
  });
});

describe("AVAIL-CONTROL-PLANE-REGION", () => {
  it("advises when a VPC shares the control plane's region, and stays quiet otherwise", () => {
    const live = [
      liveResource("vpc", "vpc-us", { attributes: { region: "us-east-1" } }),
      liveResource("vpc", "vpc-eu", { attributes: { region: "eu-west-1" } }),
    ];
    expect(run("AVAIL-CONTROL-PLANE-REGION", [], live, { controlPlane: "us" })).toEqual([
      ["info", 'VPC "vpc-us" is in us-east-1, the region of the US control plane'],
    ]);
    expect(run("AVAIL-CONTROL-PLANE-REGION", [], live, { controlPlane: "custom" })).toEqual([]);
  });
});

describe("AVAIL-PERSISTENT-QUEUES", () => {
  it("advises on tier 1/2 applications with persistent queues only", () => {
    const orders = specEntry("application", {
      name: "orders",
      layer: "process",
      environments: ["env-prod"],
      drTier: "tier-2",
    });
    const live = [ch1("orders", "PROD", { persistentQueues: true }), ch1("other", "PROD", { persistentQueues: true })];
    expect(run("AVAIL-PERSISTENT-QUEUES", [prod, tier2, orders], live)).toEqual([
      [
        "info",
        'Application "orders" (DR tier "Tier 2 Business-Critical") uses CloudHub persistent queues, which are not replicated across regions',
      ],
    ]);
  });
});

describe("SEC-API-POLICIES", () => {
  const app = (name: string, securityCategory: string) =>
    specEntry("application", { name, layer: "process", environments: ["env-prod"], securityCategory });
  const api = (name: string, application: string, policies: string[]) =>
    liveResource("api-instance", name, {
      environment: "PROD",
      attributes: { application, policies: policies.map((policy) => ({ policy, version: "1.0.0", disabled: false })) },
    });

  it("passes Level B and Level A instances with their policies", () => {
    const levelB = ["client-id-enforcement", "spike-control", "json-threat-protection"];
    const live = [api("b-api", "b-app", levelB), api("a-api", "a-app", [...levelB, "jwt-validation"])];
    expect(run("SEC-API-POLICIES", [prod, app("b-app", "level-b"), app("a-app", "level-a")], live)).toEqual([]);
  });

  it("names the missing policies", () => {
    const live = [api("b-api", "b-app", ["client-id-enforcement"]), api("a-api", "a-app", [])];
    expect(run("SEC-API-POLICIES", [prod, app("b-app", "level-b"), app("a-app", "level-a")], live)).toEqual([
      [
        "error",
        'API instance "a-api" in PROD (application a-app, Level A) lacks jwt-validation or oauth2-access-token-enforcement, client-id-enforcement, spike-control, json-threat-protection',
      ],
      [
        "error",
        'API instance "b-api" in PROD (application b-app, Level B) lacks spike-control, json-threat-protection',
      ],
    ]);
  });
});

describe("SEC-TEAM-PERMISSION-PROD", () => {
  const team = specEntry("team", { name: "Developers" }, "team-dev");
  const grant = specEntry("team-permission", {
    team: "team-dev",
    product: "Runtime Manager",
    permission: "Deploy Applications",
    environments: ["env-dev"],
  });
  const perm = (environment: string) =>
    liveResource("team-permission", `Developers: Deploy Applications`, {
      environment,
      attributes: { team: "Developers", role: "Deploy Applications" },
    });

  it("passes granted permissions and non-production ones", () => {
    const granted = specEntry("team-permission", {
      team: "team-dev",
      product: "Runtime Manager",
      permission: "Deploy Applications",
      environments: ["env-prod"],
    });
    expect(run("SEC-TEAM-PERMISSION-PROD", [prod, dev, team, granted], [perm("PROD")])).toEqual([]);
    expect(run("SEC-TEAM-PERMISSION-PROD", [prod, dev, team, grant], [perm("DEV")])).toEqual([]);
  });

  it("reports a production permission the model does not grant", () => {
    expect(run("SEC-TEAM-PERMISSION-PROD", [prod, dev, team, grant], [perm("PROD")])).toEqual([
      [
        "warning",
        'Team "Developers" has "Deploy Applications" in production environment PROD, which the permission model does not grant',
      ],
    ]);
  });
});

describe("CAP-VCORES and CAP-ENTITLEMENT-DRIFT", () => {
  const root = liveResource("business-group", "Acme", { attributes: { isRoot: true } });
  const vcores = (consumed: number) =>
    liveResource("entitlement", "vCoresProduction", {
      businessGroup: "Acme",
      attributes: { assigned: 8, reassigned: 0, consumed },
    });

  it("passes up to 80 % and warns above, errors above 100 %", () => {
    expect(run("CAP-VCORES", [], [root, vcores(6.4)])).toEqual([]);
    expect(run("CAP-VCORES", [], [root, vcores(7.2)])).toEqual([
      ["warning", "Production vCores: 7.2 of 8 in use (90 %) in Acme"],
    ]);
    expect(run("CAP-VCORES", [], [root, vcores(9)])).toEqual([
      ["error", "Production vCores: 9 of 8 in use (113 %) in Acme"],
    ]);
  });

  it("compares the specification's licensed capabilities with the subscription", () => {
    const spec = [
      specEntry("entitlement", { name: "Production vCores", quantity: 10 }),
      specEntry("entitlement", { name: "Anypoint VPCs", quantity: 8 }),
    ];
    expect(run("CAP-ENTITLEMENT-DRIFT", spec, [root, vcores(1)])).toEqual([
      ["warning", "Production vCores: 8 in the subscription but 10 in the specification"],
    ]);
  });
});

describe("LIFE-RUNTIME-VERSION", () => {
  it("reads runtime versions", () => {
    expect(parseRuntime("4.9.4:7e-java17")).toEqual([4, 9, 4]);
    expect(parseRuntime("4.6")).toEqual([4, 6, 0]);
    expect(parseRuntime("latest")).toBeNull();
  });

  it("passes the mandated version and reports older and unsupported runtimes", () => {
    const live = [
      ch1("ok", "PROD", { runtimeVersion: "4.6.9", runtimeEndOfSupport: "2027-01-01T00:00:00.000Z" }),
      ch1("old", "PROD", { runtimeVersion: "4.3.0", runtimeEndOfSupport: "2024-01-01T00:00:00.000Z" }),
    ];
    expect(run("LIFE-RUNTIME-VERSION", [prod], live)).toEqual([
      ["error", 'Application "old" runs Mule 4.3.0, out of support since 2024-01-01'],
      ["warning", 'Application "old" runs Mule 4.3.0 in PROD, below the mandated 4.6.0'],
    ]);
  });
  it("reports each on-premise server below the mandated version, not one at it", () => {
    const server = (name: string, runtimeVersion: string) =>
      liveResource("mule-server", name, { environment: "PROD", attributes: { runtimeVersion, cluster: "onprem" } });
    expect(run("LIFE-RUNTIME-VERSION", [prod], [server("node-1", "4.4.0"), server("node-2", "4.6.2")])).toEqual([
      ["warning", 'Mule server "node-1" (cluster onprem) runs Mule 4.4.0 in PROD, below the mandated 4.6.0'],
    ]);
  });
});

describe("LIFE-DECISION-STALE", () => {
  it("reports proposals older than 14 days only", () => {
    const decisions = [
      decisionEntry({ number: "D04", title: "MQ", status: "proposed", proposedAt: new Date("2026-11-01T12:00:00Z") }),
      decisionEntry({
        number: "D05",
        title: "Fresh",
        status: "proposed",
        proposedAt: new Date("2026-11-15T12:00:00Z"),
      }),
      decisionEntry({ number: "D01", title: "Old", status: "accepted", proposedAt: new Date("2026-01-01T12:00:00Z") }),
    ];
    expect(run("LIFE-DECISION-STALE", [], null, { decisions })).toEqual([
      ["warning", 'D04 "MQ" has been proposed for 20 days without a decision'],
    ]);
  });
});

describe("remediations name the values of each finding", () => {
  const fixes = (
    id: string,
    spec: SpecEntry[],
    live: LiveResource[] | null = [],
    extra: Partial<EvaluationInput> = {},
  ) =>
    evaluate(
      all.filter((r) => r.id === id),
      evaluationInput({ spec, live, ...extra }),
      [],
    ).map((f) => f.remediation);

  it("AVAIL-HA-WORKERS: the workers to run, and the waiver as the other way", () => {
    const planned = specEntry("application", {
      name: "sap-api",
      layer: "system",
      environments: ["env-prod"],
      workers: 1,
    });
    expect(fixes("AVAIL-HA-WORKERS", [prod, planned], [ch1("orders-api", "PROD", { workers: 1 })])).toEqual([
      'Set "orders-api" in PROD to 2 workers (now 1), or record why it may run on one (a waiver)',
      'Plan "sap-api" with 2 workers in PROD (now 1), or record why it may run on one (a waiver)',
    ]);
  });

  it("AVAIL-DR-TIER1-REGIONS: the region it runs in and its tier", () => {
    const tracking = specEntry("application", {
      name: "tracking",
      layer: "experience",
      environments: ["env-prod"],
      drTier: "tier-1",
    });
    expect(
      fixes("AVAIL-DR-TIER1-REGIONS", [prod, tier1, tracking], [ch1("tracking", "PROD", { region: "eu-central-1" })]),
    ).toEqual([
      'Deploy "tracking" in a region besides eu-central-1 (and route between them), or lower its tier from "Tier 1 Mission-Critical" with a decision',
    ]);
  });

  it("AVAIL-CONTROL-PLANE-REGION: the region to keep the DR away from, and the network", () => {
    const live = [
      liveResource("vpc", "vpc-eu", { attributes: { region: "eu-central-1" } }),
      liveResource("private-space", "ps-eu", { attributes: { region: "eu-central-1" } }),
    ];
    expect(fixes("AVAIL-CONTROL-PLANE-REGION", [], live, { controlPlane: "eu" })).toEqual([
      'Keep a DR region other than eu-central-1 (the EU control plane\'s) for what runs in private space "ps-eu", and rehearse deploying to it',
      'Keep a DR region other than eu-central-1 (the EU control plane\'s) for what runs in VPC "vpc-eu", and rehearse deploying to it',
    ]);
  });

  it("AVAIL-PERSISTENT-QUEUES: the application, its environment and its tier", () => {
    const orders = specEntry("application", {
      name: "orders",
      layer: "process",
      environments: ["env-prod"],
      drTier: "tier-1",
    });
    expect(
      fixes("AVAIL-PERSISTENT-QUEUES", [prod, tier1, orders], [ch1("orders", "PROD", { persistentQueues: true })]),
    ).toEqual([
      'Replace the CloudHub persistent queues of "orders" in PROD with Anypoint MQ (bridged across regions) or a store replicated across regions, and use Object Store v2, as DR tier "Tier 1 Mission-Critical" needs',
    ]);
  });

  it("SEC-API-POLICIES: the missing policies, on the instance, in its environment", () => {
    const app = specEntry("application", {
      name: "b-app",
      layer: "process",
      environments: ["env-prod"],
      securityCategory: "level-b",
    });
    const api = liveResource("api-instance", "b-api", {
      environment: "PROD",
      attributes: {
        application: "b-app",
        policies: [{ policy: "client-id-enforcement", version: "1.0.0", disabled: false }],
      },
    });
    expect(fixes("SEC-API-POLICIES", [prod, app], [api])).toEqual([
      'Apply spike-control and json-threat-protection to "b-api" in PROD in API Manager (or as automated policies of PROD)',
    ]);
  });

  it("SEC-TEAM-PERMISSION-PROD: the team, the permission and the environment", () => {
    const perm = liveResource("team-permission", "Developers: Deploy Applications", {
      environment: "PROD",
      attributes: { team: "Developers", role: "Deploy Applications" },
    });
    expect(fixes("SEC-TEAM-PERMISSION-PROD", [prod], [perm])).toEqual([
      'Remove "Deploy Applications" in PROD from team "Developers" in Access Management, or grant it in the specification\'s Team permissions',
    ]);
  });

  it("CAP-VCORES: how many vCores to free to get back to 80 %", () => {
    const root = liveResource("business-group", "Acme", { attributes: { isRoot: true } });
    const vcores = liveResource("entitlement", "vCoresProduction", {
      businessGroup: "Acme",
      attributes: { assigned: 8, reassigned: 0, consumed: 7.25 },
    });
    expect(fixes("CAP-VCORES", [], [root, vcores])).toEqual([
      "Free 0.9 Production vCores or more in Acme (right-size workers, undeploy what is unused), or buy more: 7.25 of 8 are in use",
    ]);
  });

  it("CAP-ENTITLEMENT-DRIFT: the subscription's quantity to record, and the specification's", () => {
    const root = liveResource("business-group", "Acme", { attributes: { isRoot: true } });
    const vpcs = liveResource("entitlement", "vpcs", { businessGroup: "Acme", attributes: { assigned: 2 } });
    const planned = specEntry("entitlement", { name: "Anypoint VPCs", quantity: 4 });
    expect(fixes("CAP-ENTITLEMENT-DRIFT", [planned], [root, vpcs])).toEqual([
      'Record 2 as the quantity of "Anypoint VPCs" in the specification (now 4), or raise the difference with the MuleSoft account team',
    ]);
  });

  it("LIFE-DECISION-STALE: the decision and how long it has waited", () => {
    const decisions = [
      decisionEntry({ number: "D04", title: "MQ", status: "proposed", proposedAt: new Date("2026-11-01T12:00:00Z") }),
    ];
    expect(fixes("LIFE-DECISION-STALE", [], null, { decisions })).toEqual([
      'Ask for reviews of D04 "MQ", proposed 20 days ago, then accept or reject it (or withdraw it to draft)',
    ]);
  });

  it("LIFE-RUNTIME-VERSION: the version running and the one mandated", () => {
    const live = [
      ch1("old", "PROD", { runtimeVersion: "4.3.0", runtimeEndOfSupport: "2024-01-01T00:00:00.000Z" }),
      liveResource("mule-server", "node-1", {
        environment: "PROD",
        attributes: { runtimeVersion: "4.4.0", cluster: "onprem" },
      }),
    ];
    expect(fixes("LIFE-RUNTIME-VERSION", [prod], live)).toEqual([
      'Upgrade "old" in PROD from Mule 4.3.0 to a supported runtime (4.6.0 or later): MuleSoft no longer patches it',
      'Upgrade Mule server "node-1" in PROD from 4.4.0 to 4.6.0 or later, one node of cluster onprem at a time',
      'Upgrade "old" in PROD from Mule 4.3.0 to 4.6.0 or later (and its Java version) at its next release',
    ]);
  });
});
