import { isIP } from "node:net";
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
const roles = ["admin", "architect", "delivery_lead", "viewer"] as const;

/** Values of the demo identity provider; they only ever apply in demo mode. */
export const DEMO_AUTH = {
  clientId: "agp-portal-demo",
  clientSecret: "agp-portal-demo-secret",
  // Public by design: demo mode says "do not keep real data here".
  secret: "agp-demo-mode-only-secret-do-not-use-in-production",
  idpPort: 3001,
} as const;

/** Demo mode's secret key: public, so demo data is never protected by it. */
const DEMO_SECRET_KEY = "agp-demo-mode-only-secret-key-do-not-use-in-production";

const groupList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((group) => group.trim())
      .filter(Boolean),
  )
  .optional();

/** One host of AGP_ANYPOINT_ALLOWED_HOSTS as URLs spell it (lower case, IPv6 without brackets), or why not. */
export function parseAllowedHost(raw: string): { host: string } | { problem: string } {
  const value = raw.trim();
  if (/[/@?#\\*]|^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return { problem: `"${value}" is not a host: give the name or address only, without scheme, path or wildcard` };
  }
  const bare = value.replace(/^\[(.*)\]$/, "$1");
  const ipv6 = bare.includes(":") && isIP(bare) === 6;
  if (bare.includes(":") && !ipv6) return { problem: `"${value}" is not a host: leave the port out` };
  try {
    const host = new URL(`http://${ipv6 ? `[${bare}]` : bare}`).hostname;
    return { host: host.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "") };
  } catch {
    return { problem: `"${value}" is not a host name or IP address` };
  }
}

