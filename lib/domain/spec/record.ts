import { z } from "zod";

/** A stored specification record: its kind, title, data (validated by its kind), version and dates. */
export const specRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SpecRecord = z.infer<typeof specRecordSchema>;
