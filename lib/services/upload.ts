import { z } from "zod";
import { MAX_DOCUMENT_BYTES, type UploadedFile } from "@/lib/services/documents/import";
import { ServiceError } from "@/lib/services/errors";
import { readBodyBytes, type BodyLimit } from "@/lib/services/request-body";
import { parseInput } from "@/lib/services/validation";

export const jsonUploadSchema = z.object({
  files: z
    .array(
      z.union([
        z.object({ name: z.string().min(1).max(300), text: z.string() }),
        z.object({ name: z.string().min(1).max(300), base64: z.string() }),
      ]),
      { error: "files must be a list of { name, text } or { name, base64 }" },
    )
    .min(1, { error: "files must hold at least one document" }),
});

// Multipart framing adds a little; base64 a third: allow for both.
const MAX_UPLOAD_BODY_BYTES = Math.round(MAX_DOCUMENT_BYTES * 1.4) + 64 * 1024;

const uploadLimit: BodyLimit = {
  maxBytes: MAX_UPLOAD_BODY_BYTES,
  refuse: (size) =>
    new ServiceError(
      413,
      "document_too_large",
      `The upload is ${size}; a specification document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    ),
};

/**
 * Reads a document upload from a request: multipart form data (`files` fields plus options) or
 * JSON (`{ files: [{ name, text | base64 }], ...options }`). Refuses an oversized body by its
 * Content-Length before reading it, and a chunked one as soon as it passes the limit.
 */
export async function readDocumentUpload(
  request: Request,
): Promise<{ files: UploadedFile[]; options: Record<string, unknown> }> {
  const bytes = await readBodyBytes(request, uploadLimit);
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      // The bytes are already within the limit: parse them, not the stream.
      form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    } catch {
      throw new ServiceError(400, "invalid_upload", "The upload is not readable multipart form data.");
    }
    const files: UploadedFile[] = [];
    for (const value of form.getAll("files")) {
      if (typeof value === "string") continue;
      files.push({ name: value.name || "document.md", bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    const flag = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value === "true" || value === "on" : undefined;
    };
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" && value !== "" ? value : undefined;
    };
    // A structured option travels as a JSON field; unreadable JSON is passed on for the schema to name.
    const json = (name: string) => {
      const value = text(name);
      if (value === undefined) return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    };
    return {
      files,
      options: {
        onProblems: text("onProblems"),
        includeOffered: flag("includeOffered"),
        expect: text("expect"),
        resolutions: json("resolutions"),
        sameThings: json("sameThings"),
      },
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new ServiceError(
      400,
      "invalid_json",
      "Send the document as multipart form data (files) or as JSON { files: [{ name, text }] }.",
    );
  }
  const { files } = parseInput(jsonUploadSchema, body);
  const { files: _files, ...options } = body as Record<string, unknown>;
  return {
    files: files.map((f) => ({
      name: f.name,
      bytes: "text" in f ? new TextEncoder().encode(f.text) : new Uint8Array(Buffer.from(f.base64, "base64")),
    })),
    options,
  };
}
