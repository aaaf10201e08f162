// `npm start` serves a production build: build first when there is none or the sources changed
// since the last one, so that a newcomer's `npm install && npm start` just works.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const marker = path.join(root, ".next", "BUILD_ID");
const inputs = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const changed = inputs.some((entry) => newestMtime(entry) > built);
if (changed) {
  console.log(built ? "Sources changed since the last build: building…" : "No production build yet: building…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
