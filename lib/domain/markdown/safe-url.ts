const allowedProtocols = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL when a rendered Markdown link may point there (http, https or mailto), else null: a
 * `javascript:` or `data:` link in a decision must never become clickable.
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips past checks.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null; // relative or malformed: nothing we can vouch for
  }
  return allowedProtocols.has(parsed.protocol) ? trimmed : null;
}
