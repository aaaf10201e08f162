import { loadEvaluationSources, recordEvaluationRun, type EvaluationRunRow } from "@/lib/db/governance-repository";
import type { Database } from "@/lib/db/database";
import { evaluate } from "@/lib/domain/governance/engine";
import type { EvaluationInput } from "@/lib/domain/governance/types";
import { computeReadiness, summarize } from "@/lib/domain/governance/readiness";
import { ruleset, rulesetVersion } from "@/lib/domain/governance/ruleset";
import { measureCompleteness } from "@/lib/domain/spec/completeness";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { authorizeWorkspace } from "@/lib/services/guard";

export type { EvaluationRunRow };

/**
 * Evaluates every rule on a workspace's plan, live snapshot, decisions and waivers, and stores the
 * run with its findings (first/last seen, resolved) and readiness.
 */
/** What the rules read, from what the database holds for a workspace. */
export function evaluationInputOf(
  sources: Awaited<ReturnType<typeof loadEvaluationSources>>,
  now: Date,
): EvaluationInput {
  return {
    spec: sources.spec,
    live: sources.live,
    liveScopes: sources.liveScopes,
    decisions: sources.decisions,
    controlPlane: sources.controlPlane,
    importGaps: sources.importGaps,
    now,
  };
}

export async function evaluateWorkspace(
  db: Database,
  workspaceId: string,
  trigger: string,
  now = new Date(),
): Promise<EvaluationRunRow> {
  const started = Date.now();
  const sources = await loadEvaluationSources(db.prisma, workspaceId);
  const findings = evaluate(ruleset, evaluationInputOf(sources, now), sources.waivers);
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

/** The rules, for the findings page and pipelines. */
export function listRules() {
  return ruleset.map(({ evaluate: _evaluate, ...rule }) => rule);
}
