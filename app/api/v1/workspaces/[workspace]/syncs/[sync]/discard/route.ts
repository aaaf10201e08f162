import { apiRoute } from "@/app/api/v1/handler";
import { resolveHeldSync } from "@/lib/services/live/syncs";

export const dynamic = "force-dynamic";

/** Drops a held sync; the current snapshot stays (administrators). */
export const POST = apiRoute<{ workspace: string; sync: string }>(async (ctx, _request, { workspace, sync }) =>
  Response.json(await resolveHeldSync(ctx, workspace, sync, "discard")),
);
