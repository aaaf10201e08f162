import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/domain/access";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { createSimulator } from "@/lib/anypoint/simulator/server";
import { northwindEstate } from "@/lib/fixtures/northwind/estate";
import { getDecision, listDecisions } from "@/lib/services/decisions/read";
import { seedDemoWorkspace, syncDemoWorkspaceOnce } from "@/lib/services/demo/seed-demo";
import { getLiveOverview, listLiveResources } from "@/lib/services/live/resources";
import { getSpecOverview } from "@/lib/services/spec";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`demo workspace on ${testEngine}`, () => {
  const db = useTestDatabase();

  it("seeds every section through the validated services, once", async () => {
    expect(await seedDemoWorkspace(db())).toBe(true);
    expect(await seedDemoWorkspace(db())).toBe(false);
    const overview = await getSpecOverview({ db: db(), actor: systemActor, origin: "system" }, "northwind");
    const sections = overview.chapters.flatMap((c) => c.sections);
    expect(sections.map((s) => s.kind).sort()).toEqual([...specKindIds].sort());
    for (const section of sections) expect(section.records, section.kind).toBeGreaterThan(0);
  });

  it("leaves gaps on purpose, and the completeness figures count them", async () => {
    await seedDemoWorkspace(db());
    const overview = await getSpecOverview({ db: db(), actor: systemActor, origin: "system" }, "northwind");
    const byKind = Object.fromEntries(overview.chapters.flatMap((c) => c.sections).map((s) => [s.kind, s]));
    expect(byKind.vpc!.missing).toEqual([
      { record: "vpc-nwf-dr", field: "CIDR", reason: "placeholder" },
      { record: "vpc-nwf-dr", field: "Business group", reason: "empty" },
    ]);
    expect(byKind.vpn!.missing).toEqual([
      { record: "vpn-nwf-rotterdam-dc", field: "Remote IP", reason: "placeholder" },
      { record: "vpn-nwf-rotterdam-dc", field: "Static routes", reason: "placeholder" },
    ]);
    expect(byKind["narrative-section"]!.missing.map((m) => m.record)).toEqual([
      "Assumptions and Dependencies",
      "Disaster Recovery",
      "Log Management",
    ]);
    expect(overview.totals.ratio).toBeGreaterThan(0.6);
    expect(overview.totals.ratio).toBeLessThan(1);
  });

  it("seeds decision records at every stage, approved by another person and governing spec records", async () => {
    await seedDemoWorkspace(db());
    const ctx = { db: db(), actor: systemActor, origin: "system" as const };
    const decisions = await listDecisions(ctx, "northwind");
    expect(decisions.map((d) => [d.number, d.status])).toEqual([
      ["D01", "accepted"],
      ["D02", "accepted"],
      ["D03", "accepted"],
      ["D04", "proposed"],
    ]);
    const d02 = await getDecision(ctx, "northwind", "D02");
    expect(d02.governs.map((g) => g.title)).toEqual(["dlb-nwf-ext"]);
    expect(d02.reviews).toMatchObject([{ reviewerName: "Della Delivery", verdict: "approved" }]);
  });

  it("connects the demo workspace to the demo simulator and syncs it once, with drift on purpose", async () => {
    const simulator = createSimulator({ estate: northwindEstate() });
    const url = await simulator.listen();
    try {
      await seedDemoWorkspace(db());
      const done = await syncDemoWorkspaceOnce(db(), url);
      await done;
      expect(await syncDemoWorkspaceOnce(db(), url)).toBeNull();
      const ctx = { db: db(), actor: systemActor, origin: "system" as const };
      const overview = await getLiveOverview(ctx, "northwind");
      expect(overview.current).toMatchObject({ status: "succeeded", trigger: "demo", warnings: [] });
      expect(overview.current?.counts).toMatchObject({
        "business-group": 5,
        // Eleven on CloudHub, one on the on-premise cluster.
        application: 12,
        vpc: 2,
        "load-balancer": 2,
        team: 5,
        "runtime-fabric": 1,
        "mule-cluster": 1,
        "server-group": 1,
        "mule-server": 4,
        "mq-destination": 4,
        "object-store": 1,
      });
      const vpcs = await listLiveResources(ctx, "northwind", { kind: "vpc" });
      expect(vpcs.items.map((v) => [v.name, v.attributes.cidr])).toEqual([
        ["vpc-nwf-nonprod", "10.20.0.0/20"],
        ["vpc-nwf-prod", "10.20.16.0/21"],
      ]);
      const text = JSON.stringify(await db().prisma.liveResource.findMany());
      for (const secret of [
        "nwf-demo-psk-tunnel-a",
        "nwf-demo-sap-password",
        "nwf-demo-push-api-key",
        "nwf-demo-private-key-digest",
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await simulator.close();
    }
  });
});
