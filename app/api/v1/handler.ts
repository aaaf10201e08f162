import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { getApiContext } from "@/lib/services/request-context";

/** Turns a service failure into the REST API's error body: `{ error: { code, message, fields?, details? } }`. */
export function respondWithError(error: unknown): Response {
  if (error instanceof ServiceError) {
    const headers: HeadersInit = error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="agp"' } : {};
    // Field problems also at the top of the body, where clients look first: `error.fields`.
    const fields = (error.details as { fields?: unknown } | undefined)?.fields;
    return Response.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(Array.isArray(fields) ? { fields } : {}),
          details: error.details,
        },
      },
      { status: error.status, headers },
    );
  }
  getLogger().error({ err: error }, "unexpected error in an API route");
  return Response.json({ error: { code: "internal", message: "Unexpected server error" } }, { status: 500 });
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a REST route: resolves who calls (token or session, CSRF-checked), runs the handler,
 * and answers service failures with their status and the common error body.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: ServiceContext, request: Request, params: P) => Promise<Response>,
): (request: Request, route: RouteContext<P>) => Promise<Response> {
  return async (request, route) => {
    try {
      const ctx = await getApiContext(request);
      return await handler(ctx, request, await route.params);
    } catch (error) {
      return respondWithError(error);
    }
  };
}

/** Reads a JSON body, answering 400 with the reason when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ServiceError(400, "invalid_json", "The request body must be JSON.");
  }
}

/** Reads a JSON body that may be absent (treated as `{}`), answering 400 when it is not JSON. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ServiceError(400, "invalid_json", "The request body must be JSON.");
  }
}
