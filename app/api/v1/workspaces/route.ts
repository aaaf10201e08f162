import { apiRoute } from "@/app/api/v1/handler";
import { listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => Response.json({ items: await listWorkspaces(ctx) }));
