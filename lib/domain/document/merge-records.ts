// One thing, one record (decision 0021). The template names a system in its Key Systems table and
// again in the appendix's Backend Systems Catalog, there often with its environment in the name
// ("Epic EHR - production") or recognisable only by its host. Read row by row that is two
// half-empty records, each reported for the fields the other holds. This step runs once every
// table is read and makes such rows one record under the plain name, saying so in `merged`.

import {
  describeRow,
  type DraftRecord,
  type ImportGap,
  type ImportProblem,
  type SpecDraft,
} from "@/lib/domain/document/draft";
import {
  kindFields,
  perEnvironmentFields,
  specKinds,
  type PerEnvironment,
  type SpecKind,
} from "@/lib/domain/spec/kinds";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";

/** The kinds two tables of the template hold under names that may differ. */
export const mergedKinds: readonly SpecKind[] = ["system"];

/** Two names a person said are one thing (in the import preview), whatever rule would say. */
export type SameThing = { kind: SpecKind; names: readonly [string, string] };

/**
 * Environments as people write them after a name, by their canonical word: the workspace-independent
 * list, the template's own (PREPROD, NONPROD, Sandbox), and the long spellings of each.
 */
const environmentWords: Readonly<Record<string, string>> = {
  DEV: "DEV",
  DEVELOPMENT: "DEV",
  TEST: "TEST",
  SIT: "SIT",
  UAT: "UAT",
  QA: "QA",
  STAGE: "STAGE",
  STAGING: "STAGE",
  PREPROD: "PREPROD",
  PREPRODUCTION: "PREPROD",
  PROD: "PROD",
  PRODUCTION: "PROD",
  PRD: "PROD",
  NONPROD: "NONPROD",
  NONPRODUCTION: "NONPROD",
  DR: "DR",
  SANDBOX: "SANDBOX",
};

type Environments = { words: Map<string, string>; production: Set<string> };

/** A row of a merged kind, with what matching it needs. */
type Row = {
  index: number;
  record: DraftRecord;
  name: string;
  /** The name without its environment suffix, as written. */
  plain: string;
  /** The name compared: lower case, single spaces. */
  same: string;
  /** The name without its environment suffix, compared the same way (the name itself when it has none). */
  base: string;
  /** The environments the name carries, canonical and joined ("DEV/TEST"), or null for none. */
  env: string | null;
  /** No environment in the name, or a production one: its values are the record's. */
  primary: boolean;
  hosts: Set<string>;
  /** Names a person said are one thing (in the preview) share this token; null when none was said. */
  confirmed: string | null;
  /** The table the row is in, as far as a draft tells: file, section, and which of the kind's tables. */
  table: string;
};

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
const word = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The fixed words, and the document's own environments ("PERF", a production "LIVE"). */
function environmentsOf(draft: SpecDraft): Environments {
  const words = new Map(Object.entries(environmentWords));
  const production = new Set(["PROD"]);
  for (const record of draft.records) {
    if (record.kind !== "environment") continue;
    const name = String(record.data.name ?? "");
    const key = word(name);
    if (name.length > 30 || key.length < 2 || !/[A-Z]/.test(key) || isPlaceholder(name)) continue;
    const canonical = words.get(key) ?? key;
    words.set(key, canonical);
    if (record.data.classification === "production") production.add(canonical);
  }
  return { words, production };
}

/** The environments a name's tail lists ("production", "DEV/TEST", "non-prod environment"), or null. */
function environmentsIn(tail: string, words: Map<string, string>): string[] | null {
  const text = tail.replace(/\s+(environments?|envs?|instances?)$/i, "").trim();
  if (!text) return null;
  const found: string[] = [];
  for (const item of text.split(/\s*(?:[,/&+]|\band\b)\s*/i)) {
    if (!item) return null;
    const whole = words.get(word(item));
    const parts = whole ? [whole] : item.split(/[\s_-]+/).map((w) => words.get(word(w)));
    if (parts.some((p) => !p)) return null;
    found.push(...(parts as string[]));
  }
  return [...new Set(found)].sort();
}

