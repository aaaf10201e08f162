import { describeTarget, openMigratedDatabase } from "@/lib/db/database";
import { EmbeddedDatabaseLockedError } from "@/lib/db/embedded-lock";
import { readMigrations } from "@/lib/db/migrations";
import type { Actor } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";

/** The database of DATABASE_URL opened for the person at the console, or why it could not be. */
export type OperatorSession =
  | { ok: true; ctx: ServiceContext; description: string; close: () => Promise<void> }
  | { ok: false; reason: "locked" | "unavailable"; message: string };

/**
 * Opens the database of DATABASE_URL (migrating it, so a fresh embedded directory works) for the
 * command line on the database directly. Whoever can open the database holds every right, so the
 * actor is an administrator, audited as the CLI under the operating-system user's name. An
 * embedded directory held by a running portal is refused: two writers would corrupt it.
 */
export async function openOperatorSession(migrationsDir: string, user: string): Promise<OperatorSession> {
  const target = getEnv().database;
  const description = describeTarget(target);
  try {
    const db = await openMigratedDatabase(target, readMigrations(migrationsDir));
    const actor: Actor = { kind: "system", id: `cli:${user}`, name: `${user} (agp CLI)`, role: "admin" };
    return { ok: true, ctx: { db, actor, origin: "cli" }, description, close: () => db.close() };
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) return { ok: false, reason: "locked", message: error.message };
    return {
      ok: false,
      reason: "unavailable",
      message: `Could not open ${description}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
