import { apiRoute } from "@/app/api/v1/handler";
import { listLiveResources } from "@/lib/services/live/resources";

export const dynamic = "force-dynamic";

/** A page of the current snapshot: `?kind=&environment=&businessGroup=&q=&offset=&limit=` (limit at most 500). */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) =>
  Response.json(await listLiveResources(ctx, workspace, Object.fromEntries(new URL(request.url).searchParams))),
);