/**
 * A name split into the system and its environment suffix or qualifier: "Epic EHR - production",
 * "Epic EHR (PROD)", "Epic EHR prod", "Epic EHR-dev", "Epic EHR – UAT". Null when it has none.
 */
export function splitEnvironment(
  name: string,
  words: Map<string, string> = new Map(Object.entries(environmentWords)),
): { base: string; environments: string[] } | null {
  const text = name.trim().replace(/\s+/g, " ");
  const bracket = /^(.*?[^\s([])\s*[([]([^()[\]]+)[)\]]$/.exec(text);
  const inBrackets = bracket ? environmentsIn(bracket[2]!, words) : null;
  if (bracket && inBrackets) return { base: bracket[1]!.trim(), environments: inBrackets };
  // The longest tail that is only environments: "Acme Portal - DEV/TEST" is Acme Portal in two.
  for (const separator of text.matchAll(/\s*[-–—_:|/]\s*|\s+/g)) {
    const base = text.slice(0, separator.index).replace(/[\s\-–—_:|/]+$/, "");
    if (!/[\p{L}\p{N}]/u.test(base)) continue;
    const environments = environmentsIn(text.slice(separator.index + separator[0].length), words);
    if (environments) return { base, environments };
  }
  return null;
}

/** The host names and addresses a Host cell holds ("https://epic.example:443/api" is epic.example). */
function hostsOf(value: unknown): string[] {
  if (typeof value !== "string" || isPlaceholder(value)) return [];
  return value.split(/[\s,;]+/).flatMap((token) => {
    let host = token.toLowerCase();
    const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/.exec(host);
    if (url) host = url[1]!.replace(/^[^@]*@/, "");
    host = host.replace(/:\d+$/, "").replace(/\.$/, "");
    // Only a dotted name or an address: a word ("VPN"), a region ("eu-central-1") or a port range
    // is no evidence that two rows are one machine; loopback and 0.0.0.0 are nobody's.
    const labels = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host);
    const address = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
    const name = labels && /[a-z]/.test(host.split(".").at(-1)!);
    return (name || address) && !/^(0\.0\.0\.0|127\.)/.test(host) ? [host] : [];
  });
}

function rowOf(record: DraftRecord, index: number, environments: Environments, same: Map<string, string>): Row {
  const name = String(record.data.name ?? "").trim();
  const split = splitEnvironment(name, environments.words);
  const env = split ? split.environments.join("/") : null;
  return {
    index,
    record,
    name,
    plain: split?.base ?? name,
    same: fold(name),
    base: fold(split?.base ?? name),
    env,
    primary: !split || split.environments.some((e) => environments.production.has(e)),
    hosts: new Set(hostsOf(record.data.host)),
    confirmed: same.get(fold(split?.base ?? name)) ?? same.get(fold(name)) ?? null,
    table: `${record.place.file}\u0000${record.place.section}\u0000${record.data.keySystem === true}`,
  };
}

/** Why two rows name the same thing, or null. Rows of one table match only as one system's environments. */
function matchRule(a: Row, b: Row): string | null {
  const sameTable = a.table === b.table;
  if (a.same === b.same) return sameTable ? null : "same name";
  if (a.base === b.base && (!sameTable || a.env !== b.env)) return "name with an environment suffix";
  if (!sameTable && [...a.hosts].some((h) => b.hosts.has(h))) return "same host";
  if (!sameTable && a.confirmed !== null && a.confirmed === b.confirmed) return "said to be the same in the preview";
  return null;
}

/** Two rows of one table that may be one record: the same system's rows for different environments. */
const compatible = (a: Row, b: Row) => a.table !== b.table || (a.base === b.base && a.env !== b.env);
/** A second row of one table for the same system and environment: "appears twice", not merged. */
const duplicate = (a: Row, b: Row) => a.table === b.table && a.base === b.base && a.env === b.env;

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";
const sameValue = (key: string, a: unknown, b: unknown) => {
  if (typeof a !== "string" || typeof b !== "string") return JSON.stringify(a) === JSON.stringify(b);
  if (fold(a) === fold(b)) return true;
  // "https://EPIC.example:443/" and "epic.example" name one host: no conflict to report.
  const [x, y] = key === "host" ? [hostsOf(a), hostsOf(b)] : [[], []];
  return x.length > 0 && x.length === y.length && x.every((h) => y.includes(h));
};
const shown = (value: unknown) => {
  const text = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  return `"${text.length > 120 ? `${text.slice(0, 117)}…` : text}"`;
};

/** Rows found to be one thing so far, in the order their first row was read. */
type Group = { order: number; rows: Row[]; rules: string[] };

type Merge = {
  rows: Row[];
  name: string;
  rules: string[];
  record: DraftRecord;
  /** Which row each field's value came from. */
  sources: Map<string, Row>;
  problems: ImportProblem[];
};

/** The rows of one thing made one record: the first filled value of each field, conflicts reported. */
function mergeGroup(kind: SpecKind, rows: Row[], rules: string[]): Merge {
  const first = rows[0]!;
  const name = rows.find((r) => r.env === null)?.name ?? first.plain;
  // Production (or unqualified) rows first, then the other environments, each in document order.
  const ordered = [...rows.filter((r) => r.primary), ...rows.filter((r) => !r.primary)];
  const withFile = new Set(rows.map((r) => r.record.place.file)).size > 1;
  const where = (row: Row) => describeRow(row.record.place, withFile);
  const label = (field: string) => kindFields(kind).find((f) => f.name === field)?.label ?? field;
  const title = `${specKinds[kind].label} "${name}"`;
  const data: Record<string, unknown> = { name };
  const sources = new Map<string, Row>([["name", rows.find((r) => r.name === name) ?? first]]);
  const problems: ImportProblem[] = [];
  const byEnvironment = new Map<Row, string[]>();
  const varying = new Set(perEnvironmentFields(kind).map((f) => f.name));
  const perEnvironment: PerEnvironment = {};
  const keys = [...new Set(ordered.flatMap((r) => Object.keys(r.record.data)))].filter((k) => k !== "name");
  for (const key of keys) {
    const filled = ordered.filter((r) => !isEmpty(r.record.data[key]));
    // A real value is worth more than a placeholder for it, wherever it stands.
    const real = filled.filter((r) => !isPlaceholder(r.record.data[key]));
    const source = real[0] ?? filled[0];
    if (!source) continue;
    const kept = source.record.data[key];
    data[key] = kept;
    sources.set(key, source);
    for (const other of real.filter((r) => r !== source && !sameValue(key, r.record.data[key], kept))) {
      const value = other.record.data[key];
      // Another environment's host is not a conflict: it is that environment's value.
      if (!other.primary && other.env !== source.env && varying.has(key) && typeof value === "string") {
        const values = (perEnvironment[other.env!] ??= {});
        if (values[key] === undefined) values[key] = value;
        else if (values[key] !== value)
          problems.push({
            place: other.record.place,
            message: `${title}: ${label(key)} for ${other.env} is ${shown(values[key])} and ${shown(value)} in ${where(other)}; the first is kept`,
          });
      } else if (!other.primary && other.env !== source.env)
        byEnvironment.set(other, [
          ...(byEnvironment.get(other) ?? []),
          `${label(key)} ${shown(kept)} in ${where(source)}, ${shown(value)} for ${other.env} in ${where(other)}`,
        ]);
      else
        problems.push({
          place: other.record.place,
          message: `${title}: ${label(key)} is ${shown(kept)} in ${where(source)} and ${shown(value)} in ${where(other)}; the first is kept`,
        });
    }
  }
  for (const [row, fields] of byEnvironment)
    problems.push({
      place: row.record.place,
      message: `${title} keeps one value per field, not one per environment; the first of each is kept: ${fields.join("; ")}`,
    });
  if (Object.keys(perEnvironment).length) data.perEnvironment = perEnvironment;
  // The document has a place for what any of the rows has a column for.
  const stated = [...new Set(rows.flatMap((r) => r.record.stated ?? Object.keys(r.record.data)))];
  return {
    rows,
    name,
    rules,
    record: { kind, data, place: first.record.place, stated },
    sources,
    problems,
  };
}

/**
 * Makes the rows of different tables that name one thing one draft record (the same name, the
 * name with an environment suffix, or the same host): fields filled from each row, the first of
 * two different values kept and the other reported, references to any of the names rewritten to
 * the merged one. Pure: the draft given is not changed.
 */
export function mergeRecords(draft: SpecDraft, options: { same?: readonly SameThing[] } = {}): SpecDraft {
  const environments = environmentsOf(draft);
  // Pairs of names a person said are one thing: each name, folded, to the token of its pair.
  const saidSame = new Map<SpecKind, Map<string, string>>();
  for (const pair of options.same ?? []) {
    const byName = saidSame.get(pair.kind) ?? new Map<string, string>();
    saidSame.set(pair.kind, byName);
    const [a, b] = pair.names.map(fold) as [string, string];
    const token = byName.get(a) ?? byName.get(b) ?? a;
    byName.set(a, token);
    byName.set(b, token);
  }
  const merges: Merge[] = [];
  const renamed = new Map<string, Map<string, string>>(); // kind -> folded name as written -> name
  const mergedInto = new Map<number, Merge>(); // record index -> its merge
  const recordsOut = new Map<number, DraftRecord>(); // record index -> the record to put in its place
  const renamedProblems: ImportProblem[] = [];
  for (const kind of mergedKinds) {
    const groups: Group[] = [];
    const renames = new Map<string, string>();
    renamed.set(kind, renames);
    const duplicates: { row: Row; group: Group; of: Row }[] = [];
    // Every rule needs the same base name or a shared host: only those groups are candidates.
    const byKey = new Map<string, Group[]>();
    const keysOf = (row: Row) => [
      `base:${row.base}`,
      ...[...row.hosts].map((h) => `host:${h}`),
      ...(row.confirmed ? [`said:${row.confirmed}`] : []),
    ];
    const register = (group: Group, row: Row) => {
      for (const key of keysOf(row)) {
        const list = byKey.get(key) ?? [];
        if (!list.includes(group)) byKey.set(key, [...list, group]);
      }
    };
    draft.records.forEach((record, index) => {
      if (record.kind !== kind) return;
      const row = rowOf(record, index, environments, saidSame.get(kind) ?? new Map());
      const candidates = [...new Set(keysOf(row).flatMap((key) => byKey.get(key) ?? []))].sort(
        (a, b) => a.order - b.order,
      );
      let twice: { group: Group; of: Row } | undefined;
      for (const group of candidates) {
        const of = group.rows.find((m) => duplicate(m, row));
        if (of) {
          twice ??= { group, of };
          continue;
        }
        if (!group.rows.every((m) => compatible(m, row))) continue;
        const rule = group.rows.map((m) => matchRule(m, row)).find((r) => r !== null);
        if (!rule) continue;
        group.rows.push(row);
        if (!group.rules.includes(rule)) group.rules.push(rule);
        register(group, row);
        return;
      }
      if (twice) {
        duplicates.push({ row, ...twice });
        return;
      }
      const group: Group = { order: groups.length, rows: [row], rules: [] };
      groups.push(group);
      register(group, row);
    });
    for (const group of groups.filter((g) => g.rows.length > 1)) {
      const merge = mergeGroup(kind, group.rows, group.rules);
      merges.push(merge);
      for (const row of group.rows) {
        mergedInto.set(row.index, merge);
        renames.set(row.same, merge.name);
      }
      recordsOut.set(group.rows[0]!.index, merge.record);
    }
    // A second row of one table for the same system is named as the first: planImport reports it
    // as appearing twice, as it does for any repeated name, rather than importing a second system.
    for (const { row, group, of } of duplicates) {
      const name = mergedInto.get(group.rows[0]!.index)?.name ?? group.rows[0]!.name;
      if (row.name === name) continue;
      renames.set(row.same, name);
      recordsOut.set(row.index, { ...row.record, data: { ...row.record.data, name } });
      // Said as written: the plan's "appears twice" names the row by the name it now has.
      const withFile = row.record.place.file !== of.record.place.file;
      renamedProblems.push({
        place: row.record.place,
        message: `${specKinds[kind].label} "${row.name}" is read as "${name}": ${describeRow(of.record.place, withFile)} of the same table names it already, as "${of.name}"`,
      });
    }
  }
  // The records in document order, each merge where its first row was.
  const indexOf = new Map<number, number>();
  const records: DraftRecord[] = [];
  draft.records.forEach((record, index) => {
    const merge = mergedInto.get(index);
    if (merge && merge.rows[0]!.index !== index) {
      indexOf.set(index, indexOf.get(merge.rows[0]!.index)!);
      return;
    }
    indexOf.set(index, records.length);
    records.push(recordsOut.get(index) ?? record);
  });

  const names = new Map<SpecKind, Map<string, string>>(
    mergedKinds.map((kind) => [
      kind,
      new Map(
        records.filter((r) => r.kind === kind).map((r) => [fold(String(r.data.name ?? "")), String(r.data.name)]),
      ),
    ]),
  );
  const rewrite = (record: DraftRecord): DraftRecord => rewriteReferences(record, renamed, names, environments);
  return {
    ...draft,
    records: records.map(rewrite),
    offered: draft.offered.map(rewrite),
    gaps: remapGaps(draft.gaps, mergedInto, indexOf, recordsOut),
    problems: [...draft.problems, ...merges.flatMap((m) => m.problems), ...renamedProblems],
    merged: [
      ...(draft.merged ?? []),
      ...merges.map((m) => ({
        kind: m.record.kind,
        title: m.name,
        from: m.rows.map((r) => ({ name: r.name, place: r.record.place })),
        rule: m.rules.join(" and "),
      })),
    ],
  };
}

/**
 * The gaps with their records' new indices. A merged record keeps a field's gap only from the row
 * its value came from (a placeholder in one row is no gap when the other row has the value), and
 * one gap per field left empty in every row.
 */
function remapGaps(
  gaps: readonly ImportGap[],
  mergedInto: Map<number, Merge>,
  indexOf: Map<number, number>,
  recordsOut: Map<number, DraftRecord>,
): ImportGap[] {
  const emptyKept = new Set<string>();
  return gaps.flatMap((gap) => {
    if (gap.draft === undefined) return [gap];
    const draft = indexOf.get(gap.draft) ?? gap.draft;
    const merge = mergedInto.get(gap.draft);
    const renamed = recordsOut.get(gap.draft);
    if (!merge) return [{ ...gap, draft, ...(renamed ? { record: String(renamed.data.name) } : {}) }];
    const moved = { ...gap, draft, record: merge.name };
    if (gap.field === null) return [moved];
    const source = merge.sources.get(gap.field);
    if (source) return source.index === gap.draft ? [moved] : [];
    const key = `${draft}\u0000${gap.field}`;
    if (emptyKept.has(key)) return [];
    emptyKept.add(key);
    return [moved];
  });
}

/** A record whose references name a merged record by any of its names, named by the merged name. */
function rewriteReferences(
  record: DraftRecord,
  renamed: Map<string, Map<string, string>>,
  names: Map<SpecKind, Map<string, string>>,
  environments: Environments,
): DraftRecord {
  let data: Record<string, unknown> | null = null;
  for (const field of kindFields(record.kind)) {
    const kind = field.ref as SpecKind | undefined;
    const value = record.data[field.name];
    if (!kind || !renamed.has(kind) || value === undefined) continue;
    const resolve = (written: unknown) => {
      if (typeof written !== "string") return written;
      const key = fold(written);
      const known = renamed.get(kind)!.get(key) ?? names.get(kind)!.get(key);
      // References resolve ignoring case: one spelt as the record is already is left as written.
      if (known) return fold(known) === key ? written : known;
      // "Epic EHR - production" where the document's system is "Epic EHR": the same rule as rows.
      const split = splitEnvironment(written, environments.words);
      const base = split && fold(split.base);
      return (base && (renamed.get(kind)!.get(base) ?? names.get(kind)!.get(base))) || written;
    };
    const next = Array.isArray(value) ? value.map(resolve) : resolve(value);
    if (JSON.stringify(next) === JSON.stringify(value)) continue;
    data ??= { ...record.data };
    data[field.name] = next;
  }
  return data ? { ...record, data } : record;
}
