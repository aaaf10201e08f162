import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { applyMigrations, getMigrationStatus, MigrationError, type Migration } from "@/lib/db/migrations";
import { openEmptyTestDatabase, testEngine } from "@/lib/testing/test-database";

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

const first = migration("20260101000000_first", `CREATE TABLE "Alpha" ("id" INTEGER PRIMARY KEY);`);
const second = migration(
  "20260102000000_second",
  `CREATE TABLE "Beta" ("id" INTEGER PRIMARY KEY); INSERT INTO "Alpha" VALUES (1);`,
);
// Creates a table, then fails: the table must not survive.
const broken = migration(
  "20260103000000_broken",
  `CREATE TABLE "Gamma" ("id" INTEGER PRIMARY KEY); INSERT INTO "Gamma" VALUES ('not a number');`,
);

async function tableExists(db: Database, table: string): Promise<boolean> {
  return db.driver.withSession(async (session) => {
    const [row] = await session.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
      `"${table}"`,
    ]);
    return row?.present === true;
  });
}

describe(`migrations on ${testEngine}`, () => {
  let db: (Database & { drop: () => Promise<void> }) | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it("applies pending migrations in order, records them, and is a no-op the second time", async () => {
    db = await openEmptyTestDatabase();
    expect(await getMigrationStatus(db.driver, [first, second])).toEqual({
      applied: [],
      pending: [first.name, second.name],
      level: null,
    });
    expect(await applyMigrations(db.driver, [first])).toEqual([first.name]);
    expect(await applyMigrations(db.driver, [first, second])).toEqual([second.name]);
    expect(await applyMigrations(db.driver, [first, second])).toEqual([]);
    expect(await getMigrationStatus(db.driver, [first, second])).toMatchObject({ level: second.name, pending: [] });
    expect(await tableExists(db, "Beta")).toBe(true);
  });

  it("rolls a failing migration back whole and stays at the previous level", async () => {
    db = await openEmptyTestDatabase();
    await applyMigrations(db.driver, [first]);
    const attempt = applyMigrations(db.driver, [first, broken]);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/20260103000000_broken failed and was rolled back/);
    expect(await tableExists(db, "Gamma")).toBe(false);
    expect(await getMigrationStatus(db.driver, [first, broken])).toMatchObject({
      level: first.name,
      pending: [broken.name],
    });
  });

  it("refuses a migration edited after it was applied", async () => {
    db = await openEmptyTestDatabase();
    await applyMigrations(db.driver, [first]);
    const edited = migration(first.name, `CREATE TABLE "Alpha" ("id" BIGINT PRIMARY KEY);`);
    await expect(applyMigrations(db.driver, [edited])).rejects.toThrow(/was edited after it was applied/);
  });

  it("refuses to run against a database migrated by a newer version", async () => {
    db = await openEmptyTestDatabase();
    await applyMigrations(db.driver, [first, second]);
    await expect(getMigrationStatus(db.driver, [first])).rejects.toThrow(
      /has migration 20260102000000_second, which this version of the app does not know/,
    );
  });

  it("lets concurrent starters apply each migration exactly once", async () => {
    db = await openEmptyTestDatabase();
    const runs = await Promise.all([
      applyMigrations(db.driver, [first, second]),
      applyMigrations(db.driver, [first, second]),
    ]);
    expect(runs.flat().sort()).toEqual([first.name, second.name]);
  });
});
