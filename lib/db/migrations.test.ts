import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrations";

describe("readMigrations", () => {
  it("reads migration folders in name order with a sha256 checksum, ignoring other entries", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agp-migrations-"));
    for (const [name, sql] of [
      ["20260102000000_second", "CREATE TABLE b (id int);"],
      ["20260101000000_first", "CREATE TABLE a (id int);"],
    ]) {
      fs.mkdirSync(path.join(dir, name!));
      fs.writeFileSync(path.join(dir, name!, "migration.sql"), sql!);
    }
    fs.mkdirSync(path.join(dir, "20260103000000_empty_folder"));
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"');

    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(migrations[0]!.checksum).toBe(createHash("sha256").update("CREATE TABLE a (id int);").digest("hex"));
    fs.rmSync(dir, { recursive: true });
  });

  it("finds the project's own migrations", () => {
    expect(readMigrations().length).toBeGreaterThan(0);
  });

  it("returns nothing for a missing folder", () => {
    expect(readMigrations(path.join(os.tmpdir(), "agp-no-such-folder"))).toEqual([]);
  });
});
