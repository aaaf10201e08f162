// Benchmarks print one line per figure: name, size, median of several runs, unit, and PASS/MISS
// against the budget where the issue sets one. CI does not run them: `npm run bench`.
import { evaluate } from "@/lib/domain/governance/engine";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { syntheticEstate } from "@/lib/testing/synthetic-estate";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function line(name: string, size: string, value: number, unit: string, budget?: number) {
  const verdict =
    budget === undefined ? "" : value <= budget ? `PASS (budget ${budget} ${unit})` : `MISS (budget ${budget} ${unit})`;
  console.log(`${name.padEnd(28)} ${size.padEnd(12)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(6)} ${verdict}`);
}

const budgets: Record<number, number> = { 10_000: 500, 50_000: 3000 };
for (const apps of [1_000, 10_000, 50_000]) {
  const estate = syntheticEstate(apps, 42);
  const input = {
    spec: estate.spec,
    live: estate.live,
    decisions: [],
    controlPlane: "eu",
    now: new Date("2026-11-21T12:00:00Z"),
  };
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < (apps >= 50_000 ? 3 : 5); run += 1) {
    const started = performance.now();
    findings = evaluate(ruleset, input, []).length;
    times.push(performance.now() - started);
  }
  const ms = median(times);
  line("engine: evaluate ruleset", `${apps} apps`, ms, "ms", budgets[apps]);
  line(
    "engine: rules x resources",
    `${apps} apps`,
    (ruleset.length * (estate.spec.length + estate.live.length)) / (ms / 1000) / 1e6,
    "M/s",
  );
  line("engine: findings", `${apps} apps`, findings, "count");
}
