import { z } from "zod";

/** A workspace: one organisation's specification, live estate and findings. */
export const workspaceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
  /** Approvals a proposed decision needs before it can be accepted. */
  requiredApprovals: z.number(),
});
export type Workspace = z.infer<typeof workspaceSchema>;
