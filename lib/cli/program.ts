import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  checkFails,
  checkFormatSchema,
  checkIncludeSchema,
  failOnSchema,
  formatJunit,
  formatSarif,
  type FailOn,
} from "@/lib/domain/governance/check-report";
import { categorySchema } from "@/lib/domain/governance/types";
import { agpVersion } from "@/lib/domain/version";
import { EnvError } from "@/lib/env";
import { ServiceError } from "@/lib/services/errors";
import type { AgpBackend, CliFile, CliWorkspace } from "@/lib/cli/backend";
import { CliError, exitCodeOfStatus, exitCodes, type ExitCode } from "@/lib/cli/errors";
import {
  formatCheck,
  formatImport,
  formatSync,
  formatSyncProgress,
  red,
  summarizeImport,
  type CliIo,
} from "@/lib/cli/output";

/** How the commands reach their backend; the entry point opens the real ones, tests may too. */
export type CliContext = {
  io: CliIo;
  /** The database (DATABASE_URL) or, with a server and token, a running portal. */
  openBackend: (remote: { server: string; token: string } | null) => Promise<AgpBackend>;
  env: { server?: string; token?: string; anypointClientSecret?: string };
};

type GlobalOptions = { server?: string; token?: string; workspace?: string; json?: boolean };

const controlPlanes = ["us", "eu", "gov"] as const;
const documentExtensions = new Set([".md", ".markdown", ".txt", ".zip", ".docx", ".html", ".htm", ".xml"]);

/** Reads the files and directories named on the command line (directories: their documents, sorted). */
function readInputs(paths: string[]): CliFile[] {
  const files: CliFile[] = [];
  const walk = (full: string, shown: string) => {
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new CliError(exitCodes.usage, `${shown}: no such file or directory`);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort())
        if (!entry.startsWith(".")) {
          const child = path.join(full, entry);
          const childStat = fs.statSync(child);
          if (childStat.isDirectory() || documentExtensions.has(path.extname(entry).toLowerCase()))
            walk(child, path.join(shown, entry));
        }
      return;
    }
    files.push({ name: shown, bytes: new Uint8Array(fs.readFileSync(full)) });
  };
  for (const p of paths) walk(path.resolve(p), p);
  if (!files.length)
    throw new CliError(
      exitCodes.usage,
      `No document found in ${paths.join(", ")} (.md, .docx, .html, .xml, .zip or .json)`,
    );
  return files;
}

/** The workspace a command works on: the one named (slug or name), else the only one, else "default". */
async function resolveWorkspace(
  backend: AgpBackend,
  named: string | undefined,
  known?: CliWorkspace[],
): Promise<CliWorkspace | null> {
  const all = known ?? (await backend.listWorkspaces());
  if (named) {
    const lower = named.toLowerCase();
    return all.find((w) => w.slug === named) ?? all.find((w) => w.name.toLowerCase() === lower) ?? null;
  }
  if (all.length === 1) return all[0]!;
  const fallback = all.find((w) => w.slug === "default");
  if (fallback) return fallback;
  throw new CliError(
    exitCodes.usage,
    all.length
      ? `Name the workspace with --workspace: ${all.map((w) => w.slug).join(", ")}`
      : "There is no workspace yet: import a document first (agp import <file> --workspace <name>).",
  );
}

async function requireWorkspace(backend: AgpBackend, named: string | undefined): Promise<CliWorkspace> {
  const workspace = await resolveWorkspace(backend, named);
  if (!workspace) {
    const all = await backend.listWorkspaces();
    throw new CliError(
      exitCodes.usage,
      `No workspace "${named}" in ${backend.description}${all.length ? ` (there are: ${all.map((w) => w.slug).join(", ")})` : ""}.`,
    );
  }
  return workspace;
}

const collect = (value: string, previous: string[]) => [...previous, value];

const positiveDays = (value: string) => {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new InvalidArgumentError("a whole number of days, at least 1");
  return days;
};

/**
 * Runs `agp` with these arguments and answers its exit code; never exits the process itself.
 * Every failure becomes a message naming the reason on stderr (or an error object with --json)
 * and one of the documented exit codes.
 */
