// Reads a filled-in (or half-filled) architecture specification document into draft records:
// every table of the template to its kind, bullets to capabilities and principles, the rest to
// narrative sections; every placeholder and empty required cell becomes a gap with its place.

import {
  applicationFromDomain,
  matchOption,
  parseAsns,
  parseMinutes,
  parseNumber,
  parsePortRange,
  parseYesNo,
  splitList,
} from "@/lib/domain/document/cells";
import {
  normaliseHeader,
  parseDocument,
  type DocumentSection,
  type DocumentTable,
} from "@/lib/domain/document/markdown";
import { recogniseTable, type TableId, type TableMatch } from "@/lib/domain/document/tables";
import { generatedSectionNames } from "@/lib/domain/document/write-spec";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { findPlaceholders, isPlaceholder } from "@/lib/domain/spec/placeholders";

/** Where something was found: file, 1-based line, and the section's title. */
export type Place = { file: string; line: number; section: string };

/** A record as read: reference fields hold the names of the records they point at. */
export type DraftRecord = { kind: SpecKind; data: Record<string, unknown>; place: Place };

/** A decision row of the decisions table. */
export type DraftDecision = {
  sequence: number;
  title: string;
  decision: string;
  rationale: string;
  implications: string;
  place: Place;
};

/** An unfinished part: a placeholder or an empty value the template asks for. */
export type ImportGap = {
  place: Place;
  kind: SpecKind | "decision";
  /** The record's name as read ("" when the row has none). */
  record: string;
  /** The field's name, or null for a whole row or section. */
  field: string | null;
  value: string;
  reason: string;
  /** True when the value is stored in the record (the gap rules see it); false when it could not be. */
  kept: boolean;
  /** The index of the draft record it belongs to, when there is one. */
  draft?: number;
};

/** Something that could not be read, with its place. */
export type ImportProblem = { place: Place; message: string };

/** Everything a document says, before it is compared with a workspace. */
export type SpecDraft = {
  records: DraftRecord[];
  decisions: DraftDecision[];
  /** Records the document suggests without stating (naming conventions from mapping-rule targets). */
  offered: DraftRecord[];
  gaps: ImportGap[];
  problems: ImportProblem[];
};

/** One file of a document. */
export type DocumentFile = { name: string; text: string };

const enumSynonyms: Record<string, Record<string, string>> = {
  layer: {
    exp: "experience",
    xapi: "experience",
    prc: "process",
    pro: "process",
    papi: "process",
    sapi: "system",
    sys: "system",
  },
  classification: { prod: "production", non: "sandbox", nonprod: "sandbox", non_production: "sandbox", dev: "sandbox" },
  role: { external: "external", public: "external", internal: "internal", private: "internal" },
  securityCategory: { "level a": "level-a", a: "level-a", "level b": "level-b", b: "level-b" },
  severity: { high: "critical", crit: "critical", p1: "critical", medium: "warning", warn: "warning", low: "info" },
  protocol: { all: "any", "*": "any" },
  httpMode: { redirect: "redirect", https: "off", off: "off", on: "on" },
  workerSize: { "0 1": "0.1", "0 2": "0.2" },
};

const resourceKindSynonyms: Record<string, string> = {
  app: "application",
  apps: "application",
  "cloudhub application": "application",
  "cloudhub domain": "application",
  "mule application": "application",
  applications: "application",
  environments: "environment",
  "business groups": "business-group",
  bg: "business-group",
  "anypoint vpc": "vpc",
  vpcs: "vpc",
  dlb: "load-balancer",
  "dedicated load balancer": "load-balancer",
  "load balancers": "load-balancer",
  teams: "team",
  "api instance": "api-instance",
  "api instance label": "api-instance",
  "api label": "api-instance",
};

