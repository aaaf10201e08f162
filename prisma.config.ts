import { defineConfig } from "prisma/config";

// `prisma generate` only parses the schema, but the CLI still insists on a schema-engine
// binary it cannot download offline; any existing file satisfies the check (stack notes).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "package.json";

// The URL is informational for the CLI only: the app picks its driver adapter from
// DATABASE_URL at run time (lib/db/client.ts) and migrations run through scripts/db-deploy.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/agp" },
});
