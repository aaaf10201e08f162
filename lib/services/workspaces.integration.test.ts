import { describe, expect, it } from "vitest";
import { insertWorkspace } from "@/lib/db/workspace-repository";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { ensureDefaultWorkspace, getWorkspace, listWorkspaces } from "@/lib/services/workspaces";
import { buildActor, buildWorkspaceInput } from "@/lib/testing/factories";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`workspaces on ${testEngine}`, () => {
  const db = useTestDatabase();
  const ctx = (): ServiceContext => ({ db: db(), actor: buildActor({ role: "viewer" }), origin: "ui" });

  it("creates the default workspace once, on a fresh installation only, with an audit event", async () => {
    const created = await ensureDefaultWorkspace(db());
    expect(created).toMatchObject({ slug: "default" });
    expect(await ensureDefaultWorkspace(db())).toBeNull();
    expect((await listWorkspaces(ctx())).map((w) => w.slug)).toEqual(["default"]);
    const [event] = await db().prisma.auditEvent.findMany();
    expect(event).toMatchObject({ action: "workspace.create", actorKind: "system", origin: "system" });
  });

  it("does not add a default workspace when others exist", async () => {
    await insertWorkspace(db().prisma, buildWorkspaceInput({ slug: "acme" }), { actor: buildActor(), origin: "cli" });
    expect(await ensureDefaultWorkspace(db())).toBeNull();
    expect((await listWorkspaces(ctx())).map((w) => w.slug)).toEqual(["acme"]);
  });

  it("finds a workspace by slug and answers 404 for an unknown one", async () => {
    await insertWorkspace(db().prisma, buildWorkspaceInput({ slug: "acme", name: "ACME" }), {
      actor: buildActor(),
      origin: "cli",
    });
    expect(await getWorkspace(ctx(), "acme")).toMatchObject({ name: "ACME" });
    const missing = getWorkspace(ctx(), "nope");
    await expect(missing).rejects.toBeInstanceOf(ServiceError);
    await expect(missing).rejects.toMatchObject({ status: 404, message: 'No workspace "nope"' });
  });
});
