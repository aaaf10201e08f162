import { randomUUID } from "node:crypto";
import { insertRows, refreshStatistics, selectRowsByKey, type BulkColumn } from "@/lib/db/bulk";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import { latestImportGaps } from "@/lib/db/import-repository";
import { liveResourceColumns } from "@/lib/db/snapshot-repository";
import type { FindingRecord } from "@/lib/domain/governance/records";
import type { DecisionEntry, Finding, ImportedGap, SpecEntry, Waiver } from "@/lib/domain/governance/types";
import type { ReadScope } from "@/lib/domain/live/read-scope";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import type { SpecKind } from "@/lib/domain/spec/kinds";

/** What an evaluation reads from the database. */
export type EvaluationSources = {
  spec: SpecEntry[];
  live: LiveResource[] | null;
  /** What the current snapshot's sync could not read. */
  liveScopes: ReadScope[];
  syncRunId: string | null;
  decisions: DecisionEntry[];
  waivers: Waiver[];
  controlPlane: string | null;
  importGaps: ImportedGap[];
};

/** Loads the plan, the current live snapshot, decisions and approved waivers of a workspace. */
export async function loadEvaluationSources(prisma: PrismaClient, workspaceId: string): Promise<EvaluationSources> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { liveSyncRunId: true, connection: { select: { controlPlane: true } } },
  });
  const [records, resources, decisions, waivers, currentRun] = await Promise.all([
    prisma.specRecord.findMany({ where: { workspaceId }, select: { id: true, kind: true, title: true, data: true } }),
    workspace.liveSyncRunId
      ? selectRowsByKey<LiveResource>(
          prisma,
          {
            table: "LiveResource",
            columns: liveResourceColumns,
            where: `"syncRunId" = $1::uuid`,
            key: ["kind", "externalId"],
          },
          workspace.liveSyncRunId,
        )
      : Promise.resolve(null),
    prisma.decision.findMany({
      where: { workspaceId },
      select: {
        sequence: true,
        title: true,
        status: true,
        proposedAt: true,
        context: true,
        decision: true,
        rationale: true,
        implications: true,
      },
    }),
    prisma.waiver.findMany({ where: { workspaceId, status: "approved" } }),
    workspace.liveSyncRunId
      ? prisma.syncRun.findUnique({ where: { id: workspace.liveSyncRunId }, select: { scopes: true } })
      : Promise.resolve(null),
  ]);
  const importGaps = await latestImportGaps(prisma, workspaceId);
  return {
    spec: records.map((r) => ({
      id: r.id,
      kind: r.kind as SpecKind,
      title: r.title,
      data: r.data as Record<string, unknown>,
    })),
    live: resources,
    liveScopes: (currentRun?.scopes as ReadScope[] | undefined) ?? [],
    syncRunId: workspace.liveSyncRunId,
    decisions: decisions.map((d) => ({
      number: `D${String(d.sequence).padStart(2, "0")}`,
      title: d.title,
      status: d.status as DecisionStatus,
      proposedAt: d.proposedAt,
      texts: { context: d.context, decision: d.decision, rationale: d.rationale, implications: d.implications },
    })),
    waivers: waivers.map((w) => ({
      id: w.id,
      fingerprint: w.fingerprint,
      ruleId: w.ruleId,
      resourceName: w.resourceName,
      environment: w.environment,
      expiresAt: w.expiresAt,
    })),
    controlPlane: workspace.connection?.controlPlane ?? null,
    importGaps,
  };
}

export type EvaluationRunRow = {
  id: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  rulesetVersion: string;
  syncRunId: string | null;
  counts: {
    open: number;
    waived: number;
    bySeverity: Record<string, number>;
    byCategory: Record<string, number>;
    /** Open findings per rule and severity (runs recorded before this was summarised lack it). */
    byRule?: Record<string, Record<string, number>>;
  };
  readiness: unknown[];
  completeness: number;
  durationMs: number | null;
};

