import { getEnv } from "@/lib/env";
import { ServiceError } from "@/lib/services/errors";

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/** How a body over the limit is refused: the size as known ("20.0 MB" or "more than 2 MB") goes into the message. */
export type BodyLimit = { maxBytes: number; refuse: (size: string) => ServiceError };

/** The API's limit on JSON bodies (AGP_MAX_JSON_BYTES). */
export function jsonBodyLimit(maxBytes = getEnv().maxJsonBytes): BodyLimit {
  return {
    maxBytes,
    refuse: (size) =>
      new ServiceError(
        413,
        "body_too_large",
        `The request body is ${size}; the API reads JSON bodies of at most ${megabytes(maxBytes)} (AGP_MAX_JSON_BYTES).`,
      ),
  };
}

/**
 * Reads a request body, refusing one over the limit: by its Content-Length before reading
 * anything, and, for a body without one (chunked), as soon as the bytes read pass the limit.
 */
export async function readBodyBytes(request: Request, limit: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit.maxBytes) throw limit.refuse(megabytes(Number(declared)));
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit.maxBytes) {
      // Stop the sender: what is left is never read.
      await reader.cancel().catch(() => undefined);
      throw limit.refuse(`more than ${megabytes(limit.maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads a body as UTF-8 text within the limit; text that is not UTF-8 reads as null. */
export async function readBodyText(request: Request, limit: BodyLimit): Promise<string | null> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
