// Requests as the API routes receive them, for tests of how bodies are read and limited.

export const requestUrl = "http://localhost:3000/api/v1/workspaces";

/** A JSON POST with the given body and headers. */
export const jsonPost = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(requestUrl, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

/** A body sent in chunks with no Content-Length, that would go on for ever; counts what was pulled from it. */
export function endlessBody(chunkBytes = 16 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunkBytes;
      controller.enqueue(new TextEncoder().encode(`"${"x".repeat(chunkBytes - 2)}"`));
    },
  });
  const request = new Request(requestUrl, {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

/** The error a promise rejects with, or null when it resolves. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
