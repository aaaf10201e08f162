import { describe, expect, it } from "vitest";
import { readDocumentUpload } from "@/lib/services/upload";
import { jsonBodyLimit, readBodyBytes } from "@/lib/services/request-body";
import { endlessBody, jsonPost as post, requestUrl as url } from "@/lib/testing/requests";

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

describe("reading a body", () => {
  it("gives an empty body as no bytes", async () => {
    expect(await readBodyBytes(new Request(url), jsonBodyLimit(1024))).toEqual(new Uint8Array());
  });
});
