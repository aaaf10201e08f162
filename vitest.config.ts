import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;
const postgresUrl = process.env.TEST_DATABASE_URL?.trim();

if (process.env.CI === "true" && !postgresUrl && process.argv.some((arg) => arg.includes("integration"))) {
  // CI must prove both engines; a missing server would otherwise pass silently on PGlite alone.
  throw new Error("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL integration run would be skipped.");
}
if (!postgresUrl && process.argv.some((arg) => arg.includes("integration"))) {
  console.warn(
    "TEST_DATABASE_URL is not set: integration tests run on PGlite only (scripts/with-postgres.sh adds a server).",
  );
}

const resolve = {
  alias: [
    { find: /^@\//, replacement: `${root}/` },
    // Outside Next's react-server build, `server-only` throws on import; tests are server code.
    { find: /^server-only$/, replacement: path.join(root, "lib/testing/server-only-stub.ts") },
  ],
};

const excluded = ["node_modules/**", ".next/**", "e2e/**", ".data/**"];
const integration = ["**/*.integration.test.ts"];

function integrationProject(engine: "pglite" | "postgresql", exclude: string[] = []): TestProjectInlineConfiguration {
  return {
    resolve,
    test: {
      name: `integration:${engine}`,
      include: integration,
      exclude: [...excluded, ...exclude],
      environment: "node",
      env: { AGP_TEST_ENGINE: engine },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...excluded, ...integration],
          environment: "node",
        },
      },
      integrationProject("pglite"),
      // The embedded-directory guard is PGlite's concern only: one run of it is enough.
      ...(postgresUrl
        ? [
            integrationProject("postgresql", [
              "lib/db/embedded-lock.integration.test.ts",
              "lib/cli/agp-locked.integration.test.ts",
            ]),
          ]
        : []),
    ],
  },
});
