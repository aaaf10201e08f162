import "server-only";
import { startLocalIdp } from "@/lib/auth/local-idp/server";
import { getDatabase } from "@/lib/db/connection";
import { describeTarget } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import { createSimulator } from "@/lib/anypoint/simulator/server";
import { northwindEstate } from "@/lib/fixtures/northwind/estate";
import { seedDemoWorkspace, syncDemoWorkspaceOnce } from "@/lib/services/demo/seed-demo";
import { startDueSyncs } from "@/lib/services/live/schedule";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";

const IDP_KEY = Symbol.for("agp.local-idp");
const SIMULATOR_KEY = Symbol.for("agp.demo-simulator");
const SCHEDULER_KEY = Symbol.for("agp.sync-scheduler");
/** How often the scheduler looks for syncs that are due. */
const schedulerTickMs = 60_000;

/**
 * Prepares the server before it takes requests: validates the environment, opens the database
 * (claiming an embedded directory), applies pending migrations, seeds what a fresh install
 * needs, and in demo mode starts the local identity provider that stands in for Okta and the
 * Anypoint simulator the demo workspace syncs against.
 */
export async function startUp(): Promise<void> {
  const env = getEnv();
  const db = await getDatabase();
  // Demo mode starts with the Northwind Freight workspace; a fresh real installation with an
  // empty "default" one.
  const demoSeeded = env.mode === "demo" ? await seedDemoWorkspace(db) : false;
  const fresh = await ensureDefaultWorkspace(db);
  let idp: string | null = null;
  if (env.auth.demoIdp) {
    const holder = globalThis as { [IDP_KEY]?: Promise<unknown> };
    // Dev servers re-run start-up on reload; one provider per process.
    holder[IDP_KEY] ??= startLocalIdp({
      port: env.auth.demoIdp.port,
      issuer: env.auth.okta.issuer,
      clientId: env.auth.okta.clientId,
      clientSecret: env.auth.okta.clientSecret,
      appUrls: [env.auth.url],
    });
    await holder[IDP_KEY];
    idp = env.auth.okta.issuer;
  }
  let simulator: string | null = null;
  if (env.demoSimulator) {
    const holder = globalThis as { [SIMULATOR_KEY]?: Promise<string | null> };
    const port = env.demoSimulator.port;
    holder[SIMULATOR_KEY] ??= createSimulator({ estate: northwindEstate() })
      .listen(port)
      .catch((error: unknown) => {
        // The demo still works without live data; say why it has none.
        getLogger().warn({ err: error, port }, "the demo Anypoint simulator could not start (AGP_DEMO_SIMULATOR_PORT)");
        return null;
      });
    simulator = await holder[SIMULATOR_KEY];
    if (simulator) await syncDemoWorkspaceOnce(db, simulator);
  }
  const scheduler = globalThis as { [SCHEDULER_KEY]?: NodeJS.Timeout };
  scheduler[SCHEDULER_KEY] ??= setInterval(() => {
    startDueSyncs(db, new Date()).catch((error: unknown) =>
      getLogger().error({ err: error }, "the sync scheduler could not start the syncs that are due"),
    );
  }, schedulerTickMs).unref();
  getLogger().info(
    {
      mode: env.mode,
      url: env.auth.url,
      database: describeTarget(db.target),
      migrationsApplied: db.appliedNow,
      seeded: demoSeeded ? "northwind (demo)" : (fresh?.slug ?? null),
      demoIdentityProvider: idp,
      demoAnypointSimulator: simulator,
    },
    "ready",
  );
}
