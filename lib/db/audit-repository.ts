import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import type { AuditEvent, AuditOrigin } from "@/lib/domain/audit";

export type { AuditOrigin };

export type AuditInput = {
  actor: Actor;
  origin: AuditOrigin;
  workspaceId?: string | null;
  action: string;
  entityKind: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/** Appends an audit event; call it inside the transaction of the change it records. */
export async function recordAuditEvent(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

const auditRow = (event: AuditInput) => ({
  workspaceId: event.workspaceId ?? null,
  actorKind: event.actor.kind,
  actorId: event.actor.id,
  actorName: event.actor.name,
  origin: event.origin,
  action: event.action,
  entityKind: event.entityKind,
  entityId: event.entityId ?? null,
  before: toJson(event.before),
  after: toJson(event.after),
});

/** Appends many audit events at once (an import's one event per record), inside the change's transaction. */
export async function recordAuditEvents(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map(auditRow) });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

export type AuditFilter = {
  workspaceId: string;
  entityId?: string;
  entityKind?: string;
  action?: string;
  actor?: string;
  /** Events strictly older than this id's event (paging newest first). */
  before?: { at: Date; id: string };
  limit: number;
};

/** Events of a workspace, newest first, filtered. */
export async function listAuditEventRecords(prisma: PrismaClient, filter: AuditFilter): Promise<AuditEvent[]> {
  const rows = await prisma.auditEvent.findMany({
    where: {
      workspaceId: filter.workspaceId,
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.entityKind ? { entityKind: filter.entityKind } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorName: { contains: filter.actor, mode: "insensitive" as const } } : {}),
      ...(filter.before
        ? { OR: [{ at: { lt: filter.before.at } }, { at: filter.before.at, id: { lt: filter.before.id } }] }
        : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: filter.limit,
  });
  return rows.map((row) => ({ ...row, before: row.before, after: row.after }));
}
