// Benchmarks print one line per figure: name, size, median of several runs (one run where a run
// takes minutes), unit, and PASS/MISS against the budget where the issue sets one. CI does not
// run them. `npm run bench` runs every group (through scripts/with-postgres.sh, for the server
// PostgreSQL figures); `npm run bench -- engine sync` runs some. docs/performance.md keeps the figures.
import { benchDiagram } from "./bench/diagram";
import { benchEngine } from "./bench/engine";
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

if (runs("engine")) benchEngine();
if (runs("sync")) await benchSync();
if (runs("persistence") || runs("pages")) {
  // The pages are served from the workspaces the persistence benchmark wrote to PGlite.
  const scratch = scratchDir("pglite");
  try {
    await benchPersistence(`${scratch.dir}/db`, undefined, { postgres: runs("persistence") });
    if (runs("pages")) await benchPages(`${scratch.dir}/db`);
  } finally {
    scratch.remove();
  }
}
if (runs("diagram")) await benchDiagram();
console.log(`bench: done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
