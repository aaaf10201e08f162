import { z } from "zod";
import {
  summarizeStaleFindings,
  groupOpenFindings,
  listEvaluationRunRows,
  listEvaluationTrend,
  listFindingRows,
  listTopErrorRows,
  specRecordKindsOf,
  type EvaluationRunRow,
} from "@/lib/db/governance-repository";
import { listWaiverRows } from "@/lib/db/waiver-repository";
import type { Readiness } from "@/lib/domain/governance/readiness";
import type { ReadScope } from "@/lib/domain/live/read-scope";
import { findingEditPath } from "@/lib/domain/governance/finding-links";
import { findRule } from "@/lib/domain/governance/ruleset";
import { categorySchema, severitySchema } from "@/lib/domain/governance/types";
import type { ServiceContext } from "@/lib/services/context";
import { authorizeWorkspace } from "@/lib/services/guard";
import { nextCursor, pageQueryShape, pageStart } from "@/lib/services/paging";
import { parseInput } from "@/lib/services/validation";
import type { FindingRecord, FindingsPage } from "@/lib/domain/governance/records";

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

export type { FindingsPage };

/** Where each of these findings' records is edited (one look-up of their records' kinds), for use-cases that authorized the workspace. */
export async function editPaths(
  ctx: ServiceContext,
  workspace: { id: string; slug: string },
  findings: readonly Pick<FindingRecord, "specRecordId" | "resourceKind" | "resourceName">[],
): Promise<(finding: Pick<FindingRecord, "specRecordId" | "resourceKind" | "resourceName">) => string | null> {
  const kinds = await specRecordKindsOf(
    ctx.db.prisma,
    workspace.id,
    findings.map((f) => f.specRecordId),
  );
  return (f) => findingEditPath(workspace.slug, f, f.specRecordId ? kinds.get(f.specRecordId) : null);
}

/** How many of each top blocker's findings the dashboard shows, with what to do and where. */
const blockerExamples = 3;

/**
 * One page of a workspace's findings for a parsed query. `latest` is the latest run when the caller has read it
 * (undefined: read it here when needed).
 */
async function readFindingsPage(
  ctx: ServiceContext,
  workspace: { id: string; slug: string },
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
      ? (await listEvaluationRunRows(ctx.db.prisma, workspace.id, 1))[0]
      : latest
    : undefined;
  const page = await listFindingRows(ctx.db.prisma, workspace.id, {
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
  const edit = await editPaths(ctx, workspace, page.items);
  return {
    ...page,
    items: page.items.map((f) => ({ ...f, ruleTitle: findRule(f.ruleId)?.title ?? f.ruleId, editUrl: edit(f) })),
    nextCursor: nextCursor(pageStart(q), page.items.length, page.total),
  };
}

/** A page of findings (open and waived by default), most severe first, filtered in the database. */
export async function listFindings(ctx: ServiceContext, slug: string, query: unknown): Promise<FindingsPage> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return readFindingsPage(ctx, workspace, parseInput(findingQuerySchema, query));
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
    page: latest ? await readFindingsPage(ctx, workspace, q, latest) : null,
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
  const [lastSync, stale] = await Promise.all([
    live.liveSyncRunId
      ? ctx.db.prisma.syncRun.findUnique({
          where: { id: live.liveSyncRunId },
          select: { finishedAt: true, scopes: true },
        })
      : null,
    summarizeStaleFindings(ctx.db.prisma, workspace.id),
  ]);
  const scopes = (lastSync?.scopes ?? []) as ReadScope[];
  const soon = now.getTime() + 14 * 86_400_000;
  const blockers = groups
    .filter((g) => g.severity === "error")
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 5);
  // The first few findings of each blocker, so that the dashboard says what to do and where.
  const examples = await listTopErrorRows(
    ctx.db.prisma,
    workspace.id,
    blockers.map((b) => b.ruleId),
    blockerExamples,
  );
  const edit = await editPaths(ctx, workspace, examples);
  return {
    latest,
    readiness: (latest?.readiness ?? []) as Readiness[],
    trend: [...trend].reverse().map((r) => ({ at: r.startedAt, ...r.bySeverity })),
    topBlockers: blockers.map((g) => ({
      ...g,
      title: findRule(g.ruleId)?.title ?? g.ruleId,
      findings: examples
        .filter((f) => f.ruleId === g.ruleId)
        .map((f) => ({
          id: f.id,
          resourceKind: f.resourceKind,
          resourceName: f.resourceName,
          environment: f.environment,
          message: f.message,
          remediation: f.remediation,
          liveExternalId: f.liveExternalId,
          editUrl: edit(f),
        })),
    })),
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
    /** How much of the live data behind these figures the latest sync could not read, and how old what was kept is. */
    liveData: {
      keptParts: scopes.filter((s) => s.status === "carried-forward").length,
      unknownParts: scopes.filter((s) => s.status === "unreadable").length,
      staleFindings: stale,
    },
  };
}
