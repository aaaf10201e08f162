import { z } from "zod";
import { findConnection, findSyncRun, listSyncRunRows, snapshotCounts } from "@/lib/db/live-repository";
import { liveFacets, listLiveResourceRows } from "@/lib/db/snapshot-repository";

import { liveKindSchema } from "@/lib/domain/live/snapshot";
import type { ServiceContext } from "@/lib/services/context";
import { authorizeWorkspace } from "@/lib/services/guard";
import { nextCursor, pageQueryShape, pageStart } from "@/lib/services/paging";
import { parseInput } from "@/lib/services/validation";
import type { LiveResourcesPage } from "@/lib/domain/live/snapshot";
import type { Workspace } from "@/lib/domain/workspace";

/** The workspace (404, workspace:read) with the sync run whose resources are its current snapshot. */
async function loadLiveWorkspace(
  ctx: ServiceContext,
  slug: string,
): Promise<Workspace & { liveSyncRunId: string | null }> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const live = await ctx.db.prisma.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { liveSyncRunId: true },
  });
  return { ...workspace, liveSyncRunId: live.liveSyncRunId };
}

/** The live estate at a glance: current snapshot, its counts and age, the latest runs. */
export async function getLiveOverview(ctx: ServiceContext, slug: string) {
  const workspace = await loadLiveWorkspace(ctx, slug);
  const [current, runs, connection] = await Promise.all([
    workspace.liveSyncRunId ? findSyncRun(ctx.db.prisma, workspace.id, workspace.liveSyncRunId) : null,
    listSyncRunRows(ctx.db.prisma, workspace.id, 10),
    findConnection(ctx.db.prisma, workspace.id),
  ]);
  const facets = current ? await liveFacets(ctx.db.prisma, current.id) : { environments: [], businessGroups: [] };
  return {
    connected: connection !== null,
    baseUrl: connection?.baseUrl ?? null,
    current,
    runs,
    facets,
  };
}

export const liveResourceQuerySchema = z.object({
  kind: liveKindSchema.optional(),
  environment: z.string().max(200).optional(),
  businessGroup: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  ...pageQueryShape(),
});

/** A page of the current snapshot's resources, filtered by kind, environment, business group and name. */
export async function listLiveResources(ctx: ServiceContext, slug: string, query: unknown): Promise<LiveResourcesPage> {
  const workspace = await loadLiveWorkspace(ctx, slug);
  const filter = parseInput(liveResourceQuerySchema, query);
  if (!workspace.liveSyncRunId) return { items: [], total: 0, syncRunId: null, nextCursor: null };
  // A snapshot never changes once written, and its run holds the count per kind: filtered by kind
  // alone, the total is known without counting (150,000 applications at 50,000).
  const byKindOnly = !filter.environment && !filter.businessGroup && !filter.q;
  const counts = byKindOnly ? await snapshotCounts(ctx.db.prisma, workspace.liveSyncRunId) : null;
  const total = counts
    ? filter.kind
      ? (counts[filter.kind] ?? 0)
      : Object.values(counts).reduce((a, b) => a + b, 0)
    : undefined;
  const page = await listLiveResourceRows(ctx.db.prisma, workspace.liveSyncRunId, {
    total,
    kind: filter.kind,
    environment: filter.environment,
    businessGroup: filter.businessGroup,
    text: filter.q,
    offset: pageStart(filter),
    limit: filter.limit,
  });
  return {
    ...page,
    syncRunId: workspace.liveSyncRunId,
    nextCursor: nextCursor(pageStart(filter), page.items.length, page.total),
  };
}
