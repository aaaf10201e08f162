// One persistence measurement, in a process of its own (the database of DATABASE_URL, migrated
// when new): restores the synthetic specification into a workspace, writes the matching live
// snapshot through the sync's own write, then runs and writes an evaluation. Prints one JSON line.
// Usage (from scripts/bench/persistence.ts): tsx scripts/bench/persistence-child.ts <apps>
import { mapEstate } from "@/lib/anypoint/mapper";
import { completeSyncRun, startSyncRun } from "@/lib/db/live-repository";
import { countByKind } from "@/lib/domain/live/snapshot";
import { restoreWorkspace } from "@/lib/services/documents/backup";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { openOperatorSession } from "@/lib/services/operator";
import { generateSyntheticEstate } from "@/lib/fixtures/synthetic/estate";
import { readSyntheticEstate } from "@/lib/fixtures/synthetic/read";

const apps = Number(process.argv[2]);
const generated = generateSyntheticEstate({ apps, seed: 1 });
const resources = mapEstate(readSyntheticEstate(generated.estate));

const session = await openOperatorSession("prisma/migrations", "bench");
if (!session.ok) throw new Error(session.message);
const { ctx } = session;
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

const [workspace, restoreMs] = await time(() =>
  restoreWorkspace(ctx, {
    slug: generated.backup.workspace.slug,
    backup: JSON.parse(JSON.stringify(generated.backup)),
  }),
);
const started = await startSyncRun(ctx.db.prisma, {
  workspaceId: workspace.id,
  trigger: "bench",
  actorName: "bench",
  baseUrl: "http://127.0.0.1",
  now: new Date(),
  staleMs: 3_600_000,
});
if (!started.ok) throw new Error("a sync is already running");
const [, snapshotMs] = await time(() =>
  completeSyncRun(
    ctx.db.prisma,
    started.run,
    resources,
    {
      counts: countByKind(resources),
      requests: 0,
      retries: 0,
      durationMs: 0,
      warnings: [],
      scopes: [],
      progress: [],
      removals: null,
      now: new Date(),
    },
    { actor: ctx.actor, origin: ctx.origin },
  ),
);
const [run, evaluationMs] = await time(() => evaluateWorkspace(ctx.db, workspace.id, "bench"));
console.log(
  JSON.stringify({
    records: generated.backup.records.length,
    resources: resources.length,
    findings: run.counts.open + run.counts.waived,
    restoreMs,
    snapshotMs,
    // The run's own duration covers loading and evaluating; the rest is writing it.
    evaluationLoadAndRulesMs: run.durationMs,
    evaluationWriteMs: evaluationMs - (run.durationMs ?? 0),
  }),
);
await session.close();
