import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/lib/anypoint/simulator/server";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import { getConnection, saveConnection } from "@/lib/services/live/connection";
import { testConnection } from "@/lib/services/live/connection-check";
import { getLiveOverview, listLiveResources } from "@/lib/services/live/resources";
import { startDueSyncs } from "@/lib/services/live/schedule";
import { cancelSync, listSyncRuns, resolveHeldSync, runSync, startSync } from "@/lib/services/live/syncs";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { buildEstate, fixtureIds, fixtureSecrets } from "@/lib/fixtures/estate-fixture";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin" };
const architect: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const lead: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };

describe(`live estate syncs on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = admin): ServiceContext => ({ db: db(), actor, origin: "api" });
  let simulator: Simulator;
  let baseUrl: string;

  beforeAll(async () => {
    simulator = createSimulator({ estate: buildEstate() });
    baseUrl = await simulator.listen();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    simulator.setEstate(buildEstate());
    simulator.setFaults([]);
    simulator.resetRequests();
    await ensureDefaultWorkspace(db());
    await saveConnection(as(), "default", {
      controlPlane: "custom",
      baseUrl,
      clientId: "portal-reader",
      clientSecret: fixtureSecrets.clientSecret,
      version: 0,
    });
  });

  const applications = async () =>
    (await listLiveResources(as(lead), "default", { kind: "application", limit: 100 })).items.map((r) => r.name).sort();

  it("stores the connection with its secret encrypted and shows the secret only as set", async () => {
    const view = await getConnection(as(), "default");
    expect(view).toMatchObject({
      controlPlane: "custom",
      baseUrl,
      clientId: "portal-reader",
      clientSecret: "set",
      version: 1,
    });
    const row = await db().prisma.anypointConnection.findFirstOrThrow();
    expect(row.clientSecretEncrypted).not.toContain(fixtureSecrets.clientSecret);
    await expect(getConnection(as(architect), "default")).rejects.toMatchObject({ status: 403 });

    // An update without a secret keeps the stored one; a stale version is refused.
    await saveConnection(as(), "default", { controlPlane: "custom", baseUrl, clientId: "portal-reader", version: 1 });
    expect((await db().prisma.anypointConnection.findFirstOrThrow()).clientSecretEncrypted).toBe(
      row.clientSecretEncrypted,
    );
    await expect(
      saveConnection(as(), "default", { controlPlane: "custom", baseUrl, clientId: "x", version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      saveConnection(as(), "default", { controlPlane: "custom", clientId: "x", version: 2 }),
    ).rejects.toMatchObject({ status: 400, details: { fields: [{ field: "baseUrl" }] } });
  });

  it("tests the connection, reporting what the connected app can see", async () => {
    const result = await testConnection(as(), "default");
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.check)).toContain("Organisation");
    expect(result.checks.find((c) => c.check === "Organisation")?.detail).toBe(
      "ACME: 1 business group(s) below it, 2 environment(s)",
    );
    simulator.setFaults([{ kind: "status", match: "/vpcs$", status: 403 }]);
    const partial = await testConnection(as(), "default");
    expect(partial.ok).toBe(false);
    expect(partial.checks.find((c) => c.check === "VPCs")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/403/),
    });
  });

  it("syncs the whole estate against the simulator and makes it the current snapshot", async () => {
    const run = await runSync(as(architect), "default");
    expect(run).toMatchObject({ status: "succeeded", trigger: "api", actorName: "Archie Architect", error: null });
    expect(run.counts).toMatchObject({
      application: 4,
      vpc: 1,
      "load-balancer": 1,
      "mapping-rule": 2,
      team: 2,
      environment: 3,
    });
    expect(run.requests).toBeGreaterThan(20);
    expect(run.progress.map((p) => p.step)).toContain("application");
    const overview = await getLiveOverview(as(lead), "default");
    expect(overview.current?.id).toBe(run.id);
    expect(overview.facets.environments).toEqual(["DEV", "INT-PRD", "PRD"]);
    expect(await applications()).toEqual([
      "acme-dev-orders-papi",
      "acme-int-prd-orders-sapi",
      "acme-prd-customers-sapi",
      "acme-prd-orders-papi",
    ]);
    const prd = await listLiveResources(as(lead), "default", { kind: "application", environment: "prd" });
    expect(prd.total).toBe(2);
    // Filtered by kind alone, the total is the snapshot's own count: the same as counting.
    const apps = await listLiveResources(as(lead), "default", { kind: "application", limit: 1 });
    expect(apps.total).toBe(4);
    expect(apps.items).toHaveLength(1);
    const everything = await listLiveResources(as(lead), "default", { limit: 1 });
    expect(everything.total).toBe(Object.values(run.counts).reduce((a, b) => a + b, 0));
    await expect(runSync(as(lead), "default")).rejects.toMatchObject({ status: 403 });
  });

  // Only what makes nothing readable fails a sync: the root organisation (or the token) refused.
  it.each([
    [
      "a 500 on the root organisation",
      { kind: "status", match: `/accounts/api/organizations/${fixtureIds.root}$`, status: 500 } as const,
      /organizations\/a1b2c3d4-0000-4000-8000-000000000001 answered 500/,
    ],
    [
      "persistent 429",
      { kind: "rate-limit", match: `/accounts/api/organizations/${fixtureIds.root}$`, retryAfterSeconds: 0 } as const,
      /answered 429, still after 5 retries/,
    ],
    [
      "truncated JSON",
      { kind: "truncate", match: `/accounts/api/organizations/${fixtureIds.root}$` } as const,
      /answered 200 with a body that is not valid JSON/,
    ],
  ])("keeps the previous snapshot current after %s, and the run says what failed", async (_label, fault, message) => {
    const first = await runSync(as(), "default");
    simulator.setEstate(buildEstate({ applications: {} }));
    simulator.setFaults([fault]);
    const failed = await runSync(as(), "default");
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(message);
    expect((await getLiveOverview(as(), "default")).current?.id).toBe(first.id);
    expect(await applications()).toHaveLength(4);
    expect(await db().prisma.liveResource.count({ where: { syncRunId: failed.id } })).toBe(0);
  });

  it("completes a sync one call of which failed, saying what it could not read", async () => {
    await runSync(as(), "default");
    simulator.setFaults([{ kind: "status", match: `/environments/${fixtureIds.bgPrd}/deployments$`, status: 500 }]);
    const partial = await runSync(as(), "default");
    expect(partial.status).toBe("succeeded");
    expect(partial.warnings).toEqual([
      expect.stringMatching(
        /^Not read: applications \(business group ACME-Integration, environment INT-PRD\): GET .*\/deployments answered 500.*; kept from the sync of .* \(1 record\)$/,
      ),
    ]);
    // The CloudHub 2.0 application of INT-PRD is kept from the sync before, marked as such.
    const apps = (await listLiveResources(as(lead), "default", { kind: "application", limit: 100 })).items;
    expect(apps).toHaveLength(4);
    expect(apps.filter((a) => a.carried).map((a) => [a.environment, a.carried?.attributes])).toEqual([
      ["INT-PRD", null],
    ]);
    // A persistent 429 on a VPC's VPNs: kept too, so it is no removal and the deletion guard lets it through.
    simulator.setFaults([{ kind: "rate-limit", match: "/ipsec$", retryAfterSeconds: 0 }]);
    const kept = await runSync(as(), "default");
    expect(kept).toMatchObject({ status: "succeeded", removals: null, counts: { vpn: 2 } });
    expect(kept.warnings).toEqual([
      expect.stringMatching(/^Not read: VPNs .*ipsec answered 429, still after 5 retries; kept from the sync of/),
    ]);
  });

  it("still holds a sync that removes much of what it did read, however much else it could not", async () => {
    await runSync(as(), "default");
    // Teams unreadable (kept), and half the applications gone from lists that were read.
    simulator.setEstate(buildEstate({ applications: { ...buildEstate().applications, [fixtureIds.rootPrd]: [] } }));
    simulator.setFaults([{ kind: "status", match: "/teams$", status: 403 }]);
    const held = await runSync(as(), "default");
    expect(held).toMatchObject({ status: "held", removals: [{ kind: "application", before: 4, after: 2 }] });
  });

  it("applies nothing of a sync cancelled mid-way, and refuses a second sync while one runs", async () => {
    const first = await runSync(as(), "default");
    simulator.setFaults([{ kind: "slow", match: "/deployments$", delayMs: 2_000 }]);
    const { run, done } = await startSync(as(), "default");
    await expect(startSync(as(), "default")).rejects.toMatchObject({ status: 409, code: "sync_running" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await cancelSync(as(), "default", run.id);
    const cancelled = await done;
    expect(cancelled).toMatchObject({
      status: "failed",
      error: "Cancelled before it finished; nothing of it was applied",
    });
    expect((await getLiveOverview(as(), "default")).current?.id).toBe(first.id);
  });

  it("takes over from a sync whose server died, marking it interrupted", async () => {
    const workspace = await db().prisma.workspace.findFirstOrThrow({ where: { slug: "default" } });
    const old = new Date(Date.now() - 10 * 60_000);
    const dead = await db().prisma.syncRun.create({
      data: { workspaceId: workspace.id, status: "running", startedAt: old, heartbeatAt: old },
    });
    await db().prisma.syncLock.create({ data: { workspaceId: workspace.id, syncRunId: dead.id, heartbeatAt: old } });
    const run = await runSync(as(), "default");
    expect(run.status).toBe("succeeded");
    const runs = await listSyncRuns(as(), "default");
    expect(runs.find((r) => r.id === dead.id)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^Interrupted/),
    });
  });

  it("holds a sync that would remove half the applications, until an administrator confirms it", async () => {
    const first = await runSync(as(), "default");
    // Production loses both its CloudHub 1.0 apps: 2 of 4 applications, half of them.
    simulator.setEstate(buildEstate({ applications: { ...buildEstate().applications, [fixtureIds.rootPrd]: [] } }));
    const held = await runSync(as(), "default");
    expect(held).toMatchObject({ status: "held", removals: [{ kind: "application", before: 4, after: 2 }] });
    expect((await getLiveOverview(as(), "default")).current?.id).toBe(first.id);
    expect(await applications()).toHaveLength(4);

    await expect(resolveHeldSync(as(architect), "default", held.id, "confirm")).rejects.toMatchObject({ status: 403 });
    const confirmed = await resolveHeldSync(as(), "default", held.id, "confirm");
    expect(confirmed.status).toBe("succeeded");
    expect(await applications()).toHaveLength(2);
    const { items } = await listAuditEvents(as(), "default", { kind: "sync-run" });
    expect(items.map((e) => e.action)).toEqual(["sync.confirm", "sync.hold", "sync.apply"]);
  });

  it("applies such a sync at once when forced", async () => {
    await runSync(as(), "default");
    simulator.setEstate(buildEstate({ applications: {} }));
    const forced = await runSync(as(), "default", { force: true });
    expect(forced.status).toBe("succeeded");
    expect(await applications()).toEqual(["acme-int-prd-orders-sapi"]);
  });

  it("stores no secret of the estate or the connection anywhere in the database or in answers", async () => {
    const run = await runSync(as(), "default");
    simulator.setFaults([{ kind: "status", match: "/ipsec$", status: 500 }]);
    await runSync(as(), "default");
    const dump = JSON.stringify(
      await Promise.all([
        db().prisma.liveResource.findMany(),
        db().prisma.syncRun.findMany(),
        db().prisma.auditEvent.findMany(),
        db().prisma.anypointConnection.findMany(),
        getConnection(as(), "default"),
        listLiveResources(as(), "default", { limit: 500 }),
        getLiveOverview(as(), "default"),
      ]),
    );
    expect(dump).toContain(run.id);
    for (const secret of Object.values(fixtureSecrets)) expect(dump).not.toContain(secret);
  });

  it("starts scheduled syncs when they are due, once, and not before", async () => {
    const view = await getConnection(as(), "default");
    await saveConnection(as(), "default", {
      controlPlane: "custom",
      baseUrl,
      clientId: "portal-reader",
      syncIntervalMinutes: 60,
      version: view!.version,
    });
    const now = new Date();
    const [first, second] = await Promise.all([startDueSyncs(db(), now), startDueSyncs(db(), now)]);
    expect([...first, ...second]).toEqual(["default"]); // two instances ticking at once: one sync
    await new Promise((resolve) => setTimeout(resolve, 300));
    const runs = await listSyncRuns(as(), "default");
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe("schedule");
    while ((await listSyncRuns(as(), "default"))[0]?.status === "running") await new Promise((r) => setTimeout(r, 50));
    expect(await startDueSyncs(db(), new Date(now.getTime() + 30 * 60_000))).toEqual([]);
    expect(await startDueSyncs(db(), new Date(now.getTime() + 61 * 60_000))).toEqual(["default"]);
    while ((await listSyncRuns(as(), "default"))[0]?.status === "running") await new Promise((r) => setTimeout(r, 50));
  });
});
