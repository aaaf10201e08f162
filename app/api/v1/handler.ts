import { getLogger } from "@/lib/log";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { getApiContext } from "@/lib/services/request-context";
import { jsonBodyLimit, readBodyText, type BodyLimit } from "@/lib/services/request-body";

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

const notJson = () => new ServiceError(400, "invalid_json", "The request body must be JSON.");

/**
 * Reads a JSON body, answering 400 with the reason when it is not JSON and 413 when it is larger
 * than AGP_MAX_JSON_BYTES (or the route's own `limit`), before reading it whole.
 */
export async function readJson(request: Request, limit: BodyLimit = jsonBodyLimit()): Promise<unknown> {
  const text = await readBodyText(request, limit);
  try {
    return JSON.parse(text ?? "") as unknown;
  } catch {
    throw notJson();
  }
}

/** Reads a JSON body that may be absent (treated as `{}`), answering 400 when it is not JSON, 413 when too large. */
export async function readOptionalJson(request: Request, limit: BodyLimit = jsonBodyLimit()): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text === null) throw notJson();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

/** "a, b or c": the allowed values as an error message names them. */
const listChoices = (values: readonly string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : (values[0] ?? "");

/** Reads a query parameter that takes one of a few values (`fallback` when absent); 400 naming it and them otherwise. */
export function readQueryChoice<V extends string>(
  request: Request,
  field: string,
  values: readonly V[],
  fallback: V,
): V {
  const asked = new URL(request.url).searchParams.get(field);
  if (asked === null) return fallback;
  if ((values as readonly string[]).includes(asked)) return asked as V;
  const must = `must be ${listChoices(values)}`;
  throw new ServiceError(400, "invalid_input", `${field} ${must}`, { fields: [{ field, message: must }] });
}

/**
 * The format to answer in: a non-empty `?format=` wins (400 naming `format` and the allowed
 * values), then the first format whose `accept` pattern the Accept header matches, then `fallback`.
 */
export function negotiateFormat<F extends string>(
  request: Request,
  formats: readonly F[],
  fallback: NoInfer<F>,
  accept: Partial<Record<NoInfer<F>, RegExp>> = {},
): F {
  if (new URL(request.url).searchParams.get("format")) return readQueryChoice(request, "format", formats, fallback);
  const asked = request.headers.get("accept") ?? "";
  return formats.find((format) => accept[format]?.test(asked)) ?? fallback;
}

/** Content types of the documents the API answers with. */
export const documentTypes = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json; charset=utf-8",
  sarif: "application/sarif+json; charset=utf-8",
  junit: "application/xml; charset=utf-8",
} as const;

/** What every other API answer carries (next.config.ts leaves document routes to set their own). */
export const strictPolicy = "default-src 'none'; frame-ancestors 'none'";
/** A printed document runs no script and loads nothing but its own images: say so to the browser. */
export const printPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
/** The API reference page: its own styles, nothing else. */
export const referencePolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Answers a document: its content type, a download (`attachment`) or a page (`inline`) under
 * `filename`, the Content-Security-Policy it is shown under, and any extra headers.
 */
export function respondWithDocument(
  body: BodyInit,
  document: {
    type: keyof typeof documentTypes;
    filename?: string;
    disposition?: "inline" | "attachment";
    policy?: string;
    headers?: Record<string, string>;
  },
): Response {
  const { type, filename, disposition = "attachment", policy, headers } = document;
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": documentTypes[type],
      ...(filename ? { "Content-Disposition": `${disposition}; filename="${filename}"` } : {}),
      ...(policy ? { "Content-Security-Policy": policy } : {}),
    },
  });
}
