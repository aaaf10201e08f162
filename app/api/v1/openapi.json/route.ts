import { buildOpenApiDocument } from "@/app/api/v1/openapi-document";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API; public, like any API's reference (it holds no data). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(getEnv().auth.url), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
