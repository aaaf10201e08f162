// What every kind declaration has, and the helpers the chapter files build their fields with.

import type { FieldDef, FieldOption } from "@/lib/domain/spec/fields";

/** Options of an enum field from [value, label] pairs. */
export const opts = (...pairs: [string, string][]): readonly FieldOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

/** The required name field most kinds start with. */
export const name = (label = "Name", help?: string) =>
  ({ name: "name", label, type: "text", required: true, help }) as const;

/** The description field of the kinds that have one. */
export const description = { name: "description", label: "Description", type: "longtext", tracked: true } as const;

export const chapters = [
  { id: "context", title: "Business and solution context" },
  { id: "capabilities", title: "Licensed capabilities" },
  { id: "platform", title: "Platform architecture" },
  { id: "resilience", title: "High availability and disaster recovery" },
  { id: "security", title: "Security architecture" },
  { id: "applications", title: "Application architecture" },
  { id: "operations", title: "Operations" },
  { id: "sdlc", title: "SDLC and naming conventions" },
  { id: "narrative", title: "Narrative sections" },
] as const;
export type ChapterId = (typeof chapters)[number]["id"];

/** What a kind declares: its names, its chapter and its fields. */
export type KindShape = {
  readonly label: string;
  readonly plural: string;
  readonly chapter: ChapterId;
  readonly fields: readonly FieldDef[];
  /** The field whose value is unique per workspace; absent when records have no name. */
  readonly key?: string;
  readonly summary?: string;
  /** For kinds without a key: a short title of a record, from what identifies it. */
  readonly title?: (data: Readonly<Record<string, unknown>>) => string;
  /**
   * For kinds without a key: the fields that make two records the same record (an import matches
   * on them; references compare by the name of the record referred to, text case-insensitively).
   */
  readonly identifiedBy?: readonly string[];
  /**
   * Its text fields may differ per environment (a system's test host): the record holds the
   * production (or unqualified) values, `perEnvironment` the others, by environment name.
   */
  readonly perEnvironment?: boolean;
};
