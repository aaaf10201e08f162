import { z } from "zod";
import {
  decideWaiverRow,
  findWaiverRow,
  groupOpenFindings,
  insertWaiver,
  listEvaluationRunRows,
  listEvaluationTrend,
  listFindingRows,
  listWaiverRows,
  loadEvaluationSources,
  recordEvaluationRun,
  type EvaluationRunRow,
  type FindingRow,
  type WaiverRow,
} from "@/lib/db/governance-repository";
import type { Database } from "@/lib/db/database";
import { evaluate } from "@/lib/domain/governance/engine";
import { computeReadiness, summarize, type Readiness } from "@/lib/domain/governance/readiness";
import { findRule, ruleset, rulesetVersion } from "@/lib/domain/governance/ruleset";
import { categorySchema, severitySchema } from "@/lib/domain/governance/types";
import { measureCompleteness } from "@/lib/domain/spec/completeness";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { notFound, ServiceError } from "@/lib/services/errors";
import { authorizeWorkspace } from "@/lib/services/guard";
import { nextCursor, pageQueryShape, pageStart } from "@/lib/services/paging";
import { invalidInput, parseInput } from "@/lib/services/validation";

export type { EvaluationRunRow, FindingRow, WaiverRow };

/**
 * Evaluates every rule on a workspace's plan, live snapshot, decisions and waivers, and stores the
 * run with its findings (first/last seen, resolved) and readiness.
 */
export async function evaluateWorkspace(
  db: Database,
  workspaceId: string,
  trigger: string,
  now = new Date(),
): Promise<EvaluationRunRow> {
  const started = Date.now();
  const sources = await loadEvaluationSources(db.prisma, workspaceId);
  const findings = evaluate(
    ruleset,
    {
      spec: sources.spec,
      live: sources.live,
      decisions: sources.decisions,
      controlPlane: sources.controlPlane,
      importGaps: sources.importGaps,
      now,
    },
    sources.waivers,
  );
  const byKind = new Map<string, Record<string, unknown>[]>();
  for (const entry of sources.spec) {
    const list = byKind.get(entry.kind);
    if (list) list.push(entry.data);
    else byKind.set(entry.kind, [entry.data]);
  }
  const measures = specKindIds.map((kind) => measureCompleteness(kind, byKind.get(kind) ?? []));
  const cells = measures.reduce((n, m) => n + m.cells, 0);
  const completeness = cells === 0 ? 0 : measures.reduce((n, m) => n + m.filled, 0) / cells;
  const environments = [
    ...sources.spec.filter((e) => e.kind === "environment").map((e) => e.title),
    ...(sources.live ?? []).filter((r) => r.kind === "environment").map((r) => r.name),
  ];
  const businessGroups = [
    ...sources.spec.filter((e) => e.kind === "business-group").map((e) => e.title),
    ...(sources.live ?? []).filter((r) => r.kind === "business-group").map((r) => r.name),
  ];
  return recordEvaluationRun(
    db.prisma,
    workspaceId,
    {
      trigger,
      startedAt: now,
      finishedAt: new Date(),
      rulesetVersion,
      syncRunId: sources.syncRunId,
      counts: summarize(findings),
      readiness: computeReadiness(findings, { environments, businessGroups }, completeness),
      completeness,
      durationMs: Date.now() - started,
    },
    findings,
  );
}

const pending = new Map<string, NodeJS.Timeout>();
const debounceMs = 1500;

/**
 * Evaluates a workspace soon, once, after a burst of changes (every spec save, sync, waiver and
 * decision change calls this). Tests evaluate explicitly instead: a timer outliving a test database
 * would only log noise.
 */
