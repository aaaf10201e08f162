import { z } from "zod";
import { MAX_DOCUMENT_BYTES, type UploadedFile } from "@/lib/services/documents/import";
import { ServiceError } from "@/lib/services/errors";
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

/**
 * Reads a document upload from a request: multipart form data (`files` fields plus options) or
 * JSON (`{ files: [{ name, text | base64 }], ...options }`). Refuses an oversized body by its
 * Content-Length before reading it.
 */
export async function readDocumentUpload(
  request: Request,
): Promise<{ files: UploadedFile[]; options: Record<string, unknown> }> {
  const length = Number(request.headers.get("content-length") ?? "0");
  // Multipart framing adds a little; base64 a third: allow for both before refusing unread.
  if (length > MAX_DOCUMENT_BYTES * 1.4 + 64 * 1024)
    throw new ServiceError(
      413,
      "document_too_large",
      `The upload is ${(length / 1024 / 1024).toFixed(1)} MB; a specification document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    );
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
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
    body = await request.json();
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
