// The specification as a Word document, built from the same Markdown as the Markdown export so
// that both say the same thing: reviewers sign Word documents. Headings use Word's own Heading 1-6
// styles (the navigation pane and an inserted table of contents find them), tables keep the
// template's columns with the header row repeated on every page, and `<br>` in a cell is a line
// break inside the cell, as the template means it.

import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from "docx";
import type { AlignType, Definition, List, PhrasingContent, Root, RootContent, Table as MdTable } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { safeLinkUrl } from "@/lib/domain/markdown/safe-url";

/** What the document's properties (File > Info in Word) say about it. */
export type DocxMeta = { title: string; subject?: string; creator?: string };

const parser = unified().use(remarkParse).use(remarkGfm);

const monospace = "Consolas";
/** One list level's indentation, in twentieths of a point (half an inch). */
const levelIndent = 720;
const hanging = 360;
const headings = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const alignments: Record<AlignType & string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};
const isBreak = (html: string) => /^<br\s*\/?>$/i.test(html.trim());

type Marks = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; link?: boolean };

/** Where a block sits: how far it is indented (quotes, list items) and whether it is quoted. */
type Place = { indent: number; quoted: boolean };

// Our own list definitions, not docx's default bullets: numbered lists need one per start, and the
// indentation of each level must match the indentation list paragraphs are given below.
const bulletSymbols = ["\u2022", "\u25E6", "\u25AA"];
const listLevels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], start: number): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: format === LevelFormat.BULLET ? bulletSymbols[level % bulletSymbols.length]! : `%${level + 1}.`,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: levelIndent * (level + 1), hanging } } },
  }));

/** Turns one Markdown document into Word paragraphs and tables, remembering the numbered lists it met. */
class DocxWriter {
  private readonly definitions = new Map<string, Definition>();
  /** Numbered lists by their first number: each start is one numbering definition. */
  private readonly starts = new Set<number>();
  private lists = 0;

  constructor(root: Root) {
    const collect = (nodes: readonly RootContent[]) => {
      for (const node of nodes) {
        if (node.type === "definition") this.definitions.set(node.identifier, node);
        if ("children" in node) collect(node.children as RootContent[]);
      }
    };
    collect(root.children);
  }

  private ordered(start: number): string {
    this.starts.add(start);
    return `ordered-${start}`;
  }

  numbering(): INumberingOptions {
    return {
      config: [
        { reference: "bullet", levels: listLevels(LevelFormat.BULLET, 1) },
        ...[...this.starts].map((start) => ({
          reference: `ordered-${start}`,
          levels: listLevels(LevelFormat.DECIMAL, start),
        })),
      ],
    };
  }

  private run(text: string, marks: Marks): TextRun {
    return new TextRun({
      text,
      ...(marks.bold ? { bold: true } : {}),
      ...(marks.italics ? { italics: true } : {}),
      ...(marks.strike ? { strike: true } : {}),
      ...(marks.code ? { font: monospace } : {}),
      ...(marks.link ? { style: "Hyperlink" } : {}),
    });
  }

  /** A link when its target is one rendered Markdown may keep (http, https, mailto), else its text alone. */
  private link(url: string | undefined, children: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    const target = url === undefined ? null : safeLinkUrl(url);
    const runs = this.inlines(children, { ...marks, link: !!target });
    return target ? [new ExternalHyperlink({ link: target, children: runs })] : runs;
  }

  inlines(nodes: readonly PhrasingContent[], marks: Marks = {}): ParagraphChild[] {
    return nodes.flatMap((node): ParagraphChild[] => {
      switch (node.type) {
        case "text":
          // A soft line break in a paragraph is a space, as every Markdown renderer shows it.
          return [this.run(node.value.replace(/\r?\n/g, " "), marks)];
        case "strong":
          return this.inlines(node.children, { ...marks, bold: true });
        case "emphasis":
          return this.inlines(node.children, { ...marks, italics: true });
        case "delete":
          return this.inlines(node.children, { ...marks, strike: true });
        case "inlineCode":
          return [this.run(node.value, { ...marks, code: true })];
        case "break":
          return [new TextRun({ break: 1 })];
        case "html":
          // `<br>` is the template's line break inside a table cell; any other HTML is shown as written.
          return [isBreak(node.value) ? new TextRun({ break: 1 }) : this.run(node.value, marks)];
        case "link":
          return this.link(node.url, node.children, marks);
        case "linkReference":
          return this.link(this.definitions.get(node.identifier)?.url, node.children, marks);
        case "image":
        case "imageReference": {
          // Images are not embedded (the export fetches nothing): a link to them, by their alternative text.
          const url = node.type === "image" ? node.url : this.definitions.get(node.identifier)?.url;
          return this.link(url, [{ type: "text", value: node.alt || url || "image" }], marks);
        }
        case "footnoteReference":
          return [new TextRun({ text: `[${node.label ?? node.identifier}]`, superScript: true })];
        default:
          return [this.run(toString(node), marks)];
      }
    });
  }

  private paragraph(children: ParagraphChild[], place: Place): Paragraph {
    return new Paragraph({
      children,
      ...(place.quoted ? { style: "Quote" } : {}),
      ...(place.indent ? { indent: { left: place.indent } } : {}),
    });
  }

