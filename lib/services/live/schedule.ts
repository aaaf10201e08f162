import { listScheduledConnections, listSyncRunRows } from "@/lib/db/live-repository";
import { systemActor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { startSync } from "@/lib/services/live/syncs";

/**
 * Starts the syncs that are due: every connection with an interval whose latest sync started at
 * least that long ago (or never). Safe to call from every instance at once: the per-workspace
 * lock lets one start and the others get "already running", which is skipped. Returns the
 * workspaces whose sync started.
 */
export async function startDueSyncs(db: ServiceContext["db"], now: Date): Promise<string[]> {
  const ctx: ServiceContext = { db, actor: systemActor, origin: "system" };
  const started: string[] = [];
  for (const connection of await listScheduledConnections(db.prisma)) {
    const [last] = await listSyncRunRows(db.prisma, connection.workspaceId, 1);
    const interval = connection.syncIntervalMinutes! * 60_000;
    if (last && now.getTime() - last.startedAt.getTime() < interval) continue;
    const workspace = await db.prisma.workspace.findUnique({
      where: { id: connection.workspaceId },
      select: { slug: true },
    });
    if (!workspace) continue;
    try {
      await startSync(ctx, workspace.slug, {}, "schedule");
      started.push(workspace.slug);
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "sync_running")) throw error;
    }
  }
  return started;
}
