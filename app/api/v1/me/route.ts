import { apiRoute } from "@/app/api/v1/handler";

export const dynamic = "force-dynamic";

/** Who the credentials belong to and what role they carry (for `agp whoami` and the UI). */
export const GET = apiRoute(async (ctx) => {
  const { kind, id, name, role } = ctx.actor;
  return Response.json({ kind, id, name, role });
});
