import { describe, expect, it } from "vitest";
import { readJson, readOptionalJson, respondWithError } from "@/app/api/v1/handler";
import { jsonBodyLimit } from "@/lib/services/request-body";
import { endlessBody, failure, jsonPost as post, requestUrl as url } from "@/lib/testing/requests";

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
});
