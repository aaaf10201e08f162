// Compares what a document says with what a workspace holds: which records an import creates,
// which it updates (field by field), which it leaves alone, and which it cannot take (and why).
// Records are matched by name (or, for kinds without one, by what identifies them), references
// are resolved by name against the document and the workspace together.

import type { DraftRecord, ImportGap, ImportProblem, SpecDraft } from "@/lib/domain/document/draft";
import { planDecisions, type ExistingDecision, type PlannedDecision } from "@/lib/domain/document/plan-decisions";
import type { FieldDef } from "@/lib/domain/spec/fields";
import {
  identifyingFields,
  kindFields,
  labelInSentence,
  recordKey,
  recordTitle,
  specKindIds,
  specKinds,
  specSchema,
  type FieldSource,
  type PerEnvironment,
  type SpecKind,
} from "@/lib/domain/spec/kinds";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";
import { closestName } from "@/lib/domain/spec/closest-name";

/** A record already in the workspace (reference fields hold ids). */
export type ExistingRecord = {
  id: string;
  kind: SpecKind;
  title: string;
  data: Record<string, unknown>;
  version: number;
};

export type { ExistingDecision, PlannedDecision } from "@/lib/domain/document/plan-decisions";

/** One field an update changes, shown with names rather than ids. */
export type FieldChange = { field: string; label: string; from: string; to: string };

export type PlannedRecord = {
  action: "create" | "update" | "unchanged";
  kind: SpecKind;
  id: string;
  title: string;
  /** Validated data, references as ids. */
  data: Record<string, unknown>;
  /** The version the update is based on. */
  version?: number;
  before?: Record<string, unknown>;
  changes: FieldChange[];
  offered: boolean;
  place: DraftRecord["place"];
};

/** Everything an import will do, before it does it. */
export type ImportPlan = {
  records: PlannedRecord[];
  decisions: PlannedDecision[];
  /** Records read but not importable (their reasons are among the problems). */
  skipped: { kind: SpecKind; title: string; place: DraftRecord["place"] }[];
  gaps: ImportGap[];
  problems: ImportProblem[];
  /** Conventions the document suggests (mapping-rule targets), and whether they are in the plan. */
  offered: { title: string; pattern: string; included: boolean }[];
  /** Tables that are not the template's, kept as text in their section's narrative. */
  keptAsText: SpecDraft["keptAsText"];
};

/** A name a document writes for a record of a kind: the record's id, or a name in the document. */
export type ReferenceAlias = { kind: SpecKind; alias: string; target: string };

export type PlanOptions = {
  /** Takes the conventions offered from the mapping rules' target apps. */
  includeOffered: boolean;
  newId: () => string;
  /** Names resolved earlier (remembered) or in this preview. */
  aliases?: readonly ReferenceAlias[];
};

type Entry = { id: string; kind: SpecKind; name: string; existing?: ExistingRecord; draft?: number };

const lower = (value: unknown) =>
  String(value ?? "")
    .trim()
    .toLowerCase();

// Records without a name are the same record when what identifies them is the same.
function identity(
  kind: SpecKind,
  data: Record<string, unknown>,
  name: (kind: SpecKind, value: unknown) => string,
): string | null {
  const key = recordKey(kind, data);
  if (key) return `${kind}:${key.toLowerCase()}`;
  const fields = identifyingFields(kind);
  if (!fields.length) return null;
  const part = (field: FieldDef) => {
    const value = data[field.name];
    if (field.ref) return name(field.ref as SpecKind, value);
    return field.type === "integer" || field.type === "number" ? String(value) : lower(value);
  };
  return `${kind}:${fields.map(part).join("|")}`;
}

const refFields = (kind: SpecKind) => kindFields(kind).filter((f): f is FieldDef & { ref: SpecKind } => !!f.ref);

