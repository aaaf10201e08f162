import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseDatabaseUrl, parseEnv, redactUrl } from "@/lib/env";

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

describe("parseEnv", () => {
  it("gives demo mode and embedded database for an empty environment", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.database.kind).toBe("embedded");
    expect(env.logLevel).toBe("info");
  });

  it("switches to production when an Okta issuer is configured", () => {
    expect(parseEnv({ AUTH_OKTA_ISSUER: "https://example.okta.com/oauth2/default" }).mode).toBe("production");
    expect(parseEnv({ AGP_MODE: "production" }).mode).toBe("production");
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AGP_MODE: "" }).mode).toBe("demo");
  });

  it("names every bad variable and the reason", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://db/agp", AGP_MODE: "staging", AGP_LOG_LEVEL: "loud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(["AGP_LOG_LEVEL", "AGP_MODE", "DATABASE_URL"]);
    expect((error as EnvError).message).toMatch(/AGP_MODE: must be "demo" or "production"/);
    expect((error as EnvError).message).toMatch(/AGP_LOG_LEVEL: must be one of/);
  });

  it("reports a bad DATABASE_URL by name", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/agp" })).toThrow(/DATABASE_URL: unsupported scheme/);
  });
});
