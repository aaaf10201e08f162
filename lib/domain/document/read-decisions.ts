// Reads the architecture decisions table (`Id | Decision | Rationale | Implication`) into draft
// decisions: decisions are not records of a kind, so their table is read here.

import type { DraftDecision, PlaceOf, SpecDraft } from "@/lib/domain/document/draft";
import type { DocumentTable } from "@/lib/domain/document/markdown";
import type { TableMatch } from "@/lib/domain/document/tables";
import { findPlaceholders, isOnlyPlaceholders, isPlaceholder } from "@/lib/domain/spec/placeholders";
import { isTemplateRow, rowText, templateRowReason } from "@/lib/domain/document/template-rows";

/** Reads the rows of the decisions table (ids D01, D02 ...; `Dxx` is the template's example row, a gap). */
export function readDecisions(draft: SpecDraft, match: TableMatch, table: DocumentTable, place: PlaceOf): void {
  // GFM tables have no line per row in mdast: rows are on consecutive lines after the delimiter.
  const lineOf = (rowIndex: number) => table.line + 2 + rowIndex;
  table.rows.forEach((row, rowIndex) => {
    const at = place(lineOf(rowIndex));
    const get = (field: string) => {
      const i = match.columns[field];
      return i === undefined ? "" : (row[i] ?? "").trim();
    };
    const markdown = (field: string) => {
      const i = match.columns[field];
      return i === undefined ? "" : unescapeCell(table.markdown[rowIndex]?.[i] ?? "");
    };
    const id = get("id");
    if (row.every((c) => c.trim() === "")) return;
    // The template's example row (`Dxx | <Description of the decision> | ...`), or any row whose
    // text says only what to write, whatever its id: a gap, never a decision. A `Dxx` row with a
    // real decision in it is a decision without a number (a problem below), not an example.
    const text = row.filter((_, i) => i !== match.columns.id);
    const exampleId = /^d?\s*[x#]+$/i.test(id) || isOnlyPlaceholders(id);
    if (isTemplateRow(text) || (exampleId && text.every((c) => c.trim() === ""))) {
      draft.gaps.push({
        place: at,
        kind: "decision",
        record: id,
        field: null,
        value: rowText(text),
        reason: templateRowReason,
        kept: false,
      });
      return;
    }
    const sequence = Number(/(\d+)\s*$/.exec(id)?.[1]);
    if (!Number.isInteger(sequence) || sequence < 1) {
      draft.problems.push({
        place: at,
        message: `decision id "${id}" has no number (write D01, D02 ...); the row was not imported`,
      });
      return;
    }
    // A second row of the same number is not imported: its gaps would be of nothing stored.
    if (draft.decisions.some((d) => d.sequence === sequence)) {
      draft.problems.push({ place: at, message: `decision ${id} appears twice; the second row was not imported` });
      return;
    }
    // "**Title** _(proposed)_ text" as the export writes it; otherwise the first sentence is the title.
    let body = markdown("decision");
    let title = "";
    const bold = /^\*\*(.+?)\*\*\s*/.exec(body);
    if (bold) {
      title = bold[1]!.trim();
      body = body.slice(bold[0].length);
    }
    // Either emphasis marker: Word and Confluence copies come back with `*`.
    body = body.replace(/^([_*])\((?:draft|proposed|accepted|rejected|deprecated|superseded[^)]*)\)\1\s*/i, "");
    body = fromPoints(body);
    if (!title) {
      const plain = get("decision").replace(/\s+/g, " ");
      title = (/^(.{1,160}?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain).replace(/[.]$/, "").slice(0, 200);
    }
    const decision: DraftDecision = {
      sequence,
      title: title || `Decision ${id}`,
      decision: body,
      rationale: fromPoints(markdown("rationale")),
      implications: fromPoints(markdown("implications")),
      place: at,
    };
    for (const [field, value] of Object.entries({
      title: decision.title,
      decision: body,
      rationale: decision.rationale,
      implications: decision.implications,
    })) {
      if (value.trim() === "" && field !== "title" && field !== "implications")
        draft.gaps.push({ place: at, kind: "decision", record: id, field, value, reason: "empty", kept: true });
      else if (isPlaceholder(value))
        draft.gaps.push({
          place: at,
          kind: "decision",
          record: id,
          field,
          value,
          reason: findPlaceholders(value).join(", "),
          kept: true,
        });
    }
    draft.decisions.push(decision);
  });
}

/** A cell's Markdown without the table's escaping of pipes. */
const unescapeCell = (markdown: string) => markdown.replace(/\\\|/g, "|").replace(/\\\\/g, "\\").trim();

/** "● a ● b" and "a<br>b" as a Markdown list; a single point stays a paragraph. */
function fromPoints(markdown: string): string {
  const points = markdown
    .split(/\s*●\s*|<br\s*\/?>/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return points.length > 1 ? points.map((p) => `- ${p}`).join("\n") : (points[0] ?? "");
}
