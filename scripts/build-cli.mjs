// Bundles the `agp` command line (lib/cli/main.ts) into dist/cli/agp.mjs with esbuild: our code
// in one file, packages from node_modules left as imports. `bin/agp.mjs` runs this when the
// bundle is missing or older than the sources, so `npx agp` works right after `npm install`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const cliBundle = path.join(root, "dist", "cli", "agp.mjs");

/** Builds the bundle; answers its path. */
export async function buildCli() {
  const result = await build({
    entryPoints: [path.join(root, "lib", "cli", "main.ts")],
    outdir: path.dirname(cliBundle),
    entryNames: "agp",
    // The database drivers load only for the commands that open a backend: --help stays instant.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // Next's guard against importing server code into the browser means nothing here.
    alias: { "server-only": path.join(root, "scripts", "empty-module.mjs") },
    logLevel: "warning",
    // Written below by rename, so that a concurrent reader never sees half a file.
    write: false,
    banner: { js: "// Built by scripts/build-cli.mjs from lib/cli; do not edit." },
  });
  // Chunks first, the entry last: a reader of the new entry finds every chunk it names.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === cliBundle) - Number(b.path === cliBundle));
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  // Chunks of earlier builds: nothing names them any more.
  const current = new Set(files.map((f) => f.path));
  const chunks = path.join(path.dirname(cliBundle), "chunks");
  for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : [])
    if (!current.has(path.join(chunks, name)) && !name.endsWith(".tmp"))
      fs.rmSync(path.join(chunks, name), { force: true });
  return cliBundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`built ${path.relative(root, cliBundle)}`);
}
