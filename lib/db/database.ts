import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireEmbeddedLock } from "@/lib/db/embedded-lock";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations, readMigrations, type Migration } from "@/lib/db/migrations";
import { openPgliteDriver, openPostgresDriver, type SqlDriver } from "@/lib/db/sql-driver";
import { redactUrl, type DatabaseTarget } from "@/lib/env";

export type { PrismaClient };

/** An open database: the Prisma client for repositories and the raw driver under it. */
export type Database = {
  target: DatabaseTarget;
  kind: DatabaseTarget["kind"];
  prisma: PrismaClient;
  driver: SqlDriver;
  close(): Promise<void>;
};

/** A database whose schema is current, with the migrations this open applied. */
export type MigratedDatabase = Database & { appliedNow: string[] };

/** Describes a target for messages and logs, without credentials. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgresql") return `PostgreSQL at ${redactUrl(target.url)}`;
  return target.dataDir
    ? `embedded PostgreSQL (PGlite) in ${target.dataDir}`
    : "embedded PostgreSQL (PGlite) in memory";
}

/**
 * Opens the database of a target with the matching Prisma adapter. An embedded directory is
 * claimed for this process first, so that a second process is refused instead of diverging.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgresql") {
    const driver = await openPostgresDriver(target.url);
    return database(target, new PrismaClient({ adapter: new PrismaPg(driver.pool) }), driver);
  }
  const release = target.dataDir ? acquireEmbeddedLock(target.dataDir) : () => undefined;
  try {
    const driver = await openPgliteDriver(target.dataDir);
    return database(target, new PrismaClient({ adapter: new PrismaPGlite(driver.pglite) }), driver, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Closing disconnects Prisma, then the driver under it, then lets go of the directory. */
function database(target: DatabaseTarget, prisma: PrismaClient, driver: SqlDriver, release = () => {}): Database {
  return {
    target,
    kind: target.kind,
    prisma,
    driver,
    async close() {
      await prisma.$disconnect();
      await driver.close();
      release();
    },
  };
}

/** Opens a database and brings its schema up to date; the one entry point for the app and scripts. */
export async function openMigratedDatabase(
  target: DatabaseTarget,
  migrations: Migration[] = readMigrations(),
): Promise<MigratedDatabase> {
  const database = await openDatabase(target);
  try {
    const appliedNow = await applyMigrations(database.driver, migrations);
    return { ...database, appliedNow };
  } catch (error) {
    await database.close();
    throw error;
  }
}
