import type { AuditOrigin } from "@/lib/db/audit-repository";
import type { Database } from "@/lib/db/database";
import type { Actor } from "@/lib/domain/access";

/** What every use-case receives: the database, who acts, and through which door. */
export type ServiceContext = { db: Database; actor: Actor; origin: AuditOrigin };
