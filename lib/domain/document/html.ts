// Word (through mammoth's HTML), Confluence's HTML export and Confluence's storage format, turned
// into the Markdown the importer reads, so that every document form has the same mapping, preview
// and report. Tables are rebuilt here rather than by rehype-remark's default: Word tables have no
// header cells (the first row is the header), merged cells span rows that each need the value, a
// row merged across the whole table is a caption for the rows under it, and a cell's paragraphs,
// bullets and line breaks are the template's list inside a cell (`<br>` in Markdown).
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from "mdast";
import rehypeParse from "rehype-parse";
import type { State } from "hast-util-to-mdast";
import { defaultHandlers } from "mdast-util-to-markdown";
import { toString } from "mdast-util-to-string";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

type Parent = { children: (HastContent | ElementContent)[] };

const isElement = (node: unknown, ...names: string[]): node is Element =>
  !!node &&
  (node as Element).type === "element" &&
  (names.length === 0 || names.includes((node as Element).tagName.toLowerCase()));

type Line = PhrasingContent[];
type Mdast = RootContent | PhrasingContent;

/**
 * A cell's content as lines of inline Markdown (bold, links and code kept): paragraphs, list items
 * and line breaks each end a line; empty lines go.
 */
function cellLines(state: State, cell: Element): Line[] {
  const lines: Line[] = [[]];
  const newLine = () => {
    if (lines[lines.length - 1]!.length) lines.push([]);
  };
  const visit = (node: Mdast) => {
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "strong":
      case "emphasis":
      case "delete":
      case "link":
        lines[lines.length - 1]!.push(node);
        return;
      case "break":
        lines.push([]);
        return;
      case "code":
        newLine();
        lines[lines.length - 1]!.push({ type: "inlineCode", value: node.value });
        newLine();
        return;
      default:
        if ("children" in node) {
          newLine();
          for (const child of node.children as Mdast[]) visit(child);
          newLine();
        } else if ("value" in node && typeof node.value === "string" && node.type !== "html") {
          lines[lines.length - 1]!.push({ type: "text", value: node.value });
        }
    }
  };
  for (const node of state.all(cell) as Mdast[]) visit(node);
  return lines
    .map((line) => {
      const out = line.map((n) => (n.type === "text" ? { ...n, value: n.value.replace(/\s+/g, " ") } : n));
      const first = out[0];
      const last = out[out.length - 1];
      if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
      if (last?.type === "text")
        out[out.length - 1] = {
          ...(out[out.length - 1] as typeof last),
          value: (out[out.length - 1] as typeof last).value.trimEnd(),
        };
      return out.filter((n) => n.type !== "text" || n.value);
    })
    .filter((line) => toString({ type: "paragraph", children: line }).trim());
}

/** The rows of a table element (through thead, tbody, tfoot), not those of tables nested in cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (isElement(child, "tr")) rows.push(child);
      else if (isElement(child, "thead", "tbody", "tfoot")) visit(child);
    }
  };
  visit(table);
  return rows;
}

const span = (cell: Element, name: "colSpan" | "rowSpan") => {
  const value = Number(cell.properties?.[name] ?? 1);
  return Number.isInteger(value) && value > 1 ? Math.min(value, 1000) : 1;
};

/** The table as a grid of cell lines, merged cells' values repeated down the rows they span. */
function tableGrid(state: State, table: Element): { lines: Line[][]; wide: number }[] {
  const grid: { lines: Line[][]; wide: number }[] = [];
  const carried: { lines: Line[]; rows: number }[] = [];
  for (const row of tableRows(table)) {
    const cells: Line[][] = [];
    let column = 0;
    let carriedHere = false;
    const take = () => {
      while (carried[column]?.rows) {
        carriedHere = true;
        cells[column] = carried[column]!.lines;
        carried[column]!.rows -= 1;
        column += 1;
      }
    };
    const rowCells = row.children.filter((c): c is Element => isElement(c, "td", "th"));
    for (const cell of rowCells) {
      take();
      const lines = cellLines(state, cell);
      const cols = span(cell, "colSpan");
      const rows = span(cell, "rowSpan");
      // A value spread across columns belongs to the first; the others are not what it says.
      for (let c = 0; c < cols; c += 1) {
        cells[column + c] = c === 0 ? lines : [];
        if (rows > 1) carried[column + c] = { lines: c === 0 ? lines : [], rows: rows - 1 };
      }
      column += cols;
    }
    take();
    // One cell alone across several columns: the width it spans (a caption when it is the table's).
    const wide = rowCells.length === 1 && !carriedHere ? span(rowCells[0]!, "colSpan") : 0;
    grid.push({ lines: Array.from({ length: cells.length }, (_, i) => cells[i] ?? []), wide });
  }
  return grid;
}