const toRun = (row: Prisma.EvaluationRunGetPayload<object>): EvaluationRunRow => ({
  id: row.id,
  trigger: row.trigger,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  rulesetVersion: row.rulesetVersion,
  syncRunId: row.syncRunId,
  counts: row.counts as EvaluationRunRow["counts"],
  readiness: row.readiness as unknown[],
  completeness: row.completeness,
  durationMs: row.durationMs,
});

const rankOf = (severity: string) => ({ error: 0, warning: 1, info: 2 })[severity] ?? 3;

const findingColumns: BulkColumn[] = [
  ["id", "uuid"],
  ["workspaceId", "uuid"],
  ["fingerprint", "text"],
  ["ruleId", "text"],
  ["severity", "text"],
  ["severityRank", "integer"],
  ["category", "text"],
  ["resourceKind", "text"],
  ["resourceName", "text"],
  ["environment", "text"],
  ["businessGroup", "text"],
  ["message", "text"],
  ["remediation", "text"],
  ["specRecordId", "uuid"],
  ["liveExternalId", "text"],
  ["status", "text"],
  ["waiverId", "uuid"],
  ["staleSince", "timestamptz(3)"],
  ["firstSeenAt", "timestamptz(3)"],
  ["lastSeenAt", "timestamptz(3)"],
];

const chunkSize = 1000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) =>
    items.slice(i * chunkSize, (i + 1) * chunkSize),
  );

/**
 * Stores a run and brings the workspace's findings up to date in one transaction: new ones
 * inserted (first seen now), present ones refreshed (last seen now, message and status), and
 * those no longer found marked resolved.
 */
