import { z } from "zod";

/** The Anypoint control planes a workspace can connect to; `custom` takes a base URL. */
export const controlPlaneSchema = z.enum(["us", "eu", "gov", "custom"], {
  error: "controlPlane must be us, eu, gov or custom",
});
export type ControlPlane = z.infer<typeof controlPlaneSchema>;

/**
 * A workspace's Anypoint connection as anyone but the database sees it: the client secret only
 * as "set" (it is sealed at rest and never shown again).
 */
export const connectionViewSchema = z.object({
  controlPlane: controlPlaneSchema,
  baseUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.literal("set"),
  organizationId: z.string().nullable(),
  syncIntervalMinutes: z.number().nullable(),
  version: z.number(),
  updatedAt: z.date(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

/** One line of a connection test: what was tried and what it said. */
export const connectionCheckSchema = z.object({ check: z.string(), ok: z.boolean(), detail: z.string() });
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;
