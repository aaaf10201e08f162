// Lint enforces the layers of DESIGN.md section 3: imports flow downwards only, no cycles,
// lib/domain stays pure, and lib/env.ts is the only reader of the environment.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const ours = {
  app: "./app",
  components: "./components",
  queries: "./lib/queries",
  services: "./lib/services",
  db: "./lib/db",
  anypoint: "./lib/anypoint",
  auth: "./lib/auth",
  domain: "./lib/domain",
  cli: "./lib/cli",
  testing: "./lib/testing",
  fixtures: "./lib/fixtures",
  env: "./lib/env.ts",
  log: "./lib/log.ts",
};

/** A zone: files under `target` must not import from any of `from`. */
const zone = (target, from, why) => ({ target, from, message: why });

const zones = [
  zone(
    ours.domain,
    [
      ours.app,
      ours.components,
      ours.queries,
      ours.services,
      ours.db,
      ours.anypoint,
      ours.auth,
      ours.cli,
      ours.testing,
      ours.fixtures,
      ours.env,
      ours.log,
    ],
    "lib/domain is pure and imports nothing of ours but itself (DESIGN.md section 3).",
  ),
  zone(
    ours.db,
    [ours.app, ours.components, ours.queries, ours.services, ours.anypoint, ours.auth, ours.cli, ours.fixtures],
    "lib/db sits under lib/services: it may import lib/domain and lib/env only.",
  ),
  zone(
    ours.anypoint,
    [ours.app, ours.components, ours.queries, ours.services, ours.db, ours.auth, ours.cli, ours.fixtures],
    "lib/anypoint sits under lib/services: it may import lib/domain and lib/env only (callers pass estates in).",
  ),
  zone(
    ours.auth,
    [ours.app, ours.components, ours.queries, ours.services, ours.anypoint, ours.cli, ours.fixtures],
    "lib/auth sits under lib/services: it may import lib/db, lib/domain and lib/env.",
  ),
  zone(
    ours.services,
    [ours.app, ours.components, ours.queries, ours.cli],
    "lib/services is called by app/ and lib/cli, never the other way round.",
  ),
  zone(
    ours.queries,
    [
      ours.app,
      ours.components,
      ours.services,
      ours.db,
      ours.anypoint,
      ours.auth,
      ours.cli,
      ours.fixtures,
      ours.env,
      ours.log,
    ],
    "lib/queries runs in the browser and talks to /api/v1 over HTTP only.",
  ),
  zone(
    ours.components,
    [ours.app, ours.services, ours.db, ours.anypoint, ours.auth, ours.cli, ours.fixtures, ours.env, ours.log],
    "components get data from props or lib/queries hooks, never from the server layers.",
  ),
  zone(
    ours.app,
    [ours.db, ours.anypoint, ours.cli, ours.fixtures],
    "app/ reaches data through lib/services (one authorisation path).",
  ),
  zone(
    ours.cli,
    [ours.app, ours.components, ours.queries, ours.db, ours.anypoint, ours.fixtures],
    "lib/cli calls lib/services.",
  ),
  zone(
    ours.fixtures,
    [
      ours.app,
      ours.components,
      ours.queries,
      ours.services,
      ours.db,
      ours.auth,
      ours.cli,
      ours.testing,
      ours.env,
      ours.log,
    ],
    "lib/fixtures is data: it may import lib/domain and lib/anypoint (wire shapes, estate file, mapper) only.",
  ),
  zone(ours.env, ["./app", "./components", "./lib"], "lib/env.ts depends on nothing of ours."),
];

const domainBannedImports = [
  "next",
  "next/*",
  "react",
  "react-dom",
  "react/*",
  "@prisma/*",
  "pg",
  "@electric-sql/*",
  "pglite-prisma-adapter",
  "server-only",
  "node:*",
  "fs",
  "path",
  "pino",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "dist/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    ".data/**",
    ".data-*/**",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    // no-cycle follows imports; it has no business parsing installed packages (and chokes on PGlite's).
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-restricted-paths": ["error", { zones }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "off",
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "scripts/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts (getEnv)." },
      ],
    },
  },
  {
    files: ["lib/domain/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: domainBannedImports, message: "lib/domain is pure: no framework, database, I/O or Node APIs." },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "lib/domain is pure: pass configuration in." },
        { object: "Date", property: "now", message: "lib/domain has no clock: pass `now` in." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "lib/domain does no I/O." },
        { name: "process", message: "lib/domain is pure." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "lib/domain has no clock: pass `now` in.",
        },
      ],
    },
  },
  {
    // Tests may reach across layers to set up and observe; the code under test may not.
    files: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**", "e2e/**"],
    rules: { "import/no-restricted-paths": "off", "no-restricted-properties": "off" },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
