import { respondWithError } from "@/app/api/v1/respond";
import { getRequestContext } from "@/lib/services/request-context";
import { listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const workspaces = await listWorkspaces(await getRequestContext("api"));
    return Response.json({ items: workspaces });
  } catch (error) {
    return respondWithError(error);
  }
}
