import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/lib/anypoint/simulator/server";
import { northwindEstate } from "@/lib/fixtures/northwind/estate";
import { groupOpenFindings, listFindingRows } from "@/lib/db/governance-repository";
import { systemActor, type Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { seedDemoWorkspace, syncDemoWorkspaceOnce } from "@/lib/services/demo/seed-demo";
import { evaluateWorkspace, runEvaluation } from "@/lib/services/governance/evaluation";
import { getFindingsView, getGovernanceOverview, listFindings } from "@/lib/services/governance/findings";
import { decideWaiver, requestWaiver } from "@/lib/services/governance/waivers";
import { checkWorkspace } from "@/lib/services/check";
import { listSpec, updateSpecRecord } from "@/lib/services/spec";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const mira: Actor = { kind: "user", id: "okta|mira", name: "Mira Multi", role: "architect" };
const della: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };
const vic: Actor = { kind: "user", id: "okta|vic", name: "Vic Viewer", role: "viewer" };

describe(`governance on the demo workspace, ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor): ServiceContext => ({ db: db(), actor, origin: "api" });
  let simulator: Simulator;
  let url: string;
  let workspaceId: string;
  const now = new Date("2026-11-21T12:00:00Z");

  beforeAll(async () => {
    simulator = createSimulator({ estate: northwindEstate() });
    url = await simulator.listen();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await seedDemoWorkspace(db());
    await await syncDemoWorkspaceOnce(db(), url);
    workspaceId = (await db().prisma.workspace.findFirstOrThrow({ where: { slug: "northwind" } })).id;
  });

  it("finds real problems in every category, and pins their counts", async () => {
    const run = await evaluateWorkspace(db(), workspaceId, "manual", now);
    const { byRule, ...summary } = run.counts;
    expect(summary).toEqual({
      open: 81,
      waived: 0,
      bySeverity: { error: 16, warning: 55, info: 10 },
      byCategory: {
        // The warehouse API is planned for PROD on the cluster now: its environments are no gap.
        // A record's empty fields are one finding, not one per field.
        gap: 33,
        // The warehouse system is deployed (on the on-premise cluster): one planned application less
        // missing; the fabric runs fewer controllers and workers than planned, two test servers are
        // unplanned, and the SAP API planned on the fabric runs on CloudHub 1.0.
        drift: 24,
        naming: 5,
        network: 3,
        capacity: 1,
        security: 4,
        lifecycle: 1,
        // The single-controller fabric, the cluster with a node down, the shipments queue without a DLQ,
        // the tracking API's Object Store v1.
        availability: 10,
      },
    });
    expect(run.rulesetVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    // The run's per-rule counts (what the dashboard reads) are what the findings table holds.
    const counted = await groupOpenFindings(db().prisma, workspaceId);
    expect(
      Object.values(byRule!).reduce((n, bySeverity) => n + Object.values(bySeverity).reduce((a, b) => a + b, 0), 0),
    ).toBe(81);
    for (const group of counted) expect(byRule![group.ruleId]![group.severity]).toBe(group.count);
    const overview = await getGovernanceOverview(as(vic), "northwind", now);
    expect(overview.readiness.find((r) => r.name === "PROD")).toMatchObject({
      scope: "environment",
      level: "not-ready",
    });
    expect(overview.topBlockers[0]).toMatchObject({ ruleId: "AVAIL-HA-WORKERS", count: 4 });
    expect(overview.decisionsAwaitingReview.map((d) => d.number)).toEqual(["D04"]);
    expect(overview.lastSyncAt).toBeInstanceOf(Date);
    expect(overview.trend).toEqual([{ at: run.startedAt, error: 16, warning: 55, info: 10 }]);
    const later = await evaluateWorkspace(db(), workspaceId, "manual", new Date(now.getTime() + 60_000));
    const trend = (await getGovernanceOverview(as(vic), "northwind", now)).trend;
    expect(trend.map((t) => t.at)).toEqual([run.startedAt, later.startedAt]);
  });

  it("pages and filters findings in the database, most severe first", async () => {
    await evaluateWorkspace(db(), workspaceId, "manual", now);
    const first = await listFindings(as(vic), "northwind", { limit: 5 });
    expect(first.total).toBe(81);
    // Unfiltered, the total comes from the run; counted in the database it is the same.
    const counted = await listFindingRows(db().prisma, workspaceId, {
      status: ["open", "waived"],
      offset: 0,
      limit: 1,
    });
    expect(counted.total).toBe(first.total);
    expect(first.items.map((f) => f.severity)).toEqual(["error", "error", "error", "error", "error"]);
    const prodNetwork = await listFindings(as(vic), "northwind", { category: "network", environment: "prod" });
    expect(prodNetwork.total).toBe(0); // network findings here concern load balancers and VPCs, not an environment
    const tls = await listFindings(as(vic), "northwind", { rule: "NET-DLB-TLS" });
    expect(tls.items.map((f) => [f.resourceName, f.ruleTitle])).toEqual([
      ["dlb-nwf-int", "Load balancer accepts TLS 1.0 or plain HTTP"],
      ["dlb-nwf-nonprod", "Load balancer accepts TLS 1.0 or plain HTTP"],
    ]);
    await expect(listFindings(as(vic), "northwind", { severity: "fatal" })).rejects.toMatchObject({ status: 400 });
  });

  it("gives each finding its next step with its own values and the address of its record's editor", async () => {
    await evaluateWorkspace(db(), workspaceId, "manual", now);
    const [nonprod] = (await listSpec(as(vic), "northwind", "load-balancer")).filter(
      (r) => r.title === "dlb-nwf-nonprod",
    );
    const tls = await listFindings(as(vic), "northwind", { rule: "NET-DLB-TLS" });
    expect(tls.items.map((f) => [f.resourceName, f.remediation, f.editUrl])).toEqual([
      // Live only: nothing in the specification to edit.
      ["dlb-nwf-int", 'Disable TLS 1.0 on "dlb-nwf-int" in Anypoint (cipher suite NewDefault-v1)', null],
      [
        "dlb-nwf-nonprod",
        'Set "TLS 1.0 allowed" of "dlb-nwf-nonprod" to no in the specification, and build it with the cipher suite NewDefault-v1',
        `/w/northwind/specification/load-balancer?edit=${nonprod!.id}`,
      ],
    ]);
    // A gap names the field and its placeholder; a decision's finding opens the decision.
    const [vpcGap] = (await listFindings(as(vic), "northwind", { rule: "GAP-PLACEHOLDER", q: "vpc-nwf-dr" })).items;
    expect(vpcGap!.remediation).toBe(
      'Replace "TBD" in the CIDR of VPC "vpc-nwf-dr" with the real value, or record who decides it and by when',
    );
    expect(vpcGap!.editUrl).toMatch(/^\/w\/northwind\/specification\/vpc\?edit=[0-9a-f-]{36}$/);
    const [decision] = (await listFindings(as(vic), "northwind", { rule: "GAP-PLACEHOLDER", q: "D04" })).items;
    expect(decision!.editUrl).toBe("/w/northwind/decisions/D04");

    // The dashboard's top blockers show their first findings, each with what to do and where.
    const { topBlockers } = await getGovernanceOverview(as(vic), "northwind", now);
    expect(topBlockers[0]!.findings.map((f) => [f.remediation, f.editUrl])).toEqual([
      ['Set "nwf-legacy-ftp-poller" in PROD to 2 workers (now 1), or record why it may run on one (a waiver)', null],
      ['Set "nwf-prc-shipments-api-v1" in PROD to 2 workers (now 1), or record why it may run on one (a waiver)', null],
      [
        'Set "nwf-sys-carrier-portal-file-exchange-api-v1-prod" in PROD to 2 workers (now 1), or record why it may run on one (a waiver)',
        null,
      ],
    ]);
    expect(topBlockers[0]!.findings[0]!.liveExternalId).toBeTruthy();
    const policies = topBlockers.find((b) => b.ruleId === "SEC-API-POLICIES")!;
    expect(policies.findings).toHaveLength(3);
    expect(policies.findings[0]).toMatchObject({
      remediation:
        'Apply spike-control and json-threat-protection to "sap-sys-api-prod" in PROD in API Manager (or as automated policies of PROD)',
      editUrl: expect.stringMatching(/^\/w\/northwind\/specification\/application\?edit=[0-9a-f-]{36}$/),
    });

    // The check report (agp check --json, GET /check) carries the same next step and address.
    const report = await checkWorkspace(as(vic), "northwind", { evaluate: false });
    expect(report.findings.find((f) => f.fingerprint === vpcGap!.fingerprint)).toMatchObject({
      remediation: vpcGap!.remediation,
      editUrl: vpcGap!.editUrl,
    });
  });

  it("opens the findings page with the latest run, its readiness and the first page of the filter asked", async () => {
    expect(await getFindingsView(as(vic), "northwind", { limit: 5 })).toEqual({
      latest: null,
      readiness: [],
      page: null,
    });
    await expect(getFindingsView(as(vic), "northwind", { limit: 5000 })).rejects.toMatchObject({ status: 400 });
    const run = await evaluateWorkspace(db(), workspaceId, "manual", now);
    const view = await getFindingsView(as(vic), "northwind", { status: ["open", "waived"], limit: 5 });
    expect(view.latest?.id).toBe(run.id);
    expect(view.readiness.some((r) => r.scope === "environment" && r.name === "PROD")).toBe(true);
    expect(view.page).toEqual(await listFindings(as(vic), "northwind", { limit: 5 }));
    const prod = await getFindingsView(as(vic), "northwind", { environment: "prod", severity: "error", limit: 50 });
    expect(prod.page!.total).toBeGreaterThan(0);
    expect(prod.page!.items.every((f) => f.environment?.toLowerCase() === "prod" && f.severity === "error")).toBe(true);
    expect(prod.page).toEqual(await listFindings(as(vic), "northwind", { environment: "prod", severity: "error" }));
    await expect(getFindingsView(as(vic), "northwind", { severity: "fatal" })).rejects.toMatchObject({ status: 400 });
    await expect(getFindingsView(as(vic), "nowhere", {})).rejects.toMatchObject({ status: 404 });
  });

  it("tracks a finding across runs: first seen, still seen, resolved when fixed", async () => {
    await evaluateWorkspace(db(), workspaceId, "manual", now);
    const [vpcGap] = (await listFindings(as(vic), "northwind", { rule: "GAP-PLACEHOLDER", q: "vpc-nwf-dr" })).items;
    expect(vpcGap).toMatchObject({ status: "open", firstSeenAt: now });
    const later = new Date(now.getTime() + 3_600_000);
    await evaluateWorkspace(db(), workspaceId, "manual", later);
    const [again] = (await listFindings(as(vic), "northwind", { rule: "GAP-PLACEHOLDER", q: "vpc-nwf-dr" })).items;
    expect(again).toMatchObject({ id: vpcGap!.id, firstSeenAt: now, lastSeenAt: later });

    const [dr] = (await listSpec(as(archie), "northwind", "vpc")).filter((v) => v.title === "vpc-nwf-dr");
    await updateSpecRecord(as(archie), "northwind", "vpc", dr!.id, {
      version: dr!.version,
      data: { ...dr!.data, cidr: "10.30.0.0/20" },
    });
    await evaluateWorkspace(db(), workspaceId, "spec", later);
    const resolved = await listFindings(as(vic), "northwind", {
      rule: "GAP-PLACEHOLDER",
      q: "vpc-nwf-dr",
      status: "resolved",
    });
    expect(resolved.items).toMatchObject([{ id: vpcGap!.id, status: "resolved", resolvedAt: later }]);
  });

  it("waives a finding with a reason and an expiry, approved by another architect, until it expires or is revoked", async () => {
    await evaluateWorkspace(db(), workspaceId, "manual", now);
    const [finding] = (await listFindings(as(vic), "northwind", { rule: "NAME-CLOUDHUB-LENGTH" })).items;
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    await expect(
      requestWaiver(as(della), "northwind", {
        fingerprint: finding!.fingerprint,
        reason: "short",
        expiresAt: expiresAt.toISOString(),
      }),
    ).rejects.toMatchObject({ status: 400, details: { fields: [{ field: "reason" }] } });
    await expect(
      requestWaiver(as(della), "northwind", {
        fingerprint: finding!.fingerprint,
        reason: "Renamed at the next release in Q1",
      }),
    ).rejects.toMatchObject({ status: 400, details: { fields: [{ field: "expiresAt" }] } });
    await expect(
      requestWaiver(as(vic), "northwind", { fingerprint: finding!.fingerprint, reason: "x".repeat(20), expiresAt }),
    ).rejects.toMatchObject({ status: 403 });

    const waiver = await requestWaiver(as(archie), "northwind", {
      fingerprint: finding!.fingerprint,
      reason: "Renamed at the next release in Q1",
      expiresAt: expiresAt.toISOString(),
    });
    expect(waiver.status).toBe("requested");
    await expect(
      decideWaiver(as(archie), "northwind", waiver.id, { decision: "approve", version: 1 }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/requested this waiver and cannot decide it/),
    });
    await expect(
      decideWaiver(as(della), "northwind", waiver.id, { decision: "approve", version: 1 }),
    ).rejects.toMatchObject({ status: 403 });
    const approved = await decideWaiver(as(mira), "northwind", waiver.id, {
      decision: "approve",
      note: "OK until Q1",
      version: 1,
    });
    expect(approved).toMatchObject({ status: "approved", decidedByName: "Mira Multi" });

    const waivedRun = await evaluateWorkspace(db(), workspaceId, "waiver", new Date());
    expect(waivedRun.counts.waived).toBe(1);
    const [waived] = (await listFindings(as(vic), "northwind", { rule: "NAME-CLOUDHUB-LENGTH" })).items;
    expect(waived).toMatchObject({ status: "waived", waiverId: waiver.id });
    expect(
      (await getGovernanceOverview(as(vic), "northwind", new Date(Date.now() + 20 * 86_400_000))).expiringWaivers,
    ).toHaveLength(1);

    // After the expiry the finding is open again.
    await evaluateWorkspace(db(), workspaceId, "manual", new Date(expiresAt.getTime() + 1000));
    expect((await listFindings(as(vic), "northwind", { rule: "NAME-CLOUDHUB-LENGTH" })).items[0]?.status).toBe("open");

    await decideWaiver(as(archie), "northwind", waiver.id, { decision: "revoke", version: 2 });
    await expect(
      decideWaiver(as(mira), "northwind", waiver.id, { decision: "approve", version: 3 }),
    ).rejects.toMatchObject({
      status: 409,
      message: "The waiver is revoked; only a requested waiver can be approved",
    });
  });

  it("runs on demand for delivery leads and above", async () => {
    await expect(runEvaluation(as(vic), "northwind")).rejects.toMatchObject({ status: 403 });
    expect((await runEvaluation(as(della), "northwind")).trigger).toBe("api");
    expect(systemActor.role).toBe("admin");
  });
});
