// One sync measurement, in a process of its own so that its peak memory is its own, on the
// embedded database of DATABASE_URL: the synthetic specification restored into workspace
// acme-<apps> (timed), connected to the simulator and synced once through the portal's sync
// service (read, map, write the snapshot), then evaluated (timed). The directory is kept: the
// pages benchmark serves these workspaces. Prints one JSON line.
// Usage (from scripts/bench/sync.ts): tsx scripts/bench/sync-child.ts <apps> <base-url>
import { saveConnection } from "@/lib/services/live/connection";
import { runSync } from "@/lib/services/live/syncs";
import { restoreWorkspace } from "@/lib/services/documents/backup";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { openOperatorSession } from "@/lib/services/operator";
import { generateSyntheticEstate } from "@/lib/fixtures/synthetic/estate";

const apps = Number(process.argv[2]);
const baseUrl = process.argv[3]!;
let generated: ReturnType<typeof generateSyntheticEstate> | null = generateSyntheticEstate({ apps, seed: 1 });
const { clientId, clientSecret } = generated.credentials;
const session = await openOperatorSession("prisma/migrations", "bench");
if (!session.ok) throw new Error(session.message);
const { ctx } = session;

let started = performance.now();
const workspace = await restoreWorkspace(ctx, {
  slug: generated.backup.workspace.slug,
  backup: JSON.parse(JSON.stringify(generated.backup)),
});
const restoreMs = performance.now() - started;
const records = generated.backup.records.length;
generated = null;
await saveConnection(ctx, workspace.slug, { controlPlane: "custom", baseUrl, clientId, clientSecret, version: 0 });

// The restore's garbage is not the sync's: collect it before the sync is watched.
(globalThis as { gc?: () => void }).gc?.();
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 50);
started = performance.now();
const run = await runSync(ctx, workspace.slug, {});
const wallMs = performance.now() - started;
clearInterval(sampler);
sample();
if (run.status !== "succeeded") throw new Error(`the sync ${run.status}: ${run.error}`);

started = performance.now();
const evaluation = await evaluateWorkspace(ctx.db, workspace.id, "bench");
const evaluationMs = performance.now() - started;
console.log(
  JSON.stringify({
    wallMs,
    requests: run.requests,
    retries: run.retries,
    resources: Object.values(run.counts ?? {}).reduce((a, b) => a + b, 0),
    peakRssMb: peakRss / 1e6,
    peakHeapMb: peakHeap / 1e6,
    records,
    restoreMs,
    // The run's duration ends when the write begins: the rest of the wall time is the write.
    snapshotMs: wallMs - (run.durationMs ?? 0),
    evaluationLoadAndRulesMs: evaluation.durationMs,
    evaluationWriteMs: evaluationMs - (evaluation.durationMs ?? 0),
    findings: evaluation.counts.open + evaluation.counts.waived,
  }),
);
await session.close();