/** Shows a value the way the report reads it: names for references, lists joined. */
function display(field: FieldDef, value: unknown, titleOf: (id: string) => string): string {
  if (value === null || value === undefined || value === "") return "";
  if (field.ref)
    return Array.isArray(value) ? value.map((id) => titleOf(String(id))).join(", ") : titleOf(String(value));
  if (Array.isArray(value)) return value.join(", ");
  if (field.options) return field.options.find((o) => o.value === value)?.label ?? String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** "TEST: host epic-test.example; UAT: …", as the preview shows values per environment. */
function describePerEnvironment(kind: SpecKind, values: PerEnvironment): string {
  const fields = kindFields(kind);
  return Object.entries(values)
    .map(
      ([environment, byField]) =>
        `${environment}: ${Object.entries(byField)
          .map(([f, v]) => `${labelInSentence(fields.find((d) => d.name === f)?.label ?? f)} ${v}`)
          .join(", ")}`,
    )
    .join("; ");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Markdown text with its table rows' padding and delimiter dashes reduced, for comparison only. */
function canonicalText(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (!/^\|.*\|$/.test(trimmed)) return line.trimEnd();
      const cells = trimmed
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim());
      return `|${cells.map((cell) => (/^:?-+:?$/.test(cell) ? cell.replace(/-+/, "-") : cell)).join("|")}|`;
    })
    .join("\n")
    .trim();
}

/**
 * Plans an import: new records get ids from `newId`, existing ones are updated only in the fields
 * the document states (a field the document leaves out keeps its value), and a record whose
 * required value is missing or malformed is skipped with the reason, as is anything referring
 * to it. Deterministic for the same inputs.
 */
