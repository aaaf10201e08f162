import { z } from "zod";
import { controlPlaneUrls, createAnypointClient, type AnypointClientOptions } from "@/lib/anypoint/client";
import { readEstate, type ReadProgress } from "@/lib/anypoint/collect";
import { AnypointError } from "@/lib/anypoint/http";
import { mapEstate } from "@/lib/anypoint/mapper";
import {
  completeSyncRun,
  currentCounts,
  snapshotCounts,
  deleteConnectionRow,
  failSyncRun,
  findConnection,
  findSyncRun,
  liveFacets,
  listLiveResourceRows,
  listScheduledConnections,
  listSyncRunRows,
  resolveHeldRun,
  startSyncRun,
  touchSyncRun,
  writeConnection,
  type ConnectionRow,
  type LiveResourceRow,
  type SyncRunRow,
} from "@/lib/db/live-repository";
import type { WorkspaceRecord } from "@/lib/db/workspace-repository";
import { systemActor } from "@/lib/domain/access";
import { countByKind, findMassRemovals, liveKindSchema } from "@/lib/domain/live/snapshot";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { getWorkspace } from "@/lib/services/workspaces";
import { scheduleEvaluation } from "@/lib/services/governance";
import { notFound, ServiceError } from "@/lib/services/errors";
import { requirePermission } from "@/lib/services/guard";
import { openSecret, sealSecret } from "@/lib/services/secret-box";
import { nextCursor, pageQueryShape, pageStart } from "@/lib/services/paging";
import { parseInput } from "@/lib/services/validation";

export type { LiveResourceRow, SyncRunRow };

/** The workspace (404, workspace:read) with the sync run whose resources are its current snapshot. */
async function loadWorkspace(
  ctx: ServiceContext,
  slug: string,
): Promise<WorkspaceRecord & { liveSyncRunId: string | null }> {
  const workspace = await getWorkspace(ctx, slug);
  const live = await ctx.db.prisma.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { liveSyncRunId: true },
  });
  return { ...workspace, liveSyncRunId: live.liveSyncRunId };
}

// ---- connection ----

/** A connection as the API shows it: the secret only as "set". */
export type ConnectionView = {
  controlPlane: "us" | "eu" | "gov" | "custom";
  baseUrl: string;
  clientId: string;
  clientSecret: "set";
  organizationId: string | null;
  syncIntervalMinutes: number | null;
  version: number;
  updatedAt: Date;
};

const toView = (row: ConnectionRow): ConnectionView => ({
  controlPlane: row.controlPlane as ConnectionView["controlPlane"],
  baseUrl: row.baseUrl,
  clientId: row.clientId,
  clientSecret: "set",
  organizationId: row.organizationId,
  syncIntervalMinutes: row.syncIntervalMinutes,
  version: row.version,
  updatedAt: row.updatedAt,
});

/** The workspace's Anypoint connection, or null (administrators). */
export async function getConnection(ctx: ServiceContext, slug: string): Promise<ConnectionView | null> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "connection:manage");
  const row = await findConnection(ctx.db.prisma, workspace.id);
  return row ? toView(row) : null;
}

export const connectionSchema = z
  .object({
    controlPlane: z.enum(["us", "eu", "gov", "custom"], { error: "controlPlane must be us, eu, gov or custom" }),
    baseUrl: z
      .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL, e.g. https://anypoint.mulesoft.com" })
      .optional(),
    clientId: z.string().trim().min(1, { error: "clientId is required: the connected app's client id" }).max(200),
    clientSecret: z.string().min(1, { error: "clientSecret cannot be empty" }).max(500).optional(),
    organizationId: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || null),
    syncIntervalMinutes: z
      .number({ error: "syncIntervalMinutes must be a number of minutes" })
      .int()
      .min(15, { error: "syncIntervalMinutes is at least 15 (Anypoint rate limits)" })
      .max(7 * 24 * 60, { error: "syncIntervalMinutes is at most a week (10080)" })
      .nullable()
      .default(null),
    version: z.number({ error: "version is required (0 for a new connection)" }).int().min(0),
  })
  .superRefine((input, issue) => {
    if (input.controlPlane === "custom" && !input.baseUrl) {
      issue.addIssue({ code: "custom", path: ["baseUrl"], message: "baseUrl is required for a custom control plane" });
    }
  });

function baseUrlOf(input: { controlPlane: string; baseUrl?: string | null }): string {
  return input.controlPlane === "custom"
    ? input.baseUrl!.replace(/\/+$/, "")
    : controlPlaneUrls[input.controlPlane as keyof typeof controlPlaneUrls];
}