  blocks(nodes: readonly RootContent[], place: Place = { indent: 0, quoted: false }): (Paragraph | Table)[] {
    return nodes.flatMap((node): (Paragraph | Table)[] => {
      switch (node.type) {
        case "heading":
          return [
            new Paragraph({
              heading: headings[node.depth - 1],
              children: this.inlines(node.children),
              ...(place.indent ? { indent: { left: place.indent } } : {}),
            }),
          ];
        case "paragraph":
          return [this.paragraph(this.inlines(node.children), place)];
        case "list":
          return this.list(node, place, 0);
        case "code":
          return [
            new Paragraph({
              style: "SourceCode",
              children: node.value
                .split(/\r?\n/)
                .map((line, i) => new TextRun({ text: line, ...(i ? { break: 1 } : {}) })),
              ...(place.indent ? { indent: { left: place.indent } } : {}),
            }),
          ];
        case "blockquote":
          return this.blocks(node.children, { indent: place.indent + levelIndent, quoted: true });
        case "thematicBreak":
          return [new Paragraph({ thematicBreak: true, children: [] })];
        case "table":
          return [this.table(node, place)];
        case "html":
          // A comment (the export's "generated by" line) is not for the reader.
          if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return [];
          return [this.paragraph(this.inlines([node]), place)];
        case "definition":
          // Only what reference links point at: nothing to show.
          return [];
        default:
          if ("children" in node && Array.isArray(node.children))
            return this.blocks(node.children as RootContent[], place);
          return [this.paragraph([this.run(toString(node), {})], place)];
      }
    });
  }

  /** A list's items at `level`, nested lists one level deeper; numbered lists each count from their own start. */
  private list(node: List, place: Place, level: number): (Paragraph | Table)[] {
    const numbering = node.ordered
      ? { reference: this.ordered(node.start ?? 1), level, instance: ++this.lists }
      : { reference: "bullet", level };
    const itemIndent = place.indent + levelIndent * (level + 1);
    return node.children.flatMap((item) => {
      const [first, ...rest] = item.children;
      const box = item.checked === true ? "\u2611 " : item.checked === false ? "\u2610 " : "";
      const lead = new Paragraph({
        numbering,
        ...(place.quoted ? { style: "Quote" } : {}),
        indent: { left: itemIndent, hanging },
        children: [
          ...(box ? [new TextRun(box)] : []),
          ...(first?.type === "paragraph" ? this.inlines(first.children) : []),
        ],
      });
      const after = first?.type === "paragraph" ? rest : item.children;
      return [
        lead,
        ...after.flatMap((child) =>
          child.type === "list"
            ? this.list(child, place, level + 1)
            : this.blocks([child], { ...place, indent: itemIndent }),
        ),
      ];
    });
  }

  /** A GFM table across the page: the first row is the header, bold and repeated on every page. */
  private table(node: MdTable, place: Place): Table {
    const columns = Math.max(1, ...node.children.map((row) => row.children.length));
    const border = { style: BorderStyle.SINGLE, size: 4, color: "8C8C8C" };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(place.indent ? { indent: { size: place.indent, type: WidthType.DXA } } : {}),
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: node.children.map(
        (row, r) =>
          new TableRow({
            // Only the first row: a `tblHeader` written off still reads as a header to some readers.
            ...(r === 0 ? { tableHeader: true } : {}),
            cantSplit: true,
            children: Array.from({ length: columns }, (_, c) => {
              const cell = row.children[c];
              const align = node.align?.[c];
              return new TableCell({
                ...(r === 0 ? { shading: { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } } : {}),
                children: [
                  new Paragraph({
                    style: "TableText",
                    ...(align ? { alignment: alignments[align] } : {}),
                    children: cell ? this.inlines(cell.children, r === 0 ? { bold: true } : {}) : [],
                  }),
                ],
              });
            }),
          }),
      ),
    });
  }
}

const headingStyle = (level: number, size: number, color: string) => ({
  run: { bold: level <= 3, size, color },
  paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } },
});

/**
 * Builds a .docx from GitHub-flavoured Markdown: Heading 1-6 styles, formatted text, links,
 * nested lists, code, quotes, rules and tables with a repeating header row.
 */
export async function markdownToDocx(markdown: string, meta: DocxMeta): Promise<Uint8Array> {
  const root = parser.parse(markdown) as Root;
  const writer = new DocxWriter(root);
  const children = writer.blocks(root.children);
  const document = new Document({
    title: meta.title,
    ...(meta.subject ? { subject: meta.subject } : {}),
    // Word shows "Un-named" as the last author otherwise.
    ...(meta.creator ? { creator: meta.creator, lastModifiedBy: meta.creator } : {}),
    numbering: writer.numbering(),
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: headingStyle(1, 32, "1F3864"),
        heading2: headingStyle(2, 28, "2E74B5"),
        heading3: headingStyle(3, 24, "2E74B5"),
        heading4: headingStyle(4, 22, "2E74B5"),
        heading5: headingStyle(5, 22, "1F4D78"),
        heading6: headingStyle(6, 22, "1F4D78"),
      },
      paragraphStyles: [
        {
          id: "TableText",
          name: "Table Text",
          basedOn: "Normal",
          run: { size: 18 },
          paragraph: { spacing: { before: 40, after: 40 } },
        },
        {
          id: "SourceCode",
          name: "Source Code",
          basedOn: "Normal",
          run: { font: monospace, size: 18 },
          paragraph: {
            keepLines: true,
            spacing: { before: 120, after: 120 },
            shading: { type: ShadingType.CLEAR, fill: "F2F2F2", color: "auto" },
          },
        },
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          run: { italics: true, color: "404040" },
          paragraph: { border: { left: { style: BorderStyle.SINGLE, size: 12, color: "BFBFBF", space: 8 } } },
        },
      ],
    },
    sections: [{ children: children.length ? children : [new Paragraph({ children: [] })] }],
  });
  return Packer.pack(document, "uint8array");
}
