// A specification section opened from an address that names one of its records (`?edit=<id>`, the
// link a finding gives): that record's editor, or its history for someone who may not edit it.

/** What a section opens with for the record its address names. */
export type OpenedRecord<R> = { mode: "edit" | "history"; record: R } | { mode: "missing"; id: string } | null;

/** The panel a section opens with: the named record's editor (its history without the right to edit), a notice when it is gone. */
export function openedRecord<R extends { id: string }>(
  records: readonly R[],
  id: string | null | undefined,
  canEdit: boolean,
): OpenedRecord<R> {
  if (!id) return null;
  const record = records.find((r) => r.id === id);
  if (!record) return { mode: "missing", id };
  return { mode: canEdit ? "edit" : "history", record };
}
