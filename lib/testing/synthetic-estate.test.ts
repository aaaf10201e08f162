import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAnypointClient } from "@/lib/anypoint/client";
import { readEstate } from "@/lib/anypoint/collect";
import { mapEstate } from "@/lib/anypoint/mapper";
import { createSimulator } from "@/lib/anypoint/simulator/server";
import { remapBackup, workspaceBackupSchema } from "@/lib/domain/document/backup";
import { evaluate } from "@/lib/domain/governance/engine";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { categorySchema } from "@/lib/domain/governance/types";
import { generateSyntheticEstate, readSyntheticEstate } from "@/lib/testing/synthetic-estate";

describe("the synthetic estate", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = JSON.stringify(generateSyntheticEstate({ apps: 300, seed: 7 }));
    expect(JSON.stringify(generateSyntheticEstate({ apps: 300, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateSyntheticEstate({ apps: 300, seed: 8 }))).not.toBe(a);
  });

  it("has the sizes asked for: about five mapping rules per application, API instances, teams", () => {
    const { summary, estate } = generateSyntheticEstate({ apps: 2000, seed: 1 });
    expect(summary.applications).toBe(2000);
    expect(summary.mappingRules).toBe(10_000);
    const mappings = Object.values(estate.loadBalancers)
      .flat()
      .flatMap((lb) => (lb.sslEndpoints as { mappings: unknown[] }[]).flatMap((e) => e.mappings));
    expect(mappings).toHaveLength(10_000);
    expect(summary.businessGroups).toBeGreaterThan(10);
    expect(summary.deployments).toBeGreaterThan(4000);
    expect(summary.apiInstances).toBeGreaterThan(1000);
    expect(summary.teams).toBeGreaterThan(20);
  });

  it("writes a specification backup that restores without problems", () => {
    const { backup } = generateSyntheticEstate({ apps: 200, seed: 3 });
    const parsed = workspaceBackupSchema.parse(JSON.parse(JSON.stringify(backup)));
    expect(remapBackup(parsed, randomUUID).problems).toEqual([]);
  });

  it("breaks a rule of every category, in about the shares it is built with", () => {
    const { spec, estate, summary } = generateSyntheticEstate({ apps: 3000, seed: 5 });
    const live = mapEstate(readSyntheticEstate(estate));
    const findings = evaluate(
      ruleset,
      { spec, live, decisions: [], controlPlane: "eu", now: new Date("2026-11-21") },
      [],
    );
    const categories = new Set(findings.map((f) => f.category));
    expect([...categories].sort()).toEqual([...categorySchema.options].sort());
    const rule = (id: string) => findings.filter((f) => f.ruleId === id).length;
    expect(rule("NET-MAPPING-DANGLING")).toBeGreaterThanOrEqual(summary["violations.danglingMapping"]!);
    expect(rule("SEC-API-POLICIES")).toBeGreaterThanOrEqual(summary["violations.unprotectedApi"]!);
    expect(rule("DRIFT-MISSING")).toBeGreaterThanOrEqual(summary["violations.missing"]!);
    // CloudHub 1.0 domains only: the CloudHub 2.0 deployments among them are not held to 42.
    expect(rule("NAME-CLOUDHUB-LENGTH")).toBeGreaterThan(0);
    expect(rule("NAME-CLOUDHUB-LENGTH")).toBeLessThanOrEqual(summary["violations.tooLong"]!);
  }, 20_000);

  it("reads the same through the simulator as without it", async () => {
    const generated = generateSyntheticEstate({ apps: 150, seed: 11 });
    const simulator = createSimulator({ estate: generated.estate });
    try {
      const baseUrl = await simulator.listen();
      const client = createAnypointClient({ baseUrl, ...generated.credentials, pageSize: { apis: 7, deployments: 5 } });
      const read = await readEstate(client);
      expect(simulator.requests.filter((r) => !r.handled)).toEqual([]);
      expect(mapEstate(read)).toEqual(mapEstate(readSyntheticEstate(generated.estate)));
    } finally {
      await simulator.close();
    }
  });
});
