import type { Database } from "@/lib/db/database";
import { findWorkspaceRecord, insertWorkspace } from "@/lib/db/workspace-repository";
import { systemActor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { demoWorkspace, northwindSpec } from "@/lib/services/demo/northwind-spec";
import { createSpecRecord } from "@/lib/services/spec";

/** Replaces `@kind:name` references with the ids of the records seeded before. */
function resolve(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string" && value.startsWith("@")) {
    const id = ids.get(value.slice(1));
    if (!id) throw new Error(`demo data refers to ${value}, which is not seeded before it`);
    return id;
  }
  return Array.isArray(value) ? value.map((v) => resolve(v, ids)) : value;
}

/**
 * Seeds the demo workspace (demo mode only) through the same validated services as the UI, so
 * the demo data is held to the same rules. Does nothing when the workspace exists.
 */
export async function seedDemoWorkspace(db: Database): Promise<boolean> {
  if (await findWorkspaceRecord(db.prisma, demoWorkspace.slug)) return false;
  await insertWorkspace(db.prisma, demoWorkspace, { actor: systemActor, origin: "system" });
  const ctx: ServiceContext = { db, actor: systemActor, origin: "system" };
  const ids = new Map<string, string>();
  for (const record of northwindSpec) {
    const data = Object.fromEntries(Object.entries(record.data).map(([k, v]) => [k, resolve(v, ids)]));
    const created = await createSpecRecord(ctx, demoWorkspace.slug, record.kind, data);
    const name = (data.name ?? data.publicDns) as string | undefined;
    if (name) ids.set(`${record.kind}:${name}`, created.id);
  }
  return true;
}
