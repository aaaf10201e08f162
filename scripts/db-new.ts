// Creates a migration from the change to prisma/schema.prisma, offline: the Prisma CLI's
// `migrate dev` needs a native engine it cannot download here, so we drive the WASM schema
// engine ourselves and let it diff "all existing migrations" against the schema.
// Usage: npm run db:new -- <name>
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const root = process.cwd();
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");

function fail(message: string): never {
  console.error(`db:new: ${message}`);
  process.exit(1);
}

const rawName = process.argv.slice(2).join("_");
const name = rawName
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (!name) fail("give the migration a name: npm run db:new -- add_decisions");

async function loadEngine() {
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  // Node 20 cannot import a .wasm module, so instantiate it by hand with the JS glue as imports.
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  engineModule.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return engineModule.SchemaEngine;
}

function readMigrationList() {
  const directories = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function main() {
  const SchemaEngine = await loadEngine();
  const schema = fs.readFileSync(schemaPath, "utf8");
  const pglite = new PGlite("memory://");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => undefined, adapter);
  const result = await engine.diff({
    from: { tag: "migrations", ...readMigrationList() },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  if (!sql || /^-- This is an empty migration\.?$/.test(sql)) {
    console.log("db:new: the schema matches the migrations; nothing to create.");
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`db:new: wrote ${path.relative(root, dir)}/migration.sql. Review it, then npm run db:deploy.`);
}

main()
  .then(() => process.exit(0)) // the engine keeps the event loop alive for ~10 s otherwise
  .catch((error: unknown) => fail((error as Error).stack ?? String(error)));
