import type { CheckReport } from "@/lib/domain/governance/check-report";
import type { ImportReport } from "@/lib/domain/document/report";
import type { Rule } from "@/lib/domain/governance/types";
import type { Json } from "@/lib/domain/json";
import type { ConnectionView, ControlPlane } from "@/lib/domain/live/connection";
import type { SyncRun } from "@/lib/domain/live/sync-run";

/** A workspace as the command line names it. */
export type CliWorkspace = { slug: string; name: string };

/** A file to import, as read from disk. */
export type CliFile = { name: string; bytes: Uint8Array };

/** A connection as `agp` shows it (the secret is never part of it). */
export type CliConnection = Omit<Json<ConnectionView>, "clientSecret" | "updatedAt">;

export type CliConnectionInput = {
  controlPlane: ControlPlane;
  baseUrl?: string;
  clientId: string;
  clientSecret?: string;
  organizationId?: string;
  syncIntervalMinutes: number | null;
  version: number;
};

/** A sync run as `agp sync` reports it. */
export type CliSyncRun = Pick<
  Json<SyncRun>,
  | "id"
  | "status"
  | "startedAt"
  | "finishedAt"
  | "progress"
  | "counts"
  | "requests"
  | "retries"
  | "durationMs"
  | "warnings"
  | "scopes"
  | "removals"
  | "error"
>;

export type CliExport = { filename: string; contentType: string; body: Uint8Array };

export type CliRule = Pick<Rule, "id" | "title" | "category" | "severity" | "rationale" | "remediation">;

export type CliToken = { id: string; name: string; role: string; expiresAt: string; secret: string };

/**
 * What the commands need, done either on the database directly (lib/services) or through a
 * running portal's REST API: the same use-cases, so the same results.
 */
export interface AgpBackend {
  /** "the embedded database in .data" or "the portal at https://…", for messages. */
  readonly description: string;
  listWorkspaces(): Promise<CliWorkspace[]>;
  createWorkspace(name: string, slug?: string): Promise<CliWorkspace>;
  restoreBackup(backup: unknown, name: string | undefined): Promise<CliWorkspace>;
  importDocument(
    workspace: string,
    files: CliFile[],
    options: { apply: boolean; onProblems: "skip" | "abort" },
  ): Promise<ImportReport>;
  getConnection(workspace: string): Promise<CliConnection | null>;
  saveConnection(workspace: string, input: CliConnectionInput): Promise<CliConnection>;
  /** Starts a sync and follows it to its end, reporting each change of progress. */
  sync(workspace: string, force: boolean, onProgress: (run: CliSyncRun) => void): Promise<CliSyncRun>;
  check(
    workspace: string,
    input: { category: string[]; environment: string[]; include: string[]; evaluate: boolean },
  ): Promise<CheckReport>;
  listRules(): Promise<CliRule[]>;
  exportDocument(workspace: string, format: "md" | "html" | "pdf" | "docx" | "json"): Promise<CliExport>;
  createToken(input: { name: string; role: string; expiresInDays: number }): Promise<CliToken>;
  close(): Promise<void>;
}
