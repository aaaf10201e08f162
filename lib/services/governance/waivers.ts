import { z } from "zod";
import { decideWaiverRow, findWaiverRow, insertWaiver, listWaiverRows } from "@/lib/db/waiver-repository";
import { findRule } from "@/lib/domain/governance/ruleset";
import type { ServiceContext } from "@/lib/services/context";
import { notFound, ServiceError } from "@/lib/services/errors";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { authorizeWorkspace } from "@/lib/services/guard";
import { invalidInput, parseInput } from "@/lib/services/validation";
import type { WaiverRecord } from "@/lib/domain/governance/records";

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
): Promise<WaiverRecord> {
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
export async function decideWaiver(
  ctx: ServiceContext,
  slug: string,
  id: string,
  input: unknown,
): Promise<WaiverRecord> {
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
export async function listWaivers(ctx: ServiceContext, slug: string): Promise<WaiverRecord[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return listWaiverRows(ctx.db.prisma, workspace.id);
}