export async function recordEvaluationRun(
  prisma: PrismaClient,
  workspaceId: string,
  run: Omit<EvaluationRunRow, "id" | "finishedAt"> & { finishedAt: Date },
  findings: readonly Finding[],
): Promise<EvaluationRunRow> {
  // Findings are stamped with the evaluation time (what the rules saw as "now").
  const now = run.startedAt;
  const recorded = await prisma.$transaction(
    async (tx) => {
      const created = await tx.evaluationRun.create({
        data: {
          workspaceId,
          trigger: run.trigger,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          rulesetVersion: run.rulesetVersion,
          syncRunId: run.syncRunId,
          counts: run.counts as Prisma.InputJsonValue,
          readiness: run.readiness as Prisma.InputJsonValue,
          completeness: run.completeness,
          durationMs: run.durationMs,
        },
      });
      const existing = new Map(
        (
          await tx.finding.findMany({
            where: { workspaceId },
            select: {
              id: true,
              fingerprint: true,
              status: true,
              message: true,
              severity: true,
              waiverId: true,
              staleSince: true,
            },
          })
        ).map((f) => [f.fingerprint, f]),
      );
      const fresh = findings.filter((f) => !existing.has(f.fingerprint));
      await insertRows(
        tx,
        "Finding",
        findingColumns,
        fresh.map((f) => ({
          id: randomUUID(),
          workspaceId,
          fingerprint: f.fingerprint,
          ruleId: f.ruleId,
          severity: f.severity,
          severityRank: rankOf(f.severity),
          category: f.category,
          resourceKind: f.resourceKind,
          resourceName: f.resourceName,
          environment: f.environment,
          businessGroup: f.businessGroup,
          message: f.message,
          remediation: f.remediation,
          specRecordId: f.specRecordId,
          liveExternalId: f.liveExternalId,
          status: f.status,
          waiverId: f.waiverId,
          staleSince: f.staleSince,
          firstSeenAt: now,
          lastSeenAt: now,
        })),
      );
      const seen = findings.filter((f) => existing.has(f.fingerprint));
      for (const part of chunks(seen.map((f) => f.fingerprint))) {
        await tx.finding.updateMany({
          where: { workspaceId, fingerprint: { in: part } },
          data: { lastSeenAt: now, resolvedAt: null },
        });
      }
      for (const f of seen) {
        const before = existing.get(f.fingerprint)!;
        if (
          before.status === f.status &&
          before.message === f.message &&
          before.severity === f.severity &&
          before.waiverId === f.waiverId &&
          (before.staleSince?.getTime() ?? null) === (f.staleSince?.getTime() ?? null)
        ) {
          continue;
        }
        await tx.finding.update({
          where: { id: before.id },
          data: {
            status: f.status,
            message: f.message,
            severity: f.severity,
            severityRank: rankOf(f.severity),
            waiverId: f.waiverId,
            remediation: f.remediation,
            environment: f.environment,
            businessGroup: f.businessGroup,
            specRecordId: f.specRecordId,
            liveExternalId: f.liveExternalId,
            staleSince: f.staleSince,
          },
        });
      }
      const current = new Set(findings.map((f) => f.fingerprint));
      const gone = [...existing.values()]
        .filter((f) => !current.has(f.fingerprint) && f.status !== "resolved")
        .map((f) => f.id);
      for (const part of chunks(gone)) {
        await tx.finding.updateMany({
          where: { id: { in: part } },
          data: { status: "resolved", resolvedAt: now, waiverId: null },
        });
      }
      return toRun(created);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  await refreshStatistics(prisma, findings.length, ["Finding"]);
  return recorded;
}

/** The latest runs, newest first. */
export async function listEvaluationRunRows(
  prisma: PrismaClient,
  workspaceId: string,
  limit: number,
): Promise<EvaluationRunRow[]> {
  const rows = await prisma.evaluationRun.findMany({
    where: { workspaceId, finishedAt: { not: null } },
    orderBy: { startedAt: "desc" },
    take: limit,
  });
  return rows.map(toRun);
}

/**
 * Open findings by severity of a workspace's last `limit` finished runs, newest first: the
 * dashboard's trend, read without each run's readiness (one entry per environment and group).
 */
export async function listEvaluationTrend(
  prisma: PrismaClient,
  workspaceId: string,
  limit: number,
): Promise<{ startedAt: Date; bySeverity: Record<string, number> }[]> {
  const rows = await prisma.$queryRaw<{ startedAt: Date; bySeverity: Record<string, number> | null }[]>`
    SELECT "startedAt", "counts"->'bySeverity' AS "bySeverity" FROM "EvaluationRun"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "finishedAt" IS NOT NULL
    ORDER BY "startedAt" DESC LIMIT ${limit}`;
  return rows.map((r) => ({ startedAt: r.startedAt, bySeverity: r.bySeverity ?? {} }));
}

// Only the engine's values are ever written, so rows are read as the domain's shape.
const asFindings = (rows: Prisma.FindingGetPayload<object>[]) => rows as FindingRecord[];

export type FindingFilter = {
  severity?: string[];
  category?: string[];
  status?: string[];
  environment?: string;
  businessGroup?: string;
  ruleId?: string;
  text?: string;
  offset: number;
  limit: number;
  /** The number that match when the caller knows it (the latest run's counts): not counted again. */
  total?: number;
};

/** A page of findings, most severe first, with the total that matches (filtered and paged in the database). */
export async function listFindingRows(
  prisma: PrismaClient,
  workspaceId: string,
  filter: FindingFilter,
): Promise<{ items: FindingRecord[]; total: number }> {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  const where: Prisma.FindingWhereInput = {
    workspaceId,
    ...(filter.severity?.length ? { severity: { in: filter.severity } } : {}),
    ...(filter.category?.length ? { category: { in: filter.category } } : {}),
    ...(filter.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter.environment ? { environment: insensitive(filter.environment) } : {}),
    ...(filter.businessGroup ? { businessGroup: insensitive(filter.businessGroup) } : {}),
    ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
    ...(filter.text
      ? {
          OR: [
            { resourceName: { contains: filter.text, mode: "insensitive" as const } },
            { message: { contains: filter.text, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    prisma.finding.findMany({
      where,
      orderBy: [{ severityRank: "asc" }, { ruleId: "asc" }, { resourceName: "asc" }, { id: "asc" }],
      skip: filter.offset,
      take: filter.limit,
    }),
    filter.total ?? prisma.finding.count({ where }),
  ]);
  return { items: asFindings(items), total };
}

/** Open findings grouped by rule (top blockers) and counts per severity of the open ones. */
export async function groupOpenFindings(
  prisma: PrismaClient,
  workspaceId: string,
): Promise<{ ruleId: string; severity: string; count: number }[]> {
  const groups = await prisma.finding.groupBy({
    by: ["ruleId", "severity"],
    where: { workspaceId, status: "open" },
    _count: { _all: true },
  });
  return groups.map((g) => ({ ruleId: g.ruleId, severity: g.severity, count: g._count._all }));
}

/**
 * The kinds of the specification records findings point at, by id: what their editor's address
 * needs. A record deleted since the evaluation is simply absent (its findings link nowhere).
 */
export async function specRecordKindsOf(
  prisma: PrismaClient,
  workspaceId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const kinds = new Map<string, string>();
  for (const part of chunks(wanted)) {
    const rows = await prisma.specRecord.findMany({
      where: { workspaceId, id: { in: part } },
      select: { id: true, kind: true },
    });
    for (const row of rows) kinds.set(row.id, row.kind);
  }
  return kinds;
}

/**
 * The first open errors of each rule (by resource name), for the dashboard's top blockers; each
 * rule's are read in the order of the findings index (severity, rule, resource), not sorted.
 */
export async function listTopErrorRows(
  prisma: PrismaClient,
  workspaceId: string,
  ruleIds: readonly string[],
  perRule: number,
): Promise<FindingRecord[]> {
  const rows = await Promise.all(
    ruleIds.map((ruleId) =>
      prisma.finding.findMany({
        where: { workspaceId, severityRank: rankOf("error"), ruleId, status: "open" },
        orderBy: [{ resourceName: "asc" }, { id: "asc" }],
        take: perRule,
      }),
    ),
  );
  return asFindings(rows.flat());
}

/** Every open and waived finding of a workspace, most severe first (what a pipeline check reports). */
export async function listCurrentFindingRows(prisma: PrismaClient, workspaceId: string): Promise<FindingRecord[]> {
  const rows = await prisma.finding.findMany({
    where: { workspaceId, status: { in: ["open", "waived"] } },
    orderBy: [{ severityRank: "asc" }, { ruleId: "asc" }, { resourceName: "asc" }, { fingerprint: "asc" }],
  });
  return asFindings(rows);
}

/** Findings resting on live data kept from an earlier sync, per environment and business group: how many, and the oldest data's time. */
export type StaleFindingSummary = {
  count: number;
  oldest: Date | null;
  byEnvironment: Record<string, { count: number; oldest: Date }>;
  byBusinessGroup: Record<string, { count: number; oldest: Date }>;
};

export async function summarizeStaleFindings(prisma: PrismaClient, workspaceId: string): Promise<StaleFindingSummary> {
  const where = { workspaceId, status: { not: "resolved" }, staleSince: { not: null } };
  const [byEnvironment, byBusinessGroup] = await Promise.all([
    prisma.finding.groupBy({ by: ["environment"], where, _count: { _all: true }, _min: { staleSince: true } }),
    prisma.finding.groupBy({ by: ["businessGroup"], where, _count: { _all: true }, _min: { staleSince: true } }),
  ]);
  const keyed = <K extends "environment" | "businessGroup">(
    rows: ({ _count: { _all: number }; _min: { staleSince: Date | null } } & Record<K, string | null>)[],
    key: K,
  ) =>
    Object.fromEntries(
      rows
        .filter((row) => row[key] !== null && row._min.staleSince)
        .map((row) => [row[key] as string, { count: row._count._all, oldest: row._min.staleSince! }]),
    );
  const oldest = byEnvironment
    .map((row) => row._min.staleSince)
    .filter((at): at is Date => !!at)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    count: byEnvironment.reduce((n, row) => n + row._count._all, 0),
    oldest: oldest ?? null,
    byEnvironment: keyed(byEnvironment, "environment"),
    byBusinessGroup: keyed(byBusinessGroup, "businessGroup"),
  };
}
