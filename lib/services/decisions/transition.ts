import { z } from "zod";
import { recordAuditEvent } from "@/lib/db/audit-repository";
import {
  countApprovals,
  findDecisionRow,
  readDecisionRelations,
  updateDecisionRow,
  withLockedDecision,
} from "@/lib/db/decision-repository";
import {
  checkTransition,
  decisionStatusSchema,
  formatDecisionNumber,
  planAcceptance,
  type DecisionStatus,
} from "@/lib/domain/decisions/lifecycle";
import type { ServiceContext } from "@/lib/services/context";
import { getDecision } from "@/lib/services/decisions/read";
import { conflict, loadDecision, refused, type DecisionDetail } from "@/lib/services/decisions/shared";
import { notFound } from "@/lib/services/errors";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { parseInput } from "@/lib/services/validation";

export const decisionTransitionSchema = z.object({
  to: decisionStatusSchema,
  version: z.number({ error: "version is required: the version your change is based on" }).int().min(1),
});

/**
 * Moves a decision through its lifecycle. Accepting it needs the workspace's approvals and
 * supersedes, in the same transaction, every decision it supersedes.
 */
export async function transitionDecision(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref, "decision:edit");
  const { to, version } = parseInput(decisionTransitionSchema, input);
  const now = new Date();
  const outcome = await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    if (current.version !== version) throw conflict(current);
    const number = formatDecisionNumber(current.sequence);
    const context = { approvals: await countApprovals(tx, current.id), requiredApprovals: workspace.requiredApprovals };
    let changes: { id: string; from: DecisionStatus; to: DecisionStatus }[];
    if (to === "accepted") {
      const relations = await readDecisionRelations(tx, current.id);
      const superseded = relations.links
        .filter((l) => l.kind === "supersedes" && l.direction === "outgoing")
        .map((l) => ({ id: l.other.id, number: formatDecisionNumber(l.other.sequence), status: l.other.status }));
      const plan = planAcceptance({ id: current.id, number, status: current.status }, context, superseded);
      if (!plan.ok) throw refused(plan.reason);
      changes = plan.changes;
    } else {
      const check = checkTransition(number, current.status, to, context);
      if (!check.ok) throw refused(check.reason);
      if (to === "proposed" && !current.decision.trim()) {
        throw refused(`${number} cannot be proposed without its decision text: say what is decided first`);
      }
      changes = [{ id: current.id, from: current.status, to }];
    }
    for (const change of changes) {
      const target = change.id === current.id ? current : await findDecisionRow(tx, workspace.id, { id: change.id });
      if (!target) throw conflict(current);
      const dates =
        change.to === "proposed"
          ? { proposedAt: now }
          : change.to === "accepted" || change.to === "rejected"
            ? { decidedAt: now }
            : change.to === "deprecated" || change.to === "superseded"
              ? { retiredAt: now }
              : {};
      const saved = await updateDecisionRow(tx, target.id, target.version, { status: change.to, ...dates });
      if (!saved) throw conflict(current);
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        origin: ctx.origin,
        workspaceId: workspace.id,
        action: change.id === current.id ? "decision.transition" : "decision.supersede",
        entityKind: "decision",
        entityId: target.id,
        before: { status: change.from },
        after: { status: change.to, ...(change.id === current.id ? {} : { supersededBy: number }) },
      });
    }
    return true;
  });
  if (!outcome) throw notFound(`No decision ${ref} in workspace "${slug}"`);
  scheduleEvaluation(ctx.db, workspace.id, "decision");
  return getDecision(ctx, slug, decision.id);
}
