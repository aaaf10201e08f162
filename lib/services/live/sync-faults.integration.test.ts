// A sync against an organisation that answers badly in one place must not change what the portal
// concludes anywhere else: each fault below leaves the findings of a fault-free sync in place,
// those resting on what could not be read marked stale (kept from the earlier sync, with its age).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Fault, type Simulator } from "@/lib/anypoint/simulator/server";
import { listCurrentFindingRows } from "@/lib/db/governance-repository";
import { systemActor } from "@/lib/domain/access";
import type { FindingRecord } from "@/lib/domain/governance/records";
import { northwindCredentials, northwindEstate } from "@/lib/fixtures/northwind/estate";
import { demoWorkspace } from "@/lib/fixtures/northwind/spec";
import type { ServiceContext } from "@/lib/services/context";
import { seedDemoWorkspace } from "@/lib/services/demo/seed-demo";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { saveConnection } from "@/lib/services/live/connection";
import { listLiveResources } from "@/lib/services/live/resources";
import { runSync } from "@/lib/services/live/syncs";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const orgId = (name: string) => northwindEstate().organizations.find((o) => o.name === name)!.id;

/** A finding as the comparison reads it: what it says, and whether it is stale. */
const shown = (f: FindingRecord) => `${f.ruleId} ${f.resourceName}${f.environment ? ` @${f.environment}` : ""}`;

