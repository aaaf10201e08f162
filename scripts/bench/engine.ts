import { evaluate } from "@/lib/domain/governance/engine";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { syntheticEstate } from "@/lib/fixtures/synthetic/read";
import { line, median } from "./report";

/**
 * The estate as the portal's evaluation reads it: rows of the repository's columns, parsed from the
 * database's JSON (flat strings, one shape per row), not the generator's objects.
 */
function asStored(estate: { spec: SpecEntry[]; live: LiveResource[] }) {
  const rows = {
    spec: estate.spec.map(({ id, kind, title, data }) => ({ id, kind, title, data })),
    live: estate.live.map(({ kind, externalId, name, businessGroup, environment, attributes }) => ({
      kind,
      externalId,
      name,
      businessGroup,
      environment,
      attributes,
    })),
  };
  return JSON.parse(JSON.stringify(rows)) as typeof rows;
}

const budgets: Record<number, number> = { 10_000: 500, 50_000: 3000 };

/** The whole ruleset, in-process on one core, on 1,000 / 10,000 / 50,000 applications (median of 3-7 runs after one). */
export function benchEngine() {
  for (const apps of [1_000, 10_000, 50_000]) {
    const estate = asStored(syntheticEstate(apps, 42));
    // A new input per run, as the portal reads one per evaluation: nothing indexed survives a run.
    const input = () => ({
      spec: estate.spec,
      live: estate.live,
      decisions: [],
      controlPlane: "eu",
      now: new Date("2026-11-21T12:00:00Z"),
    });
    const times: number[] = [];
    // One run first, not counted: the portal evaluates again and again, so compiled code is the
    // steady state (the cold figure is printed too).
    const cold = performance.now();
    let findings = evaluate(ruleset, input(), []).length;
    line("engine: evaluate ruleset, first run", `${apps} apps`, performance.now() - cold, "ms");
    for (let run = 0; run < (apps >= 50_000 ? 3 : 7); run += 1) {
      const started = performance.now();
      findings = evaluate(ruleset, input(), []).length;
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
}
