import { apiRoute } from "@/app/api/v1/handler";
import { getTopology } from "@/lib/services/topology";

export const dynamic = "force-dynamic";

type Params = { workspace: string; view: string };

/** One diagram (platform, api-led, dr): nodes, containers, edges, overlay, findings per node, nudges. */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace, view }) =>
  Response.json(await getTopology(ctx, workspace, view)),
);
