import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import type { BulkColumn } from "@/lib/db/bulk";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import type { SpecRecord } from "@/lib/domain/spec/record";

/** Columns of the bulk writes of records (imports and restores). */
export const specRecordColumns: BulkColumn[] = [
  ["id", "uuid"],
  ["workspaceId", "uuid"],
  ["kind", "text"],
  ["key", "text"],
  ["title", "text"],
  ["data", "jsonb"],
  ["createdAt", "timestamptz(3)"],
  ["updatedAt", "timestamptz(3)"],
];
export const specLinkColumns: BulkColumn[] = [
  ["fromId", "uuid"],
  ["field", "text"],
  ["toId", "uuid"],
];

/** A reference from one record's field to another record. */
export type SpecLinkInput = { field: string; toId: string };

/** What a create or update writes: the validated data and what derives from it. */
export type SpecRecordWrite = {
  key: string | null;
  title: string;
  data: Record<string, unknown>;
  links: SpecLinkInput[];
};

/** Who changed it, and (for a change made to close findings) why: kept with the audit event's after. */
type Audit = { actor: Actor; origin: AuditOrigin; because?: unknown };

const select = {
  id: true,
  kind: true,
  title: true,
  data: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;
type Row = Prisma.SpecRecordGetPayload<{ select: typeof select }>;
const toRow = (row: Row): SpecRecord => ({ ...row, data: row.data as Record<string, unknown> });

/** The outcome of a write that may lose a race: the record, or who was there first. */
export type WriteResult =
  | { ok: true; record: SpecRecord }
  | { ok: false; reason: "conflict"; current: SpecRecord }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "duplicate_key" };

/** The records of a workspace, of one kind or all, oldest first. */
export async function listSpecRecords(prisma: PrismaClient, workspaceId: string, kind?: string): Promise<SpecRecord[]> {
  const rows = await prisma.specRecord.findMany({
    where: { workspaceId, ...(kind ? { kind } : {}) },
    select,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toRow);
}

export async function findSpecRecord(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
): Promise<SpecRecord | null> {
  const row = await prisma.specRecord.findFirst({ where: { id, workspaceId }, select });
  return row ? toRow(row) : null;
}

/** The kind and title of each of `ids` that exists in the workspace. */
export async function findRecordKinds(
  prisma: PrismaClient | Prisma.TransactionClient,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, { kind: string; title: string; data: Record<string, unknown> }>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.specRecord.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, kind: true, title: true, data: true },
  });
  return new Map(rows.map((r) => [r.id, { kind: r.kind, title: r.title, data: r.data as Record<string, unknown> }]));
}

/** The records that refer to `id`, and through which field. */
export async function findReferrers(
  prisma: PrismaClient,
  id: string,
): Promise<{ id: string; kind: string; title: string; field: string }[]> {
  const links = await prisma.specLink.findMany({
    where: { toId: id },
    select: { field: true, from: { select: { id: true, kind: true, title: true } } },
  });
  return links.map((link) => ({ ...link.from, field: link.field }));
}

/** What the audit log keeps of a record's state. */
const snapshot = (row: { title: string; version: number; data: unknown }) => ({
  title: row.title,
  version: row.version,
  data: row.data,
});

