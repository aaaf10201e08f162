// When two tables name what may be one thing ("Epic" in Key Systems, "Epic EHR" in the catalog),
// the merge rules (merge-records.ts) cannot tell: sharing a word is no proof. Rather than merge
// wrongly or stay silent, the import preview asks; the answer comes back as a SameThing.

import type { MergeQuestionOf, Place, SpecDraft } from "@/lib/domain/document/draft";
import { mergedKinds, splitEnvironment, type SameThing } from "@/lib/domain/document/merge-records";
import { editDistance } from "@/lib/domain/spec/closest-name";
import type { SpecKind } from "@/lib/domain/spec/kinds";

export type MergeQuestion = MergeQuestionOf<SpecKind>;

/** An answer the preview gave: the two names are one thing, or two. */
export type SameThingAnswer = SameThing & { same: boolean };

const tokens = (name: string) =>
  (splitEnvironment(name)?.base ?? name)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Why two names may be one thing, or null: one is the start of the other, or a few letters apart. */
export function nearlySameName(a: string, b: string): string | null {
  const [ta, tb] = [tokens(a), tokens(b)];
  const [ca, cb] = [ta.join(""), tb.join("")];
  if (!ca || !cb || ta.join(" ") === tb.join(" ")) return null;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const [shortName, longName] = ta.length <= tb.length ? [a, b] : [b, a];
  if (short.join("").length >= 3 && short.every((t, i) => long[i] === t))
    return `“${shortName}” is the start of “${longName}”`;
  if (ca === cb) return "the same letters, spaced differently";
  const shortest = Math.min(ca.length, cb.length);
  if (shortest >= 5 && editDistance(ca, cb, 3) <= (shortest >= 8 ? 2 : 1)) return "a letter or two apart";
  return null;
}

const tableOf = (place: Place) => `${place.file}\u0000${place.section}`;
const pairKey = (kind: string, a: string, b: string) =>
  [kind, ...[a.trim().toLowerCase(), b.trim().toLowerCase()].sort()].join("\u0000");

/**
 * The pairs of a merged kind's records, from different tables, whose names are close but were not
 * made one record, leaving out pairs already answered. Records are bucketed by their first three
 * letters so that a catalog of thousands is not compared pair by pair.
 */
export function askSameThings(draft: SpecDraft, answered: readonly SameThing[] = []): MergeQuestion[] {
  const known = new Set(answered.map((s) => pairKey(s.kind, s.names[0], s.names[1])));
  const questions: MergeQuestion[] = [];
  for (const kind of mergedKinds) {
    const buckets = new Map<string, { name: string; place: Place }[]>();
    for (const record of draft.records) {
      if (record.kind !== kind || typeof record.data.name !== "string") continue;
      const name = record.data.name;
      const key = tokens(name).join("").slice(0, 3);
      if (key.length < 3) continue;
      const bucket = buckets.get(key) ?? [];
      for (const other of bucket) {
        if (tableOf(other.place) === tableOf(record.place)) continue;
        if (known.has(pairKey(kind, other.name, name))) continue;
        const why = nearlySameName(other.name, name);
        if (why) questions.push({ kind, names: [other.name, name], places: [other.place, record.place], why });
      }
      bucket.push({ name, place: record.place });
      buckets.set(key, bucket);
    }
  }
  return questions;
}
