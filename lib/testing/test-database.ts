import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openDatabase, openMigratedDatabase, type Database, type MigratedDatabase } from "@/lib/db/database";
import type { Migration } from "@/lib/db/migrations";
import { readTestDatabaseUrl, type DatabaseTarget } from "@/lib/env";

/** The engine this Vitest project runs on (set per project in vitest.config.ts). */
export const testEngine: "pglite" | "postgresql" =
  // Set per project by vitest.config.ts: test tooling, not the app's environment.
  process.env.AGP_TEST_ENGINE === "postgresql" ? "postgresql" : "pglite";

async function adminQuery(sql: string): Promise<void> {
  const url = readTestDatabaseUrl();
  if (!url) throw new Error("AGP_TEST_ENGINE=postgresql needs TEST_DATABASE_URL");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the test engine: in-memory PGlite, or a fresh database created on
 * the TEST_DATABASE_URL server. `drop` removes it (PostgreSQL) after closing.
 */
export async function createEmptyTarget(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (testEngine === "pglite") {
    return { target: { kind: "embedded", dataDir: null, url: "memory://" }, drop: async () => undefined };
  }
  const name = `agp_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(readTestDatabaseUrl()!);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgresql", url: url.toString() },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Opens a new empty database without migrating it (for migration tests). */
export async function openEmptyTestDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  const { target, drop } = await createEmptyTarget();
  const db = await openDatabase(target);
  return {
    ...db,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}

/** Opens a new database with the given (default: the real) migrations applied. */
export async function openMigratedTestDatabase(
  migrations?: Migration[],
): Promise<MigratedDatabase & { drop: () => Promise<void> }> {
  const { target, drop } = await createEmptyTarget();
  const db = await openMigratedDatabase(target, migrations);
  return {
    ...db,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}

/** Empties every table but the migration history, so each test starts from a fresh schema. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.driver.withSession(async (session) => {
    const tables = await session.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (tables.length > 0) {
      await session.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    }
  });
}

/**
 * One migrated database for the test file, emptied before each test. Returns a getter because
 * the database opens in beforeAll.
 */
export function useTestDatabase(): () => MigratedDatabase {
  let db: (MigratedDatabase & { drop: () => Promise<void> }) | undefined;
  beforeAll(async () => {
    db = await openMigratedTestDatabase();
  });
  beforeEach(async () => {
    if (db) await resetDatabase(db);
  });
  afterAll(async () => {
    await db?.drop();
  });
  return () => {
    if (!db) throw new Error("the test database is not open yet (use it inside tests or hooks)");
    return db;
  };
}