export function scheduleEvaluation(db: Database, workspaceId: string, trigger: string): void {
  if (getEnv().nodeEnv === "test") return;
  clearTimeout(pending.get(workspaceId));
  pending.set(
    workspaceId,
    setTimeout(() => {
      pending.delete(workspaceId);
      evaluateWorkspace(db, workspaceId, trigger).catch((error: unknown) =>
        getLogger().error({ err: error, workspaceId }, "evaluation failed"),
      );
    }, debounceMs).unref(),
  );
}

/** Runs the rules now (delivery leads and above) and answers the run. */
export async function runEvaluation(ctx: ServiceContext, slug: string): Promise<EvaluationRunRow> {
  const workspace = await authorizeWorkspace(ctx, slug, "evaluation:run");
  return evaluateWorkspace(
    ctx.db,
    workspace.id,
    ctx.origin === "cli" ? "cli" : ctx.origin === "api" ? "api" : "manual",
  );
}

const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

export const findingQuerySchema = z.object({
  severity: list(severitySchema),
  category: list(categorySchema),
  status: list(z.enum(["open", "waived", "resolved"])),
  environment: z.string().max(200).optional(),
  businessGroup: z.string().max(200).optional(),
  rule: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  ...pageQueryShape(),
});

export type FindingsPage = {
  items: (FindingRow & { ruleTitle: string })[];
  total: number;
  nextCursor: string | null;
};

/**
 * One page of a workspace's findings for a parsed query. `latest` is the latest run when the caller has read it
 * (undefined: read it here when needed).
 */
async function readFindingsPage(
  ctx: ServiceContext,
  workspaceId: string,
  q: z.output<typeof findingQuerySchema>,
  latest?: EvaluationRunRow | null,
): Promise<FindingsPage> {
  const status = q.status ?? ["open", "waived"];
  // Unfiltered (open and waived, the default view), the total is the latest run's own count:
  // only an evaluation writes findings, so the two agree, and counting 64,000 rows per page is not free.
  const unfiltered =
    !q.severity?.length &&
    !q.category?.length &&
    !q.environment &&
    !q.businessGroup &&
    !q.rule &&
    !q.q &&
    status.length === 2 &&
    status.includes("open") &&
    status.includes("waived");
  const run = unfiltered
    ? latest === undefined
      ? (await listEvaluationRunRows(ctx.db.prisma, workspaceId, 1))[0]
      : latest
    : undefined;
  const page = await listFindingRows(ctx.db.prisma, workspaceId, {
    total: run ? run.counts.open + run.counts.waived : undefined,
    severity: q.severity,
    category: q.category,
    status,
    environment: q.environment,
    businessGroup: q.businessGroup,
    ruleId: q.rule,
    text: q.q,
    offset: pageStart(q),
    limit: q.limit,
  });
  return {
    ...page,
    items: page.items.map((f) => ({ ...f, ruleTitle: findRule(f.ruleId)?.title ?? f.ruleId })),
    nextCursor: nextCursor(pageStart(q), page.items.length, page.total),
  };
}

/** A page of findings (open and waived by default), most severe first, filtered in the database. */
export async function listFindings(ctx: ServiceContext, slug: string, query: unknown): Promise<FindingsPage> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return readFindingsPage(ctx, workspace.id, parseInput(findingQuerySchema, query));
}

/**
 * The findings page: the latest evaluation run, its readiness (the page's frame) and the first
 * page of findings for `query`, so that the page opens with its results rather than asking again.
 */
export async function getFindingsView(ctx: ServiceContext, slug: string, query: unknown) {
  const workspace = await authorizeWorkspace(ctx, slug);
  // A bad query is refused whether or not there are findings to page through yet.
  const q = parseInput(findingQuerySchema, query);
  const [latest] = await listEvaluationRunRows(ctx.db.prisma, workspace.id, 1);
  return {
    latest: latest ?? null,
    readiness: (latest?.readiness ?? []) as Readiness[],
    page: latest ? await readFindingsPage(ctx, workspace.id, q, latest) : null,
  };
}

