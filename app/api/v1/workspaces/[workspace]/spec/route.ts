import { apiRoute } from "@/app/api/v1/handler";
import { getSpecOverview } from "@/lib/services/spec";

export const dynamic = "force-dynamic";

/** Every section of the specification with its completeness. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json(await getSpecOverview(ctx, workspace)),
);
