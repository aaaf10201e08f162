import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";

export type AuditOrigin = "ui" | "api" | "cli" | "sync" | "system";

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
  await tx.auditEvent.create({
    data: {
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
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
