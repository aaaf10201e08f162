import { describe, expect, it } from "vitest";
import { htmlToMarkdown, isConfluenceStorage } from "@/lib/domain/document/html";
import { parseDocument } from "@/lib/domain/document/markdown";

const tables = (html: string) =>
  parseDocument(htmlToMarkdown(html)).flatMap((s) =>
    s.tables.map((t) => ({ section: s.name, caption: t.caption, headers: t.headers, rows: t.rows })),
  );

describe("Word tables (mammoth's HTML) as the importer reads them", () => {
  it("takes the first row as the header when no cell is a header cell", () => {
    expect(
      tables(
        "<h2>4.3 Virtual Private Cloud</h2><table><tr><td><p>VPC name</p></td><td><p>CIDR</p></td></tr><tr><td><p>vpc-prod</p></td><td><p>10.0.0.0/20</p></td></tr></table>",
      ),
    ).toEqual([
      {
        section: "Virtual Private Cloud",
        caption: "4.3 Virtual Private Cloud",
        headers: ["VPC name", "CIDR"],
        rows: [["vpc-prod", "10.0.0.0/20"]],
      },
    ]);
  });

  it("repeats a cell merged down the rows it spans; a cell merged across columns stays in the first", () => {
    const [table] = tables(
      `<table><tr><td>VPC</td><td>Source CIDR Range</td><td>Destination Port Range</td></tr>
       <tr><td rowspan="2">vpc-prod</td><td>10.0.0.0/8</td><td>8091-8092</td></tr>
       <tr><td colspan="2">0.0.0.0/0</td></tr></table>`,
    );
    expect(table!.rows).toEqual([
      ["vpc-prod", "10.0.0.0/8", "8091-8092"],
      ["vpc-prod", "0.0.0.0/0", ""],
    ]);
  });

  it("keeps a cell's paragraphs, bullets and line breaks as the lines of a list in the cell", () => {
    const [table] = tables(
      `<table><tr><td>VPN name</td><td>Static Routes</td></tr>
       <tr><td>vpn-dc</td><td><ul><li>10.1.0.0/16</li><li>10.2.0.0/16</li></ul><p>10.3.0.0/16<br />10.4.0.0/16</p></td></tr></table>`,
    );
    expect(table!.rows).toEqual([["vpn-dc", "10.1.0.0/16\n10.2.0.0/16\n10.3.0.0/16\n10.4.0.0/16"]]);
  });

  it("keeps a pipe in a cell as text", () => {
    const [table] = tables(
      "<table><tr><td>Pattern</td><td>Description</td></tr><tr><td>a | b</td><td>c</td></tr></table>",
    );
    expect(table!.rows).toEqual([["a | b", "c"]]);
  });

  it("makes a title row merged across the table its caption, and a merged row inside it the caption of the rows under it", () => {
    const html = `<h3>Routing (mapping) Rules</h3><table>
      <tr><td colspan="3">External DLB Mapping Rules</td></tr>
      <tr><td>Input path</td><td>Target App</td><td>Protocol</td></tr>
      <tr><td colspan="3">Production</td></tr>
      <tr><td>/api/</td><td>ext-app</td><td>https</td></tr>
      <tr><td colspan="3">Non-production</td></tr>
      <tr><td>/dev/api/</td><td>ext-app-dev</td><td>https</td></tr>
      <tr><td></td><td></td><td></td></tr></table>`;
    expect(tables(html).map((t) => [t.caption, t.headers, t.rows])).toEqual([
      ["Production", ["Input path", "Target App", "Protocol"], [["/api/", "ext-app", "https"]]],
      ["Non-production", ["Input path", "Target App", "Protocol"], [["/dev/api/", "ext-app-dev", "https"]]],
    ]);
    expect(htmlToMarkdown(html)).toContain("External DLB Mapping Rules");
  });

  it("moves Word's caption from under its table to above it, where tables are told apart", () => {
    const html = `<h2>Load Balancing</h2><table><tr><td>DLB Name</td><td>Role</td></tr><tr><td>dlb-ext</td><td>External</td></tr></table>
      <p class="agp-caption">Table 4: Dedicated load balancers</p>`;
    expect(tables(html)[0]!.caption).toBe("Table 4: Dedicated load balancers");
  });

  it("keeps a one-column table as a table, and drops images", () => {
    const html =
      '<h2>Server groups</h2><table><tr><td>Server group</td></tr><tr><td>grp-test</td></tr></table><p><img src="data:image/png;base64,AAAA" />Text</p>';
    expect(tables(html).map((t) => [t.headers, t.rows])).toEqual([[["Server group"], [["grp-test"]]]]);
    expect(htmlToMarkdown(html)).not.toContain("data:image");
  });
});