const hostList = z
  .string()
  .transform((value, ctx) => {
    const hosts: string[] = [];
    for (const item of value.split(",").filter((part) => part.trim() !== "")) {
      const parsed = parseAllowedHost(item);
      if ("host" in parsed) hosts.push(parsed.host);
      else ctx.addIssue({ code: "custom", message: parsed.problem });
    }
    return hosts;
  })
  .optional();

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 65535" })
    .max(65535, { error: "must be between 1 and 65535" });

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
    PORT: port("PORT").default(3000),
    AUTH_OKTA_ISSUER: z.url({ protocol: /^https?$/, error: "must be the URL of the Okta issuer" }).optional(),
    AUTH_OKTA_ID: z.string().optional(),
    AUTH_OKTA_SECRET: z.string().optional(),
    AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters (openssl rand -base64 32)" }).optional(),
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "must be the portal's public URL, e.g. https://agp.example.com" })
      .optional(),
    AGP_SESSION_HOURS: z.coerce
      .number({ error: "must be a number of hours" })
      .min(1, { error: "must be at least 1 hour" })
      .max(24 * 30, { error: "must be at most 720 hours" })
      .default(12),
    AGP_DEMO_IDP_PORT: port("AGP_DEMO_IDP_PORT").default(DEMO_AUTH.idpPort),
    AGP_ROLE_GROUPS_ADMIN: groupList,
    AGP_ROLE_GROUPS_ARCHITECT: groupList,
    AGP_ROLE_GROUPS_DELIVERY_LEAD: groupList,
    AGP_ROLE_GROUPS_VIEWER: groupList,
    AGP_SECRET_KEY: z
      .string()
      .min(32, { error: "must be at least 32 characters (openssl rand -base64 32); it encrypts stored secrets" })
      .optional(),
    AGP_SYNC_MAX_REMOVAL_SHARE: z.coerce
      .number({ error: "must be a share between 0 and 1, e.g. 0.3" })
      .min(0, { error: "must be between 0 and 1" })
      .max(1, { error: "must be between 0 and 1" })
      .default(0.3),
    AGP_DEMO_SIMULATOR_PORT: port("AGP_DEMO_SIMULATOR_PORT").default(3002),
    AGP_CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
    AGP_ANYPOINT_ALLOWED_HOSTS: hostList,
    AGP_MAX_JSON_BYTES: z.coerce
      .number({ error: "must be a number of bytes, e.g. 2097152 for 2 MB" })
      .int({ error: "must be a whole number of bytes" })
      .min(1024, { error: "must be at least 1024 bytes" })
      .max(100 * 1024 * 1024, { error: "must be at most 104857600 bytes (100 MB)" })
      .default(2 * 1024 * 1024),
  })
  .superRefine((raw, ctx) => {
    const production = (raw.AGP_MODE ?? (raw.AUTH_OKTA_ISSUER ? "production" : "demo")) === "production";
    if (!production) return;
    // Production never falls back to demo values: every sign-in setting must be given.
    const required = {
      AUTH_OKTA_ISSUER: "the Okta issuer URL, e.g. https://example.okta.com/oauth2/default",
      AUTH_OKTA_ID: "the client id of the portal's Okta application",
      AUTH_OKTA_SECRET: "the client secret of the portal's Okta application",
      AUTH_SECRET: "at least 32 random characters that sign sessions (openssl rand -base64 32)",
      AUTH_URL: "the portal's public URL, e.g. https://agp.example.com",
      AGP_SECRET_KEY: "at least 32 random characters that encrypt stored secrets (openssl rand -base64 32)",
    } as const;
    for (const [name, meaning] of Object.entries(required)) {
      if (raw[name as keyof typeof required] === undefined) {
        ctx.addIssue({ code: "custom", path: [name], message: `required in production mode: ${meaning}` });
      }
    }
  })
  .transform((raw) => {
    const database = parseDatabaseUrl(raw.DATABASE_URL, process.cwd());
    // Demo mode only when nothing says production: an Okta issuer means a real installation.
    const mode = raw.AGP_MODE ?? (raw.AUTH_OKTA_ISSUER ? "production" : "demo");
    // The local identity provider stands in for Okta only in demo mode without an issuer.
    const demoIdp = mode === "demo" && !raw.AUTH_OKTA_ISSUER ? { port: raw.AGP_DEMO_IDP_PORT } : null;
    const url = (raw.AUTH_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
    const defaults = {
      admin: "agp-admins",
      architect: "agp-architects",
      delivery_lead: "agp-delivery-leads",
      viewer: "agp-viewers",
    };
    const fromEnv = {
      admin: raw.AGP_ROLE_GROUPS_ADMIN,
      architect: raw.AGP_ROLE_GROUPS_ARCHITECT,
      delivery_lead: raw.AGP_ROLE_GROUPS_DELIVERY_LEAD,
      viewer: raw.AGP_ROLE_GROUPS_VIEWER,
    };
    return {
      nodeEnv: raw.NODE_ENV,
      mode,
      logLevel: raw.AGP_LOG_LEVEL,
      database,
      /** Encrypts secrets at rest (Anypoint client secrets); demo mode uses a fixed, public key. */
      secretKey: raw.AGP_SECRET_KEY ?? DEMO_SECRET_KEY,
      sync: { maxRemovalShare: raw.AGP_SYNC_MAX_REMOVAL_SHARE },
      /** The Anypoint simulator demo mode starts and syncs the demo workspace against. */
      demoSimulator: mode === "demo" ? { port: raw.AGP_DEMO_SIMULATOR_PORT } : null,
      chromiumPath: raw.AGP_CHROMIUM_PATH,
      /** Where Anypoint calls may go (lib/anypoint/outbound.ts; decision 0023). */
      outbound: {
        controlPlanesOnly: mode === "production",
        // Demo mode starts its own simulator on 127.0.0.1 and syncs against it: that one host, nothing wider.
        allowedHosts: [
          ...new Set([...(raw.AGP_ANYPOINT_ALLOWED_HOSTS ?? []), ...(mode === "demo" ? ["127.0.0.1"] : [])]),
        ],
      },
      /** The largest JSON body the API reads; imports have their own limit. */
      maxJsonBytes: raw.AGP_MAX_JSON_BYTES,
      auth: {
        url,
        secret: raw.AUTH_SECRET ?? DEMO_AUTH.secret,
        secureCookies: url.startsWith("https://"),
        sessionMaxAgeSeconds: Math.round(raw.AGP_SESSION_HOURS * 3600),
        okta: {
          issuer: (raw.AUTH_OKTA_ISSUER ?? `http://localhost:${raw.AGP_DEMO_IDP_PORT}`).replace(/\/+$/, ""),
          clientId: raw.AUTH_OKTA_ID ?? DEMO_AUTH.clientId,
          clientSecret: raw.AUTH_OKTA_SECRET ?? DEMO_AUTH.clientSecret,
        },
        demoIdp,
        /** Okta groups per role until an administrator edits the mapping in Settings. */
        defaultRoleGroups: Object.fromEntries(roles.map((role) => [role, fromEnv[role] ?? [defaults[role]]])) as Record<
          (typeof roles)[number],
          string[]
        >,
      },
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

/**
 * The environment for a process tooling starts (benchmarks start the portal and workers): this
 * process's, without the portal's own settings, so that only what the tool sets applies.
 */
export function childProcessEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(AUTH_|AGP_|DATABASE_URL$|NODE_ENV$)/.test(entry[0]),
    ),
  );
}

/** Reads a variable that only test tooling uses (never the app). */
export function readTestDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || undefined;
}

/** What the `agp` command line reads besides the portal's settings (all optional). */
export type CliEnv = {
  /** AGP_SERVER: a running portal to work through instead of the database. */
  server: string | undefined;
  /** AGP_TOKEN: the API token for AGP_SERVER. */
  token: string | undefined;
  /** ANYPOINT_CLIENT_SECRET: the connected app's secret for `agp connect`, kept out of shell history. */
  anypointClientSecret: string | undefined;
  /** NO_COLOR (https://no-color.org): no colour even on a terminal. */
  noColor: boolean;
  /** Who is at the console, for the audit trail of direct database work. */
  user: string;
};

/** The command line's variables. */
export function readCliEnv(): CliEnv {
  const value = (name: string) => process.env[name]?.trim() || undefined;
  return {
    server: value("AGP_SERVER"),
    token: value("AGP_TOKEN"),
    anypointClientSecret: value("ANYPOINT_CLIENT_SECRET"),
    noColor: value("NO_COLOR") !== undefined,
    user: value("USER") ?? value("USERNAME") ?? "operator",
  };
}
