import { apiRoute, readJson } from "@/app/api/v1/handler";
import { createApiToken, listApiTokens } from "@/lib/services/tokens";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => Response.json({ items: await listApiTokens(ctx) }));

/** Creates a token; the response is the only time its secret is shown. */
export const POST = apiRoute(async (ctx, request) => {
  const created = await createApiToken(ctx, await readJson(request));
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
