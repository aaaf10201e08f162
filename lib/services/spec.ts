import { z } from "zod";
import {
  deleteSpecRecordRow,
  findRecordKinds,
  findReferrers,
  findSpecRecord,
  insertSpecRecord,
  listSpecRecords,
  updateSpecRecordRow,
  type SpecLinkInput,
  type SpecRecordWrite,
  type WriteResult,
} from "@/lib/db/spec-repository";
import { findGoverningDecisions } from "@/lib/db/decision-repository";
import { rememberReferenceAliases } from "@/lib/db/reference-alias-repository";
import { formatDecisionNumber } from "@/lib/domain/decisions/lifecycle";
import { measureCompleteness, type Completeness } from "@/lib/domain/spec/completeness";
import type { FieldDef } from "@/lib/domain/spec/fields";
import {
  chapters,
  editPermissionFor,
  isSpecKind,
  kindFields,
  labelInSentence,
  recordKey,
  recordTitle,
  specKindIds,
  specKinds,
  specSchema,
  type SpecKind,
} from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { notFound, ServiceError } from "@/lib/services/errors";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import { invalidInput, parseInput, type FieldProblem } from "@/lib/services/validation";
import type { SpecRecord, SpecRecordView } from "@/lib/domain/spec/record";

function parseKind(kind: string): SpecKind {
  if (!isSpecKind(kind)) throw notFound(`No specification section "${kind}"; sections are ${specKindIds.join(", ")}`);
  return kind;
}

const refFields = (kind: SpecKind) => kindFields(kind).filter((f): f is FieldDef & { ref: string } => !!f.ref);

/** The references a record's data makes, as links to store beside it. */
export function linksOf(kind: SpecKind, data: Record<string, unknown>): SpecLinkInput[] {
  return refFields(kind).flatMap((field) => {
    const value = data[field.name];
    const ids = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    return ids.map((toId: string) => ({ field: field.name, toId }));
  });
}

/**
 * Checks what a record's own validator cannot: that references point at records of the right
 * kind in the same workspace, and the rules that span records (mapping-rule order per load
 * balancer, no cycles and at most 10 levels in team and business-group trees).
 */
async function checkAgainstWorkspace(
  ctx: ServiceContext,
  workspaceId: string,
  kind: SpecKind,
  data: Record<string, unknown>,
  selfId: string | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const links = linksOf(kind, data);
  const found = await findRecordKinds(ctx.db.prisma, workspaceId, [...new Set(links.map((l) => l.toId))]);
  for (const field of refFields(kind)) {
    for (const link of links.filter((l) => l.field === field.name)) {
      const target = found.get(link.toId);
      const expected = labelInSentence(specKinds[field.ref as SpecKind].label);
      if (!target || target.kind !== field.ref) {
        problems.push({ field: field.name, message: `no ${expected} with id ${link.toId} in this workspace` });
      } else if (link.toId === selfId) {
        problems.push({ field: field.name, message: `a ${expected} cannot refer to itself` });
      }
    }
  }

  if (kind === "mapping-rule" && typeof data.loadBalancer === "string") {
    const siblings = await listSpecRecords(ctx.db.prisma, workspaceId, "mapping-rule");
    const clash = siblings.find(
      (r) => r.id !== selfId && r.data.loadBalancer === data.loadBalancer && r.data.order === data.order,
    );
    if (clash)
      problems.push({
        field: "order",
        message: `order ${String(data.order)} is already taken by rule "${clash.title}" on this load balancer`,
      });
  }

  if ((kind === "team" || kind === "business-group") && typeof data.parent === "string" && problems.length === 0) {
    const all = await listSpecRecords(ctx.db.prisma, workspaceId, kind);
    const parentOf = new Map(all.map((r) => [r.id, r.data.parent as string | null]));
    let depth = 1;
    for (let current: string | null | undefined = data.parent; current; current = parentOf.get(current)) {
      if (current === selfId) {
        problems.push({ field: "parent", message: "would make a cycle: a group cannot sit under its own descendant" });
        break;
      }
      depth += 1;
      if (depth > 10) {
        problems.push({ field: "parent", message: "would nest deeper than 10 levels, the most Anypoint allows" });
        break;
      }
    }
  }
  return problems;
}