export function planImport(
  draft: SpecDraft,
  existing: readonly ExistingRecord[],
  existingDecisions: readonly ExistingDecision[],
  options: PlanOptions,
): ImportPlan {
  const problems: ImportProblem[] = [...draft.problems];
  const offered = draft.offered.map((r) => ({
    title: String(r.data.name),
    pattern: String(r.data.pattern),
    included: options.includeOffered,
  }));
  const drafts: (DraftRecord & { offered: boolean })[] = [
    ...draft.records.map((r) => ({ ...r, offered: false })),
    ...(options.includeOffered ? draft.offered.map((r) => ({ ...r, offered: true })) : []),
  ];

  // Names of every record by kind, the workspace's first: references resolve against both.
  const byId = new Map(existing.map((r) => [r.id, r]));
  const names = new Map<SpecKind, Map<string, Entry>>(specKindIds.map((k) => [k, new Map()]));
  for (const record of existing) {
    const key = recordKey(record.kind, record.data);
    if (key)
      names.get(record.kind)!.set(key.toLowerCase(), { id: record.id, kind: record.kind, name: key, existing: record });
  }
  const titleOf = (id: string) => byId.get(id)?.title ?? entriesById.get(id)?.name ?? id;
  const nameOfExisting = (kind: SpecKind, value: unknown) =>
    typeof value === "string" && byId.has(value) ? lower(byId.get(value)!.title) : lower(value);
  const existingByIdentity = new Map<string, ExistingRecord>();
  for (const record of existing) {
    const id = identity(record.kind, record.data, nameOfExisting);
    if (id) existingByIdentity.set(id, record);
  }

  // Each draft record's id: the workspace record it matches, or a new one.
  const entriesById = new Map<string, Entry>();
  const assigned: ({ id: string; existing?: ExistingRecord } | null)[] = [];
  const seen = new Set<string>();
  drafts.forEach((record, index) => {
    const ident = identity(record.kind, record.data, (_k, v) => lower(v));
    if (ident && seen.has(ident)) {
      problems.push({
        place: record.place,
        message: `${specKinds[record.kind].label} "${recordTitle(record.kind, record.data)}" appears twice; the second was not imported`,
      });
      assigned.push(null);
      return;
    }
    if (ident) seen.add(ident);
    const match = ident ? existingByIdentity.get(ident) : undefined;
    const id = match?.id ?? options.newId();
    assigned.push({ id, existing: match });
    const key = recordKey(record.kind, record.data);
    if (key && !match) {
      const entry: Entry = { id, kind: record.kind, name: key, draft: index };
      names.get(record.kind)!.set(key.toLowerCase(), entry);
      entriesById.set(id, entry);
    }
  });

  // What a name was said to mean, in the preview or by resolving a record's reference: by record id,
  // or by the name of a record of this document.
  const aliasOf = (kind: SpecKind, wanted: string): Entry | undefined => {
    const alias = options.aliases?.find((a) => a.kind === kind && a.alias.trim().toLowerCase() === wanted);
    if (!alias) return undefined;
    const map = names.get(kind)!;
    return [...map.values()].find((e) => e.id === alias.target) ?? map.get(alias.target.trim().toLowerCase());
  };
  const resolve = (kind: SpecKind, name: string, skipped: Set<string>): Entry | "skipped" | null => {
    const map = names.get(kind)!;
    const wanted = name.trim().toLowerCase();
    const exact = map.get(wanted) ?? aliasOf(kind, wanted);
    if (exact) return skipped.has(exact.id) ? "skipped" : exact;
    // "Tier 1" for "Tier 1 Mission-Critical", "PROD" for "PROD (Production)": a unique prefix.
    const prefixed = [...map.values()].filter((e) => e.name.toLowerCase().startsWith(wanted));
    if (prefixed.length !== 1) return null;
    return skipped.has(prefixed[0]!.id) ? "skipped" : prefixed[0]!;
  };

  const candidatesOf = (kind: SpecKind) => [...names.get(kind)!.values()].map((e) => e.name);
  // Resolve and validate until no more records drop out (a skipped VPC takes its DLBs with it).
  const skipped = new Set<string>();
  const refGaps: ImportGap[] = [];
  const skipReasons: ImportProblem[] = [];
  let results: (PlannedRecord | null)[] = [];
  let messages: ImportProblem[] = [];
  for (let round = 0; round < 20; round += 1) {
    messages = [];
    refGaps.length = 0;
    const before = skipped.size;
    results = drafts.map((record, index) => {
      const target = assigned[index];
      if (!target || skipped.has(target.id)) return null;
      const label = specKinds[record.kind].label;
      const title = recordTitle(record.kind, record.data);
      const said: ImportProblem[] = [];
      const say = (message: string) => said.push({ place: record.place, message: `${label} "${title}": ${message}` });
      const skip = () => {
        skipped.add(target.id);
        skipReasons.push(...said);
        return null;
      };
      const data: Record<string, unknown> = { ...(target.existing?.data ?? {}), ...record.data };
      // What this document names and nothing matches, kept as written (decision 0019).
      const unresolved: Record<string, string[]> = {};
      for (const field of refFields(record.kind)) {
        const value = record.data[field.name];
        if (value === undefined) continue;
        const wanted = Array.isArray(value) ? (value as string[]) : [String(value)];
        const ids: string[] = [];
        for (const name of wanted) {
          // "All" in the document: every record of the kind the document and the workspace hold.
          if (name === "*" && Array.isArray(value)) {
            for (const entry of names.get(field.ref)!.values())
              if (!skipped.has(entry.id) && entry.id !== target.id && !ids.includes(entry.id)) ids.push(entry.id);
            continue;
          }
          const found = resolve(field.ref, name, skipped);
          const what = labelInSentence(specKinds[field.ref].label);
          if (found === "skipped" && field.required) {
            say(`not imported, because the ${what} "${name}" it belongs to was not imported`);
            return skip();
          }
          if (found === "skipped") say(`${field.label}: the ${what} "${name}" was not imported`);
          else if (!found && isPlaceholder(name))
            refGaps.push({
              place: record.place,
              kind: record.kind,
              record: title,
              field: field.name,
              value: name,
              reason: "placeholder",
              kept: false,
            });
          else if (!found) {
            (unresolved[field.name] ??= []).push(name.trim());
            const suggestion = closestName(name, candidatesOf(field.ref));
            refGaps.push({
              place: record.place,
              kind: record.kind,
              record: title,
              field: field.name,
              value: name.trim(),
              reason: "unresolved reference",
              kept: true,
              refKind: field.ref,
              ...(suggestion ? { suggestion } : {}),
              draft: index,
            });
          } else if (found.id === target.id) say(`${field.label}: a record cannot refer to itself`);
          else if (!ids.includes(found.id)) ids.push(found.id);
        }
        // A reference the document names but nothing matches leaves the workspace's value as it was.
        const kept = target.existing?.data[field.name];
        if (unresolved[field.name] && kept !== undefined && kept !== null && !Array.isArray(kept))
          delete unresolved[field.name];
        if (ids.length) data[field.name] = Array.isArray(value) ? ids : ids[0];
        else if (kept !== undefined && (wanted.length > 0 || !Array.isArray(value))) data[field.name] = kept;
        else if (Array.isArray(value)) data[field.name] = [];
        else delete data[field.name];
      }
      // Where each field came from: the document where it has a place for it; otherwise what the
      // workspace knew, or the kind's default for a new record.
      const before = (target.existing?.data.sources ?? {}) as Record<string, FieldSource>;
      const stated = new Set(record.stated ?? Object.keys(record.data));
      const declared = (record.data.sources ?? {}) as Record<string, FieldSource>;
      const sources: Record<string, FieldSource> = {};
      for (const field of kindFields(record.kind)) {
        if (declared[field.name] === "none") {
          sources[field.name] = "none";
          continue;
        }
        const source = stated.has(field.name)
          ? "document"
          : (before[field.name] ?? (target.existing ? undefined : "default"));
        if (source) sources[field.name] = source;
      }
      if (Object.keys(sources).length) data.sources = sources;
      const previously = (target.existing?.data.unresolved ?? {}) as Record<string, string[]>;
      const stillOpen = Object.fromEntries(Object.entries(previously).filter(([f]) => !(f in record.data)));
      if (Object.keys(unresolved).length || Object.keys(stillOpen).length)
        data.unresolved = { ...stillOpen, ...unresolved };
      else delete data.unresolved;
      // Optional fields that do not validate are dropped with the reason; a required one skips the record.
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const parsed = specSchema(record.kind).safeParse(data);
        if (parsed.success) {
          messages.push(...said);
          const output = parsed.data as Record<string, unknown>;
          if (!target.existing) {
            return {
              action: "create",
              kind: record.kind,
              id: target.id,
              title: recordTitle(record.kind, output),
              data: output,
              changes: [],
              offered: record.offered,
              place: record.place,
            };
          }
          // Text that differs only in how its Markdown tables are padded says the same thing (a
          // Word or Confluence copy comes back re-laid): the stored text stays as it is.
          for (const f of kindFields(record.kind))
            if (
              f.type === "longtext" &&
              typeof output[f.name] === "string" &&
              typeof target.existing.data[f.name] === "string" &&
              canonicalText(output[f.name] as string) === canonicalText(target.existing.data[f.name] as string)
            )
              output[f.name] = target.existing.data[f.name];
          const changes = kindFields(record.kind)
            .filter((f) => !same(target.existing!.data[f.name], output[f.name]))
            .map((f) => ({
              field: f.name,
              label: f.label,
              from: display(f, target.existing!.data[f.name], titleOf),
              to: display(f, output[f.name], titleOf),
            }));
          // Values per environment (a system's test host) are part of what the document says.
          const varies = (data: Record<string, unknown>) => (data.perEnvironment ?? {}) as PerEnvironment;
          if (!same(varies(target.existing.data), varies(output)))
            changes.push({
              field: "perEnvironment",
              label: "Per environment",
              from: describePerEnvironment(record.kind, varies(target.existing.data)),
              to: describePerEnvironment(record.kind, varies(output)),
            });
          return {
            action: changes.length ? "update" : "unchanged",
            kind: record.kind,
            id: target.id,
            title: recordTitle(record.kind, output),
            data: output,
            version: target.existing.version,
            before: target.existing.data,
            changes,
            offered: record.offered,
            place: record.place,
          };
        }
        const issue = parsed.error.issues[0]!;
        const fieldName = String(issue.path[0] ?? "");
        const field = kindFields(record.kind).find((f) => f.name === fieldName);
        const shown = field ? display(field, data[fieldName], titleOf) : "";
        const placeholder = draft.gaps.find((g) => g.draft === index && g.field === fieldName && g.reason !== "empty");
        if (field?.required && placeholder) {
          say(
            `${field.label}: "${placeholder.value}" is a placeholder, and the ${labelInSentence(label)} needs a real one; not imported`,
          );
          return skip();
        }
        if (field?.required && data[fieldName] === undefined) {
          say(`${field.label} is empty, and the ${labelInSentence(label)} needs one; not imported`);
          return skip();
        }
        if (!field || field.required) {
          say(
            `${field?.label ?? fieldName}${shown && !isPlaceholder(shown) ? ` "${shown}"` : ""}: ${issue.message}; not imported`,
          );
          return skip();
        }
        say(`${field.label} "${shown}": ${issue.message}; left empty`);
        if (target.existing && fieldName in target.existing.data) data[fieldName] = target.existing.data[fieldName];
        else delete data[fieldName];
      }
      return skip();
    });
    if (skipped.size === before) break;
  }
  problems.push(...skipReasons, ...messages);
  problems.sort((a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line);

  const records = results.filter((r): r is PlannedRecord => r !== null);
  const skippedList = drafts
    .map((record, index) => ({ record, target: assigned[index] }))
    .filter(({ target }) => target && skipped.has(target.id))
    .map(({ record }) => ({ kind: record.kind, title: recordTitle(record.kind, record.data), place: record.place }));
  const skippedDrafts = new Set(drafts.map((_, i) => i).filter((i) => assigned[i] && skipped.has(assigned[i]!.id)));
  const decisions = planDecisions(draft.decisions, existingDecisions, problems);
  // A settled decision's text is not changed by an import: its gaps are of nothing stored.
  const refused = new Set(decisions.filter((d) => d.action === "refused").map((d) => d.sequence));
  const numberOf = (record: string) => Number(/(\d+)\s*$/.exec(record)?.[1] ?? NaN);
  const gaps = [...draft.gaps, ...refGaps]
    .map((gap) =>
      (gap.draft !== undefined && skippedDrafts.has(gap.draft)) ||
      (gap.kind === "decision" && refused.has(numberOf(gap.record)))
        ? { ...gap, kept: false }
        : gap,
    )
    .sort((a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line);

  return {
    records,
    decisions,
    skipped: skippedList,
    gaps,
    problems,
    offered,
    keptAsText: draft.keptAsText ?? [],
  };
}

/** Counts per kind of what a plan creates and updates ("decision" included). */
export function countPlan(plan: ImportPlan): {
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: number;
} {
  const created: Record<string, number> = {};
  const updated: Record<string, number> = {};
  let unchanged = 0;
  const add = (into: Record<string, number>, kind: string) => (into[kind] = (into[kind] ?? 0) + 1);
  for (const r of plan.records) {
    if (r.action === "create") add(created, r.kind);
    else if (r.action === "update") add(updated, r.kind);
    else unchanged += 1;
  }
  for (const d of plan.decisions) {
    if (d.action === "create") add(created, "decision");
    else if (d.action === "update") add(updated, "decision");
    else if (d.action === "unchanged") unchanged += 1;
  }
  return { created, updated, unchanged };
}
