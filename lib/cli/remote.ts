import type { CheckReport } from "@/lib/domain/governance/check-report";
import type { ImportReport } from "@/lib/domain/document/report";
import type { AgpBackend, CliConnection, CliExport, CliRule, CliSyncRun, CliWorkspace } from "@/lib/cli/backend";
import { CliError, exitCodeOfStatus, exitCodes } from "@/lib/cli/errors";

type ApiErrorBody = { error?: { code?: string; message?: string; fields?: { field: string; message: string }[] } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Works through a running portal's REST API with an API token: the same services behind the
 * same authorisation, so the same results as on the database (and the token's role decides).
 */
export function openRemoteBackend(server: string, token: string, fetchImpl: typeof fetch = fetch): AgpBackend {
  let base: URL;
  try {
    base = new URL(server.endsWith("/") ? server : `${server}/`);
  } catch {
    throw new CliError(
      exitCodes.usage,
      `--server must be the portal's URL, e.g. https://agp.example.com (got "${server}")`,
    );
  }
  if (!/^https?:$/.test(base.protocol))
    throw new CliError(exitCodes.usage, `--server must be an http(s) URL (got "${server}")`);
  if (!token.startsWith("agp_"))
    throw new CliError(exitCodes.usage, "--token must be an API token of the portal (it starts with agp_)");

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const url = new URL(path.replace(/^\//, ""), base);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause =
        error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new CliError(exitCodes.connection, `Could not reach the portal at ${base.origin}: ${cause}`);
    }
    if (response.ok) return response;
    let detail: ApiErrorBody = {};
    try {
      detail = (await response.json()) as ApiErrorBody;
    } catch {
      // Not our API's error body (a proxy's page): the status says enough.
    }
    const message = detail.error?.message ?? `${method} ${url.pathname} answered ${response.status}`;
    throw new CliError(exitCodeOfStatus(response.status), message, detail.error?.fields ?? []);
  }
  const json = async <T>(method: string, path: string, body?: unknown) =>
    (await (await call(method, path, body)).json()) as T;
  const ws = (slug: string) => `api/v1/workspaces/${encodeURIComponent(slug)}`;

  return {
    description: `the portal at ${base.origin}`,
    listWorkspaces: async () => (await json<{ items: CliWorkspace[] }>("GET", "api/v1/workspaces")).items,
    createWorkspace: (name, slug) =>
      json<CliWorkspace>("POST", "api/v1/workspaces", { name, ...(slug ? { slug } : {}) }),
    restoreBackup: (backup, name) =>
      json<CliWorkspace>("POST", "api/v1/workspaces", { backup, ...(name ? { name } : {}) }),
    importDocument: (workspace, files, { apply, onProblems }) =>
      json<ImportReport>("POST", `${ws(workspace)}/imports${apply ? "" : "/preview"}`, {
        files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString("base64") })),
        onProblems,
      }),
    getConnection: async (workspace) =>
      (await json<{ connection: CliConnection | null }>("GET", `${ws(workspace)}/connection`)).connection,
    saveConnection: (workspace, input) => json<CliConnection>("PUT", `${ws(workspace)}/connection`, input),
    sync: async (workspace, force, onProgress) => {
      let run = await json<CliSyncRun>("POST", `${ws(workspace)}/syncs`, { force });
      onProgress(run);
      let last = JSON.stringify(run.progress);
      while (run.status === "running") {
        await sleep(500);
        run = await json<CliSyncRun>("GET", `${ws(workspace)}/syncs/${run.id}`);
        const key = JSON.stringify(run.progress);
        if (key !== last) {
          last = key;
          onProgress(run);
        }
      }
      return run;
    },
    check: async (workspace, input) => {
      const query = new URLSearchParams();
      for (const c of input.category) query.append("category", c);
      for (const e of input.environment) query.append("environment", e);
      for (const i of input.include) query.append("include", i);
      const path = `${ws(workspace)}/check${query.size ? `?${query}` : ""}`;
      // POST runs the rules now; GET reads the latest evaluation (a viewer's token can).
      const report = await json<CheckReport>(input.evaluate ? "POST" : "GET", path);
      // The portal answers paths of its own pages; a pipeline's reader needs the whole address.
      const absolute = (editUrl: string | null | undefined) =>
        editUrl ? new URL(editUrl.replace(/^\//, ""), base).href : null;
      return {
        ...report,
        findings: report.findings.map((f) => ({ ...f, editUrl: absolute(f.editUrl) })),
        ...(report.notRecorded
          ? { notRecorded: report.notRecorded.map((n) => ({ ...n, editUrl: absolute(n.editUrl) })) }
          : {}),
      };
    },
    listRules: async () => (await json<{ items: CliRule[] }>("GET", "api/v1/rules")).items,
    exportDocument: async (workspace, format): Promise<CliExport> => {
      const response = await call("GET", `${ws(workspace)}/export?format=${format}`);
      const disposition = response.headers.get("content-disposition") ?? "";
      const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${workspace}-specification.${format}`;
      return {
        filename,
        contentType: response.headers.get("content-type") ?? "application/octet-stream",
        body: new Uint8Array(await response.arrayBuffer()),
      };
    },
    createToken: () => {
      throw new CliError(
        exitCodes.usage,
        "agp token create works on the database directly (an administrator at the console); through the portal, create tokens in Settings > API tokens.",
      );
    },
    close: async () => undefined,
  };
}
