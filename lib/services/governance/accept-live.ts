import { z } from "zod";
import { loadEvaluationSources } from "@/lib/db/governance-repository";
import { listSpecRecords, updateSpecRecordRows } from "@/lib/db/spec-repository";
import { acceptLiveValues } from "@/lib/domain/governance/accept-live";
import { editPermissionFor, kindFields, type SpecKind } from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { evaluationInputOf, scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import { validated } from "@/lib/services/spec";
import { invalidInput, parseInput } from "@/lib/services/validation";

export const acceptLiveInputSchema = z.object({
  fingerprints: z
    .array(z.string().trim().min(1, { error: "a fingerprint is empty" }).max(128), {
      error: "fingerprints must be a list of finding fingerprints",
    })
    .min(1, { error: "name at least one finding" })
    .max(500, { error: "at most 500 findings at once" }),
});

/** What accepting live as plan changed: each record, its new version, and the fields now as Anypoint has them. */
export const acceptLiveResultSchema = z.object({
  updated: z.array(
    z.object({
      kind: z.string(),
      id: z.string(),
      title: z.string(),
      version: z.number().int(),
      fields: z.array(z.string()).meta({ description: "Labels of the fields that now hold the live value" }),
    }),
  ),
  closes: z.array(z.object({ fingerprint: z.string(), ruleId: z.string(), message: z.string() })),
});
export type AcceptLiveResult = z.infer<typeof acceptLiveResultSchema>;

/**
 * Makes the plan match the live estate for drift findings (architects): each finding's record takes
 * the live value through the normal validation, all records in one transaction or none, each audit
 * event naming the findings it closes. A finding that is gone, or whose live value the plan cannot
 * hold, refuses the whole request, naming it.
 */
export async function acceptLiveAsPlan(ctx: ServiceContext, slug: string, input: unknown): Promise<AcceptLiveResult> {
  const workspace = await authorizeWorkspace(ctx, slug, "spec:edit");
  const { fingerprints } = parseInput(acceptLiveInputSchema, input);
  const sources = await loadEvaluationSources(ctx.db.prisma, workspace.id);
  if (sources.live === null)
    throw new ServiceError(
      409,
      "not_synced",
      `Workspace "${workspace.slug}" has not been synced: there is no live value.`,
    );
  const { accepted, refused } = acceptLiveValues(evaluationInputOf(sources, new Date()), fingerprints);
  if (refused.length)
    throw invalidInput(
      refused.map((r) => ({ field: `fingerprints[${fingerprints.indexOf(r.fingerprint)}]`, message: r.reason })),
    );
  const records = new Map((await listSpecRecords(ctx.db.prisma, workspace.id)).map((r) => [r.id, r]));
  const byRecord = new Map<string, typeof accepted>();
  for (const a of accepted) byRecord.set(a.specRecordId, [...(byRecord.get(a.specRecordId) ?? []), a]);
  const writes = [];
  for (const [id, changes] of byRecord) {
    const record = records.get(id);
    if (!record) throw new ServiceError(409, "conflict", "A record changed meanwhile: evaluate again and retry.");
    const kind = record.kind as SpecKind;
    requirePermission(ctx.actor, editPermissionFor(kind), { workspace });
    const data: Record<string, unknown> = { ...record.data };
    for (const change of changes) Object.assign(data, { [change.field]: change.value }, change.also);
    const { sources: _sources, ...stated } = data;
    let write;
    try {
      write = await validated(ctx, workspace.id, kind, stated, id);
    } catch (error) {
      // The live value does not fit the plan's field (a size the plan does not offer): say which finding.
      if (error instanceof ServiceError && error.status === 400)
        throw invalidInput(
          changes.map((c) => ({
            field: `fingerprints[${fingerprints.indexOf(c.fingerprint)}]`,
            message: `${c.message}: the live value cannot be recorded (${error.message})`,
          })),
        );
      throw error;
    }
    writes.push({ ...write, workspaceId: workspace.id, id, expectedVersion: record.version, changes, kind });
  }
  // One transaction for every record; each audit event says which findings its change closes.
  const results = await updateSpecRecordRows(
    ctx.db.prisma,
    writes.map(({ changes, kind: _kind, ...write }) => ({
      ...write,
      because: {
        acceptedLive: changes.map((c) => ({ ruleId: c.ruleId, fingerprint: c.fingerprint, message: c.message })),
      },
    })),
    { actor: ctx.actor, origin: ctx.origin },
  );
  const refusedWrite = results.find((r) => !r.ok);
  if (refusedWrite)
    throw new ServiceError(
      409,
      "conflict",
      `Nothing was changed: a record ${!refusedWrite.ok && refusedWrite.reason === "conflict" ? "was changed by someone meanwhile" : "could not be written"}; evaluate again and retry.`,
    );
  scheduleEvaluation(ctx.db, workspace.id, "spec");
  return {
    updated: writes.map((w) => ({
      kind: w.kind,
      id: w.id,
      title: w.title,
      version: w.expectedVersion + 1,
      fields: w.changes.map((c) => kindFields(w.kind).find((f) => f.name === c.field)?.label ?? c.field),
    })),
    closes: accepted.map((a) => ({ fingerprint: a.fingerprint, ruleId: a.ruleId, message: a.message })),
  };
}
