import { apiRoute } from "@/app/api/v1/handler";
import { diffDecisionRevisions } from "@/lib/services/decisions/read";

export const dynamic = "force-dynamic";

/** Word-level differences between two revisions: `?from=1&to=3`. */
export const GET = apiRoute<{ workspace: string; decision: string }>(async (ctx, request, { workspace, decision }) => {
  const params = new URL(request.url).searchParams;
  return Response.json(
    await diffDecisionRevisions(ctx, workspace, decision, {
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
    }),
  );
});
