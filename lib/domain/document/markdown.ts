import type { Heading, List, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** A table as the importer reads it: its header cells, its rows, and the text just above it. */
export type DocumentTable = {
  headers: string[];
  rows: string[][];
  /** The same cells as Markdown source (bold, links, `<br>` kept), for fields that keep formatting. */
  markdown: string[][];
  /** The paragraph (or heading) right before the table: tells two tables of one section apart. */
  caption: string;
  /**
   * Every short line between the previous table of the section (or its start) and this table, nearest
   * first, the section's heading last when no table comes before: "External DLB Mapping Rules" may sit
   * above an instruction line ("Add a row per API; keep the order") rather than right above the table.
   */
  captions: string[];
  /** 1-based line of the table's header in the source, for reports. */
  line: number;
};

/** A section of a document: everything under one heading, up to the next heading of any level. */
export type DocumentSection = {
  title: string;
  /** The title without numbering ("4.3 Virtual Private Cloud" -> "Virtual Private Cloud"). */
  name: string;
  level: number;
  /** Titles of the enclosing sections, outermost first. */
  path: string[];
  line: number;
  tables: DocumentTable[];
  /** Bullet and numbered list items, as text. */
  items: string[];
  /** Paragraphs and everything else, as Markdown-free text. */
  text: string;
  /** Every block under the heading, in order, with its Markdown source: narrative keeps what no table took. */
  blocks: DocumentBlock[];
};

/** One block of a section: a table (by index into `tables`), a list, or anything else. */
export type DocumentBlock = { type: "table" | "list" | "other"; markdown: string; table?: number };

const parser = unified().use(remarkParse).use(remarkGfm);

/** "4.3.1 Virtual Private Cloud", "Chapter 2: Decisions", "2) Decisions" -> the words. */
export function sectionName(title: string): string {
  return title
    .replace(/^\s*(chapter|section|appendix)\s+[\dA-Z]+[:.)-]?\s*/i, "")
    .replace(/^\s*\d+(\.\d+)*[.)]?\s+/, "")
    .trim();
}

/** A header cell reduced to what identifies it: lower case letters and digits, single spaces. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Node = { type: string; value?: string; children?: Node[] };

// A caption is one short line of text; a paragraph of several lines says more than a table's name.
const MAX_CAPTION = 160;
const captionOf = (text: string) => {
  const line = text.trim();
  return line && line.length <= MAX_CAPTION && !line.includes("\n") ? line : null;
};

// `<br>` in a cell is the template's line break inside a cell; it separates list entries.
const inlineText = (node: Node): string =>
  node.type === "html" && /^<br\s*\/?>$/i.test(node.value ?? "")
    ? "\n"
    : typeof node.value === "string"
      ? node.value
      : (node.children ?? []).map(inlineText).join("");

const cellText = (cell: Table["children"][number]["children"][number]) =>
  inlineText(cell as Node)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();

/**
 * Reads a Markdown document (GitHub flavour) into sections with their tables, list items and
 * text. Never throws on content: whatever cannot be read as a table or list stays text.
 */
export function parseDocument(markdown: string): DocumentSection[] {
  const root = parser.parse(markdown) as Root;
  const sections: DocumentSection[] = [];
  const stack: DocumentSection[] = [];
  const source = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) =>
    markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  let current: DocumentSection = {
    title: "",
    name: "",
    level: 0,
    path: [],
    line: 1,
    tables: [],
    items: [],
    text: "",
    blocks: [],
  };
  sections.push(current);
  let previous = "";
  // Short lines seen since the section's start or its last table, nearest last.
  let captions: string[] = [];

  const addText = (text: string) => {
    if (text.trim()) current.text = current.text ? `${current.text}\n\n${text.trim()}` : text.trim();
  };

  for (const node of root.children as RootContent[]) {
    if (node.type === "heading") {
      const heading = node as Heading;
      const title = toString(heading).trim();
      while (stack.length && stack[stack.length - 1]!.level >= heading.depth) stack.pop();
      current = {
        title,
        name: sectionName(title),
        level: heading.depth,
        path: stack.map((s) => s.title),
        line: heading.position?.start.line ?? 0,
        tables: [],
        items: [],
        text: "",
        blocks: [],
      };
      sections.push(current);
      stack.push(current);
      previous = title;
      captions = title ? [title] : [];
      continue;
    }
    if (node.type === "table") {
      const table = node as Table;
      const [head, ...body] = table.children;
      current.blocks.push({ type: "table", markdown: source(table), table: current.tables.length });
      current.tables.push({
        headers: head ? head.children.map(cellText) : [],
        rows: body.map((row) => row.children.map(cellText)),
        markdown: body.map((row) =>
          row.children.map((cell) =>
            source(cell)
              .trim()
              .replace(/^\|/, "")
              .replace(/(?<!\\)\|$/, "")
              .trim(),
          ),
        ),
        caption: previous,
        captions: [...captions].reverse(),
        line: table.position?.start.line ?? 0,
      });
      previous = "";
      captions = [];
      continue;
    }
    if (node.type === "list") {
      const list = node as List;
      current.blocks.push({ type: "list", markdown: source(list) });
      current.items.push(...list.children.map((item) => toString(item).trim()).filter(Boolean));
      previous = "";
      continue;
    }
    const text = toString(node);
    current.blocks.push({ type: "other", markdown: source(node) });
    addText(text);
    previous = text.trim();
    const caption = node.type === "html" ? null : captionOf(text);
    if (caption) captions.push(caption);
  }
  return sections.filter((s, i) => i > 0 || s.tables.length || s.items.length || s.text);
}

/** One expected column: its field and the header texts that mean it (normalised). */
export type ColumnSpec = {
  field: string;
  headers: readonly string[];
  required?: boolean;
  /** Only these headers, not a longer one starting with them ("Target" is not "Target name"). */
  exact?: boolean;
};

/**
 * Which column of a table holds which field, by header text tolerant to case, punctuation and the
 * listed alternatives ("Name" / "VPC name"); null when a required column is missing.
 */
export function matchColumns(table: DocumentTable, columns: readonly ColumnSpec[]): Record<string, number> | null {
  // A header of symbols only ("#.#", "#") is its symbols: as the empty string it would be a prefix of every header.
  const normalise = (text: string) => normaliseHeader(text) || text.trim();
  const headers = table.headers.map(normalise);
  const result: Record<string, number> = {};
  const taken = new Set<number>();
  for (const column of columns) {
    const wanted = column.headers.map(normalise).filter(Boolean);
    let index = headers.findIndex((h, i) => !taken.has(i) && wanted.includes(h));
    if (index < 0 && !column.exact)
      index = headers.findIndex(
        (h, i) => !taken.has(i) && wanted.some((w) => h.startsWith(w) || (w.startsWith(h) && h.length > 2)),
      );
    if (index < 0) {
      if (column.required) return null;
      continue;
    }
    taken.add(index);
    result[column.field] = index;
  }
  return result;
}
