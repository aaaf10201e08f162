import { randomBytes } from "node:crypto";
import { createSimulator } from "@/lib/anypoint/simulator/server";
import { generateSyntheticEstate, seededRandom } from "@/lib/fixtures/synthetic/estate";
import { runChild } from "./child";
import { printPersistence, type PersistenceFigures } from "./persistence";
import { line } from "./report";

type SyncFigures = PersistenceFigures & {
  wallMs: number;
  requests: number;
  retries: number;
  resources: number;
  peakRssMb: number;
  peakHeapMb: number;
};

/** Per-item reads the API offers no list for: CloudHub 2.0 deployment details, API policies. */
const detailPath = /\/deployments\/[^/]+$|\/apis\/\d+\/policies$/;

/**
 * A whole sync through the portal's sync service (read with the client's bounded concurrency,
 * map, write the snapshot) against the simulator with 20 ms added to every request and a 429
 * (Retry-After: 1) on 2 % of them, on embedded PGlite in `pgliteDir`, each size into workspace
 * acme-<apps>. The same process restores the specification first and evaluates after, which
 * gives the PGlite persistence figures. One run per size: a 50,000-application sync takes minutes.
 */
export async function benchSync(pgliteDir: string, sizes = [1_000, 10_000, 50_000]) {
  for (const apps of sizes) {
    const generated = generateSyntheticEstate({ apps, seed: 1 });
    const simulator = createSimulator({ estate: generated.estate, latencyMs: 20, random: seededRandom(apps) });
    simulator.setFaults([{ kind: "rate-limit", match: ".", probability: 0.02, retryAfterSeconds: 1 }]);
    const baseUrl = await simulator.listen();
    try {
      const f = await runChild<SyncFigures>("scripts/bench/sync-child.ts", [String(apps), baseUrl], {
        DATABASE_URL: `file:${pgliteDir}`,
        AGP_SECRET_KEY: randomBytes(32).toString("hex"),
      });
      const detail = simulator.requests.filter((r) => detailPath.test(r.path)).length;
      const size = `${apps} apps`;
      const s = generated.summary;
      line("sync: wall time", size, f.wallMs / 1000, "s", apps === 10_000 ? 60 : undefined);
      line("sync: requests", size, f.requests, "count");
      line("sync: list requests", size, simulator.requests.length - detail, "count");
      line(
        "sync: envs + BGs + network objects",
        size,
        s.environments! + s.businessGroups! + s.vpcs! + s.privateSpaces!,
        "count",
      );
      line("sync: detail requests (CH2, policies)", size, detail, "count");
      line("sync: throttled and retried", size, f.retries, "count");
      line("sync: resources read", size, f.resources, "count");
      line("sync: peak memory (RSS, with PGlite)", size, f.peakRssMb, "MB");
      line("sync: peak JS heap", size, f.peakHeapMb, "MB");
      printPersistence("PGlite", apps, f);
    } finally {
      await simulator.close();
    }
  }
}
