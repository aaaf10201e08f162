import fs from "node:fs";
import path from "node:path";
import { checkWorkspace } from "@/lib/services/check";
import { exportWorkspaceBackup, restoreWorkspace } from "@/lib/services/documents/backup";
import { exportSpecHtml, exportSpecMarkdown, exportSpecPdf, exportSpecDocx } from "@/lib/services/documents/export";
import { applyImport, previewImport } from "@/lib/services/documents/import";
import { listRules } from "@/lib/services/governance/evaluation";
import { getConnection, saveConnection } from "@/lib/services/live/connection";
import { getSyncRun, startSync } from "@/lib/services/live/syncs";
import { createApiToken } from "@/lib/services/tokens";
import { openOperatorSession } from "@/lib/services/operator";
import { createWorkspace, listWorkspaces } from "@/lib/services/workspaces";
import type { AgpBackend, CliSyncRun } from "@/lib/cli/backend";
import { CliError, exitCodes } from "@/lib/cli/errors";
import type { SyncRun } from "@/lib/domain/live/sync-run";

const toCliRun = (run: SyncRun): CliSyncRun => ({
  id: run.id,
  status: run.status,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  progress: run.progress,
  counts: run.counts,
  requests: run.requests,
  retries: run.retries,
  durationMs: run.durationMs,
  warnings: run.warnings,
  scopes: run.scopes,
  removals: run.removals,
  error: run.error,
});

const encoder = new TextEncoder();

/**
 * Works on the database of DATABASE_URL directly, as the person at the console (an
 * administrator, audited as the CLI). An embedded directory held by a running portal is
 * refused with exit 4.
 */
export async function openDirectBackend(root: string, user: string): Promise<AgpBackend> {
  const migrationsDir = path.join(root, "prisma", "migrations");
  if (!fs.existsSync(migrationsDir))
    throw new CliError(exitCodes.usage, `No migrations at ${migrationsDir}: run agp from the portal's checkout.`);
  const session = await openOperatorSession(migrationsDir, user);
  if (!session.ok)
    throw session.reason === "locked"
      ? new CliError(
          exitCodes.refused,
          `${session.message}. Stop the portal, or work through it: agp --server <url> --token <token> …`,
        )
      : new CliError(exitCodes.connection, session.message);
  const { ctx } = session;

  return {
    description: session.description,
    listWorkspaces: async () => (await listWorkspaces(ctx)).map((w) => ({ slug: w.slug, name: w.name })),
    createWorkspace: async (name, slug) => {
      const created = await createWorkspace(ctx, { name, ...(slug ? { slug } : {}) });
      return { slug: created.slug, name: created.name };
    },
    restoreBackup: async (backup, name) => {
      const restored = await restoreWorkspace(ctx, { backup, ...(name ? { name } : {}) });
      return { slug: restored.slug, name: restored.name };
    },
    importDocument: (workspace, files, { apply, onProblems }) =>
      apply ? applyImport(ctx, workspace, files, { onProblems }) : previewImport(ctx, workspace, files, { onProblems }),
    getConnection: async (workspace) => getConnection(ctx, workspace),
    saveConnection: (workspace, input) => saveConnection(ctx, workspace, input),
    sync: async (workspace, force, onProgress) => {
      const { run, done } = await startSync(ctx, workspace, { force });
      onProgress(toCliRun(run));
      let last = "";
      const timer = setInterval(() => {
        void getSyncRun(ctx, workspace, run.id)
          .then((current) => {
            const key = JSON.stringify(current.progress);
            if (key !== last) {
              last = key;
              onProgress(toCliRun(current));
            }
          })
          .catch(() => undefined);
      }, 250);
      try {
        return toCliRun(await done);
      } finally {
        clearInterval(timer);
      }
    },
    check: (workspace, input) => checkWorkspace(ctx, workspace, input),
    listRules: async () => listRules(),
    exportDocument: async (workspace, format) => {
      if (format === "html") {
        const { filename, html } = await exportSpecHtml(ctx, workspace);
        return { filename, contentType: "text/html", body: encoder.encode(html) };
      }
      if (format === "pdf") {
        const { filename, pdf } = await exportSpecPdf(ctx, workspace);
        return { filename, contentType: "application/pdf", body: pdf };
      }
      if (format === "docx") {
        const { filename, docx } = await exportSpecDocx(ctx, workspace);
        return {
          filename,
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          body: docx,
        };
      }
      if (format === "json") {
        const { filename, backup } = await exportWorkspaceBackup(ctx, workspace);
        return { filename, contentType: "application/json", body: encoder.encode(JSON.stringify(backup, null, 2)) };
      }
      const { filename, markdown } = await exportSpecMarkdown(ctx, workspace);
      return { filename, contentType: "text/markdown", body: encoder.encode(markdown) };
    },
    createToken: async (input) => {
      const { token, secret } = await createApiToken(ctx, input);
      return { id: token.id, name: token.name, role: token.role, expiresAt: token.expiresAt.toISOString(), secret };
    },
    close: session.close,
  };
}
