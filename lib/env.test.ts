import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseAllowedHost, parseDatabaseUrl, parseEnv, redactUrl } from "@/lib/env";

describe("parseDatabaseUrl", () => {
  const cwd = "/srv/portal";

  it("defaults to embedded PGlite in .data of the working directory", () => {
    expect(parseDatabaseUrl(undefined, cwd)).toEqual({
      kind: "embedded",
      dataDir: "/srv/portal/.data",
      url: "file:/srv/portal/.data",
    });
    expect(parseDatabaseUrl("  ", cwd)).toMatchObject({ kind: "embedded", dataDir: "/srv/portal/.data" });
  });

  it("resolves file: directories, relative to the working directory", () => {
    expect(parseDatabaseUrl("file:./var/db", cwd)).toMatchObject({ kind: "embedded", dataDir: "/srv/portal/var/db" });
    expect(parseDatabaseUrl("file:/tmp/agp", cwd)).toMatchObject({ dataDir: "/tmp/agp" });
    expect(parseDatabaseUrl("file:///tmp/agp", cwd)).toMatchObject({ dataDir: path.resolve("/tmp/agp") });
  });

  it("keeps memory:// in memory", () => {
    expect(parseDatabaseUrl("memory://", cwd)).toEqual({ kind: "embedded", dataDir: null, url: "memory://" });
  });

  it("accepts postgres:// and postgresql:// server URLs", () => {
    expect(parseDatabaseUrl("postgresql://agp:pw@db.internal:5432/agp", cwd)).toEqual({
      kind: "postgresql",
      url: "postgresql://agp:pw@db.internal:5432/agp",
    });
    expect(parseDatabaseUrl("postgres://db/agp", cwd).kind).toBe("postgresql");
  });

  it("refuses other schemes and incomplete URLs with the reason, without echoing a password", () => {
    expect(() => parseDatabaseUrl("mysql://root:hunter2@db/agp", cwd)).toThrow(/unsupported scheme/);
    expect(() => parseDatabaseUrl("mysql://root:hunter2@db/agp", cwd)).not.toThrow(/hunter2/);
    expect(() => parseDatabaseUrl("file:", cwd)).toThrow(/needs a directory/);
    expect(() => parseDatabaseUrl("postgresql:///agp", cwd)).toThrow(/needs a host/);
  });
});

describe("redactUrl", () => {
  it("hides the password only", () => {
    expect(redactUrl("postgresql://agp:s3cret@db:5432/agp")).toBe("postgresql://agp:***@db:5432/agp");
    expect(redactUrl("postgresql://db:5432/agp")).toBe("postgresql://db:5432/agp");
  });
});

