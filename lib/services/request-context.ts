import "server-only";
import { getDatabase } from "@/lib/db/connection";
import { getRequestActor } from "@/lib/auth/request-actor";
import type { AuditOrigin } from "@/lib/db/audit-repository";
import type { ServiceContext } from "@/lib/services/context";

/** The context of the current request (pages and route handlers): process database + actor. */
export async function getRequestContext(origin: AuditOrigin = "ui"): Promise<ServiceContext> {
  const [db, actor] = await Promise.all([getDatabase(), getRequestActor()]);
  return { db, actor, origin };
}
