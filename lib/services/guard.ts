import { findWorkspaceRecord } from "@/lib/db/workspace-repository";
import { can, type Actor, type Permission } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { forbidden, notFound } from "@/lib/services/errors";
import type { Workspace } from "@/lib/domain/workspace";

/**
 * Where a permission is asked for. Roles are global today, so the check does not read it yet; it
 * is passed so that grants per workspace (or per business group of a record) need no new call sites.
 */
export type PermissionScope = { workspace: Workspace; businessGroup?: string | null };

/** Refuses the call unless the actor's role grants the permission (checked in every service). */
export function requirePermission(actor: Actor, permission: Permission, _scope?: PermissionScope): void {
  if (!can(actor, permission)) {
    throw forbidden(`${actor.name} (role ${actor.role}) may not ${permission.replace(":", " ")}`);
  }
}

/**
 * The workspace a use-case works in: workspace:read (403), the workspace itself (404), then
 * `permission` in it (403), in that order. Use-cases that must find a record before they may
 * refuse the write load with no permission and call requirePermission with the workspace later.
 */
export async function authorizeWorkspace(
  ctx: ServiceContext,
  slug: string,
  permission?: Permission,
): Promise<Workspace> {
  requirePermission(ctx.actor, "workspace:read");
  const workspace = await findWorkspaceRecord(ctx.db.prisma, slug);
  if (!workspace) throw notFound(`No workspace "${slug}"`);
  if (permission) requirePermission(ctx.actor, permission, { workspace });
  return workspace;
}
