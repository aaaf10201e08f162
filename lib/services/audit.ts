import { z } from "zod";
import { listAuditEventRecords } from "@/lib/db/audit-repository";
import type { ServiceContext } from "@/lib/services/context";
import { authorizeWorkspace } from "@/lib/services/guard";
import { parseInput } from "@/lib/services/validation";
import type { AuditEvent } from "@/lib/domain/audit";

export const auditQuerySchema = z.object({
  entityId: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Decodes a paging cursor: the time and id of the last event of the previous page. */
function parseCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : undefined;
}

/**
 * The audit trail of a workspace, newest first, filtered by record, kind, action or actor;
 * `nextCursor` fetches the next page. Everyone who can read the workspace can read its trail.
 */
export async function listAuditEvents(
  ctx: ServiceContext,
  slug: string,
  query: unknown,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const filter = parseInput(auditQuerySchema, query);
  const items = await listAuditEventRecords(ctx.db.prisma, {
    workspaceId: workspace.id,
    entityId: filter.entityId,
    entityKind: filter.kind,
    action: filter.action,
    actor: filter.actor,
    before: parseCursor(filter.cursor),
    limit: filter.limit,
  });
  const last = items.at(-1);
  const nextCursor =
    items.length === filter.limit && last
      ? Buffer.from(`${last.at.toISOString()}|${last.id}`).toString("base64url")
      : null;
  return { items, nextCursor };
}
