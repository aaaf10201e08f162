import { apiRoute } from "@/app/api/v1/handler";
import { getLiveOverview } from "@/lib/services/live/resources";

export const dynamic = "force-dynamic";

/** The current snapshot (its sync, counts per kind, age), the latest syncs, and filter choices. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json(await getLiveOverview(ctx, workspace)),
);