function answer(result: WriteResult, kind: SpecKind, data?: Record<string, unknown>): SpecRecord {
  if (result.ok) return result.record;
  const label = labelInSentence(specKinds[kind].label);
  switch (result.reason) {
    case "not_found":
      throw notFound(`No ${label} with that id`);
    case "duplicate_key": {
      const key = (specKinds[kind] as { key?: string }).key ?? "name";
      throw invalidInput([
        {
          field: key,
          message: `a ${label} named "${String(data?.[key])}" already exists in this workspace`,
        },
      ]);
    }
    case "conflict":
      throw new ServiceError(
        409,
        "conflict",
        `Someone else changed this ${label} (now version ${result.current.version}); review their change and apply yours again.`,
        { current: result.current },
      );
  }
}

export type { SpecRecordView };

async function withGoverningDecisions(ctx: ServiceContext, records: SpecRecord[]): Promise<SpecRecordView[]> {
  const governing = await findGoverningDecisions(
    ctx.db.prisma,
    records.map((r) => r.id),
  );
  return records.map((record) => ({
    ...record,
    governedBy: (governing.get(record.id) ?? []).map((d) => ({
      number: formatDecisionNumber(d.sequence),
      title: d.title,
      status: d.status,
    })),
  }));
}

/** Lists a section's records, each with the decisions that govern it. */
export async function listSpec(ctx: ServiceContext, slug: string, kind: string): Promise<SpecRecordView[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return withGoverningDecisions(ctx, await listSpecRecords(ctx.db.prisma, workspace.id, parseKind(kind)));
}

/** Loads a record of a section of a workspace, or 404. */
async function loadRecord(ctx: ServiceContext, slug: string, kind: string, id: string) {
  const workspace = await authorizeWorkspace(ctx, slug);
  const k = parseKind(kind);
  const record = z.uuid().safeParse(id).success ? await findSpecRecord(ctx.db.prisma, workspace.id, id) : null;
  if (!record || record.kind !== k) throw notFound(`No ${labelInSentence(specKinds[k].label)} with id ${id}`);
  return { workspace, kind: k, record };
}

/** One record of a section (404 if it is not of that section or workspace). */
export async function getSpecRecord(
  ctx: ServiceContext,
  slug: string,
  kind: string,
  id: string,
): Promise<SpecRecordView> {
  const [view] = await withGoverningDecisions(ctx, [(await loadRecord(ctx, slug, kind, id)).record]);
  return view!;
}

/** A record's data validated against its kind and the workspace, with what derives from it (as every write stores it). */
export async function validated(
  ctx: ServiceContext,
  workspaceId: string,
  kind: SpecKind,
  input: unknown,
  selfId: string | null,
): Promise<SpecRecordWrite> {
  const data = parseInput(specSchema(kind), input) as Record<string, unknown>;
  // Saved by a person (the editor, the API): every field is stated, an empty one left open.
  data.sources = Object.fromEntries(kindFields(kind).map((f) => [f.name, "editor"]));
  const problems = await checkAgainstWorkspace(ctx, workspaceId, kind, data, selfId);
  if (problems.length) throw invalidInput(problems);
  return {
    data,
    key: recordKey(kind, data)?.toLowerCase() ?? null,
    title: recordTitle(kind, data),
    links: linksOf(kind, data),
  };
}

/** Creates a record after validating it against its kind and the workspace. */
export async function createSpecRecord(
  ctx: ServiceContext,
  slug: string,
  kind: string,
  input: unknown,
): Promise<SpecRecord> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const k = parseKind(kind);
  requirePermission(ctx.actor, editPermissionFor(k), { workspace });
  const record = await validated(ctx, workspace.id, k, input, null);
  const result = await insertSpecRecord(
    ctx.db.prisma,
    { workspaceId: workspace.id, kind: k, ...record },
    { actor: ctx.actor, origin: ctx.origin },
  );
  const created = answer(result, k, record.data);
  scheduleEvaluation(ctx.db, workspace.id, "spec");
  return created;
}

export const specRecordUpdateSchema = z.object({
  version: z.number({ error: "version is required: the version your change is based on" }).int().min(1),
  data: z.unknown(),
});

