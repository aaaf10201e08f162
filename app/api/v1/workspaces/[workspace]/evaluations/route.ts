import { apiRoute } from "@/app/api/v1/handler";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { getGovernanceOverview } from "@/lib/services/governance/findings";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** The latest evaluation runs' summaries (for trends). */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace }) => {
  const overview = await getGovernanceOverview(ctx, workspace);
  return Response.json({ latest: overview.latest, trend: overview.trend });
});

/** Evaluates the rules now (delivery leads and above) and answers the run. */
export const POST = apiRoute<Params>(async (ctx, _request, { workspace }) =>
  Response.json(await runEvaluation(ctx, workspace), { status: 201 }),
);
