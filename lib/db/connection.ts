import "server-only";
import { openMigratedDatabase, type MigratedDatabase } from "@/lib/db/database";
import { getEnv } from "@/lib/env";

// One database per process, shared by every bundle Next builds (instrumentation, routes, pages):
// module state is per bundle, globalThis is per process.
const KEY = Symbol.for("agp.database");
type Holder = { [KEY]?: Promise<MigratedDatabase> };

/**
 * The process's database (DATABASE_URL), opened and migrated on first use; start-up calls it
 * before the server takes requests, so pending migrations are applied before anything is served.
 */
export function getDatabase(): Promise<MigratedDatabase> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const opening = openMigratedDatabase(getEnv().database);
    // A failed open is not cached: the next caller tries again (e.g. the server came back).
    opening.catch(() => {
      if (holder[KEY] === opening) delete holder[KEY];
    });
    holder[KEY] = opening;
  }
  return holder[KEY];
}

/**
 * Makes `database` the process's database, for callers that open their own (the CLI, and
 * tests that drive route handlers against a test database).
 */
export function setProcessDatabase(database: MigratedDatabase): void {
  (globalThis as Holder)[KEY] = Promise.resolve(database);
}
