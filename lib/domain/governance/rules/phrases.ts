// Small pieces of the sentences findings say: the remediations name the values involved, and
// read as one instruction rather than as a template with blanks.

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A value quoted for a sentence, cut to `max` characters (a placeholder can be a paragraph). */
export function quote(value: string, max = 60): string {
  const text = value.replace(/\s+/g, " ").trim();
  return `"${text.length > max ? `${text.slice(0, max - 3)}...` : text}"`;
}

/** " (PROD)" for a resource in an environment, "" for one without. */
export function inParentheses(environment: string | null | undefined): string {
  return environment ? ` (${environment})` : "";
}
