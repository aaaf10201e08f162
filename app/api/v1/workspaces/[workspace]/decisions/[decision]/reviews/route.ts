import { apiRoute, readJson } from "@/app/api/v1/handler";
import { reviewDecision } from "@/lib/services/decisions/reviews";

export const dynamic = "force-dynamic";

/** Gives the caller's verdict on the revision they read: `{ verdict, note, revision }`. */
export const POST = apiRoute<{ workspace: string; decision: string }>(async (ctx, request, { workspace, decision }) =>
  Response.json(await reviewDecision(ctx, workspace, decision, await readJson(request))),
);