/**
 * Stores the connection; the secret is encrypted with AGP_SECRET_KEY. A new connection needs the
 * secret; an update without one keeps the stored secret.
 */
export async function saveConnection(ctx: ServiceContext, slug: string, input: unknown): Promise<ConnectionView> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "connection:manage");
  const existing = await findConnection(ctx.db.prisma, workspace.id);
  // Reported with the other fields, so that one answer names every problem.
  const parsed = parseInput(
    connectionSchema.superRefine((value, issue) => {
      if (!existing && !value.clientSecret) {
        issue.addIssue({
          code: "custom",
          path: ["clientSecret"],
          message: "clientSecret is required for a new connection",
        });
      }
    }),
    input,
  );
  const written = await writeConnection(
    ctx.db.prisma,
    workspace.id,
    parsed.version,
    {
      controlPlane: parsed.controlPlane,
      baseUrl: baseUrlOf(parsed),
      clientId: parsed.clientId,
      clientSecretEncrypted: parsed.clientSecret
        ? sealSecret(parsed.clientSecret, getEnv().secretKey)
        : existing!.clientSecretEncrypted,
      organizationId: parsed.organizationId,
      syncIntervalMinutes: parsed.syncIntervalMinutes,
    },
    { actor: ctx.actor, origin: ctx.origin, secretChanged: !!parsed.clientSecret },
  );
  if (!written) {
    throw new ServiceError(
      409,
      "conflict",
      "Someone else changed this connection; reload it and apply your change again.",
      {
        current: existing ? toView(existing) : null,
      },
    );
  }
  return toView(written);
}

/** Removes the connection (the live snapshots stay, as history). */
export async function deleteConnection(ctx: ServiceContext, slug: string): Promise<void> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "connection:manage");
  if (!(await deleteConnectionRow(ctx.db.prisma, workspace.id, { actor: ctx.actor, origin: ctx.origin }))) {
    throw notFound(`Workspace "${slug}" has no Anypoint connection`);
  }
}

function clientFor(
  row: Pick<ConnectionRow, "baseUrl" | "clientId" | "clientSecretEncrypted">,
  extra: Partial<AnypointClientOptions> = {},
) {
  return createAnypointClient({
    baseUrl: row.baseUrl,
    clientId: row.clientId,
    clientSecret: openSecret(row.clientSecretEncrypted, getEnv().secretKey),
    ...extra,
  });
}

export type ConnectionCheck = { check: string; ok: boolean; detail: string };

/**
 * Tries the stored connection: token, organisation, and one read of each API family, reporting
 * what the connected app can and cannot see.
 */
export async function testConnection(
  ctx: ServiceContext,
  slug: string,
): Promise<{ ok: boolean; checks: ConnectionCheck[] }> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "connection:manage");
  const row = await findConnection(ctx.db.prisma, workspace.id);
  if (!row) throw notFound(`Workspace "${slug}" has no Anypoint connection yet`);
  const client = clientFor(row, { maxRetries: 1, timeoutMs: 15_000 });
  const checks: ConnectionCheck[] = [];
  const attempt = async <T>(
    check: string,
    run: () => Promise<T>,
    describe: (value: T) => string,
  ): Promise<T | null> => {
    try {
      const value = await run();
      checks.push({ check, ok: true, detail: describe(value) });
      return value;
    } catch (error) {
      checks.push({ check, ok: false, detail: error instanceof AnypointError ? error.message : String(error) });
      return null;
    }
  };
  const token = await attempt(
    "Token",
    () => client.authenticate(),
    () => `client credentials accepted at ${row.baseUrl}`,
  );
  if (token === null) return { ok: false, checks };
  const orgId =
    row.organizationId ??
    (
      await attempt(
        "Organisation id",
        () => client.me(),
        (me) => `the app belongs to ${me.client?.org_id ?? "?"}`,
      )
    )?.client?.org_id ??
    null;
  if (!orgId) return { ok: false, checks };
  const org = await attempt(
    "Organisation",
    () => client.organization(orgId),
    (o) =>
      `${o.name}: ${o.subOrganizationIds.length} business group(s) below it, ${o.environments?.length ?? 0} environment(s)`,
  );
  const envs = await attempt(
    "Environments",
    () => client.environments(orgId),
    (e) => `${e.length} in the organisation`,
  );
  await attempt(
    "VPCs",
    () => client.vpcs(orgId),
    (v) => `${v.length} visible`,
  );
  await attempt(
    "Private spaces",
    () => client.privateSpaces(orgId),
    (p) => `${p.length} visible`,
  );
  // Applications live in environments, often only in business groups: try the first one that has any.
  let target = envs?.[0] ? { owner: orgId, env: envs[0] } : null;
  for (const child of org?.subOrganizationIds.slice(0, 5) ?? []) {
    if (target) break;
    const childEnvs = await client.environments(child).catch(() => []);
    if (childEnvs[0]) target = { owner: child, env: childEnvs[0] };
  }
  if (target) {
    const { owner, env } = target;
    await attempt(
      `Applications in ${env.name}`,
      () => client.ch1Applications(owner, env.id),
      (a) => `${a.length} CloudHub 1.0`,
    );
    await attempt(
      `Deployments in ${env.name}`,
      () => client.deployments(owner, env.id),
      (d) => `${d.length} CloudHub 2.0 / RTF`,
    );
    await attempt(
      `API instances in ${env.name}`,
      () => client.apiInstances(owner, env.id),
      (a) => `${a.length} visible`,
    );
  }
  await attempt(
    "Teams",
    () => client.teams(orgId),
    (t) => `${t.length} visible`,
  );
  return { ok: org !== null && checks.every((c) => c.ok), checks };
}

