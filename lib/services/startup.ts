import "server-only";
import { getDatabase } from "@/lib/db/connection";
import { describeTarget } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";

/**
 * Prepares the server before it takes requests: validates the environment, opens the database
 * (claiming an embedded directory), applies pending migrations and seeds what a fresh install needs.
 */
export async function startUp(): Promise<void> {
  const env = getEnv();
  const db = await getDatabase();
  const fresh = await ensureDefaultWorkspace(db);
  getLogger().info(
    {
      mode: env.mode,
      database: describeTarget(db.target),
      migrationsApplied: db.appliedNow,
      seeded: fresh?.slug ?? null,
    },
    "ready",
  );
}