const cellNode = (lines: Line[]): TableCell => ({
  type: "tableCell",
  children: lines.flatMap((line, i): PhrasingContent[] =>
    i === 0 ? line : [{ type: "html", value: "<br>" }, ...line],
  ),
});

/**
 * A table as Markdown tables: the first row is the header; a row of one cell merged across the
 * table (in a table of several columns) ends the table and captions the rows after it, under the
 * same header; empty rows say nothing and go.
 */
function convertTable(state: State, table: Element): RootContent[] {
  const grid = tableGrid(state, table).filter((row) => row.lines.some((cell) => cell.length));
  if (!grid.length) return [];
  const width = Math.max(...grid.map((row) => row.lines.length));
  const pad = (lines: Line[][]) => Array.from({ length: width }, (_, i) => lines[i] ?? []);
  const paragraph = (row: { lines: Line[][] }): RootContent => ({
    type: "paragraph",
    children: row.lines[0]!.flatMap((line, i) => (i === 0 ? line : [{ type: "text" as const, value: " " }, ...line])),
  });
  const out: RootContent[] = [];
  // A title row merged across the table, above its header, is the table's caption.
  while (grid.length > 1 && grid[0]!.wide > 1 && grid[0]!.wide >= width) out.push(paragraph(grid.shift()!));
  const [header, ...body] = grid;
  const headerRow: TableRow = { type: "tableRow", children: pad(header!.lines).map(cellNode) };
  let rows: TableRow[] = [];
  const flush = () => {
    if (rows.length) out.push({ type: "table", align: [], children: [headerRow, ...rows] } satisfies Table);
    rows = [];
  };
  for (const row of body) {
    if (row.wide > 1 && row.wide >= width) {
      flush();
      out.push(paragraph(row));
      continue;
    }
    rows.push({ type: "tableRow", children: pad(row.lines).map(cellNode) });
  }
  flush();
  // A header with no rows under it is still what the document says.
  if (!out.some((n) => n.type === "table")) out.push({ type: "table", align: [], children: [headerRow] });
  return out;
}

const attribute = (node: Element, name: string): string => {
  const props = node.properties ?? {};
  const camel = name.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase());
  const key = name in props ? name : (Object.keys(props).find((k) => k.toLowerCase() === camel.toLowerCase()) ?? camel);
  const value = props[key];
  return Array.isArray(value) ? value.join(" ") : value === undefined || value === null ? "" : String(value);
};

const textOf = (node: ElementContent | HastContent): string =>
  node.type === "text" ? node.value : isElement(node) ? node.children.map(textOf).join("") : "";

/** Macros whose content is not part of the specification (navigation, listings, embeds). */
const droppedMacros = new Set(["toc", "children", "attachments", "jira", "recently-updated", "pagetree", "anchor"]);

/**
 * Confluence storage format elements (`ac:`, `ri:`) as plain HTML: macros' bodies unwrapped
 * (a code macro becomes a code block), links as their text, placeholders (the template's
 * instructions), parameters, images and emoticons dropped.
 */
function unwrapConfluence(parent: Parent): void {
  const out: (HastContent | ElementContent)[] = [];
  for (const node of parent.children) {
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (tag.startsWith("ac:") || tag.startsWith("ri:")) {
      const name = attribute(node, "ac:name").toLowerCase();
      if (
        ["ac:parameter", "ac:placeholder", "ac:image", "ac:emoticon", "ac:task-id", "ac:task-status"].includes(tag) ||
        tag.startsWith("ri:") ||
        ((tag === "ac:structured-macro" || tag === "ac:macro") && droppedMacros.has(name))
      )
        continue;
      if ((tag === "ac:structured-macro" || tag === "ac:macro") && (name === "code" || name === "noformat")) {
        const body = node.children.find((c) => isElement(c, "ac:plain-text-body"));
        out.push({
          type: "element",
          tagName: "pre",
          properties: {},
          children: [
            {
              type: "element",
              tagName: "code",
              properties: {},
              children: [{ type: "text", value: body ? textOf(body) : "" }],
            },
          ],
        });
        continue;
      }
      if (tag === "ac:link") {
        const body = node.children.find((c) => isElement(c, "ac:link-body", "ac:plain-text-link-body"));
        const target = node.children.find((c) => isElement(c, "ri:page", "ri:attachment", "ri:url", "ri:space"));
        const text = body
          ? textOf(body)
          : target
            ? attribute(target, "ri:content-title") || attribute(target, "ri:filename") || attribute(target, "ri:value")
            : "";
        if (text) out.push({ type: "text", value: text });
        continue;
      }
      if (tag === "ac:task") {
        unwrapConfluence(node);
        out.push({ type: "element", tagName: "li", properties: {}, children: node.children as ElementContent[] });
        continue;
      }
      if (tag === "ac:task-list") {
        unwrapConfluence(node);
        out.push({ type: "element", tagName: "ul", properties: {}, children: node.children as ElementContent[] });
        continue;
      }
      unwrapConfluence(node);
      out.push(...node.children);
      continue;
    }
    if (tag === "time" && !textOf(node).trim() && attribute(node, "datetime")) {
      out.push({ type: "text", value: attribute(node, "datetime") });
      continue;
    }
    unwrapConfluence(node);
    out.push(node);
  }
  parent.children = out;
}

