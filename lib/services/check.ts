import { z } from "zod";
import { listSpecRecords } from "@/lib/db/spec-repository";
import { specRecordEditPath } from "@/lib/domain/governance/finding-links";
import { listNotRecorded } from "@/lib/domain/spec/completeness";
import { specKindIds, specKinds } from "@/lib/domain/spec/kinds";
import { listCurrentFindingRows, listEvaluationRunRows } from "@/lib/db/governance-repository";
import { can } from "@/lib/domain/access";
import {
  checkFilterSchema,
  checkIncludeSchema,
  filterCheckFindings,
  sortCheckFindings,
  summarizeCheck,
  type CheckFinding,
  type CheckReport,
} from "@/lib/domain/governance/check-report";
import type { Readiness } from "@/lib/domain/governance/readiness";
import type { Category, Severity } from "@/lib/domain/governance/types";
import type { ServiceContext } from "@/lib/services/context";
import { forbidden, ServiceError } from "@/lib/services/errors";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { editPaths } from "@/lib/services/governance/findings";
import { parseInput } from "@/lib/services/validation";
import { authorizeWorkspace } from "@/lib/services/guard";

export type { CheckReport };

const many = (item: z.ZodType<string>) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const checkInputSchema = z.object({
  category: many(z.string()),
  environment: many(z.string()),
  include: many(checkIncludeSchema),
  /** false: report the latest evaluation instead of running the rules now. */
  evaluate: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
      error: "evaluate must be true or false",
    })
    .default(true),
});

/**
 * What a pipeline asks: run the rules now (delivery leads and above; a viewer's token reads the
 * latest evaluation with `evaluate: false`) and answer every open and waived finding, filtered
 * by category and environment, with the summary and the readiness per environment.
 */
export async function checkWorkspace(ctx: ServiceContext, slug: string, input: unknown): Promise<CheckReport> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const raw = parseInput(checkInputSchema, input);
  const filter = parseInput(checkFilterSchema, { category: raw.category, environment: raw.environment });
  let run;
  if (raw.evaluate) {
    if (!can(ctx.actor, "evaluation:run"))
      throw forbidden(
        `${ctx.actor.name} (role ${ctx.actor.role}) may not run the rules; read the latest evaluation instead (evaluate=false, agp check --latest).`,
      );
    run = await evaluateWorkspace(ctx.db, workspace.id, ctx.origin === "cli" ? "cli" : "api");
  } else {
    run = (await listEvaluationRunRows(ctx.db.prisma, workspace.id, 1))[0];
    if (!run)
      throw new ServiceError(
        409,
        "not_evaluated",
        `Workspace "${workspace.slug}" has not been evaluated yet: run the rules (evaluate=true) first.`,
      );
  }
  const rows = await listCurrentFindingRows(ctx.db.prisma, workspace.id);
  const edit = await editPaths(ctx, workspace, rows);
  const findings = sortCheckFindings(
    filterCheckFindings(
      rows.map((f): CheckFinding => ({
        ruleId: f.ruleId,
        severity: f.severity as Severity,
        category: f.category as Category,
        resourceKind: f.resourceKind,
        resourceName: f.resourceName,
        environment: f.environment,
        message: f.message,
        remediation: f.remediation,
        status: f.status as "open" | "waived",
        fingerprint: f.fingerprint,
        editUrl: edit(f),
      })),
      filter,
    ),
  );
  const environments = new Set(filter.environment.map((e) => e.toLowerCase()));
  const readiness = (run.readiness as Readiness[])
    .filter((r) => r.scope === "environment" && (!environments.size || environments.has(r.name.toLowerCase())))
    .map((r) => ({ environment: r.name, level: r.level, score: r.score }));
  return {
    workspace: workspace.slug,
    rulesetVersion: run.rulesetVersion,
    evaluatedAt: run.startedAt.toISOString(),
    summary: summarizeCheck(findings),
    readiness,
    findings,
    ...(raw.include.includes("completeness") ? { notRecorded: await readNotRecorded(ctx, workspace) } : {}),
  };
}

/** The fields no imported document had a column for, per record, in the specification's order of sections. */
async function readNotRecorded(
  ctx: ServiceContext,
  workspace: { id: string; slug: string },
): Promise<NonNullable<CheckReport["notRecorded"]>> {
  const records = await listSpecRecords(ctx.db.prisma, workspace.id);
  const byKind = new Map<string, { id: string; data: Record<string, unknown> }[]>();
  for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return specKindIds.flatMap((kind) =>
    listNotRecorded(kind, byKind.get(kind) ?? []).map((n) => ({
      kind,
      section: specKinds[kind].plural,
      record: n.record,
      fields: n.fields.map((f) => f.label),
      editUrl: specRecordEditPath(workspace.slug, kind, n.recordId),
    })),
  );
}
