import { randomBytes } from "node:crypto";
import pg from "pg";
import { readTestDatabaseUrl } from "@/lib/env";
import { runChild } from "./child";
import { line } from "./report";

export type PersistenceFigures = {
  records: number;
  resources: number;
  findings: number;
  restoreMs: number;
  snapshotMs: number;
  evaluationLoadAndRulesMs: number;
  evaluationWriteMs: number;
};

/** A fresh database on the PostgreSQL server of TEST_DATABASE_URL (scripts/with-postgres.sh sets it). */
async function createPostgresDatabase(serverUrl: string): Promise<string> {
  const name = `agp_bench_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Prints the persistence figures of one size on one engine. */
export function printPersistence(engine: string, apps: number, f: PersistenceFigures) {
  const size = `${apps} apps`;
  const on = `(${engine})`;
  line(`persistence: import spec ${on}`, size, f.restoreMs, "ms");
  line(`persistence: write snapshot ${on}`, size, f.snapshotMs, "ms");
  line(`persistence: snapshot rows/s ${on}`, size, f.resources / (f.snapshotMs / 1000), "rows/s");
  line(`persistence: evaluation load+rules ${on}`, size, f.evaluationLoadAndRulesMs, "ms");
  line(`persistence: write evaluation ${on}`, size, f.evaluationWriteMs, "ms");
  line(`persistence: findings written ${on}`, size, f.findings, "count");
}

/**
 * Writes of 1,000 / 10,000 / 50,000-application workspaces on server PostgreSQL: the specification
 * restored from its backup, the live snapshot (the sync's own write), an evaluation run with its
 * findings. (The PGlite figures come from the sync benchmark, which does the same in one process.)
 */
export async function benchPersistence(sizes = [1_000, 10_000, 50_000]): Promise<void> {
  const serverUrl = readTestDatabaseUrl();
  if (!serverUrl) {
    console.log("persistence: PostgreSQL skipped: no TEST_DATABASE_URL (npm run bench starts a server)");
    return;
  }
  const url = await createPostgresDatabase(serverUrl);
  for (const apps of sizes) {
    const f = await runChild<PersistenceFigures>("scripts/bench/persistence-child.ts", [String(apps)], {
      DATABASE_URL: url,
    });
    printPersistence("PostgreSQL", apps, f);
  }
}
