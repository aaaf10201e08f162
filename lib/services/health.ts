import { getDatabase } from "@/lib/db/connection";
import type { Database } from "@/lib/db/database";
import { getMigrationStatus, readMigrations, type Migration } from "@/lib/db/migrations";
import { readLatestRunTimes } from "@/lib/db/run-repository";

export type Health =
  | {
      status: "ok";
      database: { kind: Database["kind"]; migrationLevel: string | null; pendingMigrations: number };
      lastSyncAt: string | null;
      lastEvaluationAt: string | null;
    }
  | { status: "unavailable"; reason: string };

// The migrations folder does not change while the server runs: read it once, not per probe.
let shipped: Migration[] | undefined;

/**
 * Checks the database and reports the portal's state. Public on purpose (load balancers and
 * uptime checks carry no credentials), so it says nothing about any workspace's content.
 */
export async function getHealth(open: () => Promise<Database> = getDatabase): Promise<Health> {
  try {
    const db = await open();
    const [migrations, runs] = await Promise.all([
      getMigrationStatus(db.driver, (shipped ??= readMigrations())),
      readLatestRunTimes(db.prisma),
    ]);
    return {
      status: "ok",
      database: { kind: db.kind, migrationLevel: migrations.level, pendingMigrations: migrations.pending.length },
      lastSyncAt: runs.lastSyncAt?.toISOString() ?? null,
      lastEvaluationAt: runs.lastEvaluationAt?.toISOString() ?? null,
    };
  } catch (error) {
    return { status: "unavailable", reason: `database unreachable: ${(error as Error).message}` };
  }
}