// The template's capability bullets and the names the capacity rules know them by.
const capabilityNames: [RegExp, string][] = [
  [/^subscription/i, "Subscription tier"],
  [/^production .*v?cores?/i, "Production vCores"],
  [/^sandbox .*v?cores?/i, "Sandbox vCores"],
  [/^design .*v?cores?/i, "Design vCores"],
  [/^(anypoint )?vpcs?$/i, "Anypoint VPCs"],
  [/^(anypoint )?vpns?$/i, "Anypoint VPNs"],
  [/^(dlbs?|dedicated load balancers?)$/i, "Dedicated Load Balancers"],
  [/^static ips?$/i, "Static IPs"],
];

const canonicalCapability = (label: string) =>
  capabilityNames.find(([test]) => test.test(label.trim()))?.[1] ?? label.trim();

const sectionIs = (section: DocumentSection, ...names: string[]) =>
  names.includes(normaliseHeader(section.name)) || section.path.some((p) => names.includes(normaliseHeader(p)));

/** Reads one or more files of a specification document (chapter files in the order given). */
export function readSpecDocument(files: readonly DocumentFile[]): SpecDraft {
  const draft: SpecDraft = { records: [], decisions: [], offered: [], gaps: [], problems: [] };
  const deferred: (() => void)[] = [];
  const narrativeNames = new Set<string>();
  const roles = { external: [] as string[], internal: [] as string[] };

  for (const file of files) {
    const sections = parseDocument(file.text);
    for (const section of sections) {
      const place = (line: number): Place => ({ file: file.name, line, section: section.title || "(start)" });
      const consumed = new Set<number>(); // indices into section.blocks
      section.tables.forEach((table, index) => {
        const blockIndex = section.blocks.findIndex((b) => b.type === "table" && b.table === index);
        const match = recogniseTable(table, section.name);
        if (!match) return;
        if (!("columns" in match)) {
          draft.problems.push({
            place: place(table.line),
            message: `the ${match.spec.label.toLowerCase()} table has no ${match.missing.map((m) => `"${m}"`).join(", ")} column (found: ${table.headers.join(", ")}); its rows were not imported`,
          });
          return;
        }
        consumed.add(blockIndex);
        // The short line right above a table names it ("External DLB Mapping Rules"): not narrative.
        const above = section.blocks[blockIndex - 1];
        if (above?.type === "other" && isCaption(above.markdown)) consumed.add(blockIndex - 1);
        const rows = readTable(draft, match, table, section, place, roles);
        if (match.spec.id === "mapping-rules" || match.spec.id === "tls-endpoints") deferred.push(rows);
        else rows();
      });

      if (sectionIs(section, "licensed capabilities", "anypoint platform licensed capabilities", "anypoint platform")) {
        if (readCapabilities(draft, section, place))
          section.blocks.forEach((b, i) => b.type === "list" && consumed.add(i));
      }
      if (sectionIs(section, "integration architecture principles", "principles") && section.tables.length === 0) {
        if (readPrinciples(draft, section, place))
          section.blocks.forEach((b, i) => b.type === "list" && consumed.add(i));
      }
      readNarrative(draft, section, consumed, narrativeNames, place);
    }
  }
  // Mapping rules and TLS endpoints name their load balancer by role: read them once all DLBs are known.
  for (const rows of deferred) rows();
  offerConventions(draft);
  for (const record of draft.records) delete record.data.__number;
  return draft;
}

type PlaceOf = (line: number) => Place;

