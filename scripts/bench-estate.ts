// Writes a synthetic estate: the specification as a workspace backup and the matching Anypoint
// estate as a simulator estate file. Usage:
//   npm run bench:estate -- --apps 10000 [--seed 1] [--out .data/estates/10000-1]
// Then: npm run simulator -- --estate <out>/estate.json, and `npx agp import <out>/spec.json`.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateSyntheticEstate } from "@/lib/fixtures/synthetic/estate";

const { values } = parseArgs({
  options: {
    apps: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});

const apps = Number(values.apps);
const seed = Number(values.seed);
if (!Number.isInteger(apps) || apps < 1 || apps > 200_000) {
  console.error(`--apps must be a whole number from 1 to 200000 (got "${values.apps}")`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number (got "${values.seed}")`);
  process.exit(2);
}
const out = path.resolve(values.out ?? `.data/estates/${apps}-${seed}`);
const generated = generateSyntheticEstate({ apps, seed });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "spec.json"), JSON.stringify(generated.backup) + "\n");
fs.writeFileSync(path.join(out, "estate.json"), JSON.stringify(generated.estate) + "\n");
fs.writeFileSync(path.join(out, "summary.json"), JSON.stringify(generated.summary, null, 2) + "\n");

const width = Math.max(...Object.keys(generated.summary).map((k) => k.length));
for (const [key, value] of Object.entries(generated.summary)) console.log(`${key.padEnd(width)}  ${value}`);
const rel = path.relative(process.cwd(), out) || ".";
console.log(`
wrote ${rel}/spec.json (the specification, a workspace backup) and ${rel}/estate.json (the Anypoint estate)
  serve the estate:   npm run simulator -- --estate ${rel}/estate.json --port 3002 --latency 20
  import the spec:    npx agp import ${rel}/spec.json
  connect and sync:   npx agp connect --workspace ${generated.backup.workspace.slug} --base-url http://127.0.0.1:3002 --client-id ${generated.credentials.clientId} --client-secret ${generated.credentials.clientSecret} && npx agp sync --workspace ${generated.backup.workspace.slug}`);