/** Makes a record's links exactly `links` (inside the caller's transaction). */
async function replaceLinks(
  tx: Pick<Prisma.TransactionClient, "specLink">,
  fromId: string,
  links: SpecLinkInput[],
): Promise<void> {
  await tx.specLink.deleteMany({ where: { fromId } });
  if (links.length) await tx.specLink.createMany({ data: links.map((l) => ({ fromId, ...l })) });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates a record with its links and audit event, in one transaction. */
export async function insertSpecRecord(
  prisma: PrismaClient,
  input: SpecRecordWrite & { workspaceId: string; kind: string },
  audit: Audit,
): Promise<WriteResult> {
  try {
    const record = await prisma.$transaction(async (tx) => {
      const row = toRow(
        await tx.specRecord.create({
          data: {
            workspaceId: input.workspaceId,
            kind: input.kind,
            key: input.key,
            title: input.title,
            data: input.data as Prisma.InputJsonValue,
          },
          select,
        }),
      );
      await replaceLinks(tx, row.id, input.links);
      await recordAuditEvent(tx, {
        ...audit,
        workspaceId: input.workspaceId,
        action: "spec.create",
        entityKind: input.kind,
        entityId: row.id,
        after: snapshot(row),
      });
      return row;
    });
    return { ok: true, record };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_key" };
    throw error;
  }
}

/**
 * Replaces a record's data if it is still at `expectedVersion`; the version check and the write
 * are one statement, so of two concurrent updates exactly one wins and the other gets the
 * winner's record back.
 */
type SpecRecordUpdate = SpecRecordWrite & { workspaceId: string; id: string; expectedVersion: number };

export async function updateSpecRecordRow(
  prisma: PrismaClient,
  input: SpecRecordUpdate,
  audit: Audit,
): Promise<WriteResult> {
  try {
    return await prisma.$transaction((tx) => updateInTransaction(tx, input, audit));
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_key" };
    throw error;
  }
}

/** Thrown inside a transaction to undo every update of a set when one of them cannot be made. */
class UpdateRefused extends Error {
  constructor(readonly result: Exclude<WriteResult, { ok: true }>) {
    super("update refused");
  }
}

/** Updates several records in one transaction: all of them, or none (the first refusal is the answer). */
export async function updateSpecRecordRows(
  prisma: PrismaClient,
  inputs: readonly (SpecRecordUpdate & { because?: unknown })[],
  audit: Omit<Audit, "because">,
): Promise<WriteResult[]> {
  try {
    return await prisma.$transaction(async (tx) => {
      const results: WriteResult[] = [];
      for (const { because, ...input } of inputs) {
        const result = await updateInTransaction(tx, input, { ...audit, because });
        if (!result.ok) throw new UpdateRefused(result);
        results.push(result);
      }
      return results;
    });
  } catch (error) {
    if (error instanceof UpdateRefused) return [error.result];
    if (isUniqueViolation(error)) return [{ ok: false, reason: "duplicate_key" }];
    throw error;
  }
}

/** One record's update with its audit event, inside the caller's transaction. */
async function updateInTransaction(
  tx: Prisma.TransactionClient,
  input: SpecRecordUpdate,
  audit: Audit,
): Promise<WriteResult> {
  const before = await tx.specRecord.findFirst({ where: { id: input.id, workspaceId: input.workspaceId }, select });
  if (!before) return { ok: false, reason: "not_found" } as const;
  const { count } = await tx.specRecord.updateMany({
    where: { id: input.id, workspaceId: input.workspaceId, version: input.expectedVersion },
    data: {
      key: input.key,
      title: input.title,
      data: input.data as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const current = await tx.specRecord.findFirstOrThrow({ where: { id: input.id }, select });
    return { ok: false, reason: "conflict", current: toRow(current) } as const;
  }
  await replaceLinks(tx, input.id, input.links);
  const after = toRow(await tx.specRecord.findFirstOrThrow({ where: { id: input.id }, select }));
  const { because, ...who } = audit;
  await recordAuditEvent(tx, {
    ...who,
    workspaceId: input.workspaceId,
    action: "spec.update",
    entityKind: after.kind,
    entityId: after.id,
    before: snapshot(before),
    after: because === undefined ? snapshot(after) : { ...snapshot(after), because },
  });
  return { ok: true, record: after } as const;
}

/** Deletes a record (if still at `expectedVersion` when given) with its audit event. */
export async function deleteSpecRecordRow(
  prisma: PrismaClient,
  input: { workspaceId: string; id: string; expectedVersion?: number },
  audit: Audit,
): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.specRecord.findFirst({ where: { id: input.id, workspaceId: input.workspaceId }, select });
    if (!before) return { ok: false, reason: "not_found" } as const;
    const { count } = await tx.specRecord.deleteMany({
      where: { id: input.id, ...(input.expectedVersion === undefined ? {} : { version: input.expectedVersion }) },
    });
    if (count === 0) return { ok: false, reason: "conflict", current: toRow(before) } as const;
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: input.workspaceId,
      action: "spec.delete",
      entityKind: before.kind,
      entityId: before.id,
      before: snapshot(before),
    });
    return { ok: true, record: toRow(before) } as const;
  });
}
