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

/**
 * Names drifting between tables: a VPN whose "VPC association" spells the VPC differently from
 * the VPC table ("vpc01-nonprod-eu-frankfurt" for vpc01-nonprod-de-c1).
 */
export const driftingNamesDocument = [
  "## Virtual Private Cloud",
  "",
  "| VPC name | Region | CIDR | Environments |",
  "|---|---|---|---|",
  "| vpc01-nonprod-de-c1 | eu-central-1 | 10.10.0.0/20 | |",
  "| vpc01-prod-de-c1 | eu-central-1 | 10.20.0.0/20 | |",
  "",
  "## Secure Connectivity (VPN)",
  "",
  "| VPN name | VPC association | Routing | ASNs | Remote IP | Static Routes |",
  "|---|---|---|---|---|---|",
  "| vpn-nonprod-dc | vpc01-nonprod-eu-frankfurt | Static | | 198.51.100.7 | 10.250.0.0/16 |",
  "",
].join("\n");

/** The text of a PDF, page by page joined, as a reader would copy it (pdf.js). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdf.js expects Node 22's Promise.withResolvers; these machines run Node 20.
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve!: (value: unknown) => void;
    let reject!: (reason: unknown) => void;
    const created = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i += 1) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n").replace(/\s+/g, " ");
}
