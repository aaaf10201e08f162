import { apiRoute, readJson } from "@/app/api/v1/handler";
import { transitionDecision } from "@/lib/services/decisions/transition";

export const dynamic = "force-dynamic";

/** Moves a decision to another status: `{ to, version }`; 409 with the reason when refused. */
export const POST = apiRoute<{ workspace: string; decision: string }>(async (ctx, request, { workspace, decision }) =>
  Response.json(await transitionDecision(ctx, workspace, decision, await readJson(request))),
);
