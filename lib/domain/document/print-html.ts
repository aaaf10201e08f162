// The printed specification: a self-contained HTML document (no scripts, styles inline) with a
// title page, table of contents, readiness summary, the specification in the template's structure
// (the same Markdown as the export), the platform diagram, and an annex comparing the
// specification with the live estate. Chromium prints it to PDF.

import type { Element, Root } from "hast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Readiness } from "@/lib/domain/governance/readiness";

/** A finding as the annex lists it. */
export type AnnexFinding = {
  ruleId: string;
  severity: string;
  category: string;
  resourceKind: string;
  resourceName: string;
  environment: string | null;
  message: string;
};

export type PrintInput = {
  workspaceName: string;
  /** The specification as exported (formatSpecDocument). */
  markdown: string;
  /** The platform diagram (renderPlatformSvg). */
  svg: string;
  readiness: readonly Readiness[];
  /** Drift findings and the other open findings, worst first, and how many are open in all. */
  annex: { drift: readonly AnnexFinding[]; open: readonly AnnexFinding[]; totalOpen: number; lastSyncAt: Date | null };
  generatedAt: Date;
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const DIAGRAM_MARK = "AGP-PLATFORM-DIAGRAM";

type Heading = { level: number; id: string; text: string };

const textOf = (node: Element | Root): string =>
  node.children
    .map((child) => (child.type === "text" ? child.value : "children" in child ? textOf(child as Element) : ""))
    .join("");

/** Gives h1/h2 stable ids ("chapter-3", "section-3-2" …) and collects them for the table of contents. */
function headingIds(headings: Heading[]) {
  return () => (tree: Root) => {
    let n = 0;
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "h1" || child.tagName === "h2") {
          n += 1;
          const id = `h-${n}`;
          child.properties = { ...child.properties, id };
          headings.push({ level: Number(child.tagName[1]), id, text: textOf(child) });
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

/** Markdown to safe HTML: no raw HTML, no script URLs (sanitised with GitHub's rules). */
function markdownToHtml(markdown: string, headings: Heading[]): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeSanitize)
      .use(headingIds(headings))
      .use(rehypeStringify)
      .processSync(markdown),
  );
}

const levelLabel = { "not-ready": "Not ready", "in-progress": "In progress", ready: "Ready" } as const;

function findingsTable(caption: string, findings: readonly AnnexFinding[]): string {
  if (findings.length === 0) return `<p>${escapeHtml(caption)}: none.</p>`;
  const rows = findings
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.severity)}</td><td>${escapeHtml(f.ruleId)}</td><td>${escapeHtml(f.resourceName)}${f.environment ? ` (${escapeHtml(f.environment)})` : ""}</td><td>${escapeHtml(f.message)}</td></tr>`,
    )
    .join("\n");
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Finding</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const css = `
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: counter(page); } }
* { box-sizing: border-box; }
body { font-variant-ligatures: none; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 8pt; border-bottom: 2px solid #0f766e; padding-bottom: 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11pt; }
.chapter { break-before: page; }
.title-page { display: flex; flex-direction: column; justify-content: center; min-height: 240mm; break-after: page; }
.title-page h1 { font-size: 26pt; border: none; }
.title-page p { color: #475569; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 9pt; break-inside: auto; }
caption { text-align: left; font-weight: 600; margin-bottom: 3pt; }
th, td { border: 1px solid #cbd5e1; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f5f9; }
tr { break-inside: avoid; }
code { font-size: 9pt; background: #f1f5f9; padding: 0 2pt; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li.level-2 { padding-left: 14pt; }
nav.toc a { color: inherit; text-decoration: none; }
figure { margin: 8pt 0 14pt; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #475569; }
.level-not-ready { color: #991b1b; font-weight: 600; }
.level-in-progress { color: #92400e; font-weight: 600; }
.level-ready { color: #166534; font-weight: 600; }
@media screen { body { padding: 24px; } }
`;

/** The whole specification as a print-ready HTML document. */
export function renderSpecHtml(input: PrintInput): string {
  const headings: Heading[] = [];
  // The export's own title and generator comment give way to the title page.
  const body = input.markdown
    .replace(/^# .*\n/, "")
    .replace(/^\s*<!--[\s\S]*?-->\s*/, "")
    .replace(/^(# 4\. Platform Architecture and Setup\n)/m, `$1\n${DIAGRAM_MARK}\n`);
  let html = markdownToHtml(body, headings);
  html = html.replace(
    `<p>${DIAGRAM_MARK}</p>`,
    `<figure id="platform-diagram">${input.svg}<figcaption>Platform diagram: the plan, generated from the specification.</figcaption></figure>`,
  );
  // Each chapter starts a page.
  html = html.replace(/<h1 id="/g, '<h1 class="chapter" id="');

  const date = input.generatedAt.toISOString().slice(0, 10);
  const environments = input.readiness.filter((r) => r.scope === "environment");
  const readiness = environments.length
    ? `<table><caption>Readiness per environment</caption><thead><tr><th>Environment</th><th>Level</th><th>Score</th><th>Open errors</th><th>Open warnings</th><th>Waived</th></tr></thead><tbody>${environments
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.name)}</td><td class="level-${r.level}">${levelLabel[r.level]}</td><td>${r.score}</td><td>${r.errors}</td><td>${r.warnings}</td><td>${r.waived}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "<p>No evaluation has run yet: readiness is not known.</p>";
  const toc = headings
    .map((h) => `<li class="level-${h.level}"><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`)
    .join("\n");
  const sync = input.annex.lastSyncAt
    ? `Compared with the live estate read on ${input.annex.lastSyncAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`
    : "The live estate has not been read yet: only the specification's own findings are listed.";

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.workspaceName)}: Integration Architecture Specification</title>
<style>${css}</style>
</head>
<body>
<section class="title-page">
<h1>${escapeHtml(input.workspaceName)}: Integration Architecture Specification</h1>
<p>Generated by the Anypoint Governance Portal on ${date}, from the specification and the governance findings of that day.</p>
</section>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>
<li class="level-1"><a href="#readiness">Readiness summary</a></li>
${toc}
<li class="level-1"><a href="#annex">Annex: Specification vs live estate</a></li>
</ol></nav>
<section id="readiness" class="chapter"><h1>Readiness summary</h1>
<p>${input.annex.totalOpen} open findings. ${escapeHtml(sync)}</p>
${readiness}
</section>
${html}
<section id="annex" class="chapter"><h1>Annex: Specification vs live estate</h1>
<p>${escapeHtml(sync)}</p>
${findingsTable("Drift between the specification and the live estate", input.annex.drift)}
${findingsTable(`Other open findings (${input.annex.open.length} of ${input.annex.totalOpen}, worst first)`, input.annex.open)}
</section>
</body>
</html>
`;
}