describe("Confluence pages", () => {
  const storage = `<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell>
    <h1>2. Architecture Decisions</h1>
    <ac:structured-macro ac:name="toc" ac:schema-version="1"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>
    <ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Read first</ac:parameter><ac:rich-text-body><p>See <ac:link><ri:page ri:content-title="Platform Setup" /></ac:link> for the VPCs.</p></ac:rich-text-body></ac:structured-macro>
    <p><ac:placeholder>Describe the decisions taken</ac:placeholder></p>
    <table><colgroup><col /><col /></colgroup><tbody>
      <tr><th><p>Id</p></th><th><p>Decision</p></th></tr>
      <tr><td><p>D01</p></td><td><p>Use <strong>DLBs</strong></p><ul><li><p>one per VPC</p></li></ul></td></tr>
    </tbody></table>
    <ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[{bg}-{layer}-{system} < 42 && lower-case]]></ac:plain-text-body></ac:structured-macro>
    <ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review D01</ac:task-body></ac:task></ac:task-list>
    <p>Updated <time datetime="2026-11-30" /></p>
  </ac:layout-cell></ac:layout-section></ac:layout>`;

  it("tells the storage format from HTML", () => {
    expect(isConfluenceStorage(storage)).toBe(true);
    expect(isConfluenceStorage("<html><body><table></table></body></html>")).toBe(false);
  });

  it("reads the storage format: macros' bodies, links as text, code kept, instructions and navigation dropped", () => {
    const markdown = htmlToMarkdown(storage);
    expect(markdown).toContain("See Platform Setup for the VPCs.");
    expect(markdown).toContain("```\n{bg}-{layer}-{system} < 42 && lower-case\n```");
    expect(markdown).toContain("- Review D01");
    // Bold stays bold in a cell: a decision's title is its bold lead.
    expect(markdown).toContain("| D01 | Use **DLBs**<br>one per VPC |");
    expect(markdown).toContain("Updated 2026-11-30");
    expect(markdown).not.toMatch(/Describe the decisions|maxLevel|incomplete/);
    expect(tables(storage)).toEqual([
      {
        section: "Architecture Decisions",
        caption: "See Platform Setup for the VPCs.",
        headers: ["Id", "Decision"],
        rows: [["D01", "Use DLBs\none per VPC"]],
      },
    ]);
  });

  it("reads a page's HTML export: the page's content under its title, not Confluence's frame", () => {
    const exported = `<!DOCTYPE html><html><head><title>Platform : Architecture Specification</title></head><body>
      <div id="page"><div id="main-header"><div id="breadcrumb-section"><ol><li>Platform</li></ol></div>
      <h1 id="title-heading" class="pagetitle"><span id="title-text">Platform : Architecture Specification</span></h1></div>
      <div id="content" class="view"><div class="page-metadata">Created by Ada, last modified on Nov 30, 2026</div>
      <div id="main-content" class="wiki-content group"><h2 id="spec-Environments">4.2 Environments Model</h2>
      <div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh">Environment</th><th class="confluenceTh">Classification (vCore)</th></tr>
      <tr><td class="confluenceTd">PROD</td><td class="confluenceTd">Production</td></tr></tbody></table></div></div></div>
      <div id="footer"><section class="footer-body"><p>Document generated by Confluence on Nov 30, 2026</p></section></div></div></body></html>`;
    const markdown = htmlToMarkdown(exported);
    expect(markdown.startsWith("# Platform : Architecture Specification\n")).toBe(true);
    expect(markdown).not.toMatch(/Document generated|Created by Ada/);
    expect(tables(exported)).toEqual([
      {
        section: "Environments Model",
        caption: "4.2 Environments Model",
        headers: ["Environment", "Classification (vCore)"],
        rows: [["PROD", "Production"]],
      },
    ]);
  });

  it("never throws on broken markup", () => {
    for (const html of ["", "<table><tr><td>", "<ac:structured-macro>", "</p></table><<>>", "<table></table>"]) {
      expect(typeof htmlToMarkdown(html)).toBe("string");
    }
  });
});
