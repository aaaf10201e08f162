import { randomUUID } from "node:crypto";
import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import { insertRows, refreshStatistics, type BulkColumn } from "@/lib/db/bulk";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import type { SyncRun, SyncStatus } from "@/lib/domain/live/sync-run";

type Audit = { actor: Actor; origin: AuditOrigin };

// ---- connection ----

export type ConnectionRow = {
  workspaceId: string;
  controlPlane: string;
  baseUrl: string;
  clientId: string;
  clientSecretEncrypted: string;
  organizationId: string | null;
  syncIntervalMinutes: number | null;
  version: number;
  updatedAt: Date;
};

export function findConnection(prisma: PrismaClient, workspaceId: string): Promise<ConnectionRow | null> {
  return prisma.anypointConnection.findUnique({ where: { workspaceId } });
}

/** The connections of every workspace that syncs on a schedule. */
export function listScheduledConnections(prisma: PrismaClient): Promise<ConnectionRow[]> {
  return prisma.anypointConnection.findMany({ where: { syncIntervalMinutes: { not: null } } });
}

export type ConnectionWrite = Omit<ConnectionRow, "workspaceId" | "version" | "updatedAt">;

/**
 * Creates (expectedVersion 0) or replaces a connection if still at `expectedVersion`; null when
 * someone changed it first. The audit event says whether the secret changed, never what it is.
 */
export async function writeConnection(
  prisma: PrismaClient,
  workspaceId: string,
  expectedVersion: number,
  write: ConnectionWrite,
  audit: Audit & { secretChanged: boolean },
): Promise<ConnectionRow | null> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.anypointConnection.findUnique({ where: { workspaceId } });
    let written: ConnectionRow | null = null;
    if (expectedVersion === 0) {
      const created = await tx.anypointConnection.createMany({
        data: [{ workspaceId, ...write }],
        skipDuplicates: true,
      });
      if (created.count === 1) written = await tx.anypointConnection.findUnique({ where: { workspaceId } });
    } else {
      const updated = await tx.anypointConnection.updateMany({
        where: { workspaceId, version: expectedVersion },
        data: { ...write, version: { increment: 1 } },
      });
      if (updated.count === 1) written = await tx.anypointConnection.findUnique({ where: { workspaceId } });
    }
    if (!written) return null;
    const visible = (row: ConnectionRow | null) =>
      row && {
        controlPlane: row.controlPlane,
        baseUrl: row.baseUrl,
        clientId: row.clientId,
        organizationId: row.organizationId,
        syncIntervalMinutes: row.syncIntervalMinutes,
      };
    await recordAuditEvent(tx, {
      actor: audit.actor,
      origin: audit.origin,
      workspaceId,
      action: before ? "connection.update" : "connection.create",
      entityKind: "connection",
      entityId: workspaceId,
      before: visible(before),
      after: { ...visible(written), clientSecret: audit.secretChanged ? "changed" : "unchanged" },
    });
    return written;
  });
}

export async function deleteConnectionRow(prisma: PrismaClient, workspaceId: string, audit: Audit): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.anypointConnection.deleteMany({ where: { workspaceId } });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId,
      action: "connection.delete",
      entityKind: "connection",
      entityId: workspaceId,
    });
    return true;
  });
}

// ---- sync runs ----

type RawRun = Prisma.SyncRunGetPayload<object>;
const toRun = (row: RawRun): SyncRun => ({
  ...row,
  status: row.status as SyncStatus,
  progress: row.progress as SyncRun["progress"],
  counts: row.counts as SyncRun["counts"],
  warnings: row.warnings as string[],
  scopes: row.scopes as SyncRun["scopes"],
  removals: row.removals as SyncRun["removals"],
});

/**
 * Starts a run if no other runs for the workspace: the lock row is the guard (primary key), so two
 * starters on any number of instances cannot both win. A lock whose heartbeat is older than
 * `staleMs` belonged to an interrupted run: that run is marked failed and the lock taken over.
 */
export async function startSyncRun(
  prisma: PrismaClient,
  input: { workspaceId: string; trigger: string; actorName: string; baseUrl: string; now: Date; staleMs: number },
): Promise<{ ok: true; run: SyncRun } | { ok: false; running: SyncRun }> {
  try {
    return await attemptStart(prisma, input);
  } catch (error) {
    // Another starter created the lock between our read and our insert: it won.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const lock = await prisma.syncLock.findUnique({ where: { workspaceId: input.workspaceId } });
    const holder = lock && (await prisma.syncRun.findUnique({ where: { id: lock.syncRunId } }));
    if (!holder) throw error;
    return { ok: false, running: toRun(holder) };
  }
}

