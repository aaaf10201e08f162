// Benchmarks print one line per figure: name, size, median of several runs (one run where a run
// takes minutes), unit, and PASS/MISS against the budget where the issue sets one. CI does not
// run them. `npm run bench` runs every group (through scripts/with-postgres.sh, for the server
// PostgreSQL figures); `npm run bench -- engine sync` runs some. The PGlite persistence figures
// and the pages' workspaces come from the sync group, which `persistence` and `pages` run too.
// docs/performance.md keeps the figures.
import { benchDiagram } from "./bench/diagram";
import { benchCarryForward, benchEngine } from "./bench/engine";
import { scratchDir } from "./bench/child";
import { benchPages } from "./bench/pages";
import { benchPersistence } from "./bench/persistence";
import { benchSync } from "./bench/sync";

const groups = ["engine", "sync", "persistence", "pages", "diagram"] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((g) => !(groups as readonly string[]).includes(g));
if (unknown.length) {
  console.error(`unknown benchmark group ${unknown.join(", ")}: choose from ${groups.join(", ")}`);
  process.exit(2);
}
const runs = (group: (typeof groups)[number]) => asked.length === 0 || asked.includes(group);
const started = performance.now();
const minutes = (since: number) => ((performance.now() - since) / 60_000).toFixed(1);
/** Runs one group and says how long it took (the whole run must stay under 10 minutes). */
async function timed(group: string, work: () => unknown): Promise<void> {
  const since = performance.now();
  await work();
  console.log(`bench: ${group} took ${minutes(since)} min`);
}

if (runs("engine")) {
  await timed("engine", benchEngine);
  await timed("carry forward", benchCarryForward);
}
if (runs("sync") || runs("persistence") || runs("pages")) {
  const scratch = scratchDir("pglite");
  try {
    await timed("sync (with PGlite persistence)", () => benchSync(`${scratch.dir}/db`));
    if (runs("persistence")) await timed("persistence (PostgreSQL)", benchPersistence);
    if (runs("pages"))
      await timed("pages (with a production build when needed)", () => benchPages(`${scratch.dir}/db`));
  } finally {
    scratch.remove();
  }
}
if (runs("diagram")) await timed("diagram", benchDiagram);
console.log(`bench: done in ${minutes(started)} min`);