/** Turns one cell into a field's value; records gaps for placeholders and empty required cells. */
function cellValue(
  draft: SpecDraft,
  kind: SpecKind,
  field: FieldDef,
  raw: string,
  at: { place: Place; record: string; draft: number },
): unknown {
  const text = raw.trim();
  const gap = (reason: string, kept: boolean) =>
    draft.gaps.push({
      place: at.place,
      kind,
      record: at.record,
      field: field.name,
      value: text,
      reason,
      kept,
      draft: at.draft,
    });
  const keepsText = ["text", "longtext", "cidr", "ipv4", "hostname", "cloudhub-app-name"].includes(field.type);
  if (text === "" || /^(n\/?a|-|–)$/i.test(text)) {
    if (field.required || field.tracked) gap("empty", field.type !== "boolean");
    return undefined;
  }
  const placeholders = findPlaceholders(text);
  // A reference may name a record whose own name is a placeholder ("[CUSTOMER]"): resolved later.
  if (placeholders.length && !["cidr-list", "ref-list", "ref"].includes(field.type)) {
    gap(placeholders.join(", "), keepsText);
    return keepsText ? oneLine(field, text) : undefined;
  }
  switch (field.type) {
    case "text":
    case "longtext":
    case "cidr":
    case "ipv4":
    case "hostname":
    case "cloudhub-app-name":
      return oneLine(field, text);
    case "enum":
      return matchOption(text, field.options ?? [], enumSynonyms[field.name]) ?? text;
    case "boolean":
      return parseYesNo(text) ?? text;
    case "integer":
    case "number":
      return parseNumber(text) ?? text;
    case "ref":
      return text;
    case "cidr-list":
    case "ref-list": {
      const entries = splitList(text);
      for (const entry of field.type === "cidr-list" ? entries.filter(isPlaceholder) : [])
        draft.gaps.push({
          place: at.place,
          kind,
          record: at.record,
          field: field.name,
          value: entry,
          reason: findPlaceholders(entry).join(", "),
          kept: field.type === "cidr-list",
          draft: at.draft,
        });
      return entries;
    }
  }
}

const oneLine = (field: FieldDef, text: string) =>
  field.type === "longtext"
    ? text
    : text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .join("; ");

/** Fills a record of `kind` from the matched columns of a row (fields of the kind only). */
function recordFromRow(
  draft: SpecDraft,
  kind: SpecKind,
  match: TableMatch,
  cells: string[],
  at: { place: Place; record: string; draft: number },
  skip: readonly string[] = [],
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of kindFields(kind)) {
    const index = match.columns[field.name];
    if (index === undefined || skip.includes(field.name)) continue;
    const value = cellValue(draft, kind, field, cells[index] ?? "", at);
    if (value !== undefined) data[field.name] = value;
  }
  return data;
}

