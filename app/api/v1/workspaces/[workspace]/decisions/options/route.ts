import { apiRoute } from "@/app/api/v1/handler";
import { getDecisionEditorOptions } from "@/lib/services/decisions/read";

export const dynamic = "force-dynamic";

/** What a decision editor offers: decisions to link, records to govern, reviewers to ask. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json(await getDecisionEditorOptions(ctx, workspace)),
);
