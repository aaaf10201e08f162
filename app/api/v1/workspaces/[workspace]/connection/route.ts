import { apiRoute, readJson } from "@/app/api/v1/handler";
import { deleteConnection, getConnection, saveConnection } from "@/lib/services/live/connection";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** The Anypoint connection (administrators); the client secret only ever appears as "set". */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace }) =>
  Response.json({ connection: await getConnection(ctx, workspace) }),
);

/**
 * Creates or replaces the connection: `{ controlPlane: us|eu|gov|custom, baseUrl?, clientId,
 * clientSecret?, organizationId?, syncIntervalMinutes?, version }` (version 0 for a new one).
 */
export const PUT = apiRoute<Params>(async (ctx, request, { workspace }) =>
  Response.json(await saveConnection(ctx, workspace, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async (ctx, _request, { workspace }) => {
  await deleteConnection(ctx, workspace);
  return new Response(null, { status: 204 });
});
