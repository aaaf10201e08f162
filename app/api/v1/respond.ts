import { ServiceError } from "@/lib/services/errors";
import { getLogger } from "@/lib/log";

/** Turns a service failure into the REST API's error body: `{ error: { code, message, details? } }`. */
export function respondWithError(error: unknown): Response {
  if (error instanceof ServiceError) {
    return Response.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status },
    );
  }
  getLogger().error({ err: error }, "unexpected error in an API route");
  return Response.json({ error: { code: "internal", message: "Unexpected server error" } }, { status: 500 });
}
