import { describe, expect, it } from "vitest";
import { insertWorkspace } from "@/lib/db/workspace-repository";
import { readMigrations } from "@/lib/db/migrations";
import { getHealth } from "@/lib/services/health";
import { buildActor, buildWorkspaceInput } from "@/lib/testing/factories";
import { openMigratedTestDatabase, testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`health on ${testEngine}`, () => {
  const db = useTestDatabase();

  it("reports the engine and migration level, and no sync or evaluation yet", async () => {
    const health = await getHealth(async () => db());
    expect(health).toEqual({
      status: "ok",
      database: {
        kind: testEngine === "pglite" ? "embedded" : "postgresql",
        migrationLevel: readMigrations().at(-1)!.name,
        pendingMigrations: 0,
      },
      lastSyncAt: null,
      lastEvaluationAt: null,
    });
  });

  it("reports the newest finished sync and evaluation", async () => {
    const workspace = await insertWorkspace(db().prisma, buildWorkspaceInput(), {
      actor: buildActor(),
      origin: "system",
    });
    const older = new Date("2026-11-01T10:00:00.000Z");
    const newer = new Date("2026-11-02T10:00:00.000Z");
    await db().prisma.syncRun.createMany({
      data: [
        { workspaceId: workspace.id, status: "succeeded", finishedAt: older },
        { workspaceId: workspace.id, status: "succeeded", finishedAt: newer },
        { workspaceId: workspace.id, status: "running" },
      ],
    });
    await db().prisma.evaluationRun.create({
      data: { workspaceId: workspace.id, trigger: "manual", finishedAt: older },
    });
    const health = await getHealth(async () => db());
    expect(health).toMatchObject({ lastSyncAt: newer.toISOString(), lastEvaluationAt: older.toISOString() });
  });

  it("is unavailable with a reason when the database cannot be opened", async () => {
    const health = await getHealth(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    expect(health).toEqual({
      status: "unavailable",
      reason: "database unreachable: connect ECONNREFUSED 127.0.0.1:5432",
    });
  });

  it("is unavailable when the database goes away after start-up", async () => {
    const lost = await openMigratedTestDatabase();
    await lost.drop();
    const health = await getHealth(async () => lost);
    expect(health.status).toBe("unavailable");
    expect(health).toHaveProperty("reason", expect.stringMatching(/^database unreachable: /));
  });
});
