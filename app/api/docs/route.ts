import { referencePolicy, respondWithDocument } from "@/app/api/v1/handler";
import { buildOpenApiDocument } from "@/app/api/v1/openapi-document";
import { renderApiReference } from "@/app/api/v1/openapi-reference";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The API reference for people, rendered on the server from the OpenAPI document. */
export function GET(): Response {
  const html = renderApiReference(buildOpenApiDocument(getEnv().auth.url));
  return respondWithDocument(html, { type: "html", policy: referencePolicy });
}
