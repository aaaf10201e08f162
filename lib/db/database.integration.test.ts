import { describe, expect, it } from "vitest";
import { readMigrations, getMigrationStatus } from "@/lib/db/migrations";
import { findWorkspaceRecord, insertWorkspace, listWorkspaceRecords } from "@/lib/db/workspace-repository";
import { buildActor, buildWorkspaceInput } from "@/lib/testing/factories";
import { openMigratedTestDatabase, testEngine, useTestDatabase } from "@/lib/testing/test-database";

const expectedKind = testEngine === "pglite" ? "embedded" : "postgresql";

describe(`database on ${testEngine}`, () => {
  const db = useTestDatabase();

  it("applies every migration of prisma/migrations", async () => {
    const status = await getMigrationStatus(db().driver);
    const names = readMigrations().map((m) => m.name);
    expect(db().kind).toBe(expectedKind);
    expect(status.applied).toEqual(names);
    expect(status.pending).toEqual([]);
    expect(status.level).toBe(names.at(-1));
  });

  it("writes and reads back a workspace, with its audit event in the same transaction", async () => {
    const actor = buildActor({ role: "admin" });
    const created = await insertWorkspace(db().prisma, buildWorkspaceInput({ slug: "acme", name: "ACME Corp" }), {
      actor,
      origin: "api",
    });
    expect(created).toMatchObject({ slug: "acme", name: "ACME Corp", version: 1 });

    const read = await findWorkspaceRecord(db().prisma, "acme");
    expect(read).toEqual(created);
    const events = await db().prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "workspace.create", actorId: actor.id, origin: "api" });
    expect(events[0]!.after).toMatchObject({ slug: "acme", name: "ACME Corp" });
  });

  it("writes nothing when the change fails: no workspace and no audit event", async () => {
    const actor = buildActor({ role: "admin" });
    await insertWorkspace(db().prisma, buildWorkspaceInput({ slug: "taken" }), { actor, origin: "api" });
    await expect(
      insertWorkspace(db().prisma, buildWorkspaceInput({ slug: "taken", name: "Second" }), { actor, origin: "api" }),
    ).rejects.toThrow();
    expect(await listWorkspaceRecords(db().prisma)).toHaveLength(1);
    expect(await db().prisma.auditEvent.count()).toBe(1);
  });

  it("starts each test from empty tables", async () => {
    expect(await listWorkspaceRecords(db().prisma)).toEqual([]);
  });

  it("keeps data across close and reopen of the same database", async () => {
    // A second connection to the same PostgreSQL database, or (PGlite) a reopen is covered by
    // the embedded-lock test on disk; here: a second client sees committed rows.
    const other = await openMigratedTestDatabase();
    try {
      await insertWorkspace(other.prisma, buildWorkspaceInput({ slug: "persisted" }), {
        actor: buildActor(),
        origin: "cli",
      });
      expect((await listWorkspaceRecords(other.prisma)).map((w) => w.slug)).toEqual(["persisted"]);
      expect(other.appliedNow).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await other.drop();
    }
  });
});
