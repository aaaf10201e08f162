// The template's own rows: the example row of the decisions table (`Dxx | <Description of the
// decision> | ...`), rows like `<Assumption / Dependency> | <Owner>` or `<<Internal corporate
// CIDRs>> | TBD`. They say what to write, not what was decided, so they are gaps, never records.

import { isOnlyPlaceholders } from "@/lib/domain/spec/placeholders";

/** What the import report says of such a row. */
export const templateRowReason = "the template's example row: only instructions and placeholders, nothing filled in";

/** A cell that says nothing ("n/a", a dash) counts as empty. */
const saysNothing = (cell: string) => cell === "" || /^(n\/?a|-|–|—)$/i.test(cell);

/** A row number as the template writes it: "1", "1.2", "#", "Dxx", "D01". */
const numbering = /^(#|d?\s*[\dx#]+(\.[\dx#]+)*\.?)$/i;

/**
 * Tells whether a row is the template's example or instruction row: every filled cell is a
 * placeholder (numbering in the `ordinal` columns aside), and at least one cell is filled.
 */
export function isTemplateRow(cells: readonly string[], ordinal: ReadonlySet<number> = new Set()): boolean {
  const content = cells
    .map((cell, index) => ({ cell: cell.trim(), index }))
    .filter(({ cell, index }) => !saysNothing(cell) && !(ordinal.has(index) && numbering.test(cell)));
  return content.length > 0 && content.every(({ cell }) => isOnlyPlaceholders(cell));
}

/** The row's filled cells as the report shows them ("<System> | <Description>"), numbering aside. */
export function rowText(cells: readonly string[], ordinal: ReadonlySet<number> = new Set()): string {
  return cells
    .filter((_, index) => !ordinal.has(index))
    .map((c) => c.trim().replace(/\s*\n\s*/g, " "))
    .filter((c) => !saysNothing(c))
    .join(" | ")
    .slice(0, 200);
}
