// Applies pending migrations to the database of DATABASE_URL (embedded or PostgreSQL), offline.
// The app does the same at start-up; this is for deployments that migrate before rolling out.
import { describeTarget, openDatabase } from "@/lib/db/database";
import { applyMigrations, getMigrationStatus } from "@/lib/db/migrations";
import { getEnv } from "@/lib/env";

async function main() {
  const { database: target } = getEnv();
  const db = await openDatabase(target);
  try {
    const applied = await applyMigrations(db.driver);
    const status = await getMigrationStatus(db.driver);
    console.log(
      applied.length
        ? `db:deploy: applied ${applied.length} migration(s) to ${describeTarget(target)}:\n  ${applied.join("\n  ")}`
        : `db:deploy: ${describeTarget(target)} is up to date.`,
    );
    console.log(`db:deploy: migration level ${status.level ?? "(none)"}`);
  } finally {
    await db.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`db:deploy: ${(error as Error).message}`);
    process.exit(1);
  });
