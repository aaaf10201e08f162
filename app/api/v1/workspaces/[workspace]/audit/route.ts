import { apiRoute } from "@/app/api/v1/handler";
import { listAuditEvents } from "@/lib/services/audit";

export const dynamic = "force-dynamic";

/** The workspace's audit trail: `?entityId=&kind=&action=&actor=&cursor=&limit=`. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) =>
  Response.json(await listAuditEvents(ctx, workspace, Object.fromEntries(new URL(request.url).searchParams))),
);
