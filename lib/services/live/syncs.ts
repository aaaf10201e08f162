import { z } from "zod";
import { readEstate, type ReadProgress } from "@/lib/anypoint/collect";
import { AnypointError } from "@/lib/anypoint/http";
import { mapEstate } from "@/lib/anypoint/mapper";
import {
  completeSyncRun,
  currentCounts,
  failSyncRun,
  findConnection,
  findSyncRun,
  listSyncRunRows,
  resolveHeldRun,
  startSyncRun,
  touchSyncRun,
  type ConnectionRow,
} from "@/lib/db/live-repository";
import { loadCurrentSnapshot, plannedRegions } from "@/lib/db/snapshot-repository";
import type { Permission } from "@/lib/domain/access";
import { carryForward, outsideScopes } from "@/lib/domain/live/carry-forward";
import { describeReadScope } from "@/lib/domain/live/read-scope";
import { describeReadWarning } from "@/lib/domain/live/read-warning";
import { countByKind, findMassRemovals } from "@/lib/domain/live/snapshot";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { notFound, ServiceError } from "@/lib/services/errors";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import { clientFor } from "@/lib/services/live/client";
import { parseInput } from "@/lib/services/validation";
import type { SyncRun } from "@/lib/domain/live/sync-run";

/** A lock whose heartbeat is older than this belonged to a sync that died. */
const staleAfterMs = 2 * 60_000;
const running = new Map<string, AbortController>();

export const syncOptionsSchema = z.object({
  force: z.boolean({ error: "force must be true or false" }).default(false),
});

/**
 * Starts a sync of the workspace's live estate and returns it while it runs (409 when one is
 * already running). `done` settles when it has finished, failed or been held.
 */
export async function startSync(
  ctx: ServiceContext,
  slug: string,
  input: unknown = {},
  trigger = ctx.origin === "cli"
    ? "cli"
    : ctx.origin === "system"
      ? "schedule"
      : ctx.origin === "api"
        ? "api"
        : "manual",
): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
  const workspace = await authorizeWorkspace(ctx, slug, "sync:run");
  const { force } = parseInput(syncOptionsSchema, input);
  const connection = await findConnection(ctx.db.prisma, workspace.id);
  if (!connection) {
    throw new ServiceError(
      409,
      "no_connection",
      `Workspace "${slug}" has no Anypoint connection: an administrator adds it in Settings.`,
    );
  }
  const started = await startSyncRun(ctx.db.prisma, {
    workspaceId: workspace.id,
    trigger,
    actorName: ctx.actor.name,
    baseUrl: connection.baseUrl,
    now: new Date(),
    staleMs: staleAfterMs,
  });
  if (!started.ok) {
    throw new ServiceError(
      409,
      "sync_running",
      `A sync of "${slug}" is already running (started ${started.running.startedAt.toISOString()}).`,
      {
        current: started.running,
      },
    );
  }
  const run = started.run;
  const controller = new AbortController();
  running.set(run.id, controller);
  const done = executeSync(ctx, run, connection, force, controller.signal).finally(() => running.delete(run.id));
  // Nobody may be waiting (a sync started from the UI): a failure to record the end must not crash the process.
  done.catch((error: unknown) =>
    getLogger().error({ err: error, syncRunId: run.id }, "could not record the end of a sync"),
  );
  return { run, done };
}

/** Runs a sync to its end (CLI, tests, schedules). */
export async function runSync(ctx: ServiceContext, slug: string, input: unknown = {}): Promise<SyncRun> {
  return (await startSync(ctx, slug, input)).done;
}

