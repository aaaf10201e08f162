import { z } from "zod";
import { decisionStatusSchema } from "@/lib/domain/decisions/lifecycle";

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

/** A record as it is shown and answered: with the decisions that govern it ("governed by D03"). */
export const specRecordViewSchema = specRecordSchema.extend({
  governedBy: z.array(z.object({ number: z.string(), title: z.string(), status: decisionStatusSchema })),
});
export type SpecRecordView = z.infer<typeof specRecordViewSchema>;
