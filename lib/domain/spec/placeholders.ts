// What an unfinished specification looks like (shared/reference/spec-template.md): TODO and TBD
// markers, instructions left in angle brackets, customer placeholders, and dummy values.

const patterns: { label: string; test: RegExp }[] = [
  { label: "TODO marker", test: /\bTODO\b|\[TODO\]/i },
  { label: "TBD marker", test: /\bTBD\b|\bTBC\b/i },
  { label: "instruction in angle brackets", test: /<<?[^<>\n]{1,200}>>?/ },
  { label: "customer placeholder", test: /\[CUSTOMER\]|\[Titanium \/ Platinum \/ Gold\]/i },
  { label: "dummy address", test: /\bx\.x\.x\.x(\/\d{1,2})?\b/i },
  { label: "dummy link", test: /\((link|#)\)|<<LINK>>/i },
];

/** Any of them, in one pass: nearly every value has none, and an estate has hundreds of thousands. */
const anyPattern = new RegExp(patterns.map((p) => `(?:${p.test.source})`).join("|"), "i");

/** Tells whether a text contains a placeholder of any kind (one test, no allocation). */
export function hasPlaceholder(text: string): boolean {
  return anyPattern.test(text);
}

/** The kinds of placeholder a text contains (empty when it has none). */
export function findPlaceholders(text: string): string[] {
  if (!anyPattern.test(text)) return [];
  return patterns.filter((p) => p.test.test(text)).map((p) => p.label);
}

/** Tells whether a value is a placeholder left for later rather than a real value. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === "string" && anyPattern.test(value);
}

/** Tells whether a value counts as filled in: present, not blank, and not a placeholder. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "" && !isPlaceholder(value);
  if (Array.isArray(value)) return value.length > 0 && value.every(isFilled);
  return true;
}

// A TODO or TBD marker takes the rest of its line with it ("TODO: update the table" is an
// instruction to the author, not a value); every other placeholder is only itself.
const placeholderText = new RegExp(
  [
    String.raw`(?:\bTODO\b|\[TODO\]|\bTBD\b|\bTBC\b)[^\n]*`,
    ...patterns.filter((p) => !/TODO|TBD/.test(p.label)).map((p) => p.test.source),
  ].join("|"),
  "gi",
);

/**
 * Tells whether a text is nothing but placeholders (instructions in angle brackets, TODO with its
 * note, customer placeholders, dummy values), bullets and punctuation aside: nothing in it is a value.
 */
export function isOnlyPlaceholders(text: string): boolean {
  if (!anyPattern.test(text)) return false;
  return text.replace(placeholderText, "").replace(/[\s●•·*_`'"|/\\,;:.!?()[\]{}^~–—-]+/g, "") === "";
}

/** The placeholders of a text as written ("TBD", "<host>", "TODO confirm with …" with the rest of its line). */
export function placeholderTexts(text: string): string[] {
  if (!anyPattern.test(text)) return [];
  return [...text.matchAll(placeholderText)].map((m) => m[0].trim()).filter(Boolean);
}
