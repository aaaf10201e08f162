import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/env";

export type SqlRow = Record<string, unknown>;

/** One connection: plain SQL for migrations and health checks, beside the Prisma client. */
export interface SqlSession {
  query<T extends SqlRow = SqlRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
}

/** The raw driver under Prisma, so that migrations share its connection pool or PGlite instance. */
export interface SqlDriver {
  readonly kind: DatabaseTarget["kind"];
  /** Runs `work` on one connection (a transaction needs one). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type PgliteDriver = SqlDriver & { kind: "embedded"; pglite: PGlite };
export type PostgresDriver = SqlDriver & { kind: "postgresql"; pool: pg.Pool };

/** Opens PGlite in a directory (or in memory when `dataDir` is null). */
export async function openPgliteDriver(dataDir: string | null): Promise<PgliteDriver> {
  const pglite = new PGlite(dataDir ?? "memory://");
  await pglite.waitReady;
  // PGlite is one connection, so a session is exclusive: without this queue two sessions would
  // interleave inside each other's transactions (advisory locks are re-entrant in one session).
  let queue: Promise<unknown> = Promise.resolve();
  const session: SqlSession = {
    async query<T extends SqlRow>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
  return {
    kind: "embedded",
    pglite,
    withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const run = queue.then(() => work(session));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => pglite.close(),
  };
}

/** Opens a pool on a PostgreSQL server and checks that it answers. */
export async function openPostgresDriver(url: string): Promise<PostgresDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // Idle clients can fail when the server restarts; without a listener that kills the process.
  pool.on("error", () => undefined);
  const driver: PostgresDriver = {
    kind: "postgresql",
    pool,
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          async query<T extends SqlRow>(sql: string, params?: unknown[]) {
            return (await client.query<T>(sql, params)).rows;
          },
          async exec(sql: string) {
            await client.query(sql); // no parameters: simple protocol, several statements allowed
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return driver;
}
