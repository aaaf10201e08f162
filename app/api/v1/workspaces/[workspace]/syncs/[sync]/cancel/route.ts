import { apiRoute } from "@/app/api/v1/handler";
import { cancelSync, getSyncRun } from "@/lib/services/live/syncs";

export const dynamic = "force-dynamic";

/** Cancels a running sync; nothing of it is applied. */
export const POST = apiRoute<{ workspace: string; sync: string }>(async (ctx, _request, { workspace, sync }) => {
  await cancelSync(ctx, workspace, sync);
  return Response.json(await getSyncRun(ctx, workspace, sync), { status: 202 });
});