describe(`a sync with faults on ${testEngine}`, () => {
  const db = useTestDatabase();
  const ctx = (): ServiceContext => ({ db: db(), actor: systemActor, origin: "system" });
  let simulator: Simulator;
  let baseUrl: string;

  beforeAll(async () => {
    simulator = createSimulator({ estate: northwindEstate() });
    baseUrl = await simulator.listen();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    simulator.setEstate(northwindEstate());
    simulator.setFaults([]);
    simulator.resetRequests();
    await seedDemoWorkspace(db());
    await saveConnection(ctx(), demoWorkspace.slug, {
      controlPlane: "custom",
      baseUrl,
      ...northwindCredentials,
      version: 0,
    });
  });

  const findings = async () => {
    const workspace = await db().prisma.workspace.findUniqueOrThrow({ where: { slug: demoWorkspace.slug } });
    await evaluateWorkspace(db(), workspace.id, "test");
    return (await listCurrentFindingRows(db().prisma, workspace.id)).filter((f) => f.status !== "resolved");
  };

  /** A clean sync, then one with the faults: the second run's findings against the first's. */
  async function compare(faults: Fault[]) {
    const clean = await runSync(ctx(), demoWorkspace.slug);
    expect(clean.status).toBe("succeeded");
    const before = await findings();
    simulator.setFaults(faults);
    const run = await runSync(ctx(), demoWorkspace.slug);
    const after = await findings();
    const messages = (list: FindingRecord[]) => list.map((f) => `${f.fingerprint} ${f.message}`).sort();
    return {
      run,
      before,
      after,
      same: messages(after).join("\n") === messages(before).join("\n"),
      stale: after
        .filter((f) => f.staleSince)
        .map(shown)
        .sort(),
      cleanStartedAt: clean.startedAt,
    };
  }

  it.each<[string, Fault[], RegExp[], string[]]>([
    [
      "a 403 on every business group's usage",
      [{ kind: "status", match: "/usage$", status: 403 }],
      [/^Not read: consumed of entitlements \(business group Northwind Freight.*answered 403/],
      ["CAP-VCORES Sandbox vCores"],
    ],
    [
      "a 403 on one product (API Manager)",
      [{ kind: "status", match: "^/apimanager/", status: 403 }],
      [
        /^Not read: API instances \(business group Logistics, environment PROD\).*answered 403.*; kept from the sync of/,
      ],
      [
        "SEC-API-POLICIES sap-sys-api-prod @PROD",
        "SEC-API-POLICIES shipments-prc-api-prod @PROD",
        "SEC-API-POLICIES tracking-exp-api-prod @PROD",
      ],
    ],
    [
      "a 403 on one call (teams)",
      [{ kind: "status", match: "/teams$", status: 403 }],
      [/^Not read: teams, team permissions: GET .*\/teams answered 403.*; kept from the sync of/],
      [
        "DRIFT-MISSING Delivery Leads",
        "DRIFT-UNPLANNED Contractors",
        "SEC-TEAM-PERMISSION-PROD Integration Developers: Deploy Applications @PROD",
      ],
    ],
    [
      "a 403 on a business group",
      [{ kind: "forbidden-org", orgId: orgId("Customer Channels") }],
      [/^Not read: business groups, .* \(business group Customer Channels\): .*answered 403/],
      [
        "AVAIL-DR-TIER1-REGIONS ext-nwf-exp-tracking-api-v1",
        "DRIFT-MISSING DR",
        "DRIFT-MISSING dlb-nwf-nonprod",
        "DRIFT-MISSING vpc-nwf-dr",
        "DRIFT-UNPLANNED CC-PROD",
        "DRIFT-UNPLANNED nwf-exp-mobile-api-v1 @CC-PROD",
        "NAME-CONVENTION CC-PROD",
      ],
    ],
    [
      "a 404 on a sub-resource (a VPC's VPNs)",
      [{ kind: "status", match: "/ipsec$", status: 404 }],
      [/^Not read: VPNs \(business group Northwind Freight, vpc-nwf-\w+ \(vpc-\w+\)\): .*ipsec answered 404/],
      ["DRIFT-VALUE vpn-nwf-frankfurt-dc"],
    ],
    [
      "a 503 that persists on one call (API policies)",
      [{ kind: "rate-limit", match: "/policies$", status: 503, retryAfterSeconds: 0 }],
      [/^Not read: policies of API instances .*still after 5 retries; kept from the sync of/],
      [
        "SEC-API-POLICIES sap-sys-api-prod @PROD",
        "SEC-API-POLICIES shipments-prc-api-prod @PROD",
        "SEC-API-POLICIES tracking-exp-api-prod @PROD",
      ],
    ],
    [
      "a 500 on one environment's deployments",
      [{ kind: "status", match: `/environments/[^/]+/deployments$`, status: 500 }],
      [/^Not read: applications \(business group Logistics, environment PROD\): .*deployments answered 500/],
      ["AVAIL-DR-TIER1-REGIONS ext-nwf-exp-tracking-api-v1", "DRIFT-UNPLANNED nwf-exp-mobile-api-v1 @CC-PROD"],
    ],
    [
      "a field left out that the platform defaults (a mapping rule's upstream protocol)",
      [{ kind: "omit-field", match: "/loadbalancers$", field: "sslEndpoints.*.mappings.*.upstreamProtocol" }],
      [],
      [],
    ],
    [
      "a field null that the portal needs (a VPN's name)",
      [{ kind: "null-field", match: "/ipsec$", field: "name" }],
      [/^Not read: VPNs .*answered record .* in a shape the portal does not understand \(data\.0\.name\)/],
      ["DRIFT-VALUE vpn-nwf-frankfurt-dc"],
    ],
    [
      "a malformed record in a list (deployments)",
      [{ kind: "malformed-record", match: "/deployments$" }],
      [/answered record 42 in a shape the portal does not understand/, /record 42 items\.0\.(id|name)/],
      [],
    ],
  ])("%s: completes, reports it, and changes no finding but marking stale", async (_, faults, warnings, expected) => {
    const { run, before, same, stale, cleanStartedAt } = await compare(faults);
    expect(run.status).toBe("succeeded");
    for (const warning of warnings) expect(run.warnings).toContainEqual(expect.stringMatching(warning));
    expect(before.length).toBeGreaterThan(20);
    // The same findings with the same messages: nothing concluded from what was not read.
    expect(same).toBe(true);
    expect(stale).toEqual(expected);
    // Stale since the clean sync, which read what this one kept.
    for (const f of (await findings()).filter((f) => f.staleSince)) expect(f.staleSince).toEqual(cleanStartedAt);
    expect(run.scopes.every((scope) => scope.status === "carried-forward")).toBe(true);
  });

  it("a first sync with a 403 on usage reports capacity as unknown, never as nothing consumed", async () => {
    simulator.setFaults([{ kind: "status", match: "/usage$", status: 403 }]);
    const run = await runSync(ctx(), demoWorkspace.slug);
    expect(run.status).toBe("succeeded");
    // Nothing to keep: the scopes stay unreadable, and say why.
    expect(run.scopes.length).toBeGreaterThan(0);
    for (const scope of run.scopes) {
      expect(scope).toMatchObject({ kinds: ["entitlement"], attribute: "consumed", status: "unreadable" });
      expect(scope.carriedFrom ?? null).toBeNull();
    }
    const entitlements = await listLiveResources(ctx(), demoWorkspace.slug, { kind: "entitlement", limit: 100 });
    expect(entitlements.items.length).toBeGreaterThan(0);
    expect(entitlements.items.map((e) => e.attributes.consumed)).toEqual(entitlements.items.map(() => null));
    // The environments, applications and networks are read all the same.
    const apps = await listLiveResources(ctx(), demoWorkspace.slug, { kind: "application", limit: 100 });
    expect(apps.total).toBeGreaterThan(5);
    // No capacity finding either way: not "over" and not "0 of 8 used".
    expect((await findings()).filter((f) => f.ruleId.startsWith("CAP-VCORES"))).toEqual([]);
    // The next sync that can read it knows it again.
    simulator.setFaults([]);
    const next = await runSync(ctx(), demoWorkspace.slug);
    expect(next.scopes).toEqual([]);
    expect((await findings()).filter((f) => f.ruleId === "CAP-VCORES").map(shown)).toEqual([
      "CAP-VCORES Sandbox vCores",
    ]);
  });

  it("keeps the age of what two syncs in a row could not read, and reads it fresh once it can", async () => {
    const clean = await runSync(ctx(), demoWorkspace.slug);
    simulator.setFaults([{ kind: "status", match: "/ipsec$", status: 404 }]);
    await runSync(ctx(), demoWorkspace.slug);
    const second = await runSync(ctx(), demoWorkspace.slug);
    expect(second.scopes[0]?.carriedFrom).toEqual({ syncRunId: clean.id, readAt: clean.startedAt.toISOString() });
    const vpns = await listLiveResources(ctx(), demoWorkspace.slug, { kind: "vpn", limit: 100 });
    const kept = vpns.items.filter((v) => v.carried);
    expect(kept.length).toBeGreaterThan(0);
    for (const vpn of kept) expect(vpn.carried).toMatchObject({ syncRunId: clean.id, attributes: null });
    simulator.setFaults([]);
    await runSync(ctx(), demoWorkspace.slug);
    const fresh = await listLiveResources(ctx(), demoWorkspace.slug, { kind: "vpn", limit: 100 });
    expect(fresh.items.filter((v) => v.carried)).toEqual([]);
    expect(fresh.total).toBe(vpns.total);
    expect((await findings()).filter((f) => f.staleSince)).toEqual([]);
  });

  it("reads the runtimes beyond CloudHub, and a 403 on the MQ API keeps the last known queues and nothing else changes", async () => {
    const clean = await runSync(ctx(), demoWorkspace.slug);
    const kinds = ["runtime-fabric", "mule-cluster", "server-group", "mule-server", "mq-destination", "object-store"];
    const names = async (kind: string) =>
      (await listLiveResources(ctx(), demoWorkspace.slug, { kind, limit: 100 })).items.map((r) => r.name).sort();
    expect(Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await names(k)])))).toEqual({
      "runtime-fabric": ["nwf-rtf-prod"],
      "mule-cluster": ["nwf-onprem-cluster-prod"],
      "server-group": ["nwf-onprem-group-test"],
      "mule-server": ["nwf-onprem-01", "nwf-onprem-02", "nwf-onprem-test-01", "nwf-onprem-test-02"],
      "mq-destination": ["nwf-events-x", "nwf-orders-dlq", "nwf-orders-q", "nwf-shipments-q"],
      "object-store": ["nwf-tracking-os"],
    });
    expect(clean.counts).toMatchObject({ "mq-destination": 4, "runtime-fabric": 1 });
    // A fabric's activation data never reaches the database.
    const stored = JSON.stringify(await db().prisma.liveResource.findMany({ where: { syncRunId: clean.id } }));
    expect(stored).toContain("nwf-rtf-prod");
    expect(stored).not.toContain("rtf-activation-secret");
    // Object Store is asked in the regions the estate runs in, and in those only the plan names (the DR VPC's).
    const storeRegions = new Set(
      simulator.requests.filter((r) => r.path.endsWith("/stores")).map((r) => r.path.split("/")[2]),
    );
    expect([...storeRegions].sort()).toEqual(["eu-central-1", "eu-west-1"]);
    const before = await findings();

    simulator.setFaults([{ kind: "status", match: "^/mq/", status: 403 }]);
    const partial = await runSync(ctx(), demoWorkspace.slug);
    expect(partial.status).toBe("succeeded");
    expect(partial.scopes.map((s) => [s.kinds.join(), s.environment, s.status])).toContainEqual([
      "mq-destination",
      "PROD",
      "carried-forward",
    ]);
    const queues = (await listLiveResources(ctx(), demoWorkspace.slug, { kind: "mq-destination", limit: 100 })).items;
    expect(queues.map((q) => [q.name, q.carried?.syncRunId])).toEqual(
      ["nwf-events-x", "nwf-orders-dlq", "nwf-orders-q", "nwf-shipments-q"].map((n) => [n, clean.id]),
    );
    expect(await names("runtime-fabric")).toEqual(["nwf-rtf-prod"]);
    const after = await findings();
    expect(after.map((f) => f.fingerprint).sort()).toEqual(before.map((f) => f.fingerprint).sort());
  });
});
