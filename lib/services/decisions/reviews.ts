import { z } from "zod";
import { recordAuditEvent } from "@/lib/db/audit-repository";
import {
  latestRevisionNumber,
  requestReviewRows,
  withLockedDecision,
  writeVerdict,
} from "@/lib/db/decision-repository";
import { formatDecisionNumber } from "@/lib/domain/decisions/lifecycle";
import type { ServiceContext } from "@/lib/services/context";
import { getDecision } from "@/lib/services/decisions/read";
import { listReviewers, loadDecision, refused, type DecisionDetail } from "@/lib/services/decisions/shared";
import { ServiceError } from "@/lib/services/errors";
import { invalidInput, parseInput, type FieldProblem } from "@/lib/services/validation";

export const reviewRequestSchema = z.object({
  reviewers: z
    .array(z.string().min(1), { error: "reviewers must be a list of user ids" })
    .min(1, { error: "name at least one reviewer" })
    .max(20),
});

/** Asks people for their review of a draft or proposal. */
export async function requestReviews(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref, "decision:edit");
  const { reviewers } = parseInput(reviewRequestSchema, input);
  const candidates = new Map((await listReviewers(ctx)).map((r) => [r.id, r]));
  const problems: FieldProblem[] = [];
  reviewers.forEach((id, index) => {
    if (id === decision.createdById) {
      problems.push({ field: `reviewers.${index}`, message: "the author of a decision cannot review it" });
    } else if (!candidates.has(id)) {
      problems.push({ field: `reviewers.${index}`, message: `no user ${id} who may review decisions` });
    }
  });
  if (problems.length) throw invalidInput(problems);
  await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    const number = formatDecisionNumber(current.sequence);
    if (current.status !== "draft" && current.status !== "proposed") {
      throw refused(`${number} is ${current.status}: reviews are asked for drafts and proposals`, "not_reviewable");
    }
    const added = await requestReviewRows(
      tx,
      current.id,
      reviewers.map((id) => candidates.get(id)!),
    );
    if (added.length) {
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        origin: ctx.origin,
        workspaceId: workspace.id,
        action: "decision.review-request",
        entityKind: "decision",
        entityId: current.id,
        after: { reviewers: added.map((r) => r.name) },
      });
    }
  });
  return getDecision(ctx, slug, decision.id);
}

export const decisionReviewSchema = z
  .object({
    verdict: z.enum(["approved", "changes_requested"], { error: "verdict must be approved or changes_requested" }),
    note: z.string().trim().max(2000, { error: "note has at most 2,000 characters" }).default(""),
    revision: z.number({ error: "revision is required: the revision you reviewed" }).int().min(1),
  })
  .refine((r) => r.verdict === "approved" || r.note.length > 0, {
    error: "say which changes you request",
    path: ["note"],
  });

/**
 * Records a reviewer's verdict on the revision they read; 409 when the text changed since, so
 * that an approval never applies to text its reviewer has not seen.
 */
export async function reviewDecision(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref, "decision:review");
  const review = parseInput(decisionReviewSchema, input);
  await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    const number = formatDecisionNumber(current.sequence);
    if (current.createdById === ctx.actor.id) {
      throw new ServiceError(
        403,
        "forbidden",
        `${ctx.actor.name} wrote ${number} and cannot review it; ask someone else`,
      );
    }
    if (current.status !== "draft" && current.status !== "proposed") {
      throw refused(`${number} is ${current.status}: only drafts and proposals are reviewed`, "not_reviewable");
    }
    const latest = await latestRevisionNumber(tx, current.id);
    if (review.revision !== latest) {
      throw new ServiceError(
        409,
        "conflict",
        `${number} changed since you read it (revision ${review.revision}; now ${latest}); read the new text before you review it.`,
        { latestRevision: latest },
      );
    }
    await writeVerdict(tx, current.id, {
      reviewerId: ctx.actor.id,
      reviewerName: ctx.actor.name,
      verdict: review.verdict,
      note: review.note,
      revision: latest,
      at: new Date(),
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      origin: ctx.origin,
      workspaceId: workspace.id,
      action: "decision.review",
      entityKind: "decision",
      entityId: current.id,
      after: { verdict: review.verdict, note: review.note, revision: latest },
    });
  });
  return getDecision(ctx, slug, decision.id);
}
