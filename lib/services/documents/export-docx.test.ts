import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { markdownToDocx } from "@/lib/services/documents/export-docx";

// One of every construct the specification's Markdown uses, and a few it might.
const sample = `# 1. Platform & Setup

Plain text with **bold**, *italic*, \`inline code\`, a [runbook](https://example.com/runbook?x=1&y=2)
and a [trap](javascript:alert(1)) that must not be clickable.

## 1.1 Virtual Private Cloud

| VPC name | Region | CIDR |
|---|---|---|
| vpc-prod | eu-central-1 | 10.0.0.0/16 |
| a<br>b | x \\| y | <span>kept</span> |

### Lists

- one
  - nested **two**
    - three
- four

1. first
2. second
   1. inner

A paragraph ends that list; the next starts at seven.

7. seventh

And one more, from one again.

1. afresh

#### Code

\`\`\`yaml
key: value
  indented: true
\`\`\`

##### Quote

> quoted text

###### Rule

---

The end.
`;

async function build(markdown = sample) {
  const bytes = await markdownToDocx(markdown, {
    title: "Northwind & co: Specification",
    subject: "Integration Architecture Specification",
    creator: "Anypoint Governance Portal",
  });
  const files = unzipSync(bytes);
  const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { bytes, files, xml, html };
}

/** The cells of the HTML tables, in document order, without the paragraph around each. */
const cells = (html: string) =>
  [...html.matchAll(/<t([hd])>(.*?)<\/t[hd]>/g)].map(([, kind, inner]) => ({
    kind,
    text: inner!.replace(/^<p>|<\/p>$/g, ""),
  }));

/** The paragraph of document.xml whose text contains `text`. */
const paragraphWith = (documentXml: string, text: string) =>
  documentXml.match(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/g)?.find((p) => p.includes(text)) ?? "";

describe("markdownToDocx", () => {
  it("writes a Word package (a zip with the document) whose properties carry the title", async () => {
    const { bytes, files, xml } = await build();
    expect(strFromU8(bytes.slice(0, 2))).toBe("PK");
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "docProps/core.xml"]));
    const core = xml("docProps/core.xml");
    expect(core).toContain("<dc:title>Northwind &amp; co: Specification</dc:title>");
    expect(core).toContain("<dc:subject>Integration Architecture Specification</dc:subject>");
    expect(core).toContain("<dc:creator>Anypoint Governance Portal</dc:creator>");
  });

  it("uses Word's heading styles for every heading level", async () => {
    const { html, xml } = await build();
    expect(html).toContain("<h1>1. Platform &amp; Setup</h1>");
    expect(html).toContain("<h2>1.1 Virtual Private Cloud</h2>");
    for (const [level, text] of [
      [3, "Lists"],
      [4, "Code"],
      [5, "Quote"],
      [6, "Rule"],
    ] as const)
      expect(html).toContain(`<h${level}>${text}</h${level}>`);
    // The heading styles carry outline levels: the navigation pane and a table of contents read those.
    const styles = xml("word/styles.xml");
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading6".*?<w:outlineLvl w:val="5"\/>/);
  });

  it("keeps bold, italic, monospace inline code and safe links", async () => {
    const { html, xml } = await build();
    expect(html).toContain("Plain text with <strong>bold</strong>, <em>italic</em>, inline code, ");
    expect(html).toContain('<a href="https://example.com/runbook?x=1&amp;y=2">runbook</a>');
    // A soft line break is a space, and a javascript: link stays text only.
    expect(html).toContain("runbook</a> and a trap that must not be clickable.");
    expect(html).not.toContain("javascript:");
    expect(paragraphWith(xml("word/document.xml"), "inline code")).toMatch(
      /<w:rFonts w:ascii="Consolas"[^>]*\/><\/w:rPr><w:t xml:space="preserve">inline code<\/w:t>/,
    );
  });

  it("writes GFM tables with a repeating bold header row, borders, full width and <br> as a line break", async () => {
    const { html, xml } = await build();
    expect(cells(html)).toEqual([
      { kind: "h", text: "<strong>VPC name</strong>" },
      { kind: "h", text: "<strong>Region</strong>" },
      { kind: "h", text: "<strong>CIDR</strong>" },
      { kind: "d", text: "vpc-prod" },
      { kind: "d", text: "eu-central-1" },
      { kind: "d", text: "10.0.0.0/16" },
      { kind: "d", text: "a<br />b" },
      { kind: "d", text: "x | y" },
      // Raw HTML other than <br> is shown as written, never interpreted.
      { kind: "d", text: "&lt;span&gt;kept&lt;/span&gt;" },
    ]);
    expect(html).not.toContain("&lt;br");
    const document = xml("word/document.xml");
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(document).not.toMatch(/<w:tblHeader w:val/);
    expect(document).toContain('<w:tblW w:type="pct" w:w="5000"/>');
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"])
      expect(document).toMatch(new RegExp(`<w:${side} w:val="single"`));
  });

  it("nests bullet and numbered lists, each numbered list counting from its own start", async () => {
    const { html, xml } = await build();
    expect(html).toContain(
      "<ul><li>one<ul><li>nested <strong>two</strong><ul><li>three</li></ul></li></ul></li><li>four</li></ul>",
    );
    expect(html).toContain("<ol><li>first</li><li>second<ol><li>inner</li></ol></li>");
    const numbering = xml("word/numbering.xml");
    expect(numbering).toContain('<w:startOverride w:val="7"/>');
    const document = xml("word/document.xml");
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(document, text))?.[1];
    expect(numId("first")).toBe(numId("second"));
    expect(numId("seventh")).not.toBe(numId("first"));
    // Its own list instance, or Word would number it 3 after "first" and "second".
    expect(numId("afresh")).not.toBe(numId("first"));
    expect(paragraphWith(document, "inner")).toContain('<w:ilvl w:val="1"/>');
  });

  it("writes code in a monospace block, indents quotes and draws thematic breaks", async () => {
    const { html, xml } = await build();
    expect(html).toContain("<p>key: value<br />  indented: true</p>");
    const document = xml("word/document.xml");
    expect(paragraphWith(document, "key: value")).toContain('<w:pStyle w:val="SourceCode"/>');
    expect(xml("word/styles.xml")).toMatch(/w:styleId="SourceCode".*?<w:rFonts w:ascii="Consolas"/);
    expect(paragraphWith(document, "quoted text")).toMatch(/<w:pStyle w:val="Quote"\/>.*<w:ind w:left="720"\/>/);
    expect(document).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(html).toContain("<p>The end.</p>");
  });

  // docx drops them itself; this guards the property, whoever provides it.
  it("leaves out characters XML forbids, so Word can open the file, and writes an empty document", async () => {
    const { html } = await build("Ring the bell\u0007 now");
    expect(html).toBe("<p>Ring the bell now</p>");
    expect((await build("")).html).toBe("");
  });
});
