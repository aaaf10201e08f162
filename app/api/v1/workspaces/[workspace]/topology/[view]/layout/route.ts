import { apiRoute, readJson } from "@/app/api/v1/handler";
import { nudgeTopology, resetTopology } from "@/lib/services/topology";

export const dynamic = "force-dynamic";

type Params = { workspace: string; view: string };

/** Saves nudges: `{ pins: { <node id>: { x, y, parent } | null } }`, merged with the others. */
export const PATCH = apiRoute<Params>(async (ctx, request, { workspace, view }) =>
  Response.json(await nudgeTopology(ctx, workspace, view, await readJson(request))),
);

/** Resets the diagram to the generated layout. */
export const DELETE = apiRoute<Params>(async (ctx, _request, { workspace, view }) =>
  Response.json(await resetTopology(ctx, workspace, view)),
);
