import { describe, expect, it } from "vitest";
import { readJson, readOptionalJson, respondWithError } from "@/app/api/v1/handler";
import { readDocumentUpload } from "@/lib/services/upload";
import { jsonBodyLimit, readBodyBytes } from "@/lib/services/request-body";

const url = "http://localhost:3000/api/v1/workspaces";
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

/** A body sent in chunks with no Content-Length, that would go on for ever; counts what was pulled from it. */
function endlessBody(chunkBytes = 16 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunkBytes;
      controller.enqueue(new TextEncoder().encode(`"${"x".repeat(chunkBytes - 2)}"`));
    },
  });
  const request = new Request(url, {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("reading a JSON body within the limit", () => {
  const limit = jsonBodyLimit(64 * 1024);

  it("refuses a body whose Content-Length is over the limit with 413, before reading any of it", async () => {
    const request = post(JSON.stringify({ name: "x".repeat(100 * 1024) }));
    expect(request.headers.get("content-length")).toBeNull();
    const declared = new Request(request, { headers: { "content-length": String(20 * 1024 * 1024) } });
    const error = await failure(readJson(declared, limit));
    expect(error).toMatchObject({
      status: 413,
      code: "body_too_large",
      message: "The request body is 20 MB; the API reads JSON bodies of at most 64 KB (AGP_MAX_JSON_BYTES).",
    });
    expect(declared.bodyUsed).toBe(false);
    const response = respondWithError(error);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "body_too_large" } });
  });

  it("cuts off a chunked body without Content-Length once it passes the limit", async () => {
    const { request, pulled } = endlessBody();
    const error = await failure(readJson(request, limit));
    expect(error).toMatchObject({
      status: 413,
      message: "The request body is more than 64 KB; the API reads JSON bodies of at most 64 KB (AGP_MAX_JSON_BYTES).",
    });
    // The reader stopped at the limit (plus what the stream had queued), not at the end of the body.
    expect(pulled.bytes).toBeLessThan(64 * 1024 * 2);
  });

  it("reads a body under the limit, chunked or not, and still answers 400 for one that is not JSON", async () => {
    expect(await readJson(post(JSON.stringify({ name: "Payments" })), limit)).toEqual({ name: "Payments" });
    const chunked = new Request(url, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"name":'));
          controller.enqueue(new TextEncoder().encode('"Payments"}'));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(await readJson(chunked, limit)).toEqual({ name: "Payments" });
    expect(await readOptionalJson(post(""), limit)).toEqual({});
    await expect(readJson(post("{not json"), limit)).rejects.toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("takes AGP_MAX_JSON_BYTES, 2 MB by default", async () => {
    expect(jsonBodyLimit().maxBytes).toBe(2 * 1024 * 1024);
    const big = post(JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }));
    await expect(readJson(big)).rejects.toMatchObject({ status: 413, code: "body_too_large" });
    const under = post(JSON.stringify({ name: "x".repeat(1024 * 1024) }));
    expect(await readJson(under)).toMatchObject({ name: expect.any(String) });
  });

  it("gives an empty body as no bytes", async () => {
    expect(await readBodyBytes(new Request(url), limit)).toEqual(new Uint8Array());
  });
});

describe("reading a document upload within the import limit", () => {
  it("refuses an upload over the import limit by Content-Length, and a chunked one as it passes it", async () => {
    const declared = post("{}", { "content-length": String(50 * 1024 * 1024) });
    await expect(readDocumentUpload(declared)).rejects.toMatchObject({
      status: 413,
      code: "document_too_large",
      message: "The upload is 50 MB; a specification document is at most 10 MB.",
    });
    const { request, pulled } = endlessBody(256 * 1024);
    await expect(readDocumentUpload(request)).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/^The upload is more than 14\.1 MB; a specification document is at most 10 MB\.$/),
    });
    expect(pulled.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("reads an upload larger than the JSON limit but within its own", async () => {
    const text = `# Spec\n${"x".repeat(3 * 1024 * 1024)}`;
    const read = await readDocumentUpload(post(JSON.stringify({ files: [{ name: "spec.md", text }] })));
    expect(read.files[0]?.bytes.byteLength).toBe(text.length);
    const form = new FormData();
    form.append("files", new File([text], "spec.md"));
    form.append("onProblems", "abort");
    const multipart = await readDocumentUpload(new Request(url, { method: "POST", body: form }));
    expect(multipart).toMatchObject({ files: [{ name: "spec.md" }], options: { onProblems: "abort" } });
  });
});