export async function runAgp(argv: string[], context: CliContext): Promise<ExitCode> {
  const { io } = context;
  let exitCode: ExitCode = exitCodes.ok;
  let backend: AgpBackend | null = null;

  const open = async (options: GlobalOptions) => {
    const server = options.server ?? context.env.server;
    const token = options.token ?? context.env.token;
    if (server && !token)
      throw new CliError(exitCodes.usage, "--server needs --token (or AGP_TOKEN): an API token of the portal");
    if (token && !server)
      throw new CliError(exitCodes.usage, "--token needs --server (or AGP_SERVER): the portal's URL");
    backend = await context.openBackend(server && token ? { server, token } : null);
    return backend;
  };
  const emit = (options: GlobalOptions, json: unknown, human: () => string) =>
    io.out(options.json ? `${JSON.stringify(json, null, 2)}\n` : `${human()}\n`);

  const program = new Command("agp")
    .description(
      "The Anypoint Governance Portal from the command line: import the specification, sync the live estate, check it in pipelines.",
    )
    .version(agpVersion, "-V, --version")
    .option("--server <url>", "work through a running portal (or AGP_SERVER) instead of the database")
    .option("--token <token>", "the portal's API token (or AGP_TOKEN)")
    .option("-w, --workspace <name>", "the workspace (slug or name); default: the only one, or 'default'")
    .option("--json", "machine-readable output on stdout")
    .addHelpText(
      "after",
      `
Without --server, agp works on the database of DATABASE_URL (unset: the embedded one in .data/).
Exit codes: 0 fine; 1 findings at or above --fail-on; 2 bad usage or input; 3 connection or sync failure; 4 refused.`,
    )
    .showHelpAfterError("(run agp --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(red(io, text)) });

  program
    .command("import")
    .description(
      "import the specification document: Markdown, Word (.docx), a Confluence page (.html export or .xml storage format), a set of chapter files (or a directory, or a zip), or a JSON backup",
    )
    .argument("<paths...>", "files or directories")
    .option("--dry-run", "show what would change; write nothing")
    .option("--strict", "import nothing when part of the document cannot be read (default: skip that part)")
    .action(async (paths: string[], options: { dryRun?: boolean; strict?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const files = readInputs(paths);
      const api = await open(global);
      const backups = files.filter((f) => f.name.toLowerCase().endsWith(".json"));
      if (backups.length) {
        if (files.length > 1)
          throw new CliError(exitCodes.usage, "A JSON backup is imported alone, not with other files.");
        let backup: unknown;
        try {
          backup = JSON.parse(new TextDecoder().decode(backups[0]!.bytes));
        } catch {
          throw new CliError(exitCodes.usage, `${backups[0]!.name} is not valid JSON`);
        }
        if (options.dryRun)
          throw new CliError(
            exitCodes.usage,
            "--dry-run is for documents; a backup always restores into a new workspace.",
          );
        const restored = await api.restoreBackup(backup, global.workspace);
        emit(
          global,
          { workspace: restored.slug, restored: true },
          () => `Restored the backup into the new workspace ${restored.slug}.`,
        );
        return;
      }
      // An empty database gets the portal's "default" workspace, as a fresh portal would.
      const existing = await api.listWorkspaces();
      let workspace =
        !global.workspace && !existing.length ? null : await resolveWorkspace(api, global.workspace, existing);
      if (!workspace && !global.workspace) {
        if (options.dryRun)
          throw new CliError(exitCodes.usage, "There is no workspace yet; import without --dry-run creates it.");
        workspace = await api.createWorkspace("Default workspace", "default");
        io.err(`Created the workspace ${workspace.slug}.\n`);
      }
      if (!workspace) {
        if (options.dryRun)
          throw new CliError(
            exitCodes.usage,
            `No workspace "${global.workspace}" yet; import without --dry-run creates it.`,
          );
        workspace = await api.createWorkspace(global.workspace!);
        io.err(`Created the workspace ${workspace.slug}.\n`);
      }
      const report = await api.importDocument(workspace.slug, files, {
        apply: !options.dryRun,
        onProblems: options.strict ? "abort" : "skip",
      });
      const summary = summarizeImport(report);
      emit(global, summary, () => formatImport(io, summary, !options.dryRun));
    });

  program
    .command("connect")
    .description("store the workspace's Anypoint connection (a connected app; the secret is encrypted)")
    .addOption(new Option("--control-plane <plane>", "us, eu or gov").choices(controlPlanes))
    .option("--base-url <url>", "any other base URL (a private control plane, the simulator)")
    .requiredOption("--client-id <id>", "the connected app's client id")
    .option("--client-secret <secret>", "its secret (better: ANYPOINT_CLIENT_SECRET, out of shell history)")
    .option("--org-id <id>", "the organisation id (default: the connected app's own)")
    .action(
      async (
        options: {
          controlPlane?: (typeof controlPlanes)[number];
          baseUrl?: string;
          clientId: string;
          clientSecret?: string;
          orgId?: string;
        },
        command: Command,
      ) => {
        const global = command.optsWithGlobals<GlobalOptions>();
        if (!!options.controlPlane === !!options.baseUrl)
          throw new CliError(exitCodes.usage, "Give either --control-plane us|eu|gov or --base-url <url>.");
        const api = await open(global);
        const workspace = await requireWorkspace(api, global.workspace);
        const existing = await api.getConnection(workspace.slug);
        const secret = options.clientSecret ?? context.env.anypointClientSecret;
        if (!secret && !existing)
          throw new CliError(
            exitCodes.usage,
            "The client secret is required for a new connection: --client-secret or ANYPOINT_CLIENT_SECRET.",
          );
        const saved = await api.saveConnection(workspace.slug, {
          controlPlane: options.controlPlane ?? "custom",
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          clientId: options.clientId,
          ...(secret ? { clientSecret: secret } : {}),
          ...(options.orgId ? { organizationId: options.orgId } : {}),
          syncIntervalMinutes: existing?.syncIntervalMinutes ?? null,
          version: existing?.version ?? 0,
        });
        const view = {
          workspace: workspace.slug,
          controlPlane: saved.controlPlane,
          baseUrl: saved.baseUrl,
          clientId: saved.clientId,
          organizationId: saved.organizationId,
          clientSecret: "set",
        };
        emit(
          global,
          view,
          () => `Connected ${workspace.slug} to ${saved.baseUrl} as ${saved.clientId} (secret stored encrypted).`,
        );
      },
    );

  program
    .command("sync")
    .description("read the live estate from Anypoint now, with progress per kind")
    .option("--force", "apply even when the sync would remove a large share of a kind")
    .action(async (options: { force?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const api = await open(global);
      const workspace = await requireWorkspace(api, global.workspace);
      io.err(`Syncing ${workspace.slug}…\n`);
      const run = await api.sync(workspace.slug, !!options.force, (progress) =>
        io.err(`${formatSyncProgress(progress)}\n`),
      );
      emit(global, run, () => formatSync(io, run));
      if (run.status !== "succeeded") exitCode = exitCodes.connection;
    });

  program
    .command("check")
    .description("run the rules and report the findings; exits 1 when one is at or above --fail-on")
    .addOption(new Option("--format <format>", "table, json, sarif or junit").choices(checkFormatSchema.options))
    .addOption(
      new Option("--fail-on <severity>", "error, warning or never").choices(failOnSchema.options).default("error"),
    )
    .option(
      "--category <category>",
      `only this category (repeatable): ${categorySchema.options.join(", ")}`,
      collect,
      [],
    )
    .option("--environment <name>", "only this environment (repeatable)", collect, [])
    .addOption(
      new Option(
        "--include <what>",
        "completeness: also list the fields no imported document asked for yet (never fails the check)",
      ).argParser((value: string, previous: string[] = []) => {
        if (!checkIncludeSchema.safeParse(value).success)
          throw new InvalidArgumentError(`Allowed choices are ${checkIncludeSchema.options.join(", ")}.`);
        return [...previous, value];
      }),
    )
    .option("--latest", "report the latest evaluation instead of running the rules (a viewer's token can)")
    .option("--artifact <path>", "SARIF: a repository file (the specification document) to anchor results to")
    .option("--out <file>", "write the report to a file instead of stdout")
    .action(
      async (
        options: {
          format?: string;
          failOn: FailOn;
          category: string[];
          environment: string[];
          include?: string[];
          latest?: boolean;
          artifact?: string;
          out?: string;
        },
        command: Command,
      ) => {
        const global = command.optsWithGlobals<GlobalOptions>();
        const format = options.format ?? (global.json ? "json" : "table");
        const api = await open(global);
        const workspace = await requireWorkspace(api, global.workspace);
        const report = await api.check(workspace.slug, {
          category: options.category,
          environment: options.environment,
          include: options.include ?? [],
          evaluate: !options.latest,
        });
        const rendered =
          format === "json"
            ? `${JSON.stringify(report, null, 2)}\n`
            : format === "sarif"
              ? `${JSON.stringify(
                  formatSarif(report, await api.listRules(), {
                    toolVersion: agpVersion,
                    informationUri: "https://github.com/anypoint-governance-portal/agp",
                    artifact: options.artifact,
                  }),
                  null,
                  2,
                )}\n`
              : format === "junit"
                ? formatJunit(report, await api.listRules(), options.failOn)
                : `${formatCheck(io, report)}\n`;
        if (options.out) {
          fs.writeFileSync(options.out, rendered);
          io.err(`Wrote ${options.out}: ${report.summary.error} error(s), ${report.summary.warning} warning(s).\n`);
        } else io.out(rendered);
        if (checkFails(report, options.failOn)) exitCode = exitCodes.findings;
      },
    );

  program
    .command("export")
    .description(
      "export the specification: md (the template), html (print view), pdf, docx (Word, for reviewers), or json (a backup)",
    )
    .addOption(
      new Option("--format <format>", "md, html, pdf, docx or json")
        .choices(["md", "html", "pdf", "docx", "json"])
        .default("md"),
    )
    .option("--out <file>", "where to write it (default: stdout for md and json, the suggested file name otherwise)")
    .action(async (options: { format: "md" | "html" | "pdf" | "docx" | "json"; out?: string }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const api = await open(global);
      const workspace = await requireWorkspace(api, global.workspace);
      const exported = await api.exportDocument(workspace.slug, options.format);
      const target = options.out ?? (options.format === "md" || options.format === "json" ? null : exported.filename);
      if (!target) {
        io.out(new TextDecoder().decode(exported.body));
        return;
      }
      fs.writeFileSync(target, exported.body);
      if (global.json)
        io.out(`${JSON.stringify({ workspace: workspace.slug, file: target, bytes: exported.body.byteLength })}\n`);
      else io.err(`Wrote ${target} (${exported.body.byteLength} bytes).\n`);
    });

  const token = program.command("token").description("API tokens for pipelines");
  token
    .command("create")
    .description("create an API token (an administrator on the database directly); its secret is printed once")
    .requiredOption("--name <name>", "what it is for, e.g. 'GitHub Actions'")
    .addOption(
      new Option("--role <role>", "viewer, delivery_lead, architect or admin")
        .choices(["viewer", "delivery_lead", "architect", "admin"])
        .makeOptionMandatory(),
    )
    .requiredOption("--expires <days>", "days until it expires (at most 366)", positiveDays)
    .action(async (options: { name: string; role: string; expires: number }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      if (global.server ?? context.env.server)
        throw new CliError(
          exitCodes.usage,
          "agp token create works on the database directly; through the portal, create tokens in Settings > API tokens.",
        );
      const api = await open(global);
      const created = await api.createToken({ name: options.name, role: options.role, expiresInDays: options.expires });
      emit(global, created, () =>
        [
          `Created the ${created.role} token "${created.name}", expiring ${created.expiresAt.slice(0, 10)}.`,
          "Its secret, shown this once (store it in your pipeline's secrets):",
          created.secret,
        ].join("\n"),
      );
    });

  const fail = (error: unknown, json: boolean): ExitCode => {
    const failure = toCliError(error);
    if (json)
      io.out(
        `${JSON.stringify({ error: { message: failure.message, exitCode: failure.exitCode, ...(failure.fields.length ? { fields: failure.fields } : {}) } }, null, 2)}\n`,
      );
    io.err(`${red(io, `agp: ${failure.message}`)}\n`);
    for (const f of failure.fields) io.err(`  ${f.field}: ${f.message}\n`);
    return failure.exitCode;
  };

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0
        ? exitCodes.ok
        : exitCodes.usage;
    return fail(error, argv.includes("--json"));
  } finally {
    if (backend) await (backend as AgpBackend).close().catch(() => undefined);
  }
}

/** Service failures, environment problems and the rest as a message with an exit code. */
function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof EnvError)
    return new CliError(
      exitCodes.usage,
      error.message,
      error.problems.map((p) => ({ field: p.variable, message: p.message })),
    );
  if (error instanceof ServiceError) {
    const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
    return new CliError(exitCodeOfStatus(error.status), error.message, Array.isArray(fields) ? fields : []);
  }
  return new CliError(exitCodes.connection, error instanceof Error ? error.message : String(error));
}
