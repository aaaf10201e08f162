// Bundles the `agp` command line (lib/cli/main.ts) into dist/cli/agp.mjs with esbuild: our code
// in one file, packages from node_modules left as imports. `bin/agp.mjs` runs this when the
// bundle is missing or older than the sources, so `npx agp` works right after `npm install`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const cliBundle = path.join(root, "dist", "cli", "agp.mjs");

/** Builds the bundle; answers its path. */
export async function buildCli() {
  await build({
    entryPoints: [path.join(root, "lib", "cli", "main.ts")],
    outfile: cliBundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // Next's guard against importing server code into the browser means nothing here.
    alias: { "server-only": path.join(root, "scripts", "empty-module.mjs") },
    logLevel: "warning",
    sourcemap: "linked",
    banner: { js: "// Built by scripts/build-cli.mjs from lib/cli; do not edit." },
  });
  return cliBundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`built ${path.relative(root, cliBundle)}`);
}