function readTable(
  draft: SpecDraft,
  match: TableMatch,
  table: DocumentTable,
  section: DocumentSection,
  place: PlaceOf,
  roles: { external: string[]; internal: string[] },
): () => void {
  const id: TableId = match.spec.id;
  const cell = (row: string[], field: string) => {
    const index = match.columns[field];
    return index === undefined ? "" : (row[index] ?? "").trim();
  };
  const push = (kind: SpecKind, data: Record<string, unknown>, line: number) =>
    draft.records.push({ kind, data, place: place(line) });
  // GFM tables have no line per row in mdast: rows are on consecutive lines after the delimiter.
  const lineOf = (rowIndex: number) => table.line + 2 + rowIndex;

  if (id === "decisions") return () => readDecisions(draft, match, table, place, lineOf);

  const captionRole = /\bexternal|public|internet/i.test(table.caption)
    ? "external"
    : /\binternal|private/i.test(table.caption)
      ? "internal"
      : null;

  return () => {
    let order = 0;
    table.rows.forEach((row, rowIndex) => {
      if (row.every((c) => c.trim() === "")) return;
      const line = lineOf(rowIndex);
      const next = draft.records.length;
      const name = cell(row, "name");
      const at = { place: place(line), record: name, draft: next };
      const kind = match.spec.kind as SpecKind;
      switch (id) {
        case "key-systems":
          push(kind, { ...recordFromRow(draft, kind, match, row, at), keySystem: true }, line);
          return;
        case "business-groups": {
          const data = recordFromRow(draft, kind, match, row, at);
          // The master organisation comes first; the groups of a table without a Parent column sit under it.
          const master = draft.records.find((r) => r.kind === "business-group");
          if (match.columns.parent === undefined && master) data.parent = master.data.name;
          push(kind, data, line);
          return;
        }
        case "firewall-rules": {
          const ports = parsePortRange(cell(row, "ports"));
          if (!ports) {
            draft.problems.push({
              place: place(line),
              message: `Destination Port Range "${cell(row, "ports")}" is not a port or a range such as 8091-8092; the rule was not imported`,
            });
            if (isPlaceholder(cell(row, "ports")) || cell(row, "ports") === "")
              draft.gaps.push({
                ...at,
                kind,
                field: "fromPort",
                value: cell(row, "ports"),
                reason: "placeholder",
                kept: false,
              });
            return;
          }
          const base = recordFromRow(draft, kind, match, row, { ...at, record: cell(row, "source") });
          base.fromPort = ports.from;
          base.toPort = ports.to;
          base.protocol ??= "tcp";
          // The template's rules apply to every VPC unless the table names one.
          const vpcs = base.vpc
            ? [base.vpc]
            : draft.records.filter((r) => r.kind === "vpc").map((r) => r.data.name as string);
          if (vpcs.length === 0)
            draft.problems.push({
              place: place(line),
              message: "a firewall rule needs a VPC, and none was read before it",
            });
          for (const vpc of vpcs) push(kind, { ...base, vpc }, line);
          return;
        }
        case "vpns": {
          const data = recordFromRow(draft, kind, match, row, at);
          if (match.columns.asns !== undefined && !isPlaceholder(cell(row, "asns"))) {
            const asns = parseAsns(cell(row, "asns"));
            data.localAsn ??= asns.local ?? undefined;
            data.remoteAsn ??= asns.remote ?? undefined;
          } else if (isPlaceholder(cell(row, "asns"))) {
            draft.gaps.push({
              ...at,
              kind,
              field: "remoteAsn",
              value: cell(row, "asns"),
              reason: "placeholder",
              kept: false,
            });
          }
          data.routing ??= data.localAsn || data.remoteAsn ? "bgp" : "static";
          push(kind, data, line);
          return;
        }
        case "load-balancers": {
          const data = recordFromRow(draft, kind, match, row, at);
          if (data.role === "external" || data.role === "internal") roles[data.role].push(name);
          push(kind, data, line);
          return;
        }
        case "tls-endpoints":
        case "mapping-rules": {
          const data = recordFromRow(
            draft,
            kind,
            match,
            row,
            { ...at, record: cell(row, id === "tls-endpoints" ? "publicDns" : "inputPath") },
            ["order"],
          );
          if (!data.loadBalancer) {
            const role = captionRole ?? (roles.external.length && !roles.internal.length ? "external" : null);
            const candidates = role ? roles[role] : [...roles.external, ...roles.internal];
            const named = candidates.find((n) => table.caption.toLowerCase().includes(n.toLowerCase()));
            const lb = named ?? (candidates.length === 1 || role ? candidates[0] : undefined);
            if (lb) data.loadBalancer = lb;
            else
              draft.problems.push({
                place: place(line),
                message: `cannot tell which load balancer this ${id === "tls-endpoints" ? "endpoint" : "rule"} belongs to: name it in the line above the table ("External ..." / "Internal ...") or in a Load balancer column`,
              });
          }
          if (id === "mapping-rules") {
            order += 1;
            const written = parseNumber(cell(row, "order"));
            data.order = written !== null && Number.isInteger(written) && written > 0 ? written : order;
          }
          push(kind, data, line);
          return;
        }
        case "applications":
          push(kind, recordFromRow(draft, kind, match, row, at), line);
          return;
        case "sdlc-matching": {
          const domain = cell(row, "domain");
          const appName = applicationFromDomain(domain);
          const artifact = cell(row, "artifactId");
          const layer =
            /(experience|process|system)/i.exec(artifact)?.[1]?.toLowerCase() ??
            matchOption(
              /-(exp|prc|pro|sys)-/i.exec(`-${appName}-`)?.[1] ?? "",
              specKinds.application.fields[1].options,
              enumSynonyms.layer,
            );
          if (!appName || isPlaceholder(domain) || appName.includes("{")) {
            draft.gaps.push({
              ...at,
              kind,
              record: cell(row, "api"),
              field: "name",
              value: domain,
              reason: "no application name",
              kept: false,
            });
            return;
          }
          const existing = draft.records.find((r) => r.kind === "application" && r.data.name === appName);
          if (existing) return; // the inventory table says more
          push(kind, { name: appName, ...(layer ? { layer } : {}) }, line);
          return;
        }
        case "teams": {
          const data = recordFromRow(draft, kind, match, row, at);
          const number = cell(row, "number").replace(/\.$/, "");
          if (match.columns.parent === undefined && /^\d+(\.\d+)+$/.test(number)) {
            const parentNumber = number.split(".").slice(0, -1).join(".");
            const parent = draft.records.find((r) => r.kind === "team" && r.data.__number === parentNumber);
            if (parent) data.parent = parent.data.name;
          }
          if (/^\d+(\.\d+)*$/.test(number)) data.__number = number;
          push(kind, data, line);
          return;
        }
        case "backend-systems": {
          const data = recordFromRow(draft, kind, match, row, at);
          const same = draft.records.find(
            (r) => r.kind === "system" && String(r.data.name).toLowerCase() === name.toLowerCase(),
          );
          if (same)
            Object.assign(
              same.data,
              Object.fromEntries(Object.entries(data).filter(([k]) => same.data[k] === undefined)),
            );
          else push(kind, data, line);
          return;
        }
        case "recovery-tiers": {
          const data = recordFromRow(draft, kind, match, row, at, ["rtoMinutes", "rpoMinutes"]);
          for (const field of ["rtoMinutes", "rpoMinutes"] as const) {
            const text = cell(row, field);
            if (text === "") continue;
            if (isPlaceholder(text))
              draft.gaps.push({ ...at, kind, field, value: text, reason: "placeholder", kept: false });
            else data[field] = parseMinutes(text) ?? text;
          }
          push(kind, data, line);
          return;
        }
        case "alerts": {
          const data = recordFromRow(draft, kind, match, row, at);
          if (!data.name) data.name = alertName(String(data.source ?? ""), String(data.condition ?? ""));
          push(kind, data, line);
          return;
        }
        case "naming-conventions": {
          const data = recordFromRow(draft, kind, match, row, at, ["resourceKind"]);
          const resource = cell(row, "resourceKind");
          const resourceKind =
            matchOption(resource, specKinds["naming-convention"].fields[1].options, resourceKindSynonyms) ?? resource;
          data.resourceKind = resourceKind;
          if (!data.name) data.name = `${resource} names`;
          push(kind, data, line);
          return;
        }
        default:
          push(kind, recordFromRow(draft, kind, match, row, at), line);
      }
    });
  };
}