/** What the dashboard shows: readiness, the trend of open findings, top blockers, expiring waivers. */
export async function getGovernanceOverview(ctx: ServiceContext, slug: string, now = new Date()) {
  const workspace = await authorizeWorkspace(ctx, slug);
  const [[latestRun], trend, waivers, proposed, live] = await Promise.all([
    listEvaluationRunRows(ctx.db.prisma, workspace.id, 1),
    listEvaluationTrend(ctx.db.prisma, workspace.id, 30),
    listWaiverRows(ctx.db.prisma, workspace.id, ["approved", "requested"]),
    ctx.db.prisma.decision.findMany({
      where: { workspaceId: workspace.id, status: "proposed" },
      select: { sequence: true, title: true, proposedAt: true },
      orderBy: { sequence: "asc" },
    }),
    ctx.db.prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { liveSyncRunId: true } }),
  ]);
  const latest = latestRun ?? null;
  // The findings are those of the latest run (only an evaluation writes them), so its summary
  // counts them; older runs without per-rule counts are counted in the database.
  const groups = latest?.counts.byRule
    ? Object.entries(latest.counts.byRule).flatMap(([ruleId, bySeverity]) =>
        Object.entries(bySeverity).map(([severity, count]) => ({ ruleId, severity, count })),
      )
    : latest
      ? await groupOpenFindings(ctx.db.prisma, workspace.id)
      : [];
  const lastSync = live.liveSyncRunId
    ? await ctx.db.prisma.syncRun.findUnique({ where: { id: live.liveSyncRunId }, select: { finishedAt: true } })
    : null;
  const soon = now.getTime() + 14 * 86_400_000;
  return {
    latest,
    readiness: (latest?.readiness ?? []) as Readiness[],
    trend: [...trend].reverse().map((r) => ({ at: r.startedAt, ...r.bySeverity })),
    topBlockers: groups
      .filter((g) => g.severity === "error")
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
      .slice(0, 5)
      .map((g) => ({ ...g, title: findRule(g.ruleId)?.title ?? g.ruleId })),
    gaps: [
      ...groups
        .filter((g) => findRule(g.ruleId)?.category === "gap")
        .reduce((byRule, g) => byRule.set(g.ruleId, (byRule.get(g.ruleId) ?? 0) + g.count), new Map<string, number>()),
    ]
      .map(([ruleId, count]) => ({ ruleId, title: findRule(ruleId)?.title ?? ruleId, count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    expiringWaivers: waivers.filter((w) => w.status === "approved" && w.expiresAt.getTime() <= soon),
    requestedWaivers: waivers.filter((w) => w.status === "requested"),
    decisionsAwaitingReview: proposed.map((d) => ({
      number: `D${String(d.sequence).padStart(2, "0")}`,
      title: d.title,
      proposedAt: d.proposedAt,
    })),
    lastSyncAt: lastSync?.finishedAt ?? null,
  };
}

/** The rules, for the findings page and pipelines. */
export function listRules() {
  return ruleset.map(({ evaluate: _evaluate, ...rule }) => rule);
}

const maxWaiverDays = 365;

export const waiverRequestSchema = z
  .object({
    fingerprint: z.string().max(200).optional(),
    ruleId: z.string().max(100).optional(),
    resourceName: z.string().max(300).optional(),
    environment: z.string().max(200).optional(),
    reason: z
      .string()
      .trim()
      .min(10, { error: "reason is required: say why the finding is accepted (10 characters or more)" })
      .max(2000),
    expiresAt: z.coerce.date({ error: "expiresAt is required: every waiver expires (an ISO date)" }),
  })
  .refine((w) => !!w.fingerprint || !!w.ruleId, {
    error: "name the finding (fingerprint) or the rule (ruleId) to waive",
    path: ["fingerprint"],
  });

/** Requests a waiver (delivery leads and architects): a reason and an expiry within a year are mandatory. */
export async function requestWaiver(
  ctx: ServiceContext,
  slug: string,
  input: unknown,
  now = new Date(),
): Promise<WaiverRow> {
  const workspace = await authorizeWorkspace(ctx, slug, "waiver:request");
  const w = parseInput(waiverRequestSchema, input);
  const problems = [];
  if (w.expiresAt.getTime() <= now.getTime())
    problems.push({ field: "expiresAt", message: "expiresAt must be in the future" });
  if (w.expiresAt.getTime() > now.getTime() + maxWaiverDays * 86_400_000) {
    problems.push({
      field: "expiresAt",
      message: `expiresAt is at most ${maxWaiverDays} days ahead: waivers are revisited`,
    });
  }
  if (w.ruleId && !findRule(w.ruleId)) problems.push({ field: "ruleId", message: `no rule ${w.ruleId}` });
  if (
    w.fingerprint &&
    !(await ctx.db.prisma.finding.findFirst({ where: { workspaceId: workspace.id, fingerprint: w.fingerprint } }))
  ) {
    problems.push({ field: "fingerprint", message: "no finding with this fingerprint in the workspace" });
  }
  if (problems.length) throw invalidInput(problems);
  return insertWaiver(
    ctx.db.prisma,
    {
      workspaceId: workspace.id,
      fingerprint: w.fingerprint ?? null,
      ruleId: w.fingerprint ? null : (w.ruleId ?? null),
      resourceName: w.fingerprint ? null : (w.resourceName ?? null),
      environment: w.fingerprint ? null : (w.environment ?? null),
      reason: w.reason,
      expiresAt: w.expiresAt,
      requestedById: ctx.actor.id,
      requestedByName: ctx.actor.name,
    },
    { actor: ctx.actor, origin: ctx.origin },
  );
}

export const waiverDecisionSchema = z.object({
  decision: z.enum(["approve", "reject", "revoke"], { error: "decision must be approve, reject or revoke" }),
  note: z.string().trim().max(2000).default(""),
  version: z.number({ error: "version is required: the version you decided on" }).int().min(1),
});

/** Approves or rejects a requested waiver, or revokes an approved one (architects); re-evaluates. */
export async function decideWaiver(ctx: ServiceContext, slug: string, id: string, input: unknown): Promise<WaiverRow> {
  const workspace = await authorizeWorkspace(ctx, slug, "waiver:grant");
  const { decision, note, version } = parseInput(waiverDecisionSchema, input);
  const waiver = z.uuid().safeParse(id).success ? await findWaiverRow(ctx.db.prisma, workspace.id, id) : null;
  if (!waiver) throw notFound(`No waiver ${id} in workspace "${slug}"`);
  if (decision !== "revoke" && waiver.requestedById === ctx.actor.id) {
    throw new ServiceError(
      403,
      "forbidden",
      `${ctx.actor.name} requested this waiver and cannot decide it; ask another architect`,
    );
  }
  const from = decision === "revoke" ? ["approved"] : ["requested"];
  const to = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "revoked";
  const decided = await decideWaiverRow(
    ctx.db.prisma,
    { workspaceId: workspace.id, id, expectedVersion: version, from, to, note, at: new Date() },
    { actor: ctx.actor, origin: ctx.origin },
  );
  if (!decided) {
    const current = await findWaiverRow(ctx.db.prisma, workspace.id, id);
    throw new ServiceError(
      409,
      current?.version !== version ? "conflict" : "invalid_transition",
      current?.version !== version
        ? "Someone else changed this waiver; reload it and decide again."
        : `The waiver is ${current.status}; only a ${from.join(" or ")} waiver can be ${to}`,
      { current },
    );
  }
  scheduleEvaluation(ctx.db, workspace.id, "waiver");
  return decided;
}

/** Waivers of a workspace, soonest expiry first. */
export async function listWaivers(ctx: ServiceContext, slug: string): Promise<WaiverRow[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return listWaiverRows(ctx.db.prisma, workspace.id);
}
