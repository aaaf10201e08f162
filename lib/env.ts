import path from "node:path";
import { z } from "zod";

/** Where the database lives, decided from DATABASE_URL. */
export type DatabaseTarget =
  /** PGlite; `dataDir` null means in memory (nothing survives the process). */
  { kind: "embedded"; dataDir: string | null; url: string } | { kind: "postgresql"; url: string };

const DATABASE_URL_HELP =
  "expected postgres://…, postgresql://…, file:<directory> or memory://; unset means embedded in .data/";

/**
 * Turns a DATABASE_URL into a database target. `cwd` anchors relative `file:` directories and
 * the default `.data/`, so that the checkout owns its data wherever the command is run from.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd: string): DatabaseTarget {
  const value = raw?.trim() ?? "";
  if (value === "") {
    const dataDir = path.resolve(cwd, ".data");
    return { kind: "embedded", dataDir, url: `file:${dataDir}` };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error(`not a valid URL (${DATABASE_URL_HELP})`);
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) {
      throw new Error("a PostgreSQL URL needs a host, e.g. postgresql://user@127.0.0.1:5432/agp");
    }
    return { kind: "postgresql", url: value };
  }
  if (value === "memory://" || value === "memory:") {
    return { kind: "embedded", dataDir: null, url: "memory://" };
  }
  if (value.startsWith("file:")) {
    const dir = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (dir === "") throw new Error(`file: needs a directory (${DATABASE_URL_HELP})`);
    const dataDir = path.resolve(cwd, dir);
    return { kind: "embedded", dataDir, url: `file:${dataDir}` };
  }
  throw new Error(`unsupported scheme in "${redactUrl(value)}" (${DATABASE_URL_HELP})`);
}

/** Hides the password of a connection URL so that it can be shown in messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+:)[^@]*@/i, "$1***@");
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Checked here (not only in the transform) so that every bad variable is reported at once.
    DATABASE_URL: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          parseDatabaseUrl(value, process.cwd());
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    AGP_MODE: z.enum(["demo", "production"], { error: 'must be "demo" or "production"' }).optional(),
    AGP_LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(", ")}` }).default("info"),
    AUTH_OKTA_ISSUER: z.url({ error: "must be an https URL of the Okta issuer" }).optional(),
  })
  .transform((raw) => {
    const database = parseDatabaseUrl(raw.DATABASE_URL, process.cwd());
    // Demo mode only when nothing says production: an Okta issuer means a real installation.
    const mode = raw.AGP_MODE ?? (raw.AUTH_OKTA_ISSUER ? "production" : "demo");
    return {
      nodeEnv: raw.NODE_ENV,
      mode,
      logLevel: raw.AGP_LOG_LEVEL,
      database,
    };
  });

export type Env = z.output<typeof envSchema>;

/** Raised when the environment is invalid; the message names every bad variable and why. */
export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super("Invalid environment:\n" + problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"));
    this.name = "EnvError";
  }
}

/** Validates an environment (process.env by default), failing with an EnvError. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable is treated as unset, as shells and .env files commonly leave them.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })),
  );
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads a variable that only test tooling uses (never the app). */
export function readTestDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || undefined;
}
