import { apiRoute } from "@/app/api/v1/handler";
import { revokeApiToken } from "@/lib/services/tokens";

export const dynamic = "force-dynamic";

/** Revokes a token (it answers 401 from then on). */
export const DELETE = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  await revokeApiToken(ctx, id);
  return new Response(null, { status: 204 });
});
