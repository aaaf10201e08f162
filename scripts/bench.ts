// Benchmarks print one line per figure: name, size, median of several runs, unit, and PASS/MISS
// against the budget where the issue sets one. CI does not run them: `npm run bench`
// (or `npm run bench -- engine` / `-- diagram` for one group).
import { benchDiagram } from "./bench/diagram";
import { benchEngine } from "./bench/engine";

const only = process.argv[2];
if (!only || only === "engine") benchEngine();
if (!only || only === "diagram") await benchDiagram();
