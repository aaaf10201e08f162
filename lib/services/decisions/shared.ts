import { z } from "zod";
import { findDecisionRow } from "@/lib/db/decision-repository";
import { loadRoleMapping } from "@/lib/db/role-mapping-repository";
import { listUserRecords } from "@/lib/db/user-repository";
import { can, resolveRole, type Permission } from "@/lib/domain/access";
import { formatDecisionNumber, parseDecisionNumber } from "@/lib/domain/decisions/lifecycle";
import type { DecisionDetail, DecisionRecord, DecisionSummary } from "@/lib/domain/decisions/stored";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import { notFound, ServiceError } from "@/lib/services/errors";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";

export type { DecisionDetail, DecisionSummary };

/** "D05", "d5", "5" or the decision's id. */
function parseRef(ref: string): { sequence: number } | { id: string } | null {
  const sequence = parseDecisionNumber(ref) ?? (/^\d{1,4}$/.test(ref) ? Number(ref) : null);
  if (sequence !== null) return { sequence };
  return z.uuid().safeParse(ref).success ? { id: ref } : null;
}

/**
 * The workspace and one of its decisions (404 for either), then `permission` on it: a reader
 * learns that a decision does not exist before being told that they may not change it.
 */
export async function loadDecision(ctx: ServiceContext, slug: string, ref: string, permission?: Permission) {
  const workspace = await authorizeWorkspace(ctx, slug);
  const parsed = parseRef(ref);
  const decision = parsed ? await findDecisionRow(ctx.db.prisma, workspace.id, parsed) : null;
  if (!decision) throw notFound(`No decision ${ref} in workspace "${slug}"`);
  if (permission) requirePermission(ctx.actor, permission, { workspace });
  return { workspace, decision };
}

/** 409 naming the version the decision has now. */
export const conflict = (decision: DecisionRecord) =>
  new ServiceError(
    409,
    "conflict",
    `Someone else changed ${formatDecisionNumber(decision.sequence)} (now version ${decision.version}); review their change and apply yours again.`,
    { current: decision },
  );

/** 409 for a change the decision's status does not allow. */
export const refused = (reason: string, code = "invalid_transition") => new ServiceError(409, code, reason);

/** A person who can review decisions (their role, from their last sign-in, grants decision review). */
export type ReviewCandidate = { id: string; name: string };

/** Everyone whose role, from their last sign-in, grants decision review. */
export async function listReviewers(ctx: ServiceContext): Promise<ReviewCandidate[]> {
  const [users, roles] = await Promise.all([
    listUserRecords(ctx.db.prisma),
    loadRoleMapping(ctx.db.prisma, getEnv().auth.defaultRoleGroups),
  ]);
  return users
    .filter((u) => can({ role: resolveRole(u.groups, roles.mapping) }, "decision:review"))
    .map((u) => ({ id: u.subject, name: u.name }));
}
