import type { PrismaClient } from "@/lib/db/generated/client";
import { Prisma } from "@/lib/db/generated/client";
import { selectRowsByKey } from "@/lib/db/bulk";
import type { PreviousSnapshot } from "@/lib/domain/live/carry-forward";
import type { ReadScope } from "@/lib/domain/live/read-scope";
import type { LiveResource, StoredLiveResource } from "@/lib/domain/live/snapshot";

// Reading a stored snapshot: pages for people, the whole of it for the next sync, and what the
// plan says the sync should also ask (live-repository.ts writes snapshots and runs).

/** The columns a snapshot's resources are read back with, in the shape the rules and the sync use. */
export const liveResourceColumns = [
  "kind",
  "externalId",
  "name",
  "businessGroup",
  "environment",
  "attributes",
  "parentId",
  "carried",
] as const;

/**
 * The workspace's current snapshot as the next sync carries from it: its resources, what its
 * sync could not read, and when that sync started. Null before the first sync.
 */
export async function loadCurrentSnapshot(prisma: PrismaClient, workspaceId: string): Promise<PreviousSnapshot | null> {
  const workspace = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { liveSyncRunId: true } });
  if (!workspace?.liveSyncRunId) return null;
  const run = await prisma.syncRun.findUnique({
    where: { id: workspace.liveSyncRunId },
    select: { id: true, startedAt: true, scopes: true },
  });
  if (!run) return null;
  const resources = await selectRowsByKey<LiveResource>(
    prisma,
    {
      table: "LiveResource",
      columns: liveResourceColumns,
      where: `"syncRunId" = $1::uuid`,
      key: ["kind", "externalId"],
    },
    run.id,
  );
  return { syncRunId: run.id, readAt: run.startedAt.toISOString(), resources, scopes: run.scopes as ReadScope[] };
}

export type LiveResourceFilter = {
  kind?: string;
  environment?: string;
  businessGroup?: string;
  text?: string;
  offset: number;
  limit: number;
  /** The number that match when the caller knows it (a snapshot's counts per kind): not counted again. */
  total?: number;
};

/** A page of a snapshot's resources (by kind, then name), with the total that matches. */
export async function listLiveResourceRows(
  prisma: PrismaClient,
  syncRunId: string,
  filter: LiveResourceFilter,
): Promise<{ items: StoredLiveResource[]; total: number }> {
  const where: Prisma.LiveResourceWhereInput = {
    syncRunId,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.environment ? { environment: { equals: filter.environment, mode: "insensitive" } } : {}),
    ...(filter.businessGroup ? { businessGroup: { equals: filter.businessGroup, mode: "insensitive" } } : {}),
    ...(filter.text ? { name: { contains: filter.text, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.liveResource.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }, { externalId: "asc" }],
      skip: filter.offset,
      take: filter.limit,
    }),
    filter.total ?? prisma.liveResource.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as LiveResource["kind"],
      externalId: r.externalId,
      name: r.name,
      businessGroup: r.businessGroup,
      environment: r.environment,
      attributes: r.attributes as LiveResource["attributes"],
      parentId: r.parentId,
      carried: r.carried as LiveResource["carried"],
    })),
    total,
  };
}

/** The environments and business groups present in a snapshot (filter choices). */
export async function liveFacets(
  prisma: PrismaClient,
  syncRunId: string,
): Promise<{ environments: string[]; businessGroups: string[] }> {
  const [envs, bgs] = await Promise.all([
    prisma.liveResource.findMany({
      where: { syncRunId, environment: { not: null } },
      distinct: ["environment"],
      select: { environment: true },
      orderBy: { environment: "asc" },
    }),
    prisma.liveResource.findMany({
      where: { syncRunId, businessGroup: { not: null } },
      distinct: ["businessGroup"],
      select: { businessGroup: true },
      orderBy: { businessGroup: "asc" },
    }),
  ]);
  return {
    environments: envs.map((e) => e.environment!),
    businessGroups: bgs.map((b) => b.businessGroup!),
  };
}

/** The regions the workspace's plan places its queues, stores and networks in (a sync asks Object Store there). */
export async function plannedRegions(prisma: PrismaClient, workspaceId: string): Promise<string[]> {
  const records = await prisma.specRecord.findMany({
    where: { workspaceId, kind: { in: ["mq-destination", "object-store", "vpc", "runtime-fabric"] } },
    select: { data: true },
  });
  const regions = records
    .map((r) => (r.data as Record<string, unknown>).region)
    // A fabric's "region" may be a data centre's name: only AWS-style ids are regions to ask.
    .filter((region): region is string => typeof region === "string" && /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region));
  return [...new Set(regions)].sort();
}
