import { z } from "zod";

/** Through which door a change came. */
export const auditOriginSchema = z.enum(["ui", "api", "cli", "sync", "system"]);
export type AuditOrigin = z.infer<typeof auditOriginSchema>;

/** An audit event as the audit page and record histories show it: who, through which door, what, before and after. */
export const auditEventSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorKind: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  origin: z.string(),
  action: z.string(),
  entityKind: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
