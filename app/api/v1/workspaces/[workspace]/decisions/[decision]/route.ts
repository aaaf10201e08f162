import { apiRoute, readJson } from "@/app/api/v1/handler";
import { getDecision } from "@/lib/services/decisions/read";
import { updateDecision } from "@/lib/services/decisions/write";

export const dynamic = "force-dynamic";

type Params = { workspace: string; decision: string };

/** One decision (by number, "D05", or id) with links both ways, reviews and history. */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace, decision }) =>
  Response.json(await getDecision(ctx, workspace, decision)),
);

/**
 * Saves the text, links and governed records as a new revision: `{ version, title, …,
 * supersedes, amends, relatesTo, governs, editAfterAcceptance?, note? }`; 409 when stale.
 */
export const PUT = apiRoute<Params>(async (ctx, request, { workspace, decision }) =>
  Response.json(await updateDecision(ctx, workspace, decision, await readJson(request))),
);
