import { apiRoute } from "@/app/api/v1/handler";
import { exportDecisionTable } from "@/lib/services/decisions/export";

export const dynamic = "force-dynamic";

/** Every decision as the template's `Id | Decision | Rationale | Implication` Markdown table. */
export const GET = apiRoute<{ workspace: string }>(
  async (ctx, _request, { workspace }) =>
    new Response(await exportDecisionTable(ctx, workspace), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${workspace}-decisions.md"`,
      },
    }),
);
