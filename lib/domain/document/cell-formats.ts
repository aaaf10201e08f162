// Cell formats a column may use instead of its field type's, each read and printed alike so that
// the export reads back to the same values.

import { parseMinutes, parseSeconds } from "@/lib/domain/document/cells";
import type { CellFormat } from "@/lib/domain/document/kind-tables";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";

/** An option printed as its value rather than its label ("eu-central-1", "0.2"). */
export const asValue: CellFormat = { write: (value) => String(value) };

/** A duration in minutes, written "15 min", "1 h", "1 d"; a placeholder is a gap, not a value. */
export const minutes: CellFormat = {
  read: (text, gap) => {
    if (isPlaceholder(text)) return void gap("placeholder");
    return parseMinutes(text) ?? text;
  },
  write: (value) => {
    if (typeof value !== "number") return "";
    if (value === 0) return "0";
    if (value % 1440 === 0) return `${value / 1440} d`;
    return value % 60 === 0 ? `${value / 60} h` : `${value} min`;
  },
};

/** A duration in seconds, written "7 d", "12 h", "2 min", "30 s"; a placeholder is a gap, not a value. */
export const seconds: CellFormat = {
  read: (text, gap) => {
    if (isPlaceholder(text)) return void gap("placeholder");
    return parseSeconds(text) ?? text;
  },
  write: (value) => {
    if (typeof value !== "number") return "";
    if (value === 0) return "0";
    if (value % 86400 === 0) return `${value / 86400} d`;
    if (value % 3600 === 0) return `${value / 3600} h`;
    return value % 60 === 0 ? `${value / 60} min` : `${value} s`;
  },
};

/** A factor written "1.5x" (read as a number like any other). */
export const multiplier: CellFormat = { write: (value) => (typeof value === "number" ? `${value}x` : "") };
