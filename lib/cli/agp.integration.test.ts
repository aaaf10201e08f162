// The built `agp` command line as a pipeline runs it: a subprocess on a fresh database (an
// embedded directory on PGlite, a new database on the PostgreSQL server), the Anypoint simulator
// on 127.0.0.1, every command, its JSON, its exit codes, and SARIF checked against the SARIF
// 2.1.0 schema and Microsoft's SARIF validator.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { northwindCredentials, northwindEstate } from "@/lib/fixtures/northwind/estate";
import { createSimulator } from "@/lib/anypoint/simulator/server";
import { runAgp, type AgpRun } from "@/lib/testing/run-agp";
import { createEmptyTarget, testEngine } from "@/lib/testing/test-database";
import { buildCli } from "@/scripts/build-cli.mjs";

const root = process.cwd();
const fixtures = path.join(root, "lib", "testing", "documents");
const multitool = path.join(root, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
const sarifSchema = path.join(root, "node_modules", "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json");

type Result = AgpRun;

describe(`agp on ${testEngine}`, () => {
  let bundle = "";
  let databaseUrl = "";
  let dataDir: string | null = null;
  let dropDatabase: () => Promise<void> = async () => undefined;
  const simulator = createSimulator({ estate: northwindEstate() });
  let simulatorUrl = "";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "agp-cli-"));

  const agp = (args: string[], env: Record<string, string> = {}) =>
    runAgp(bundle, args, { cwd: work, env: { DATABASE_URL: databaseUrl, AGP_LOG_LEVEL: "warn", ...env } });
  const json = <T>(result: Result): T => {
    try {
      return JSON.parse(result.stdout) as T;
    } catch {
      throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
    }
  };

  beforeAll(async () => {
    bundle = await buildCli();
    simulatorUrl = await simulator.listen();
    if (testEngine === "pglite") {
      dataDir = path.join(work, "data");
      databaseUrl = `file:${dataDir}`;
    } else {
      const created = await createEmptyTarget();
      databaseUrl = (created.target as { url: string }).url;
      dropDatabase = created.drop;
    }
  }, 120_000);
  afterAll(async () => {
    await simulator.close();
    await dropDatabase();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("answers --help and --version, and refuses bad usage with exit 2 and the reason", async () => {
    const help = await agp(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["import", "connect", "sync", "check", "export", "token"])
      expect(help.stdout).toContain(command);
    expect((await agp(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const unknown = await agp(["deploy"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'deploy'");
    const format = await agp(["check", "--format", "html"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("Allowed choices are table, json, sarif, junit");
    const lonely = await agp(["check", "--server", "http://127.0.0.1:9"]);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain("--server needs --token");
  }, 60_000);

  it("imports a document into a new workspace, reports counts, gaps and problems, and changes nothing the second time", async () => {
    const first = await agp(["import", path.join(fixtures, "half-filled.md"), "--workspace", "acme", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const report = json<{
      workspace: string;
      imported: Record<string, number>;
      updated: Record<string, number>;
      gaps: number;
      problems: { place: string; message: string }[];
    }>(first);
    expect(report.workspace).toBe("acme");
    expect(report.imported).toMatchObject({ vpc: 1, "firewall-rule": 2, "load-balancer": 1, "business-group": 1 });
    for (const kind of Object.keys(report.imported)) expect(kind).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(report.updated).toEqual({});
    expect(report.gaps).toBeGreaterThan(10);
    expect(report.problems).toContainEqual({
      place: expect.stringMatching(/half-filled\.md:\d+ \(Virtual Private Cloud\)$/),
      message: expect.stringContaining('CIDR "10.70.0/20"'),
    });
    expect(first.stderr).toContain("Created the workspace acme");

    const again = await agp(["import", path.join(fixtures, "half-filled.md"), "--json"]);
    expect(again.code).toBe(0);
    expect(json<{ imported: object; updated: object }>(again)).toMatchObject({ imported: {}, updated: {} });

    const dry = await agp(["import", path.join(fixtures, "chapters"), "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run on acme: nothing was written.");
  }, 90_000);

  it("refuses a document it cannot fully read with --strict, writing nothing", async () => {
    const before = json<{ imported: object }>(
      await agp(["import", path.join(fixtures, "half-filled.md"), "--dry-run", "--json"]),
    );
    const strict = await agp(["import", path.join(fixtures, "half-filled.md"), "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/Nothing was imported: \d+ part\(s\) of the document could not be read/);
    const after = json<{ imported: object }>(
      await agp(["import", path.join(fixtures, "half-filled.md"), "--dry-run", "--json"]),
    );
    expect(after).toEqual(before);
    const missing = await agp(["import", path.join(work, "no-such.md")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such.md: no such file or directory");
  }, 90_000);

  it("connects to Anypoint with the secret from the environment and never prints it", async () => {
    const connect = await agp(
      ["connect", "--base-url", simulatorUrl, "--client-id", northwindCredentials.clientId, "--json"],
      { ANYPOINT_CLIENT_SECRET: northwindCredentials.clientSecret },
    );
    expect(connect.code, connect.stderr).toBe(0);
    expect(json(connect)).toMatchObject({ workspace: "acme", baseUrl: simulatorUrl, clientSecret: "set" });
    expect(connect.stdout + connect.stderr).not.toContain(northwindCredentials.clientSecret);
    const both = await agp(["connect", "--control-plane", "eu", "--base-url", simulatorUrl, "--client-id", "x"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Give either --control-plane us|eu|gov or --base-url <url>");
  }, 60_000);

  it("syncs with progress on stderr and the run as JSON, and exits 3 when Anypoint fails", async () => {
    const sync = await agp(["sync", "--json"]);
    expect(sync.code, sync.stderr).toBe(0);
    const run = json<{ status: string; counts: Record<string, number>; requests: number; durationMs: number }>(sync);
    expect(run.status).toBe("succeeded");
    expect(run.counts).toMatchObject({ vpc: 2, "load-balancer": 2 });
    expect(run.counts.application).toBeGreaterThan(0);
    expect(run.requests).toBeGreaterThan(10);
    expect(sync.stderr).toContain("Syncing acme");
    expect(json<{ scopes: unknown[] }>(sync).scopes).toEqual([]);

    // A call that fails leaves out only what it reads, and the run says what that was.
    simulator.setFaults([{ kind: "status", match: "/policies$", status: 500 }]);
    try {
      const partial = await agp(["sync", "--json"]);
      expect(partial.code, partial.stderr).toBe(0);
      const scopes = json<{ status: string; scopes: { kinds: string[]; attribute: string; reason: string }[] }>(
        partial,
      );
      expect(scopes.status).toBe("succeeded");
      expect(scopes.scopes.length).toBeGreaterThan(0);
      expect(scopes.scopes[0]).toMatchObject({
        kinds: ["api-instance"],
        attribute: "policies",
        reason: expect.stringContaining("answered 500"),
      });
    } finally {
      simulator.setFaults([]);
    }

    // Only what makes nothing readable fails a sync: here the root organisation.
    simulator.setFaults([{ kind: "status", match: "^/accounts/api/organizations/[^/]+$", status: 500 }]);
    try {
      const failed = await agp(["sync", "--json"]);
      expect(failed.code).toBe(3);
      expect(json<{ status: string; error: string }>(failed)).toMatchObject({
        status: "failed",
        error: expect.stringContaining("answered 500"),
      });
    } finally {
      simulator.setFaults([]);
    }
  }, 90_000);

  it("checks: JSON of the documented shape, exit 1 at --fail-on, 0 with never, filters", async () => {
    const check = await agp(["check", "--json"]);
    expect(check.code).toBe(1);
    const report = json<{
      summary: Record<string, number>;
      readiness: { environment: string; level: string; score: number }[];
      findings: Record<string, unknown>[];
    }>(check);
    expect(Object.keys(report.summary).sort()).toEqual(["error", "info", "waived", "warning"]);
    expect(report.summary.error).toBeGreaterThan(0);
    const open = report.findings.filter((f) => f.status === "open");
    expect(open.filter((f) => f.severity === "error")).toHaveLength(report.summary.error!);
    expect(report.readiness.length).toBeGreaterThan(0);
    for (const r of report.readiness) expect(typeof r.score).toBe("number");
    for (const f of report.findings)
      expect(Object.keys(f).sort()).toEqual(
        [
          "category",
          "editUrl",
          "environment",
          "fingerprint",
          "message",
          "remediation",
          "resourceKind",
          "resourceName",
          "ruleId",
          "severity",
          "status",
        ].sort(),
      );
    // Live kinds as well as spec kinds: the check compared the plan with the estate.
    expect(report.findings.some((f) => String(f.category) === "drift")).toBe(true);
    // Each finding says what to do with its own values, and where its record is edited (a path
    // without --server): the section page with that record's editor open, or the decision.
    for (const f of report.findings)
      expect(
        f.editUrl === null ||
          /^\/w\/acme\/(specification\/[a-z-]+\?edit=[0-9a-f-]{36}|decisions\/D\d+)$/.test(String(f.editUrl)),
      ).toBe(true);
    const placeholder = report.findings.find((f) => f.ruleId === "GAP-PLACEHOLDER" && f.editUrl);
    expect(placeholder).toMatchObject({
      remediation: expect.stringMatching(
        /^Replace ".+" in the .+ with the real value, or record who decides it and by when$/,
      ),
      editUrl: expect.stringMatching(/^\/w\/acme\/specification\/[a-z-]+\?edit=/),
    });

    expect((await agp(["check", "--fail-on", "never"])).code).toBe(0);
    const warnings = await agp(["check", "--fail-on", "warning", "--category", "gap", "--json"]);
    expect(warnings.code).toBe(1);
    expect(json<{ findings: { category: string }[] }>(warnings).findings.every((f) => f.category === "gap")).toBe(true);
    const table = await agp(["check", "--latest", "--fail-on", "never"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/severity\s+rule\s+resource\s+environment\s+message/);
    expect(table.stdout).toMatch(/\d+ error\(s\), \d+ warning\(s\)/);
    // Fields no table of the document asked for are listed only when asked, never as findings.
    expect(report).not.toHaveProperty("notRecorded");
    const complete = await agp(["check", "--latest", "--include", "completeness", "--json"]);
    const listed = json<{ findings: unknown[]; notRecorded: { section: string; record: string; fields: string[] }[] }>(
      complete,
    );
    expect(listed.findings).toHaveLength(report.findings.length);
    expect(listed.notRecorded).toContainEqual(
      expect.objectContaining({ section: "Dedicated load balancers", fields: ["HTTP mode", "Default endpoint"] }),
    );
    expect(table.stdout).not.toContain("Not yet recorded");
    const completeTable = await agp(["check", "--latest", "--include", "completeness", "--fail-on", "never"]);
    expect(completeTable.stdout).toMatch(/Not yet recorded: \d+ field\(s\) of \d+ record\(s\)/);
    expect((await agp(["check", "--include", "everything"])).stderr).toContain("Allowed choices are completeness");
    const bad = await agp(["check", "--category", "style"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("category");
    const nowhere = await agp(["check", "--workspace", "nope"]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('No workspace "nope"');
  }, 120_000);

  it("writes SARIF 2.1.0 that the schema and Microsoft's validator accept, and JUnit XML", async () => {
    const sarif = await agp(["check", "--format", "sarif", "--out", path.join(work, "agp.sarif")]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(fs.readFileSync(path.join(work, "agp.sarif"), "utf8")) as {
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: unknown[] }[];
    };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(sarifSchema, "utf8")) as object);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    for (const rule of log.runs[0]!.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(20);
    // A result's message carries its finding's own next step, not only the rule's help.
    const results = log.runs[0]!.results as { ruleId: string; message: { text: string } }[];
    expect(results.find((r) => r.ruleId === "GAP-PLACEHOLDER")!.message.text).toMatch(/ Remediation: Replace "/);
    const validator = spawnSync(multitool, ["validate", path.join(work, "agp.sarif")], { encoding: "utf8" });
    expect(validator.status, validator.stdout + validator.stderr).toBe(0);
    expect(validator.stdout).not.toMatch(/: error /);

    const junit = await agp(["check", "--latest", "--format", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="agp check acme"')).toBe(
      true,
    );
    expect(junit.stdout).toMatch(/<failure message="/);
    expect(junit.stdout.match(/<testsuite /g)!.length).toBeGreaterThan(20);
  }, 120_000);

  it("exports the specification and creates an API token whose secret is shown once", async () => {
    const md = await agp(["export"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("vpc-main");
    const backup = await agp(["export", "--format", "json", "--out", path.join(work, "backup.json"), "--json"]);
    expect(backup.code).toBe(0);
    expect(json<{ file: string }>(backup).file).toBe(path.join(work, "backup.json"));
    const restored = await agp(["import", path.join(work, "backup.json"), "--workspace", "acme-copy", "--json"]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(json(restored)).toEqual({ workspace: "acme-copy", restored: true });
    // A Word copy for reviewers, which imports back into the same records.
    const word = await agp([
      "export",
      "--workspace",
      "acme",
      "--format",
      "docx",
      "--out",
      path.join(work, "spec.docx"),
      "--json",
    ]);
    expect(word.code, word.stderr).toBe(0);
    expect([...fs.readFileSync(path.join(work, "spec.docx")).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const fromWord = await agp(["import", path.join(work, "spec.docx"), "--workspace", "acme", "--dry-run", "--json"]);
    expect(fromWord.code, fromWord.stderr).toBe(0);
    expect(json<{ imported: Record<string, number>; updated: Record<string, number> }>(fromWord)).toMatchObject({
      imported: {},
      updated: {},
    });

    const token = await agp([
      "token",
      "create",
      "--name",
      "GitHub Actions",
      "--role",
      "viewer",
      "--expires",
      "30",
      "--json",
    ]);
    expect(token.code, token.stderr).toBe(0);
    expect(json<{ secret: string; role: string }>(token)).toMatchObject({
      role: "viewer",
      secret: expect.stringMatching(/^agp_/),
    });
    const tooLong = await agp(["token", "create", "--name", "x", "--role", "viewer", "--expires", "400"]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain("expiresInDays must be at most 366");
  }, 90_000);
});
