import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import type { WaiverRecord } from "@/lib/domain/governance/records";

// Waivers: requested, decided by another architect, listed (governance-repository.ts holds the findings they waive).

type Audit = { actor: Actor; origin: AuditOrigin };

const asWaiver = (row: Prisma.WaiverGetPayload<object>) => row as WaiverRecord;

export async function insertWaiver(
  prisma: PrismaClient,
  input: Pick<
    WaiverRecord,
    "workspaceId" | "fingerprint" | "ruleId" | "resourceName" | "environment" | "reason" | "expiresAt"
  > & {
    requestedById: string;
    requestedByName: string;
  },
  audit: Audit,
): Promise<WaiverRecord> {
  return prisma.$transaction(async (tx) => {
    const waiver = await tx.waiver.create({ data: { ...input, status: "requested" } });
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: input.workspaceId,
      action: "waiver.request",
      entityKind: "waiver",
      entityId: waiver.id,
      after: waiver,
    });
    return asWaiver(waiver);
  });
}

/** Moves a waiver to a new status if it is still at `expectedVersion` and in one of `from`; null otherwise. */
export async function decideWaiverRow(
  prisma: PrismaClient,
  input: {
    workspaceId: string;
    id: string;
    expectedVersion: number;
    from: string[];
    to: string;
    note: string;
    at: Date;
  },
  audit: Audit,
): Promise<WaiverRecord | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.waiver.updateMany({
      where: {
        id: input.id,
        workspaceId: input.workspaceId,
        version: input.expectedVersion,
        status: { in: input.from },
      },
      data: {
        status: input.to,
        decidedById: audit.actor.id,
        decidedByName: audit.actor.name,
        decidedAt: input.at,
        decisionNote: input.note,
        version: { increment: 1 },
      },
    });
    if (count === 0) return null;
    const waiver = await tx.waiver.findUniqueOrThrow({ where: { id: input.id } });
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: input.workspaceId,
      action: `waiver.${input.to === "approved" ? "approve" : input.to === "rejected" ? "reject" : "revoke"}`,
      entityKind: "waiver",
      entityId: waiver.id,
      after: { status: waiver.status, note: input.note },
    });
    return asWaiver(waiver);
  });
}

export async function findWaiverRow(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<WaiverRecord | null> {
  const row = await prisma.waiver.findFirst({ where: { id, workspaceId } });
  return row && asWaiver(row);
}

export async function listWaiverRows(
  prisma: PrismaClient,
  workspaceId: string,
  status?: string[],
): Promise<WaiverRecord[]> {
  const rows = await prisma.waiver.findMany({
    where: { workspaceId, ...(status?.length ? { status: { in: status } } : {}) },
    orderBy: [{ expiresAt: "asc" }],
  });
  return rows.map(asWaiver);
}
