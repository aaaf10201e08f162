import { apiRoute, respondWithDocument } from "@/app/api/v1/handler";
import { exportDecisionTable } from "@/lib/services/decisions/export";

export const dynamic = "force-dynamic";

/** Every decision as the template's `Id | Decision | Rationale | Implication` Markdown table. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  respondWithDocument(await exportDecisionTable(ctx, workspace), { type: "md", filename: `${workspace}-decisions.md` }),
);
