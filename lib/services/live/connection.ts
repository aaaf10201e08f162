import { z } from "zod";
import { controlPlaneUrls } from "@/lib/anypoint/client";
import { urlProblem } from "@/lib/anypoint/outbound";
import { deleteConnectionRow, findConnection, writeConnection, type ConnectionRow } from "@/lib/db/live-repository";
import { controlPlaneSchema, type ConnectionView } from "@/lib/domain/live/connection";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import { notFound, ServiceError } from "@/lib/services/errors";
import { authorizeWorkspace } from "@/lib/services/guard";
import { outboundPolicy } from "@/lib/services/live/client";
import { sealSecret } from "@/lib/services/secret-box";
import { parseInput } from "@/lib/services/validation";

export type { ConnectionView };

const toView = (row: ConnectionRow): ConnectionView => ({
  controlPlane: row.controlPlane as ConnectionView["controlPlane"],
  baseUrl: row.baseUrl,
  clientId: row.clientId,
  clientSecret: "set",
  organizationId: row.organizationId,
  syncIntervalMinutes: row.syncIntervalMinutes,
  version: row.version,
  updatedAt: row.updatedAt,
});

/** The workspace's Anypoint connection, or null (administrators). */
export async function getConnection(ctx: ServiceContext, slug: string): Promise<ConnectionView | null> {
  const workspace = await authorizeWorkspace(ctx, slug, "connection:manage");
  const row = await findConnection(ctx.db.prisma, workspace.id);
  return row ? toView(row) : null;
}

export const connectionSchema = z
  .object({
    controlPlane: controlPlaneSchema,
    baseUrl: z
      .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL, e.g. https://anypoint.mulesoft.com" })
      .optional(),
    clientId: z.string().trim().min(1, { error: "clientId is required: the connected app's client id" }).max(200),
    clientSecret: z.string().min(1, { error: "clientSecret cannot be empty" }).max(500).optional(),
    organizationId: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || null),
    syncIntervalMinutes: z
      .number({ error: "syncIntervalMinutes must be a number of minutes" })
      .int()
      .min(15, { error: "syncIntervalMinutes is at least 15 (Anypoint rate limits)" })
      .max(7 * 24 * 60, { error: "syncIntervalMinutes is at most a week (10080)" })
      .nullable()
      .default(null),
    version: z.number({ error: "version is required (0 for a new connection)" }).int().min(0),
  })
  .superRefine((input, issue) => {
    if (input.controlPlane === "custom" && !input.baseUrl) {
      issue.addIssue({ code: "custom", path: ["baseUrl"], message: "baseUrl is required for a custom control plane" });
    }
  });

function baseUrlOf(input: { controlPlane: string; baseUrl?: string | null }): string {
  return input.controlPlane === "custom"
    ? input.baseUrl!.replace(/\/+$/, "")
    : controlPlaneUrls[input.controlPlane as keyof typeof controlPlaneUrls];
}

/**
 * Stores the connection; the secret is encrypted with AGP_SECRET_KEY. A new connection needs the
 * secret; an update without one keeps the stored secret.
 */
export async function saveConnection(ctx: ServiceContext, slug: string, input: unknown): Promise<ConnectionView> {
  const workspace = await authorizeWorkspace(ctx, slug, "connection:manage");
  const existing = await findConnection(ctx.db.prisma, workspace.id);
  // Reported with the other fields, so that one answer names every problem.
  const parsed = parseInput(
    connectionSchema.superRefine((value, issue) => {
      if (!existing && !value.clientSecret) {
        issue.addIssue({
          code: "custom",
          path: ["clientSecret"],
          message: "clientSecret is required for a new connection",
        });
      }
      // Known bad destinations are refused on save; names are resolved and checked on every call.
      const problem = value.baseUrl ? urlProblem(new URL(value.baseUrl), outboundPolicy()) : null;
      if (value.controlPlane === "custom" && problem) {
        issue.addIssue({ code: "custom", path: ["baseUrl"], message: `baseUrl is refused: ${problem}` });
      }
    }),
    input,
  );
  const written = await writeConnection(
    ctx.db.prisma,
    workspace.id,
    parsed.version,
    {
      controlPlane: parsed.controlPlane,
      baseUrl: baseUrlOf(parsed),
      clientId: parsed.clientId,
      clientSecretEncrypted: parsed.clientSecret
        ? sealSecret(parsed.clientSecret, getEnv().secretKey)
        : existing!.clientSecretEncrypted,
      organizationId: parsed.organizationId,
      syncIntervalMinutes: parsed.syncIntervalMinutes,
    },
    { actor: ctx.actor, origin: ctx.origin, secretChanged: !!parsed.clientSecret },
  );
  if (!written) {
    throw new ServiceError(
      409,
      "conflict",
      "Someone else changed this connection; reload it and apply your change again.",
      {
        current: existing ? toView(existing) : null,
      },
    );
  }
  return toView(written);
}

/** Removes the connection (the live snapshots stay, as history). */
export async function deleteConnection(ctx: ServiceContext, slug: string): Promise<void> {
  const workspace = await authorizeWorkspace(ctx, slug, "connection:manage");
  if (!(await deleteConnectionRow(ctx.db.prisma, workspace.id, { actor: ctx.actor, origin: ctx.origin }))) {
    throw notFound(`Workspace "${slug}" has no Anypoint connection`);
  }
}
