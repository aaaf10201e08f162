import { apiRoute } from "@/app/api/v1/handler";
import { listFindings } from "@/lib/services/governance/findings";

export const dynamic = "force-dynamic";

/**
 * A page of findings, most severe first: `?severity=&category=&status=` (repeatable),
 * `&environment=&businessGroup=&rule=&q=&offset=&limit=`; open and waived by default.
 */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) => {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  return Response.json(await listFindings(ctx, workspace, query));
});
