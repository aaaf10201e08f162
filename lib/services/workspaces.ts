import {
  findWorkspaceRecord,
  insertWorkspace,
  listWorkspaceRecords,
  type WorkspaceRecord,
} from "@/lib/db/workspace-repository";
import { systemActor } from "@/lib/domain/access";
import type { Database } from "@/lib/db/database";
import type { ServiceContext } from "@/lib/services/context";
import { notFound } from "@/lib/services/errors";
import { requirePermission } from "@/lib/services/guard";

export type { WorkspaceRecord };

/** Lists the workspaces the actor can read. */
export async function listWorkspaces(ctx: ServiceContext): Promise<WorkspaceRecord[]> {
  requirePermission(ctx.actor, "workspace:read");
  return listWorkspaceRecords(ctx.db.prisma);
}

/** Finds one workspace by its slug, or fails with 404. */
export async function getWorkspace(ctx: ServiceContext, slug: string): Promise<WorkspaceRecord> {
  requirePermission(ctx.actor, "workspace:read");
  const workspace = await findWorkspaceRecord(ctx.db.prisma, slug);
  if (!workspace) throw notFound(`No workspace "${slug}"`);
  return workspace;
}

/** Creates the "default" workspace on a fresh installation, so the portal has somewhere to start. */
export async function ensureDefaultWorkspace(db: Database): Promise<WorkspaceRecord | null> {
  const existing = await listWorkspaceRecords(db.prisma);
  if (existing.length > 0) return null;
  return insertWorkspace(
    db.prisma,
    { slug: "default", name: "Default workspace" },
    { actor: systemActor, origin: "system" },
  );
}
