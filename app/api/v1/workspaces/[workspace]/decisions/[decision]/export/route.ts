import { apiRoute, respondWithDocument } from "@/app/api/v1/handler";
import { exportDecisionMadr } from "@/lib/services/decisions/export";

export const dynamic = "force-dynamic";

/** One decision as a MADR Markdown file. */
export const GET = apiRoute<{ workspace: string; decision: string }>(async (ctx, _request, { workspace, decision }) => {
  const { filename, markdown } = await exportDecisionMadr(ctx, workspace, decision);
  return respondWithDocument(markdown, { type: "md", filename });
});
