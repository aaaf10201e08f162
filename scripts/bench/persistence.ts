import { randomBytes } from "node:crypto";
import pg from "pg";
import { readTestDatabaseUrl } from "@/lib/env";
import { runChild } from "./child";
import { line } from "./report";

type PersistenceFigures = {
  slug: string;
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

/**
 * Writes of 1,000 / 10,000 / 50,000-application workspaces on embedded PGlite (a directory) and
 * on server PostgreSQL: the specification restored from its backup, the live snapshot (the sync's
 * write), an evaluation run with its findings. The PGlite directory is kept for the pages
 * benchmark, which serves these workspaces.
 */
export async function benchPersistence(
  pgliteDir: string,
  sizes = [1_000, 10_000, 50_000],
  options = { postgres: true },
): Promise<void> {
  const serverUrl = options.postgres ? readTestDatabaseUrl() : undefined;
  const engines: { name: string; url: () => Promise<string> }[] = [
    { name: "PGlite", url: async () => `file:${pgliteDir}` },
  ];
  if (serverUrl) {
    let database: string | null = null;
    engines.push({ name: "PostgreSQL", url: async () => (database ??= await createPostgresDatabase(serverUrl)) });
  } else if (options.postgres) {
    console.log(
      "persistence: PostgreSQL            no TEST_DATABASE_URL: run through scripts/with-postgres.sh (npm run bench does)",
    );
  }
  for (const engine of engines) {
    for (const apps of sizes) {
      const f = await runChild<PersistenceFigures>("scripts/bench/persistence-child.ts", [String(apps)], {
        DATABASE_URL: await engine.url(),
      });
      const size = `${apps} apps`;
      const on = `(${engine.name})`;
      line(`persistence: import spec ${on}`, size, f.restoreMs, "ms");
      line(`persistence: write snapshot ${on}`, size, f.snapshotMs, "ms");
      line(`persistence: snapshot rows/s ${on}`, size, f.resources / (f.snapshotMs / 1000), "rows/s");
      line(`persistence: evaluation load+rules ${on}`, size, f.evaluationLoadAndRulesMs, "ms");
      line(`persistence: write evaluation ${on}`, size, f.evaluationWriteMs, "ms");
      line(`persistence: findings written ${on}`, size, f.findings, "count");
    }
  }
}
