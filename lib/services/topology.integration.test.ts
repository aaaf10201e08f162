import ELK from "elkjs/lib/elk.bundled.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/lib/anypoint/simulator/server";
import { northwindEstate } from "@/lib/fixtures/northwind/estate";
import type { Actor } from "@/lib/domain/access";
import { layoutTopology } from "@/lib/domain/topology/layout";
import type { ServiceContext } from "@/lib/services/context";
import { seedDemoWorkspace, syncDemoWorkspaceOnce } from "@/lib/services/demo/seed-demo";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { getTopology, nudgeTopology, resetTopology } from "@/lib/services/topology";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const mira: Actor = { kind: "user", id: "okta|mira", name: "Mira Multi", role: "architect" };
const vic: Actor = { kind: "user", id: "okta|vic", name: "Vic Viewer", role: "viewer" };

describe(`topology of the demo workspace, ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor): ServiceContext => ({ db: db(), actor, origin: "api" });
  let simulator: Simulator;
  let url: string;

  beforeAll(async () => {
    simulator = createSimulator({ estate: northwindEstate() });
    url = await simulator.listen();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await seedDemoWorkspace(db());
    await syncDemoWorkspaceOnce(db(), url);
    const workspace = await db().prisma.workspace.findFirstOrThrow({ where: { slug: "northwind" } });
    await evaluateWorkspace(db(), workspace.id, "manual", new Date("2026-11-21T12:00:00Z"));
  });

  it("draws the plan over the synced estate with the latest findings on the nodes", async () => {
    const { graph, pins, canNudge, snapshotAt } = await getTopology(as(vic), "northwind", "platform");
    expect(canNudge).toBe(false);
    expect(pins).toEqual({});
    expect(snapshotAt).not.toBeNull();
    const byLabel = (kind: string, label: string) => graph.nodes.filter((n) => n.kind === kind && n.label === label);
    const [prod] = byLabel("vpc", "vpc-nwf-prod");
    const [dr] = byLabel("vpc", "vpc-nwf-dr");
    // Built, but not as planned: the drift finding marks it.
    expect(prod).toMatchObject({ overlay: "different", detail: "10.20.16.0/20", parent: "region:eu-central-1" });
    expect(prod!.findings.map((f) => f.ruleId)).toContain("DRIFT-VALUE");
    expect(dr).toMatchObject({ overlay: "planned-only", parent: "region:eu-west-1" });
    expect(dr!.findings.map((f) => f.ruleId)).toContain("DRIFT-MISSING");
    expect(byLabel("load-balancer", "dlb-nwf-ext")[0]!.parent).toBe(prod!.id);
    // The CloudHub 2.0 private space and what runs in it are live but not in the plan.
    const [space] = byLabel("private-space", "ps-nwf-channels");
    expect(space!.overlay).toBe("live-only");
    const mobile = byLabel("application", "nwf-exp-mobile-api-v1");
    expect(mobile.length).toBeGreaterThan(0);
    expect(mobile.every((n) => n.overlay === "live-only")).toBe(true);
    // The fabric, cluster and queues are planned and built; the single-controller finding is on the fabric.
    const [fabric] = byLabel("runtime-fabric", "nwf-rtf-prod");
    expect(fabric).toMatchObject({ overlay: "different", parent: "lane:customer-hosted" });
    expect(fabric!.findings.map((f) => f.ruleId)).toContain("AVAIL-RTF-NODES");
    expect(byLabel("mule-cluster", "nwf-onprem-cluster-prod")[0]!.overlay).not.toBe("live-only");
    const queues = graph.nodes.filter((n) => n.kind === "mq-destination");
    expect(queues.map((q) => [q.label, q.overlay]).sort()).toEqual([
      ["nwf-events-x", "both"],
      ["nwf-orders-dlq", "both"],
      ["nwf-orders-q", "both"],
      ["nwf-shipments-q", "both"],
    ]);
    // Every open finding of a drawn application is on one of its nodes.
    const open = await db().prisma.finding.findMany({ where: { status: "open", resourceKind: "application" } });
    expect(open.length).toBeGreaterThan(5);
    for (const finding of open) {
      const drawn = graph.nodes.filter(
        (n) =>
          n.kind === "application" &&
          ((finding.specRecordId && n.specRecordId === finding.specRecordId) ||
            (finding.liveExternalId && n.live?.externalId === finding.liveExternalId)),
      );
      expect(
        drawn.some((n) => n.findings.some((f) => f.fingerprint === finding.fingerprint)),
        finding.message,
      ).toBe(true);
    }
    // And it lays out.
    const layout = await layoutTopology(graph, pins, new ELK());
    expect(Object.keys(layout.positions)).toHaveLength(graph.nodes.length);
  });

  it("keeps nudges per view, merges concurrent ones, forgets one on null and all on reset, with audit events", async () => {
    await Promise.all([
      nudgeTopology(as(archie), "northwind", "platform", { pins: { "vpc:a": { x: 1, y: 2, parent: "region:x" } } }),
      nudgeTopology(as(mira), "northwind", "platform", { pins: { "vpc:b": { x: 3, y: 4, parent: null } } }),
    ]);
    expect((await getTopology(as(vic), "northwind", "platform")).pins).toEqual({
      "vpc:a": { x: 1, y: 2, parent: "region:x" },
      "vpc:b": { x: 3, y: 4, parent: null },
    });
    expect((await getTopology(as(vic), "northwind", "dr")).pins).toEqual({});
    expect(
      await nudgeTopology(as(archie), "northwind", "platform", {
        pins: { "vpc:a": null, "vpc:b": { x: 5, y: 6, parent: null } },
      }),
    ).toEqual({ pins: 1 });
    expect((await getTopology(as(vic), "northwind", "platform")).pins).toEqual({
      "vpc:b": { x: 5, y: 6, parent: null },
    });
    expect(await resetTopology(as(archie), "northwind", "platform")).toEqual({ reset: true });
    expect((await getTopology(as(archie), "northwind", "platform")).pins).toEqual({});
    const events = await db().prisma.auditEvent.findMany({
      where: { entityKind: "topology-layout" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "topology.nudge",
      "topology.nudge",
      "topology.nudge",
      "topology.reset",
    ]);
  });

  it("refuses viewers, unknown views and malformed nudges, naming the field", async () => {
    await expect(
      nudgeTopology(as(vic), "northwind", "platform", { pins: { a: { x: 1, y: 1, parent: null } } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(getTopology(as(vic), "northwind", "galaxy")).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("view must be platform, api-led or dr"),
    });
    await expect(
      nudgeTopology(as(archie), "northwind", "platform", { pins: { "vpc:a": { x: "left", y: 1, parent: null } } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("pins.vpc:a.x") });
    await expect(nudgeTopology(as(archie), "northwind", "platform", { pins: {} })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("name at least one node"),
    });
    expect(await db().prisma.topologyLayout.count()).toBe(0);
  });
});
