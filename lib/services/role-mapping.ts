import { z } from "zod";
import { loadRoleMapping, ROLE_MAPPING_KEY } from "@/lib/db/role-mapping-repository";
import { writeSetting } from "@/lib/db/setting-repository";
import { resolveRole, roleMappingSchema, type RoleMapping } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { requirePermission } from "@/lib/services/guard";
import { invalidInput, parseInput } from "@/lib/services/validation";

export type RoleMappingView = { mapping: RoleMapping; version: number; source: "settings" | "environment" };

/** The group-to-role mapping in force, with its version for the next update. */
export async function getRoleMapping(ctx: ServiceContext): Promise<RoleMappingView> {
  requirePermission(ctx.actor, "roles:manage");
  return loadRoleMapping(ctx.db.prisma, getEnv().auth.defaultRoleGroups);
}

export const roleMappingUpdateSchema = z.object({
  mapping: roleMappingSchema,
  version: z.number({ error: "version is required (the version you edited)" }).int().min(0),
});

/**
 * Replaces the mapping if nobody changed it since `version`; otherwise 409 with the current
 * mapping, so that an administrator never silently overwrites another's change.
 */
export async function updateRoleMapping(ctx: ServiceContext, input: unknown): Promise<RoleMappingView> {
  requirePermission(ctx.actor, "roles:manage");
  const { mapping, version } = parseInput(roleMappingUpdateSchema, input);
  // Nobody may lock the administrators out: the editor must stay an administrator.
  if (ctx.actor.kind === "user" && resolveRole(ctx.actor.groups ?? [], mapping) !== "admin") {
    throw invalidInput([
      {
        field: "mapping.admin",
        message: `none of your groups (${(ctx.actor.groups ?? []).join(", ") || "none"}) would be an administrator any more; keep one of them in the admin list`,
      },
    ]);
  }
  const current = await loadRoleMapping(ctx.db.prisma, getEnv().auth.defaultRoleGroups);
  const written =
    current.version === version
      ? await writeSetting(ctx.db.prisma, ROLE_MAPPING_KEY, mapping, version, {
          actor: ctx.actor,
          origin: ctx.origin,
          before: current.mapping,
        })
      : null;
  if (!written) {
    const latest = await loadRoleMapping(ctx.db.prisma, getEnv().auth.defaultRoleGroups);
    throw new ServiceError(
      409,
      "conflict",
      "Someone else changed the role mapping; reload and apply your change again.",
      {
        current: latest,
      },
    );
  }
  return { mapping, version: written.version, source: "settings" };
}