/** The EnvError an environment raises; fails the test when it parses. */
function envErrorOf(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

describe("parseEnv", () => {
  it("gives demo mode and embedded database for an empty environment", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.database.kind).toBe("embedded");
    expect(env.logLevel).toBe("info");
  });

  const okta = {
    AUTH_OKTA_ISSUER: "https://example.okta.com/oauth2/default",
    AUTH_OKTA_ID: "0oa1example",
    AUTH_OKTA_SECRET: "okta-client-secret",
    AUTH_SECRET: "x".repeat(32),
    AUTH_URL: "https://agp.example.com/",
    AGP_SECRET_KEY: "k".repeat(32),
  };

  it("switches to production when an Okta issuer is configured, with no demo identity provider", () => {
    const env = parseEnv(okta);
    expect(env.mode).toBe("production");
    expect(env.auth.demoIdp).toBeNull();
    expect(env.auth.okta).toEqual({
      issuer: okta.AUTH_OKTA_ISSUER,
      clientId: "0oa1example",
      clientSecret: "okta-client-secret",
    });
    expect(env.auth.url).toBe("https://agp.example.com");
    expect(env.auth.secureCookies).toBe(true);
    expect(parseEnv({ ...okta, AGP_MODE: "production" }).mode).toBe("production");
  });

  it("stops production mode without its sign-in settings, naming each one", () => {
    expect(() => parseEnv({ AGP_MODE: "production" })).toThrow(EnvError);
    const error = envErrorOf({ AGP_MODE: "production", AUTH_OKTA_ISSUER: okta.AUTH_OKTA_ISSUER });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      "AGP_SECRET_KEY",
      "AUTH_OKTA_ID",
      "AUTH_OKTA_SECRET",
      "AUTH_SECRET",
      "AUTH_URL",
    ]);
    expect(error.message).toMatch(/AUTH_SECRET: required in production mode/);
  });

  it("refuses a short AGP_SECRET_KEY and a removal share outside 0..1", () => {
    const error = envErrorOf({ ...okta, AGP_SECRET_KEY: "short", AGP_SYNC_MAX_REMOVAL_SHARE: "1.5" });
    expect(error.problems).toEqual([
      { variable: "AGP_SECRET_KEY", message: expect.stringMatching(/at least 32 characters/) },
      { variable: "AGP_SYNC_MAX_REMOVAL_SHARE", message: "must be between 0 and 1" },
    ]);
  });

  it("reads AGP_ANYPOINT_ALLOWED_HOSTS as hosts, lower case; production allows nothing else, demo its simulator", () => {
    const env = parseEnv({ ...okta, AGP_ANYPOINT_ALLOWED_HOSTS: " Anypoint.Internal.Example. , 127.0.0.1,[::1],," });
    expect(env.outbound).toEqual({
      controlPlanesOnly: true,
      allowedHosts: ["anypoint.internal.example", "127.0.0.1", "::1"],
    });
    expect(parseEnv(okta).outbound).toEqual({ controlPlanesOnly: true, allowedHosts: [] });
    expect(parseEnv({}).outbound).toEqual({ controlPlanesOnly: false, allowedHosts: ["127.0.0.1"] });
  });

  it("refuses an allowlist entry that is a URL, has a port or a wildcard, naming it", () => {
    const error = envErrorOf({
      AGP_ANYPOINT_ALLOWED_HOSTS: "https://a.example, b.example:8443, *.c.example, ok.example",
    });
    expect(error.problems).toEqual([
      {
        variable: "AGP_ANYPOINT_ALLOWED_HOSTS",
        message: expect.stringMatching(/^"https:\/\/a\.example" is not a host/),
      },
      { variable: "AGP_ANYPOINT_ALLOWED_HOSTS", message: '"b.example:8443" is not a host: leave the port out' },
      { variable: "AGP_ANYPOINT_ALLOWED_HOSTS", message: expect.stringMatching(/^"\*\.c\.example" is not a host/) },
    ]);
    expect(parseAllowedHost("bad host")).toEqual({ problem: '"bad host" is not a host name or IP address' });
  });

  it("reads AGP_MAX_JSON_BYTES, 2 MB unless set", () => {
    expect(parseEnv({}).maxJsonBytes).toBe(2 * 1024 * 1024);
    expect(parseEnv({ AGP_MAX_JSON_BYTES: "65536" }).maxJsonBytes).toBe(65536);
    expect(() => parseEnv({ AGP_MAX_JSON_BYTES: "10" })).toThrow(/AGP_MAX_JSON_BYTES: must be at least 1024 bytes/);
    expect(() => parseEnv({ AGP_MAX_JSON_BYTES: "2MB" })).toThrow(/AGP_MAX_JSON_BYTES: must be a number of bytes/);
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(() => parseEnv({ ...okta, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("runs the demo identity provider in demo mode, with the demo client and the local port", () => {
    const env = parseEnv({ PORT: "4000", AGP_DEMO_IDP_PORT: "4001" });
    expect(env.auth.demoIdp).toEqual({ port: 4001 });
    expect(env.auth.okta.issuer).toBe("http://localhost:4001");
    expect(env.auth.url).toBe("http://localhost:4000");
    expect(env.auth.secureCookies).toBe(false);
  });

  it("reads default role groups, comma-separated, falling back to agp-<role> groups", () => {
    const env = parseEnv({ AGP_ROLE_GROUPS_ADMIN: "okta-admins, platform-owners", AGP_ROLE_GROUPS_VIEWER: "" });
    expect(env.auth.defaultRoleGroups).toEqual({
      admin: ["okta-admins", "platform-owners"],
      architect: ["agp-architects"],
      delivery_lead: ["agp-delivery-leads"],
      viewer: ["agp-viewers"],
    });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AGP_MODE: "" }).mode).toBe("demo");
  });

  it("names every bad variable and the reason", () => {
    const error = envErrorOf({ DATABASE_URL: "mysql://db/agp", AGP_MODE: "staging", AGP_LOG_LEVEL: "loud" });
    const problems = error.problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(["AGP_LOG_LEVEL", "AGP_MODE", "DATABASE_URL"]);
    expect((error as EnvError).message).toMatch(/AGP_MODE: must be "demo" or "production"/);
    expect((error as EnvError).message).toMatch(/AGP_LOG_LEVEL: must be one of/);
  });

  it("reports a bad DATABASE_URL by name", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/agp" })).toThrow(/DATABASE_URL: unsupported scheme/);
  });
});