/** The first element (depth first) that `match` accepts. */
function findElement(node: Parent, match: (e: Element) => boolean): Element | null {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (match(child)) return child;
    const found = findElement(child, match);
    if (found) return found;
  }
  return null;
}

const hasClass = (node: Element, name: string) => attribute(node, "className").split(/\s+/).includes(name);

/**
 * A caption Word puts under its table (mammoth marks the Caption style `agp-caption`) moves above
 * it, where the importer looks, unless the table already has one above.
 */
function liftCaptions(parent: Parent): void {
  const children = parent.children;
  const nextElement = (from: number) => {
    for (let j = from; j < children.length; j += 1) {
      const node = children[j]!;
      if (node.type === "text" && !node.value.trim()) continue;
      return isElement(node) ? j : -1;
    }
    return -1;
  };
  for (let i = 0; i < children.length; i += 1) {
    const node = children[i]!;
    if (!isElement(node)) continue;
    if (node.tagName !== "table") {
      liftCaptions(node);
      continue;
    }
    let before = i - 1;
    while (before >= 0 && children[before]!.type === "text" && !(children[before] as { value: string }).value.trim())
      before -= 1;
    const above = before >= 0 ? children[before] : undefined;
    if (isElement(above) && hasClass(above, "agp-caption")) continue;
    const after = nextElement(i + 1);
    if (after > 0 && hasClass(children[after] as Element, "agp-caption")) {
      const [caption] = children.splice(after, 1);
      children.splice(i, 0, caption!);
      i += 1;
    }
  }
}

/** What kind of HTML a text is: Confluence storage format (`ac:`/`ri:` elements), or HTML. */
export function isConfluenceStorage(html: string): boolean {
  return /<(ac|ri):[a-z-]+[\s>/]/i.test(html);
}

/**
 * Converts HTML (a Word document through mammoth, a Confluence page's HTML export or its storage
 * format) into GitHub-flavoured Markdown for the document reader. Never throws on content.
 */
export function htmlToMarkdown(html: string, options: { title?: string } = {}): string {
  const storage = isConfluenceStorage(html);
  const source = storage
    ? html
        // Character data (a code macro's body) is text; HTML parsing would make it a comment.
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) =>
          text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
        )
        // Self-closing `ac:`/`ri:` elements: HTML parsing would leave them open around what follows.
        .replace(/<((?:ac|ri):[a-z-]+)((?:\s[^>]*?)?)\s*\/>/gi, "<$1$2></$1>")
    : html;
  const tree = unified().use(rehypeParse, { fragment: false }).parse(source) as HastRoot;
  let root: Parent = tree;
  // A Confluence HTML export: the page is #main-content; its title is the page's heading.
  const main = findElement(tree, (e) => attribute(e, "id") === "main-content");
  let title = options.title ?? "";
  if (main) {
    root = { children: main.children };
    if (!title) {
      const heading = findElement(tree, (e) => attribute(e, "id") === "title-text");
      const pageTitle = findElement(tree, (e) => e.tagName === "title");
      title = (heading ? textOf(heading) : pageTitle ? textOf(pageTitle).replace(/^.*?:\s*/, "") : "").trim();
    }
  } else {
    const body = findElement(tree, (e) => e.tagName === "body");
    if (body) root = { children: body.children };
  }
  if (storage) unwrapConfluence(root);
  liftCaptions(root);
  const fragment: HastRoot = { type: "root", children: root.children as HastContent[] };
  const processor = unified()
    .use(rehypeRemark, {
      handlers: {
        table: (state: State, node: Element) => convertTable(state, node),
        // Images carry nothing the importer reads, and a data: URL would swamp the document.
        img: () => undefined,
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: "-",
      // The portal's own Markdown writes emphasis with underscores (a decision's "_(proposed)_").
      emphasis: "_",
      fences: true,
      rule: "-",
      handlers: {
        // The template's instructions (`<Describe …>`, `<<LINK>>`) and placeholders (`[CUSTOMER]`)
        // are written bare in Markdown documents, and the importer knows them so: no escape.
        text: (node, parent, state, info) =>
          defaultHandlers.text(node, parent, state, info).replace(/\\([<[\]])/g, "$1"),
      },
    });
  const mdast = processor.runSync(fragment);
  const markdown = processor.stringify(mdast as never);
  return (title ? `# ${title}\n\n` : "") + String(markdown);
}
