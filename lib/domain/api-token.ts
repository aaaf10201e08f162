import { z } from "zod";
import { roleSchema } from "@/lib/domain/access";

/** An API token as everyone but the database sees it: never the secret, never its hash. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The first characters of the secret, to tell tokens apart (never enough to use it). */
  prefix: z.string(),
  createdAt: z.date(),
  createdBy: z.string(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
