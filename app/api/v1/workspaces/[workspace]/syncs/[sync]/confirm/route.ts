import { apiRoute } from "@/app/api/v1/handler";
import { resolveHeldSync } from "@/lib/services/live/syncs";

export const dynamic = "force-dynamic";

/** Applies a sync held because it would remove too much (administrators). */
export const POST = apiRoute<{ workspace: string; sync: string }>(async (ctx, _request, { workspace, sync }) =>
  Response.json(await resolveHeldSync(ctx, workspace, sync, "confirm")),
);