// ---- syncs ----

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
): Promise<{ run: SyncRunRow; done: Promise<SyncRunRow> }> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "sync:run");
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
export async function runSync(ctx: ServiceContext, slug: string, input: unknown = {}): Promise<SyncRunRow> {
  return (await startSync(ctx, slug, input)).done;
}

async function executeSync(
  ctx: ServiceContext,
  run: SyncRunRow,
  connection: ConnectionRow,
  force: boolean,
  signal: AbortSignal,
): Promise<SyncRunRow> {
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
      onProgress: (step) => {
        progress.push(step);
        // Progress is written at most every half second: the UI polls it.
        if (Date.now() - lastTouch > 500) {
          lastTouch = Date.now();
          touchSyncRun(ctx.db.prisma, run, [...progress], new Date()).catch(() => undefined);
        }
      },
    });
    const resources = mapEstate(read);
    const counts = countByKind(resources);
    const removals = force
      ? null
      : findMassRemovals(await currentCounts(ctx.db.prisma, run.workspaceId), counts, getEnv().sync.maxRemovalShare);
    const completed = await completeSyncRun(
      ctx.db.prisma,
      run,
      resources,
      {
        counts,
        requests: client.stats.requests,
        retries: client.stats.retries,
        durationMs: Date.now() - began,
        warnings: read.warnings,
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

async function loadRun(ctx: ServiceContext, slug: string, id: string) {
  const workspace = await loadWorkspace(ctx, slug);
  const run = z.uuid().safeParse(id).success ? await findSyncRun(ctx.db.prisma, workspace.id, id) : null;
  if (!run) throw notFound(`No sync ${id} in workspace "${slug}"`);
  return { workspace, run };
}

/** One sync with its progress, counts and error. */
export async function getSyncRun(ctx: ServiceContext, slug: string, id: string): Promise<SyncRunRow> {
  return (await loadRun(ctx, slug, id)).run;
}

/** The latest syncs, newest first. */
export async function listSyncRuns(ctx: ServiceContext, slug: string, limit = 20): Promise<SyncRunRow[]> {
  const workspace = await loadWorkspace(ctx, slug);
  return listSyncRunRows(ctx.db.prisma, workspace.id, Math.min(Math.max(limit, 1), 100));
}

/** Cancels a running sync of this process; nothing of it is applied. */
export async function cancelSync(ctx: ServiceContext, slug: string, id: string): Promise<void> {
  const { run } = await loadRun(ctx, slug, id);
  requirePermission(ctx.actor, "sync:run");
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
): Promise<SyncRunRow> {
  const { workspace, run } = await loadRun(ctx, slug, id);
  requirePermission(ctx.actor, "connection:manage");
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

/** The live estate at a glance: current snapshot, its counts and age, the latest runs. */
export async function getLiveOverview(ctx: ServiceContext, slug: string) {
  const workspace = await loadWorkspace(ctx, slug);
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
export async function listLiveResources(
  ctx: ServiceContext,
  slug: string,
  query: unknown,
): Promise<{ items: LiveResourceRow[]; total: number; syncRunId: string | null; nextCursor: string | null }> {
  const workspace = await loadWorkspace(ctx, slug);
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
