import mammoth from "mammoth";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { seedDemoWorkspace } from "@/lib/services/demo/seed-demo";
import { exportSpecDocx, exportSpecMarkdown } from "@/lib/services/documents/export";
import { ServiceError } from "@/lib/services/errors";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const vic: Actor = { kind: "user", id: "okta|vic", name: "Vic Viewer", role: "viewer" };
// Every role may read today; a role outside the table (a stale token's, say) is what lacks access.
const nobody: Actor = { kind: "token", id: "token-stale", name: "Stale token", role: "guest" as Role };
const now = new Date("2026-11-21T12:00:00Z");

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof ServiceError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a ServiceError");
};

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The header cells of the first HTML table whose header row starts with `first`. */
const headerOf = (html: string, first: string) => {
  const head = [...html.matchAll(/<thead><tr>(.*?)<\/tr><\/thead>/g)]
    .map(([, row]) => [...row!.matchAll(/<th><p><strong>(.*?)<\/strong><\/p><\/th>/g)].map(([, cell]) => cell))
    .find((cells) => cells[0] === first);
  return head ?? [];
};

describe(`the specification as a Word document, ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor): ServiceContext => ({ db: db(), actor, origin: "api" });
  beforeEach(async () => {
    await seedDemoWorkspace(db());
  });

  it("exports the Northwind demo for a viewer with the Markdown export's headings and tables", async () => {
    const { filename, docx } = await exportSpecDocx(as(vic), "northwind", now);
    expect(filename).toBe("northwind-specification-2026-11-21.docx");
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });

    // Chapter for chapter: every heading of the Markdown export, at its level, in its order.
    const { markdown } = await exportSpecMarkdown(as(vic), "northwind", now);
    const mdHeadings = [...markdown.matchAll(/^(#{1,6}) (.+)$/gm)].map(
      ([, hashes, text]) => `${hashes!.length} ${text}`,
    );
    const docxHeadings = [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map(
      ([, level, text]) => `${level} ${decode(text!)}`,
    );
    expect(docxHeadings).toEqual(mdHeadings);
    expect(docxHeadings).toContain("1 2. Architecture Decisions");
    expect(docxHeadings).toContain("2 4.3 Virtual Private Cloud");
    // Table for table.
    const mdTables = markdown.match(/^\|\s*-{3}/gm)?.length ?? 0;
    expect(mdTables).toBeGreaterThan(10);
    expect(html.match(/<table>/g)).toHaveLength(mdTables);

    // The decisions, with their titles in bold, under their chapter.
    const decisions = html.slice(html.indexOf("<h1>2. Architecture Decisions</h1>"), html.indexOf("<h1>3. "));
    expect(headerOf(decisions, "Id")).toEqual(["Id", "Decision", "Rationale", "Implication"]);
    expect(decisions).toContain(
      "<td><p>D01</p></td><td><p><strong>CloudHub 2.0 private spaces in two regions</strong>",
    );
    expect(decisions).toContain('<a href="https://docs.mulesoft.com/cloudhub/lb-architecture">docs</a>');

    expect(headerOf(html, "VPC name")).toEqual(["VPC name", "Region", "CIDR", "Environments", "Business Group"]);
    expect(html).toContain("<tr><td><p>vpc-nwf-prod</p></td><td><p>eu-central-1</p></td><td><p>10.20.16.0/20</p></td>");
    expect(headerOf(html, "Source CIDR Range")).toEqual([
      "Source CIDR Range",
      "Destination Port Range",
      "Scope",
      "VPC",
      "Protocol",
    ]);
    // A template placeholder parses as raw HTML; it stays visible for the reviewer, as written.
    expect(html).toContain("&lt;Describe the disaster recovery environment&gt;");
  });

  it("refuses whoever the Markdown export refuses, with the same error", async () => {
    const refused = await failure(exportSpecDocx(as(nobody), "northwind", now));
    expect(refused.status).toBe(403);
    expect(refused).toEqual(await failure(exportSpecMarkdown(as(nobody), "northwind", now)));

    const missing = await failure(exportSpecDocx(as(vic), "no-such-workspace", now));
    expect(missing.status).toBe(404);
    expect(missing).toEqual(await failure(exportSpecMarkdown(as(vic), "no-such-workspace", now)));
  });
});
