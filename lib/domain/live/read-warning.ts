import { z } from "zod";

/**
 * A record (or a part of one) a sync read but could not use, and so left out: which call answered
 * it, the record's id when it could be read, and the field that did not fit. One bad record never
 * fails its list; this is what the sync reports instead.
 */
export const readWarningSchema = z.object({
  /** The call, e.g. "GET /cloudhub/api/organizations/{orgId}/vpcs" with the ids filled in. */
  endpoint: z.string(),
  /** The record's id (or domain, team id, ...) when the answer carried a readable one. */
  recordId: z.string().nullable(),
  /** Where in the answer the problem is, e.g. "data.3.cidrBlock" ("(root)" for the whole answer). */
  path: z.string(),
  /** What was wrong and what was left out. */
  message: z.string(),
  /** Whether the whole record was left out or an entry of one of its lists (a firewall rule of a VPC). */
  leftOut: z.enum(["record", "entry"]).optional(),
});
export type ReadWarning = z.infer<typeof readWarningSchema>;

/** One line for people (the sync report stores warnings as strings). */
export function describeReadWarning(warning: ReadWarning): string {
  const record = warning.recordId ? ` record ${warning.recordId}` : "";
  return `${warning.endpoint}:${record} ${warning.path}: ${warning.message}`;
}