/** `<source-type>-<application type>-<condition>` as the template's alert naming convention writes it. */
function alertName(source: string, condition: string): string {
  const words = `${source} ${condition}`
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.join("-").slice(0, 120) || "Alert";
}

function readDecisions(
  draft: SpecDraft,
  match: TableMatch,
  table: DocumentTable,
  place: PlaceOf,
  lineOf: (row: number) => number,
): void {
  table.rows.forEach((row, rowIndex) => {
    const at = place(lineOf(rowIndex));
    const get = (field: string) => {
      const i = match.columns[field];
      return i === undefined ? "" : (row[i] ?? "").trim();
    };
    const markdown = (field: string) => {
      const i = match.columns[field];
      return i === undefined ? "" : unescapeCell(table.markdown[rowIndex]?.[i] ?? "");
    };
    const id = get("id");
    if (row.every((c) => c.trim() === "")) return;
    if (/^d\s*x+$/i.test(id) || /^x+$/i.test(id)) {
      draft.gaps.push({
        place: at,
        kind: "decision",
        record: id,
        field: null,
        value: get("decision"),
        reason: "the template's example row: no decisions written yet",
        kept: false,
      });
      return;
    }
    const sequence = Number(/(\d+)\s*$/.exec(id)?.[1]);
    if (!Number.isInteger(sequence) || sequence < 1) {
      draft.problems.push({
        place: at,
        message: `decision id "${id}" has no number (write D01, D02 ...); the row was not imported`,
      });
      return;
    }
    // "**Title** _(proposed)_ text" as the export writes it; otherwise the first sentence is the title.
    let body = markdown("decision");
    let title = "";
    const bold = /^\*\*(.+?)\*\*\s*/.exec(body);
    if (bold) {
      title = bold[1]!.trim();
      body = body.slice(bold[0].length);
    }
    body = body.replace(/^_\((?:draft|proposed|accepted|rejected|deprecated|superseded[^)]*)\)_\s*/i, "");
    body = fromPoints(body);
    if (!title) {
      const plain = get("decision").replace(/\s+/g, " ");
      title = (/^(.{1,160}?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain).replace(/[.]$/, "").slice(0, 200);
    }
    const decision: DraftDecision = {
      sequence,
      title: title || `Decision ${id}`,
      decision: body,
      rationale: fromPoints(markdown("rationale")),
      implications: fromPoints(markdown("implications")),
      place: at,
    };
    for (const [field, value] of Object.entries({
      title: decision.title,
      decision: body,
      rationale: decision.rationale,
      implications: decision.implications,
    })) {
      if (value.trim() === "" && field !== "title" && field !== "implications")
        draft.gaps.push({ place: at, kind: "decision", record: id, field, value, reason: "empty", kept: true });
      else if (isPlaceholder(value))
        draft.gaps.push({
          place: at,
          kind: "decision",
          record: id,
          field,
          value,
          reason: findPlaceholders(value).join(", "),
          kept: true,
        });
    }
    if (draft.decisions.some((d) => d.sequence === sequence))
      draft.problems.push({ place: at, message: `decision ${id} appears twice; the second row was not imported` });
    else draft.decisions.push(decision);
  });
}

