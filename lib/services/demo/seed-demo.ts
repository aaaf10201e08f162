import type { Database } from "@/lib/db/database";
import { findWorkspaceRecord, insertWorkspace } from "@/lib/db/workspace-repository";
import { systemActor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import type { Actor } from "@/lib/domain/access";
import { northwindCredentials } from "@/lib/fixtures/northwind/estate";
import { reviewDecision } from "@/lib/services/decisions/reviews";
import { transitionDecision } from "@/lib/services/decisions/transition";
import { createDecision } from "@/lib/services/decisions/write";
import { getConnection, saveConnection } from "@/lib/services/live/connection";
import { listSyncRuns, startSync } from "@/lib/services/live/syncs";
import { northwindDecisions } from "@/lib/fixtures/northwind/decisions";
import { demoWorkspace, northwindSpec } from "@/lib/fixtures/northwind/spec";
import { createSpecRecord } from "@/lib/services/spec";

/** The demo delivery lead (the local identity provider's "della") approves the demo decisions. */
const demoReviewer: Actor = { kind: "user", id: "della", name: "Della Delivery", role: "delivery_lead" };

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
  for (const { outcome, governs, ...text } of northwindDecisions) {
    const draft = await createDecision(ctx, demoWorkspace.slug, {
      ...text,
      governs: governs.map((ref) => resolve(`@${ref}`, ids)),
    });
    if (outcome === "draft") continue;
    const proposed = await transitionDecision(ctx, demoWorkspace.slug, draft.number, {
      to: "proposed",
      version: draft.version,
    });
    if (outcome === "proposed") continue;
    await reviewDecision({ ...ctx, actor: demoReviewer }, demoWorkspace.slug, draft.number, {
      verdict: "approved",
      revision: proposed.latestRevision,
    });
    await transitionDecision(ctx, demoWorkspace.slug, draft.number, { to: "accepted", version: proposed.version });
  }
  return true;
}

/**
 * Connects the demo workspace to the demo simulator (once) and starts its first sync in the
 * background unless it has synced before. Returns the sync's completion, or null.
 */
export async function syncDemoWorkspaceOnce(db: Database, simulatorUrl: string): Promise<Promise<unknown> | null> {
  const ctx: ServiceContext = { db, actor: systemActor, origin: "system" };
  if (!(await findWorkspaceRecord(db.prisma, demoWorkspace.slug))) return null;
  if (!(await getConnection(ctx, demoWorkspace.slug))) {
    await saveConnection(ctx, demoWorkspace.slug, {
      controlPlane: "custom",
      baseUrl: simulatorUrl,
      ...northwindCredentials,
      version: 0,
    });
  }
  if ((await listSyncRuns(ctx, demoWorkspace.slug, 1)).length > 0) return null;
  return (await startSync(ctx, demoWorkspace.slug, {}, "demo")).done;
}
