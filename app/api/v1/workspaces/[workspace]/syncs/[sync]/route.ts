import { apiRoute } from "@/app/api/v1/handler";
import { getSyncRun } from "@/lib/services/live/syncs";

export const dynamic = "force-dynamic";

/** One sync: status, progress per step, counts per kind, requests, duration, warnings, error. */
export const GET = apiRoute<{ workspace: string; sync: string }>(async (ctx, _request, { workspace, sync }) =>
  Response.json(await getSyncRun(ctx, workspace, sync)),
);