/** A cell's Markdown without the table's escaping of pipes. */
const unescapeCell = (markdown: string) => markdown.replace(/\\\|/g, "|").replace(/\\\\/g, "\\").trim();

/** "● a ● b" and "a<br>b" as a Markdown list; a single point stays a paragraph. */
function fromPoints(markdown: string): string {
  const points = markdown
    .split(/\s*●\s*|<br\s*\/?>/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return points.length > 1 ? points.map((p) => `- ${p}`).join("\n") : (points[0] ?? "");
}

/** `- **Production vCores**: 4` bullets; true when at least one was read. */
function readCapabilities(draft: SpecDraft, section: DocumentSection, place: PlaceOf): boolean {
  let read = 0;
  for (const item of section.items) {
    const match = /^([^:]{2,80}):\s*(.*)$/s.exec(item);
    if (!match) continue;
    const name = canonicalCapability(match[1]!);
    const value = match[2]!.trim();
    const at = place(section.line);
    const index = draft.records.length;
    if (draft.records.some((r) => r.kind === "entitlement" && r.data.name === name)) continue;
    const data: Record<string, unknown> = { name };
    const placeholders = findPlaceholders(value);
    const quantity = placeholders.length ? null : parseNumber(value);
    const numeric = quantity !== null && /^\s*[\d.,]+\s*(v?cores?|x)?\s*$/i.test(value);
    if (numeric) data.quantity = quantity;
    else data.value = value.split("\n")[0]!.trim();
    if (placeholders.length)
      draft.gaps.push({
        place: at,
        kind: "entitlement",
        record: name,
        field: "value",
        value,
        reason: placeholders.join(", "),
        kept: true,
        draft: index,
      });
    draft.records.push({ kind: "entitlement", data, place: at });
    read += 1;
  }
  return read > 0;
}

/** `- **Name**: statement` bullets of the principles section. */
function readPrinciples(draft: SpecDraft, section: DocumentSection, place: PlaceOf): boolean {
  let read = 0;
  for (const item of section.items) {
    const match = /^([^:]{2,120}):\s*(.+)$/s.exec(item);
    if (!match) continue;
    draft.records.push({
      kind: "principle",
      data: { name: match[1]!.trim(), statement: match[2]!.trim() },
      place: place(section.line),
    });
    read += 1;
  }
  return read > 0;
}

/** A line naming the table below it: short, one line, not a sentence. */
const isCaption = (markdown: string) => {
  const text = markdown.trim();
  return text.length > 0 && text.length <= 100 && !text.includes("\n") && !/[.!?:]$/.test(text);
};

const notApplicable = /^\s*_?not applicable( at this stage)?\.?_?\s*$/i;
const skippedSections = new Set([
  "table of contents",
  "contents",
  "document history",
  "revision history",
  ...generatedSectionNames,
]);

/** What no table or list took stays a narrative section, its Markdown kept as written. */
function readNarrative(
  draft: SpecDraft,
  section: DocumentSection,
  consumed: Set<number>,
  names: Set<string>,
  place: PlaceOf,
): void {
  if (skippedSections.has(normaliseHeader(section.name))) return;
  const body = section.blocks
    .filter((b, i) => !consumed.has(i) && !/^<!--[\s\S]*-->$/.test(b.markdown.trim()))
    .map((b) => b.markdown.trim())
    .filter(Boolean)
    .join("\n\n");
  if (!body) return;
  let name = section.name || "Introduction";
  if (names.has(name.toLowerCase())) {
    const parent = section.path.at(-1);
    name = parent ? `${name} (${parent.replace(/^\s*[\d.]+\s*/, "")})` : name;
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${section.name} ${n}`;
  }
  names.add(name.toLowerCase());
  const index = draft.records.length;
  const decided = notApplicable.test(body);
  draft.records.push({
    kind: "narrative-section",
    data: { name: name.slice(0, 500), body, notApplicable: decided },
    place: place(section.line),
  });
  if (decided) return;
  const lines = body.split("\n");
  lines.forEach((line, i) => {
    const found = findPlaceholders(line.replace(/`[^`\n]*`/g, ""));
    if (found.length)
      draft.gaps.push({
        place: place(section.line + 1 + i),
        kind: "narrative-section",
        record: name,
        field: "body",
        value: line.trim().slice(0, 200),
        reason: found.join(", "),
        kept: true,
        draft: index,
      });
  });
}

/**
 * The target-app patterns of the mapping rules are the estate's application naming convention
 * (spec-template.md): each distinct one is offered as a convention the user may take.
 */
function offerConventions(draft: SpecDraft): void {
  const seen = new Set<string>();
  for (const rule of draft.records.filter((r) => r.kind === "mapping-rule")) {
    const target = String(rule.data.targetApp ?? "").trim();
    if (!target.includes("{") || isPlaceholder(target) || seen.has(target)) continue;
    seen.add(target);
    if (draft.records.some((r) => r.kind === "naming-convention" && r.data.pattern === target)) continue;
    draft.offered.push({
      kind: "naming-convention",
      data: {
        name: `Application names (${rule.data.loadBalancer ?? "DLB"} target ${seen.size})`.slice(0, 120),
        resourceKind: "application",
        pattern: target,
        description: `Offered from the target app of the mapping rule for ${String(rule.data.inputPath)}`,
      },
      place: rule.place,
    });
  }
}
