// The JSON backup of a workspace: its specification (conventions included), decisions with their
// revisions, reviews and links, and waivers. Restoring it into a new workspace gives the same
// workspace under new ids. The Anypoint connection (a secret) and the live snapshot are not part
// of it: they come back by connecting and syncing.

import { z } from "zod";
import { decisionLinkKindSchema } from "@/lib/domain/decisions/lifecycle";
import {
  decisionRecordSchema,
  decisionReviewRecordSchema,
  decisionRevisionRecordSchema,
} from "@/lib/domain/decisions/stored";
import { waiverRecordSchema } from "@/lib/domain/governance/records";
import { isSpecKind, kindFields, specSchema, type SpecKind } from "@/lib/domain/spec/kinds";
import { specRecordSchema } from "@/lib/domain/spec/record";

export const BACKUP_FORMAT = "agp-workspace-backup";
export const BACKUP_VERSION = 1;

const date = z.coerce.date({ error: "must be an ISO date" });
const optionalDate = date.nullable().default(null);

// Each part of a backup is the stored shape of its concept with dates as the JSON carries them,
// without the ids the restore gives anew, and as lenient as restores have always been on statuses
// a later portal might add (a revision's status, a verdict, a waiver's status are kept as text).

export const backupRecordSchema = specRecordSchema.omit({ version: true }).extend({
  id: z.string().min(1),
  kind: z.string().refine(isSpecKind, { error: "is not a specification section" }),
  createdAt: date,
  updatedAt: date,
});

export const backupRevisionSchema = decisionRevisionRecordSchema.extend({
  number: z.number().int().min(1),
  status: z.string(),
  at: date,
});

export const backupReviewSchema = decisionReviewRecordSchema.omit({ id: true }).extend({
  verdict: z.string(),
  revision: z.number().int().nullable(),
  requestedAt: date,
  reviewedAt: optionalDate,
  staleAt: optionalDate,
});

export const backupDecisionSchema = decisionRecordSchema
  .omit({ id: true, workspaceId: true, updatedAt: true, version: true })
  .extend({
    sequence: z.number().int().min(1),
    title: z.string().min(1),
    createdAt: date,
    proposedAt: optionalDate,
    decidedAt: optionalDate,
    retiredAt: optionalDate,
    revisions: z.array(backupRevisionSchema),
    reviews: z.array(backupReviewSchema),
    /** Outgoing links, by the other decision's number. */
    links: z.array(z.object({ kind: decisionLinkKindSchema, to: z.number().int().min(1) })),
    /** Ids (within the backup) of the records it governs. */
    governs: z.array(z.string()),
  });

export const backupWaiverSchema = waiverRecordSchema.omit({ id: true, workspaceId: true, version: true }).extend({
  status: z.string(),
  requestedAt: date,
  decidedAt: optionalDate,
  expiresAt: date,
});

export const backupReferenceAliasSchema = z.object({
  kind: z.string().refine(isSpecKind, { error: "is not a specification section" }),
  alias: z.string().trim().min(1).max(200),
  /** Id (within the backup) of the record the name means. */
  recordId: z.string().min(1),
  actorName: z.string(),
  createdAt: date,
});

export const workspaceBackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `is not a workspace backup (format "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, {
    error: `is a backup version this portal cannot read (it reads ${BACKUP_VERSION})`,
  }),
  exportedAt: date,
  workspace: z.object({ name: z.string(), slug: z.string(), requiredApprovals: z.number().int().min(0).max(10) }),
  records: z.array(backupRecordSchema),
  decisions: z.array(backupDecisionSchema),
  waivers: z.array(backupWaiverSchema),
  /** Names documents write for records, as people chose them (decision 0019); older backups have none. */
  referenceAliases: z.array(backupReferenceAliasSchema).default([]),
});
export type WorkspaceBackup = z.infer<typeof workspaceBackupSchema>;
export type BackupRecord = z.infer<typeof backupRecordSchema>;

/** One thing wrong with a backup, by its path ("records[3].data.cidr"). */
export type BackupProblem = { field: string; message: string };

/**
 * Gives every record a new id and rewrites references, governed records and link targets to
 * match; reports references to records that are not in the backup and data that does not
 * validate, by path. Pure: the ids come from `newId`.
 */
export function remapBackup(
  backup: WorkspaceBackup,
  newId: () => string,
): {
  records: (BackupRecord & { kind: SpecKind })[];
  decisions: WorkspaceBackup["decisions"];
  referenceAliases: WorkspaceBackup["referenceAliases"];
  problems: BackupProblem[];
} {
  const problems: BackupProblem[] = [];
  const ids = new Map(backup.records.map((r) => [r.id, newId()]));
  if (ids.size !== backup.records.length) problems.push({ field: "records", message: "two records share an id" });
  const records = backup.records.map((record, i) => {
    const kind = record.kind as SpecKind;
    const data: Record<string, unknown> = { ...record.data };
    for (const field of kindFields(kind).filter((f) => f.ref)) {
      const value = data[field.name];
      const remap = (id: unknown) => {
        const mapped = ids.get(String(id));
        if (!mapped)
          problems.push({
            field: `records[${i}].data.${field.name}`,
            message: `refers to ${String(id)}, which is not in the backup`,
          });
        return mapped;
      };
      if (Array.isArray(value)) data[field.name] = value.map(remap).filter(Boolean);
      else if (typeof value === "string" && value) data[field.name] = remap(value) ?? null;
    }
    const parsed = specSchema(kind).safeParse(data);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({ field: `records[${i}].data.${issue.path.join(".")}`, message: issue.message });
    return {
      ...record,
      kind,
      id: ids.get(record.id)!,
      data: parsed.success ? (parsed.data as Record<string, unknown>) : data,
    };
  });
  const numbers = new Set(backup.decisions.map((d) => d.sequence));
  if (numbers.size !== backup.decisions.length)
    problems.push({ field: "decisions", message: "two decisions share a number" });
  const decisions = backup.decisions.map((decision, i) => {
    decision.links.forEach((link, j) => {
      if (!numbers.has(link.to))
        problems.push({
          field: `decisions[${i}].links[${j}].to`,
          message: `D${String(link.to).padStart(2, "0")} is not in the backup`,
        });
    });
    return {
      ...decision,
      governs: decision.governs.flatMap((id, j) => {
        const mapped = ids.get(id);
        if (!mapped)
          problems.push({
            field: `decisions[${i}].governs[${j}]`,
            message: `refers to ${id}, which is not in the backup`,
          });
        return mapped ? [mapped] : [];
      }),
    };
  });
  const referenceAliases = backup.referenceAliases.flatMap((alias, i) => {
    const mapped = ids.get(alias.recordId);
    if (!mapped)
      problems.push({
        field: `referenceAliases[${i}].recordId`,
        message: `refers to ${alias.recordId}, which is not in the backup`,
      });
    return mapped ? [{ ...alias, recordId: mapped }] : [];
  });
  return { records, decisions, referenceAliases, problems };
}
