import { readSetting } from "@/lib/db/setting-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import { roleMappingSchema, type RoleMapping } from "@/lib/domain/access";

export const ROLE_MAPPING_KEY = "role-mapping";

/** The role mapping in force: the one administrators saved, else the environment's defaults (version 0). */
export async function loadRoleMapping(
  prisma: PrismaClient,
  defaults: RoleMapping,
): Promise<{ mapping: RoleMapping; version: number; source: "settings" | "environment" }> {
  const stored = await readSetting(prisma, ROLE_MAPPING_KEY);
  if (!stored) return { mapping: defaults, version: 0, source: "environment" };
  const parsed = roleMappingSchema.safeParse(stored.value);
  // A stored mapping that no longer parses must not grant anything: fall back to the defaults.
  if (!parsed.success) return { mapping: defaults, version: stored.version, source: "environment" };
  return { mapping: parsed.data, version: stored.version, source: "settings" };
}
