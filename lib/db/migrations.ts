import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver, SqlSession } from "@/lib/db/sql-driver";

/** One folder of prisma/migrations: its name, SQL and checksum. */
export type Migration = { name: string; sql: string; checksum: string };

export type MigrationStatus = {
  /** Names applied in this database, oldest first. */
  applied: string[];
  /** Names in the migrations folder not yet applied, oldest first. */
  pending: string[];
  /** The newest applied migration: the database's migration level. */
  level: string | null;
};

/** The migrations folder shipped with the app (relative to the checkout). */
export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/** Reads every `<name>/migration.sql` under `dir`, sorted by name (timestamp first). */
export function readMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  // turbopackIgnore: the folder is chosen at run time; next.config.ts traces prisma/migrations.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** A migration failed or the history does not match the migrations folder. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

// Same table as Prisma Migrate keeps, so that Prisma's own tooling reads the history too.
const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant: serialises migrations of several app instances starting at once on one server.
const MIGRATION_LOCK_KEY = 7_201_842_615;

type AppliedRow = { migration_name: string; checksum: string };

async function readApplied(session: SqlSession): Promise<AppliedRow[]> {
  const [exists] = await session.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists?.present) return [];
  return session.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
     ORDER BY migration_name`,
  );
}

function compare(applied: AppliedRow[], migrations: Migration[]): MigrationStatus {
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this version of the app does not know: ` +
          `it was migrated by a newer version. Run that version, or restore a backup.`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum differs). ` +
          `Never edit an applied migration: restore the file and add a new migration instead.`,
      );
    }
  }
  const appliedNames = new Set(applied.map((row) => row.migration_name));
  const names = applied.map((row) => row.migration_name);
  return {
    applied: names,
    pending: migrations.filter((m) => !appliedNames.has(m.name)).map((m) => m.name),
    level: names.at(-1) ?? null,
  };
}

/** Reports which migrations the database has and which are pending. */
export async function getMigrationStatus(
  driver: SqlDriver,
  migrations: Migration[] = readMigrations(),
): Promise<MigrationStatus> {
  return driver.withSession(async (session) => compare(await readApplied(session), migrations));
}

/**
 * Applies pending migrations, each in its own transaction with its history row, so that a
 * failing migration leaves the database at the previous level. Returns the names applied.
 */
export async function applyMigrations(
  driver: SqlDriver,
  migrations: Migration[] = readMigrations(),
): Promise<string[]> {
  return driver.withSession(async (session) => {
    await session.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(HISTORY_TABLE);
      const status = compare(await readApplied(session), migrations);
      const byName = new Map(migrations.map((m) => [m.name, m]));
      for (const name of status.pending) {
        const migration = byName.get(name)!;
        await session.exec("BEGIN");
        try {
          await session.exec(migration.sql);
          await session.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
          await session.exec("COMMIT");
        } catch (error) {
          await session.exec("ROLLBACK");
          throw new MigrationError(`Migration ${name} failed and was rolled back: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      return status.pending;
    } finally {
      await session.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
    }
  });
}