async function executeSync(
  ctx: ServiceContext,
  run: SyncRun,
  connection: ConnectionRow,
  force: boolean,
  signal: AbortSignal,
): Promise<SyncRun> {
  const audit = { actor: ctx.actor, origin: ctx.origin };
  const began = Date.now();
  const progress: ReadProgress[] = [];
  let client: ReturnType<typeof clientFor> | null = null;
  let lastTouch = 0;
  const heartbeat = setInterval(() => {
    touchSyncRun(ctx.db.prisma, run, progress, new Date()).catch(() => undefined);
  }, 20_000);
  try {
    client = clientFor(connection, { signal });
    const read = await readEstate(client, {
      orgId: connection.organizationId,
      regions: await plannedRegions(ctx.db.prisma, run.workspaceId),
      onProgress: (step) => {
        progress.push(step);
        // Progress is written at most every half second: the UI polls it.
        if (Date.now() - lastTouch > 500) {
          lastTouch = Date.now();
          touchSyncRun(ctx.db.prisma, run, [...progress], new Date()).catch(() => undefined);
        }
      },
    });
    // A part that could not be read keeps what the current snapshot knew of it (stale, with its age).
    const previous = read.scopes.length ? await loadCurrentSnapshot(ctx.db.prisma, run.workspaceId) : null;
    const { resources, scopes } = carryForward({ resources: mapEstate(read), scopes: read.scopes }, previous);
    const counts = countByKind(resources);
    const maxShare = getEnv().sync.maxRemovalShare;
    const removals = force
      ? null
      : previous
        ? findMassRemovals(
            countByKind(outsideScopes(previous.resources, scopes)),
            countByKind(outsideScopes(resources, scopes)),
            maxShare,
          )
        : findMassRemovals(await currentCounts(ctx.db.prisma, run.workspaceId), counts, maxShare);
    const warnings = [...scopes.map(describeReadScope), ...read.readWarnings.map(describeReadWarning)];
    const completed = await completeSyncRun(
      ctx.db.prisma,
      run,
      resources,
      {
        counts,
        requests: client.stats.requests,
        retries: client.stats.retries,
        durationMs: Date.now() - began,
        warnings,
        scopes,
        progress,
        removals: removals?.length ? removals : null,
        now: new Date(),
      },
      audit,
    );
    if (completed.status === "succeeded") scheduleEvaluation(ctx.db, run.workspaceId, "sync");
    return completed;
  } catch (error) {
    const message =
      error instanceof AnypointError
        ? error.kind === "aborted"
          ? "Cancelled before it finished; nothing of it was applied"
          : error.message
        : `Unexpected failure: ${(error as Error).message}`;
    getLogger().warn({ syncRunId: run.id, workspaceId: run.workspaceId, error: message }, "sync failed");
    return failSyncRun(
      ctx.db.prisma,
      run,
      {
        error: message,
        requests: client?.stats.requests ?? 0,
        retries: client?.stats.retries ?? 0,
        durationMs: Date.now() - began,
        progress,
        warnings: [],
        now: new Date(),
      },
      audit,
    );
  } finally {
    clearInterval(heartbeat);
  }
}

/** The workspace and one of its syncs (404 for either), then `permission` on it. */
async function loadRun(ctx: ServiceContext, slug: string, id: string, permission?: Permission) {
  const workspace = await authorizeWorkspace(ctx, slug);
  const run = z.uuid().safeParse(id).success ? await findSyncRun(ctx.db.prisma, workspace.id, id) : null;
  if (!run) throw notFound(`No sync ${id} in workspace "${slug}"`);
  if (permission) requirePermission(ctx.actor, permission, { workspace });
  return { workspace, run };
}

/** One sync with its progress, counts and error. */
export async function getSyncRun(ctx: ServiceContext, slug: string, id: string): Promise<SyncRun> {
  return (await loadRun(ctx, slug, id)).run;
}

/** The latest syncs, newest first. */
export async function listSyncRuns(ctx: ServiceContext, slug: string, limit = 20): Promise<SyncRun[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return listSyncRunRows(ctx.db.prisma, workspace.id, Math.min(Math.max(limit, 1), 100));
}

/** Cancels a running sync of this process; nothing of it is applied. */
export async function cancelSync(ctx: ServiceContext, slug: string, id: string): Promise<void> {
  const { run } = await loadRun(ctx, slug, id, "sync:run");
  const controller = running.get(run.id);
  if (run.status !== "running" || !controller) {
    throw new ServiceError(
      409,
      "not_running",
      `Sync ${id} is ${run.status === "running" ? "running on another server" : run.status}; only a running sync can be cancelled here.`,
    );
  }
  controller.abort();
}

/** Applies or discards a sync held for removing too much (administrators). */
export async function resolveHeldSync(
  ctx: ServiceContext,
  slug: string,
  id: string,
  decision: "confirm" | "discard",
): Promise<SyncRun> {
  const { workspace, run } = await loadRun(ctx, slug, id, "connection:manage");
  const resolved = await resolveHeldRun(ctx.db.prisma, workspace.id, run.id, decision, {
    actor: ctx.actor,
    origin: ctx.origin,
  });
  if (!resolved)
    throw new ServiceError(
      409,
      "not_held",
      `Sync ${id} is ${run.status}; only a held sync can be confirmed or discarded.`,
    );
  if (resolved.status === "succeeded") scheduleEvaluation(ctx.db, workspace.id, "sync");
  return resolved;
}
