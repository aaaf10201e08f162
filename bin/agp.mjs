#!/usr/bin/env node
// `agp`, the command line of the Anypoint Governance Portal. Builds dist/cli/agp.mjs first when
// it is missing or older than the sources (a second or two), then runs it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "dist", "cli", "agp.mjs");
const sources = ["lib", "prisma/schema.prisma", "package.json", "tsconfig.json", "scripts/build-cli.mjs"];

function newest(entry) {
  const full = path.join(root, entry);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

const built = fs.statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (sources.some((entry) => newest(entry) > built)) {
  const { buildCli } = await import(pathToFileURL(path.join(root, "scripts", "build-cli.mjs")).href);
  await buildCli();
}
await import(pathToFileURL(bundle).href);
