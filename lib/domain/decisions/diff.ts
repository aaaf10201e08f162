import { diffWordsWithSpace } from "diff";

/** One run of text in a diff: unchanged, added in the newer revision, or removed from the older. */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type FieldDiff = { field: string; changed: boolean; parts: DiffPart[] };

/** Word-level differences of each field between two revisions, in the order of `fields`. */
export function diffFields<F extends string>(
  older: Record<F, string>,
  newer: Record<F, string>,
  fields: readonly F[],
): FieldDiff[] {
  return fields.map((field) => {
    const a = older[field];
    const b = newer[field];
    if (a === b) return { field, changed: false, parts: a ? [{ kind: "same", text: a }] : [] };
    const parts = diffWordsWithSpace(a, b).map((change): DiffPart => ({
      kind: change.added ? "added" : change.removed ? "removed" : "same",
      text: change.value,
    }));
    return { field, changed: true, parts };
  });
}