function attemptStart(
  prisma: PrismaClient,
  input: { workspaceId: string; trigger: string; actorName: string; baseUrl: string; now: Date; staleMs: number },
): Promise<{ ok: true; run: SyncRun } | { ok: false; running: SyncRun }> {
  return prisma.$transaction(async (tx) => {
    const lock = await tx.syncLock.findUnique({ where: { workspaceId: input.workspaceId } });
    if (lock) {
      const holder = await tx.syncRun.findUnique({ where: { id: lock.syncRunId } });
      if (holder && input.now.getTime() - lock.heartbeatAt.getTime() < input.staleMs) {
        return { ok: false, running: toRun(holder) } as const;
      }
      await tx.syncRun.updateMany({
        where: { id: lock.syncRunId, status: "running" },
        data: {
          status: "failed",
          finishedAt: input.now,
          error: `Interrupted: no sign of life since ${lock.heartbeatAt.toISOString()} (the server stopped or was killed); nothing of it was applied`,
        },
      });
      await tx.syncLock.delete({ where: { workspaceId: input.workspaceId } });
    }
    const run = await tx.syncRun.create({
      data: {
        workspaceId: input.workspaceId,
        status: "running",
        trigger: input.trigger,
        actorName: input.actorName,
        baseUrl: input.baseUrl,
        startedAt: input.now,
        heartbeatAt: input.now,
      },
    });
    // A concurrent starter that also saw no lock fails here on the primary key and rolls back.
    await tx.syncLock.create({ data: { workspaceId: input.workspaceId, syncRunId: run.id, heartbeatAt: input.now } });
    return { ok: true, run: toRun(run) } as const;
  });
}

/** Records progress and keeps the lock alive. */
export async function touchSyncRun(
  prisma: PrismaClient,
  run: { id: string; workspaceId: string },
  progress: SyncRun["progress"],
  now: Date,
): Promise<void> {
  await prisma.$transaction([
    prisma.syncRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { progress: progress as Prisma.InputJsonValue, heartbeatAt: now },
    }),
    prisma.syncLock.updateMany({
      where: { workspaceId: run.workspaceId, syncRunId: run.id },
      data: { heartbeatAt: now },
    }),
  ]);
}

/** Resources per kind of the workspace's current snapshot (empty before the first sync). */
export async function currentCounts(prisma: PrismaClient, workspaceId: string): Promise<Record<string, number>> {
  const workspace = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { liveSyncRunId: true } });
  return workspace?.liveSyncRunId ? snapshotCounts(prisma, workspace.liveSyncRunId) : {};
}

/** The resources per kind a snapshot holds (written with it, never changed after). */
export async function snapshotCounts(prisma: PrismaClient, syncRunId: string): Promise<Record<string, number>> {
  const run = await prisma.syncRun.findUnique({ where: { id: syncRunId }, select: { counts: true } });
  return (run?.counts as Record<string, number> | undefined) ?? {};
}

const resourceColumns: BulkColumn[] = [
  ["id", "uuid"],
  ["syncRunId", "uuid"],
  ["kind", "text"],
  ["externalId", "text"],
  ["name", "text"],
  ["businessGroup", "text"],
  ["environment", "text"],
  ["attributes", "jsonb"],
  ["parentId", "text"],
  ["carried", "jsonb"],
];

async function insertResources(tx: Prisma.TransactionClient, syncRunId: string, resources: readonly LiveResource[]) {
  await insertRows(
    tx,
    "LiveResource",
    resourceColumns,
    resources.map((r) => ({
      id: randomUUID(),
      syncRunId,
      kind: r.kind,
      externalId: r.externalId,
      name: r.name,
      businessGroup: r.businessGroup,
      environment: r.environment,
      attributes: r.attributes,
      parentId: r.parentId ?? null,
      carried: r.carried ?? null,
    })),
  );
}

/** How many earlier snapshots keep their resources (for history and drift over time). */
const keptSnapshots = 3;

export type SyncOutcome = {
  counts: Record<string, number>;
  requests: number;
  retries: number;
  durationMs: number;
  warnings: string[];
  scopes: SyncRun["scopes"];
  progress: SyncRun["progress"];
};

/**
 * Ends a run that read the estate: its resources are written and, unless it is held, made the
 * current snapshot, in one transaction with its audit event. A held run keeps its resources
 * until an administrator confirms or discards it; the current snapshot does not change.
 */
