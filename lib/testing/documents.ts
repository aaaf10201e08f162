import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DocumentFile } from "@/lib/domain/document/read-spec";

/** Where the fixture documents live: written by us in the template's shape. */
export const documentsDir = path.join(process.cwd(), "lib/testing/documents");

/** A fixture document: "complete", "half-filled" (one file each) or "chapters" (one file per chapter). */
export function loadDocument(name: "complete" | "half-filled" | "chapters"): DocumentFile[] {
  if (name === "chapters") {
    const dir = path.join(documentsDir, "chapters");
    return readdirSync(dir)
      .sort()
      .map((file) => ({ name: file, text: readFileSync(path.join(dir, file), "utf8") }));
  }
  return [{ name: `${name}.md`, text: readFileSync(path.join(documentsDir, `${name}.md`), "utf8") }];
}
