import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/lib/anypoint/simulator/server";
import { northwindEstate } from "@/lib/fixtures/northwind/estate";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import { seedDemoWorkspace, syncDemoWorkspaceOnce } from "@/lib/services/demo/seed-demo";
import { ServiceError } from "@/lib/services/errors";
import { acceptLiveAsPlan } from "@/lib/services/governance/accept-live";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { listFindings } from "@/lib/services/governance/findings";
import { getSpecRecord, listSpec } from "@/lib/services/spec";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const della: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };

describe(`accept live as plan on the demo workspace, ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = archie): ServiceContext => ({ db: db(), actor, origin: "api" });
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
    await runEvaluation(as(), "northwind");
  });
  const drift = async () => (await listFindings(as(), "northwind", { rule: "DRIFT-VALUE", limit: 100 })).items;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected a refusal");
      },
      (error: unknown) => error as ServiceError,
    );

  it("makes the records of chosen value drifts take the live values, in one step, and the findings are gone", async () => {
    const before = await drift();
    // One finding per record and field: the plan holds one value for every environment.
    const chosen = [...new Map(before.map((f) => [`${f.specRecordId} ${f.message.split(":")[1]}`, f])).values()];
    expect(chosen.length).toBeGreaterThan(2);
    const result = await acceptLiveAsPlan(as(), "northwind", { fingerprints: chosen.map((f) => f.fingerprint) });
    expect(result.closes.map((c) => c.fingerprint).sort()).toEqual(chosen.map((f) => f.fingerprint).sort());
    await runEvaluation(as(), "northwind");
    const open = new Set((await drift()).map((f) => f.fingerprint));
    expect(chosen.filter((f) => open.has(f.fingerprint)).map((f) => f.message)).toEqual([]);

    // The change went through the record's history, naming the finding it closed.
    const changed = result.updated[0]!;
    const record = await getSpecRecord(as(), "northwind", changed.kind, changed.id);
    expect(record.version).toBe(changed.version);
    const events = await listAuditEvents(as(), "northwind", { entityId: changed.id });
    const latest = events.items[0]!;
    expect(latest).toMatchObject({ action: "spec.update", actorName: "Archie Architect" });
    expect(JSON.stringify(latest.after)).toContain('"acceptedLive"');
    expect(JSON.stringify(latest.after)).toContain("DRIFT-VALUE");
  });

  it("refuses a finding that is gone, a drift that is not a value, and a delivery lead, changing nothing", async () => {
    const [value] = await drift();
    const unplanned = (await listFindings(as(), "northwind", { rule: "DRIFT-UNPLANNED", limit: 1 })).items[0]!;
    const versions = async () => (await listSpec(as(), "northwind", "application")).map((r) => r.version);
    const kept = await versions();
    const refused = await failure(
      acceptLiveAsPlan(as(), "northwind", { fingerprints: [value!.fingerprint, unplanned.fingerprint, "gone"] }),
    );
    expect(refused.status).toBe(400);
    expect((refused.details as { fields: unknown }).fields).toEqual([
      { field: "fingerprints[1]", message: expect.stringContaining("DRIFT-UNPLANNED is not a difference of values") },
      { field: "fingerprints[2]", message: expect.stringContaining("no open drift finding has this fingerprint") },
    ]);
    expect(await versions()).toEqual(kept);
    expect(
      (await failure(acceptLiveAsPlan(as(della), "northwind", { fingerprints: [value!.fingerprint] }))).status,
    ).toBe(403);
    const empty = await failure(acceptLiveAsPlan(as(), "northwind", { fingerprints: [] }));
    expect(JSON.stringify(empty.details)).toContain("name at least one finding");
  });
});
