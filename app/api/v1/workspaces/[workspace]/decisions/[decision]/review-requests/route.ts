import { apiRoute, readJson } from "@/app/api/v1/handler";
import { requestReviews } from "@/lib/services/decisions/reviews";

export const dynamic = "force-dynamic";

/** Asks people for their review: `{ reviewers: [userId, …] }`. */
export const POST = apiRoute<{ workspace: string; decision: string }>(async (ctx, request, { workspace, decision }) =>
  Response.json(await requestReviews(ctx, workspace, decision, await readJson(request))),
);
