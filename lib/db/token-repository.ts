import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Actor, Role } from "@/lib/domain/access";
import type { ApiToken } from "@/lib/domain/api-token";

const select = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

type Row = Omit<ApiToken, "role" | "createdBy"> & { role: string; createdBy: { name: string } };

function toRecord(row: Row): ApiToken {
  return { ...row, role: row.role as Role, createdBy: row.createdBy.name };
}

export async function listTokenRecords(prisma: PrismaClient): Promise<ApiToken[]> {
  const rows = await prisma.apiToken.findMany({ select, orderBy: { createdAt: "desc" } });
  return rows.map(toRecord);
}

export async function findTokenRecord(prisma: PrismaClient, id: string): Promise<ApiToken | null> {
  const row = await prisma.apiToken.findUnique({ where: { id }, select });
  return row ? toRecord(row) : null;
}

/** Looks a presented secret up by its hash (the only way a token is ever found by its secret). */
export async function findTokenByHash(prisma: PrismaClient, secretHash: string): Promise<ApiToken | null> {
  const row = await prisma.apiToken.findUnique({ where: { secretHash }, select });
  return row ? toRecord(row) : null;
}

/** Stores a new token (its hash) and the audit event, in one transaction. */
export async function insertToken(
  prisma: PrismaClient,
  input: { name: string; role: Role; prefix: string; secretHash: string; createdById: string; expiresAt: Date },
  audit: { actor: Actor; origin: AuditOrigin },
): Promise<ApiToken> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: input, select });
    const record = toRecord(row);
    await recordAuditEvent(tx, {
      ...audit,
      action: "token.create",
      entityKind: "api-token",
      entityId: record.id,
      after: { name: record.name, role: record.role, prefix: record.prefix, expiresAt: record.expiresAt },
    });
    return record;
  });
}

/** Revokes a token once; returns null when it was already revoked (nothing written). */
export async function revokeTokenRecord(
  prisma: PrismaClient,
  id: string,
  by: { userId: string; at: Date },
  audit: { actor: Actor; origin: AuditOrigin },
): Promise<ApiToken | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: by.at, revokedById: by.userId },
    });
    if (count === 0) return null;
    const record = toRecord(await tx.apiToken.findUniqueOrThrow({ where: { id }, select }));
    await recordAuditEvent(tx, {
      ...audit,
      action: "token.revoke",
      entityKind: "api-token",
      entityId: id,
      before: { revokedAt: null },
      after: { name: record.name, revokedAt: record.revokedAt },
    });
    return record;
  });
}

/**
 * Records that a token was used. Writes at most once a minute per token, so that a busy
 * pipeline does not turn every read into a write.
 */
export async function touchToken(prisma: PrismaClient, id: string, at: Date): Promise<void> {
  const staleBefore = new Date(at.getTime() - 60_000);
  await prisma.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: at },
  });
}
