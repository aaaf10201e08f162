// One sync measurement, in a process of its own so that its peak memory is its own: a fresh
// workspace on the database of DATABASE_URL, connected to the simulator, synced once through the
// portal's sync service (read, map, write the snapshot). Prints one JSON line.
// Usage (from scripts/bench/sync.ts): tsx scripts/bench/sync-child.ts <base-url> <client-id> <client-secret>
import { saveConnection, runSync } from "@/lib/services/live";
import { openOperatorSession } from "@/lib/services/operator";
import { createWorkspace } from "@/lib/services/workspaces";

const [baseUrl, clientId, clientSecret] = process.argv.slice(2);
const session = await openOperatorSession("prisma/migrations", "bench");
if (!session.ok) throw new Error(session.message);
const { ctx } = session;
const workspace = await createWorkspace(ctx, { name: "Sync benchmark", slug: "sync-bench" });
await saveConnection(ctx, workspace.slug, { controlPlane: "custom", baseUrl, clientId, clientSecret, version: 0 });

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 50);
const started = performance.now();
const run = await runSync(ctx, workspace.slug, {});
const wallMs = performance.now() - started;
clearInterval(sampler);
sample();
console.log(
  JSON.stringify({
    status: run.status,
    error: run.error,
    wallMs,
    requests: run.requests,
    retries: run.retries,
    resources: Object.values(run.counts ?? {}).reduce((a, b) => a + b, 0),
    peakRssMb: peakRss / 1e6,
    peakHeapMb: peakHeap / 1e6,
  }),
);
await session.close();
