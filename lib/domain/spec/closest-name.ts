// Which existing name a document most likely means when it spells a reference differently
// ("vpc01-nonprod-eu-frankfurt" for "vpc01-nonprod-de-c1"), and why: a shared prefix, the same
// environment word, a small edit distance. Used by the import preview and by GAP-REFERENCE.

/** A likely match and the reason a person can check. */
export type ClosestName = { name: string; why: string };

const words = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const environmentWords = new Set([
  "dev",
  "development",
  "test",
  "tst",
  "qa",
  "uat",
  "sit",
  "stage",
  "staging",
  "preprod",
  "nonprod",
  "non",
  "prod",
  "prd",
  "production",
  "sandbox",
  "dr",
]);

/** Levenshtein distance, bounded: past `limit` the exact figure does not matter. */
export function editDistance(a: string, b: string, limit = 64): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
};

/**
 * The candidate a written name most likely means, or null when none is close enough to suggest.
 * A candidate must share a real prefix (a word and its separator) or be a few edits away;
 * among several, the one sharing the environment word wins, then the longest prefix, then the
 * fewest edits.
 */
export function closestName(written: string, candidates: readonly string[]): ClosestName | null {
  const wanted = written.trim().toLowerCase();
  if (!wanted) return null;
  const wantedEnvironment = words(wanted).filter((w) => environmentWords.has(w));
  const scored = candidates
    .filter((c) => c.trim() && c.trim().toLowerCase() !== wanted)
    .map((name) => {
      const lowered = name.toLowerCase();
      const prefix = commonPrefix(wanted, lowered);
      // A prefix counts up to the last separator inside it: "vpc01-nonprod-" not "vpc01-nonprod-d".
      const cut = wanted.slice(0, prefix).search(/[^a-z0-9][a-z0-9]*$/);
      const wordPrefix = prefix === Math.min(wanted.length, lowered.length) ? prefix : cut >= 0 ? cut + 1 : 0;
      const distance = editDistance(wanted, lowered);
      const environment = wantedEnvironment.filter((w) => words(lowered).includes(w));
      return { name, wordPrefix, distance, environment };
    })
    .filter((c) => c.wordPrefix >= 3 || c.distance <= Math.max(2, Math.floor(wanted.length / 5)));
  if (!scored.length) return null;
  scored.sort(
    (a, b) =>
      b.environment.length - a.environment.length ||
      b.wordPrefix - a.wordPrefix ||
      a.distance - b.distance ||
      a.name.localeCompare(b.name),
  );
  const best = scored[0]!;
  const reasons = [
    best.wordPrefix >= 3 ? `same prefix "${written.trim().slice(0, best.wordPrefix)}"` : null,
    best.environment.length ? `same environment (${best.environment.join(", ")})` : null,
    `${best.distance} edit${best.distance === 1 ? "" : "s"} apart`,
  ].filter(Boolean);
  return { name: best.name, why: reasons.join(", ") };
}
