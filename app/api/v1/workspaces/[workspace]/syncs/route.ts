import { apiRoute, readOptionalJson } from "@/app/api/v1/handler";
import { listSyncRuns, startSync } from "@/lib/services/live/syncs";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** The latest syncs, newest first (`?limit=`, at most 100). */
export const GET = apiRoute<Params>(async (ctx, request, { workspace }) => {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 20);
  return Response.json({ items: await listSyncRuns(ctx, workspace, Number.isFinite(limit) ? limit : 20) });
});

/**
 * Starts a sync (`{ force?: boolean }`) and answers 202 with the running sync; poll
 * GET …/syncs/{id} for its progress. 409 when one is already running.
 */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) => {
  const { run } = await startSync(ctx, workspace, await readOptionalJson(request));
  return Response.json(run, { status: 202, headers: { Location: `/api/v1/workspaces/${workspace}/syncs/${run.id}` } });
});