export async function completeSyncRun(
  prisma: PrismaClient,
  run: { id: string; workspaceId: string },
  resources: readonly LiveResource[],
  outcome: SyncOutcome & { removals: SyncRun["removals"]; now: Date },
  audit: Audit,
): Promise<SyncRun> {
  const held = !!outcome.removals?.length;
  const completed = await prisma.$transaction(
    async (tx) => {
      await insertResources(tx, run.id, resources);
      const finished = await tx.syncRun.update({
        where: { id: run.id },
        data: {
          status: held ? "held" : "succeeded",
          finishedAt: outcome.now,
          heartbeatAt: outcome.now,
          counts: outcome.counts,
          requests: outcome.requests,
          retries: outcome.retries,
          durationMs: outcome.durationMs,
          warnings: outcome.warnings,
          scopes: outcome.scopes as Prisma.InputJsonValue,
          progress: outcome.progress as Prisma.InputJsonValue,
          removals: held ? (outcome.removals as Prisma.InputJsonValue) : Prisma.DbNull,
        },
      });
      if (!held) await makeCurrent(tx, run.workspaceId, run.id);
      await tx.syncLock.deleteMany({ where: { workspaceId: run.workspaceId, syncRunId: run.id } });
      await recordAuditEvent(tx, {
        ...audit,
        workspaceId: run.workspaceId,
        action: held ? "sync.hold" : "sync.apply",
        entityKind: "sync-run",
        entityId: run.id,
        after: { counts: outcome.counts, removals: outcome.removals, warnings: outcome.warnings },
      });
      return toRun(finished);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  await refreshStatistics(prisma, resources.length, ["LiveResource"]);
  return completed;
}

async function makeCurrent(tx: Prisma.TransactionClient, workspaceId: string, syncRunId: string) {
  await tx.workspace.update({ where: { id: workspaceId }, data: { liveSyncRunId: syncRunId } });
  // Older snapshots beyond the kept few lose their resources (the runs stay, as history).
  const older = await tx.syncRun.findMany({
    where: { workspaceId, status: "succeeded", id: { not: syncRunId } },
    orderBy: { startedAt: "desc" },
    skip: keptSnapshots - 1,
    select: { id: true },
  });
  if (older.length) await tx.liveResource.deleteMany({ where: { syncRunId: { in: older.map((r) => r.id) } } });
  // Held runs left unconfirmed are superseded by a newer snapshot.
  const stale = await tx.syncRun.findMany({ where: { workspaceId, status: "held" }, select: { id: true } });
  if (stale.length) {
    await tx.liveResource.deleteMany({ where: { syncRunId: { in: stale.map((r) => r.id) } } });
    await tx.syncRun.updateMany({
      where: { id: { in: stale.map((r) => r.id) } },
      data: { status: "discarded", error: "Superseded by a newer sync before anyone confirmed it" },
    });
  }
}

/** Ends a run that failed: nothing of it is applied; the lock is released. */
export async function failSyncRun(
  prisma: PrismaClient,
  run: { id: string; workspaceId: string },
  failure: {
    error: string;
    requests: number;
    retries: number;
    durationMs: number;
    progress: SyncRun["progress"];
    warnings: string[];
    now: Date;
  },
  audit: Audit,
): Promise<SyncRun> {
  return prisma.$transaction(async (tx) => {
    const failed = await tx.syncRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        finishedAt: failure.now,
        error: failure.error,
        requests: failure.requests,
        retries: failure.retries,
        durationMs: failure.durationMs,
        progress: failure.progress as Prisma.InputJsonValue,
        warnings: failure.warnings,
      },
    });
    await tx.syncLock.deleteMany({ where: { workspaceId: run.workspaceId, syncRunId: run.id } });
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: run.workspaceId,
      action: "sync.fail",
      entityKind: "sync-run",
      entityId: run.id,
      after: { error: failure.error },
    });
    return toRun(failed);
  });
}

/** Applies (confirm) or drops (discard) a held run; null unless it is the workspace's held run. */
export async function resolveHeldRun(
  prisma: PrismaClient,
  workspaceId: string,
  syncRunId: string,
  decision: "confirm" | "discard",
  audit: Audit,
): Promise<SyncRun | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.syncRun.updateMany({
      where: { id: syncRunId, workspaceId, status: "held" },
      data: decision === "confirm" ? { status: "succeeded" } : { status: "discarded" },
    });
    if (count === 0) return null;
    if (decision === "confirm") await makeCurrent(tx, workspaceId, syncRunId);
    else await tx.liveResource.deleteMany({ where: { syncRunId } });
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId,
      action: decision === "confirm" ? "sync.confirm" : "sync.discard",
      entityKind: "sync-run",
      entityId: syncRunId,
    });
    return toRun(await tx.syncRun.findUniqueOrThrow({ where: { id: syncRunId } }));
  });
}

export async function findSyncRun(prisma: PrismaClient, workspaceId: string, id: string): Promise<SyncRun | null> {
  const row = await prisma.syncRun.findFirst({ where: { id, workspaceId } });
  return row ? toRun(row) : null;
}

/** Runs of a workspace, newest first. */
export async function listSyncRunRows(prisma: PrismaClient, workspaceId: string, limit: number): Promise<SyncRun[]> {
  const rows = await prisma.syncRun.findMany({ where: { workspaceId }, orderBy: { startedAt: "desc" }, take: limit });
  return rows.map(toRun);
}
