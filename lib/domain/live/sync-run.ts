import { z } from "zod";
import { readScopeSchema } from "@/lib/domain/live/read-scope";

/** Where a sync run is: running, applied, failed, held for confirmation, or discarded. */
export const syncStatusSchema = z.enum(["running", "succeeded", "failed", "held", "discarded"]);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A step of a sync and how many items it has read so far. */
export const syncProgressSchema = z.object({ step: z.string(), count: z.number() });
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/** A kind that a held sync would shrink: its count now and after. */
export const syncRemovalSchema = z.object({ kind: z.string(), before: z.number(), after: z.number() });
export type SyncRemoval = z.infer<typeof syncRemovalSchema>;

/**
 * One sync of a workspace's live estate, as it is stored and as the REST API, the live-estate
 * page and `agp sync` report it (dates as ISO strings on the wire: `Json<SyncRun>`).
 */
export const syncRunSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  status: syncStatusSchema,
  trigger: z.string(),
  actorName: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  heartbeatAt: z.date().nullable(),
  progress: z.array(syncProgressSchema),
  counts: z.record(z.string(), z.number()),
  requests: z.number(),
  retries: z.number(),
  durationMs: z.number().nullable(),
  warnings: z.array(z.string()),
  /** What the sync could not read (one entry per failed call); whatever none covers was read completely. */
  scopes: z.array(readScopeSchema),
  removals: z.array(syncRemovalSchema).nullable(),
  error: z.string().nullable(),
  baseUrl: z.string(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;