/** Replaces a record's data; `version` must be the one the change is based on (409 otherwise). */
export async function updateSpecRecord(
  ctx: ServiceContext,
  slug: string,
  kind: string,
  id: string,
  input: unknown,
): Promise<SpecRecord> {
  const { workspace, kind: k, record: before } = await loadRecord(ctx, slug, kind, id);
  requirePermission(ctx.actor, editPermissionFor(k), { workspace });
  const { version, data: raw } = parseInput(specRecordUpdateSchema, input);
  const record = await validated(ctx, workspace.id, k, raw, id);
  const result = await updateSpecRecordRow(
    ctx.db.prisma,
    { workspaceId: workspace.id, id, expectedVersion: version, ...record },
    { actor: ctx.actor, origin: ctx.origin },
  );
  const updated = answer(result, k, record.data);
  // The record a document's unmatched name meant, chosen now: later imports take the name so.
  const chosen = Object.entries((before.data as { unresolved?: Record<string, string[]> }).unresolved ?? {}).flatMap(
    ([field, written]) => {
      const def = kindFields(k).find((f) => f.name === field);
      const value = record.data[field];
      return def?.ref && def.type === "ref" && typeof value === "string" && written.length === 1
        ? [{ kind: def.ref as SpecKind, alias: written[0]!, recordId: value }]
        : [];
    },
  );
  if (chosen.length) await rememberReferenceAliases(ctx.db.prisma, workspace.id, chosen, ctx.actor.name);
  scheduleEvaluation(ctx.db, workspace.id, "spec");
  return updated;
}

/** Deletes a record, refusing while other records refer to it (409 naming them). */
export async function deleteSpecRecord(
  ctx: ServiceContext,
  slug: string,
  kind: string,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const { workspace, kind: k, record: existing } = await loadRecord(ctx, slug, kind, id);
  requirePermission(ctx.actor, editPermissionFor(k), { workspace });
  const referrers = await findReferrers(ctx.db.prisma, id);
  if (referrers.length) {
    const names = referrers
      .slice(0, 5)
      .map(
        (r) =>
          `${specKinds[r.kind as SpecKind] ? labelInSentence(specKinds[r.kind as SpecKind].label) : r.kind} "${r.title}"`,
      );
    throw new ServiceError(
      409,
      "in_use",
      `${specKinds[k].label} "${existing.title}" is still used by ${referrers.length} record(s): ${names.join(", ")}${referrers.length > 5 ? ", …" : ""}. Change or delete those first.`,
      { referrers },
    );
  }
  answer(
    await deleteSpecRecordRow(
      ctx.db.prisma,
      { workspaceId: workspace.id, id, expectedVersion },
      { actor: ctx.actor, origin: ctx.origin },
    ),
    k,
  );
  scheduleEvaluation(ctx.db, workspace.id, "spec");
}

export type SpecOverview = {
  workspace: { slug: string; name: string };
  chapters: { id: string; title: string; sections: (Completeness & { label: string; summary: string })[] }[];
  totals: { records: number; cells: number; filled: number; ratio: number };
};

/** Every section with its record count and an honest completeness figure. */
export async function getSpecOverview(ctx: ServiceContext, slug: string): Promise<SpecOverview> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const records = await listSpecRecords(ctx.db.prisma, workspace.id);
  const byKind = new Map<string, Record<string, unknown>[]>();
  for (const record of records) byKind.set(record.kind, [...(byKind.get(record.kind) ?? []), record.data]);
  const sections = specKindIds.map((kind) => ({
    ...measureCompleteness(kind, byKind.get(kind) ?? []),
    label: specKinds[kind].plural,
    summary: specKinds[kind].summary,
    chapter: specKinds[kind].chapter,
  }));
  const cells = sections.reduce((n, s) => n + s.cells, 0);
  const filled = sections.reduce((n, s) => n + s.filled, 0);
  return {
    workspace: { slug: workspace.slug, name: workspace.name },
    chapters: chapters.map((chapter) => ({
      id: chapter.id,
      title: chapter.title,
      sections: sections.filter((s) => s.chapter === chapter.id).map(({ chapter: _c, ...s }) => s),
    })),
    totals: { records: records.length, cells, filled, ratio: cells === 0 ? 0 : filled / cells },
  };
}

/** The records a section's references can point at, by kind, as choices for its editor. */
export async function getReferenceOptions(
  ctx: ServiceContext,
  slug: string,
  kind: string,
): Promise<Record<string, { id: string; title: string }[]>> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const kinds = [...new Set(refFields(parseKind(kind)).map((f) => f.ref))];
  const lists = await Promise.all(kinds.map((k) => listSpecRecords(ctx.db.prisma, workspace.id, k)));
  return Object.fromEntries(
    kinds.map((k, i) => [
      k,
      lists[i]!.map((r) => ({ id: r.id, title: r.title })).sort((a, b) => a.title.localeCompare(b.title)),
    ]),
  );
}
