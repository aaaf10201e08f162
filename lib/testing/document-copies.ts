// The same specification as users hold it outside Git: a Word copy and a Confluence copy of a
// Markdown fixture, built the way people make them rather than the way the portal exports them.
// The Word copy has no marked header rows, its captions under the tables (Word's Caption style),
// a column's repeated values merged down, a cell's `<br>` lines as separate paragraphs, and
// Word's own heading styles. The Confluence copy is storage format: a page layout, a table of
// contents macro, the template's
// instructions as placeholders, code as code macros.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { Html, PhrasingContent, Root, RootContent, Table as MdTable } from "mdast";
import { visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Inline Markdown as Word runs: bold and italics kept, code in a monospace font, `<br>` a break. */
function runs(nodes: PhrasingContent[], style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    switch (node.type) {
      case "text":
        return [new TextRun({ text: node.value, ...style })];
      case "strong":
        return runs(node.children, { ...style, bold: true });
      case "emphasis":
        return runs(node.children, { ...style, italics: true });
      case "inlineCode":
        return [new TextRun({ text: node.value, font: "Consolas", ...style })];
      case "break":
        return [new TextRun({ text: "", break: 1 })];
      case "html":
        return /^<br\s*\/?>$/i.test(node.value) ? [new TextRun({ text: "", break: 1 })] : [new TextRun(node.value)];
      default:
        return "children" in node ? runs(node.children as PhrasingContent[], style) : [];
    }
  });
}

/** A cell's `<br>`-separated lines, each as its own paragraph (how people type lists in Word cells). */
function cellParagraphs(cell: PhrasingContent[]): Paragraph[] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of cell) {
    if (node.type === "html" && /^<br\s*\/?>$/i.test(node.value)) lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  return lines.map((line) => new Paragraph({ children: runs(line) }));
}

function wordTable(table: MdTable): Table {
  const rows = table.children.map((row) => row.children.map((cell) => cell.children));
  const width = Math.max(...rows.map((r) => r.length));
  const text = (r: number, c: number) => toString({ type: "paragraph", children: rows[r]?.[c] ?? [] }).trim();
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          children: Array.from({ length: width }, (_, c) => {
            // The first column's repeated values merged down, as people tidy a table in Word.
            const merged = c === 0 && r > 1 && text(r, c) !== "" && text(r, c) === text(r - 1, c);
            const starts = c === 0 && r > 0 && text(r, c) !== "" && text(r + 1, c) === text(r, c) && !merged;
            return new TableCell({
              children: merged ? [new Paragraph("")] : cellParagraphs(row[c] ?? []),
              ...(merged
                ? { verticalMerge: VerticalMergeType.CONTINUE }
                : starts
                  ? { verticalMerge: VerticalMergeType.RESTART }
                  : {}),
            });
          }),
        }),
    ),
  });
}

/** A short paragraph right before a table is its caption. */
const isCaption = (node: RootContent | undefined, next: RootContent | undefined) =>
  node?.type === "paragraph" && next?.type === "table" && toString(node).length <= 120;

function wordBlocks(nodes: RootContent[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i]!;
    switch (node.type) {
      case "heading":
        out.push(new Paragraph({ heading: headingLevels[node.depth - 1], children: runs(node.children) }));
        break;
      case "paragraph":
        // Word puts the caption under the table: written after it, below.
        if (isCaption(node, nodes[i + 1])) break;
        out.push(new Paragraph({ children: runs(node.children) }));
        break;
      case "list":
        for (const [n, item] of node.children.entries())
          for (const block of item.children)
            out.push(
              new Paragraph({
                children: [
                  ...(node.ordered ? [new TextRun(`${(node.start ?? 1) + n}. `)] : []),
                  ...(block.type === "paragraph" ? runs(block.children) : [new TextRun(toString(block))]),
                ],
                ...(node.ordered ? {} : { bullet: { level: 0 } }),
              }),
            );
        break;
      case "table":
        out.push(wordTable(node));
        if (isCaption(nodes[i - 1], node))
          out.push(new Paragraph({ style: "Caption", alignment: AlignmentType.CENTER, text: toString(nodes[i - 1]!) }));
        break;
      case "code":
        for (const line of node.value.split("\n"))
          out.push(new Paragraph({ children: [new TextRun({ text: line, font: "Consolas" })] }));
        break;
      case "thematicBreak":
        break;
      default:
        if (toString(node).trim()) out.push(new Paragraph(toString(node)));
    }
  }
  return out;
}

/** A Word copy (.docx bytes) of a Markdown specification, made the way people make one. */
export async function wordCopyOf(markdown: string, title = "Architecture Specification"): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: "A platform architect",
    sections: [{ children: wordBlocks(parse(markdown).children) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A Confluence storage-format copy of a Markdown specification, made the way a page holds it. */
export function confluenceCopyOf(markdown: string): string {
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      // What looks like a tag but is the template's instruction (`<Describe …>`) is text on a page.
      .use(() => (tree: Root) => {
        visit(tree, "html", (node: Html, index, parent) => {
          if (!/^<br\s*\/?>$/i.test(node.value) && parent && index !== undefined)
            parent.children[index] = { type: "text", value: node.value } as never;
        });
      })
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true, closeSelfClosing: true })
      .processSync(markdown),
  );
  const page = html
    // Code blocks as code macros, their text as character data.
    .replace(
      /<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g,
      (_, code: string) =>
        `<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">text</ac:parameter><ac:plain-text-body><![CDATA[${code
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")}]]></ac:plain-text-body></ac:structured-macro>`,
    )
    // Under each chapter heading, the template's instruction as a placeholder.
    .replace(
      /(<h1>[\s\S]*?<\/h1>)/g,
      "$1<p><ac:placeholder>Fill in this chapter, then remove this line</ac:placeholder></p>",
    )
    // Table cells as Confluence writes them: each cell's content in a paragraph.
    .replace(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/g, "<$1$2><p>$3</p></$1>");
  return `<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell><ac:structured-macro ac:name="toc" ac:schema-version="1"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro>${page}</ac:layout-cell></ac:layout-section></ac:layout>`;
}

/** A Confluence page's HTML export of a Markdown specification: the page inside Confluence's frame. */
export function confluenceExportOf(markdown: string, title = "Architecture Specification"): string {
  const page = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(markdown),
  )
    // The export writes what the page shows: an instruction in angle brackets is text.
    .replace(
      /<(?!\/?(?:h[1-6]|p|ul|ol|li|table|thead|tbody|tr|th|td|strong|em|code|pre|a|br|hr|blockquote)\b)([^>]*)>/gi,
      "&lt;$1&gt;",
    )
    .replace(/<table>/g, '<div class="table-wrap"><table class="confluenceTable">')
    .replace(/<\/table>/g, "</table></div>")
    .replace(/<th>/g, '<th class="confluenceTh">')
    .replace(/<td>/g, '<td class="confluenceTd">');
  return `<!DOCTYPE html><html><head><title>Platform : ${title}</title></head><body><div id="page"><div id="main-header"><div id="breadcrumb-section"><ol id="breadcrumbs"><li><a href="index.html">Platform</a></li></ol></div><h1 id="title-heading" class="pagetitle"><span id="title-text">Platform : ${title}</span></h1></div><div id="content" class="view"><div class="page-metadata">Created by A platform architect, last modified on Dec 01, 2026</div><div id="main-content" class="wiki-content group">${page}</div></div><div id="footer" role="contentinfo"><section class="footer-body"><p>Document generated by Confluence on Dec 01, 2026</p></section></div></div></body></html>`;
}
