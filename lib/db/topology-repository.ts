import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import type { SpecKind } from "@/lib/domain/spec/kinds";
import type { Pin, Pins, TopologyFinding, TopologyInput, TopologyView } from "@/lib/domain/topology/types";

type Audit = { actor: Actor; origin: AuditOrigin };

/** What a diagram is drawn from: the plan's kinds it shows, the current snapshot, the open findings. */
export async function loadTopologySources(
  prisma: PrismaClient,
  workspaceId: string,
  kinds: readonly SpecKind[],
): Promise<TopologyInput & { snapshotAt: Date | null }> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { liveSyncRunId: true, connection: { select: { controlPlane: true } } },
  });
  const [records, resources, findings, run] = await Promise.all([
    prisma.specRecord.findMany({
      where: { workspaceId, kind: { in: [...kinds] } },
      select: { id: true, kind: true, title: true, data: true },
      orderBy: [{ kind: "asc" }, { title: "asc" }, { id: "asc" }],
    }),
    workspace.liveSyncRunId
      ? prisma.liveResource.findMany({
          where: { syncRunId: workspace.liveSyncRunId },
          select: {
            kind: true,
            externalId: true,
            name: true,
            businessGroup: true,
            environment: true,
            attributes: true,
          },
          orderBy: [{ kind: "asc" }, { name: "asc" }, { externalId: "asc" }],
        })
      : Promise.resolve(null),
    prisma.finding.findMany({
      where: { workspaceId, status: "open" },
      select: {
        fingerprint: true,
        ruleId: true,
        severity: true,
        category: true,
        resourceKind: true,
        resourceName: true,
        environment: true,
        message: true,
        specRecordId: true,
        liveExternalId: true,
      },
      orderBy: [{ severityRank: "asc" }, { fingerprint: "asc" }],
    }),
    workspace.liveSyncRunId
      ? prisma.syncRun.findUnique({ where: { id: workspace.liveSyncRunId }, select: { finishedAt: true } })
      : Promise.resolve(null),
  ]);
  return {
    spec: records.map((r): SpecEntry => ({
      id: r.id,
      kind: r.kind as SpecKind,
      title: r.title,
      data: r.data as Record<string, unknown>,
    })),
    live: resources
      ? resources.map((r) => ({
          ...r,
          kind: r.kind as LiveResource["kind"],
          attributes: r.attributes as LiveResource["attributes"],
        }))
      : null,
    findings: findings as TopologyFinding[],
    controlPlane: workspace.connection?.controlPlane ?? null,
    snapshotAt: run?.finishedAt ?? null,
  };
}

/** The nudges of one diagram (none when nobody has moved anything). */
export async function findTopologyPins(prisma: PrismaClient, workspaceId: string, view: TopologyView): Promise<Pins> {
  const row = await prisma.topologyLayout.findUnique({
    where: { workspaceId_view: { workspaceId, view } },
    select: { pins: true },
  });
  return (row?.pins as Pins | undefined) ?? {};
}

/**
 * Merges nudges into a diagram's layout key by key in one statement (a concurrent nudge of
 * another node is kept); null removes a node's nudge. Returns the number of nudges now stored.
 */
export async function mergeTopologyPins(
  prisma: PrismaClient,
  workspaceId: string,
  view: TopologyView,
  changes: Record<string, Pin | null>,
  audit: Audit,
): Promise<number> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, pin]) => pin !== null));
  const removed = Object.keys(changes).filter((id) => changes[id] === null);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ count: number }[]>`
      INSERT INTO "TopologyLayout" ("workspaceId", "view", "pins", "updatedAt")
      VALUES (${workspaceId}::uuid, ${view}, ${JSON.stringify(set)}::jsonb, now())
      ON CONFLICT ("workspaceId", "view") DO UPDATE
        SET "pins" = ("TopologyLayout"."pins" || EXCLUDED."pins") - ${removed}::text[], "updatedAt" = now()
      RETURNING (SELECT count(*) FROM jsonb_object_keys("pins"))::int AS count`;
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId,
      action: "topology.nudge",
      entityKind: "topology-layout",
      entityId: view,
      after: changes,
    });
    return rows[0]?.count ?? 0;
  });
}

/** Forgets every nudge of one diagram; true when there were any. */
export async function deleteTopologyPins(
  prisma: PrismaClient,
  workspaceId: string,
  view: TopologyView,
  audit: Audit,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.topologyLayout.deleteMany({ where: { workspaceId, view } });
    if (count)
      await recordAuditEvent(tx, {
        ...audit,
        workspaceId,
        action: "topology.reset",
        entityKind: "topology-layout",
        entityId: view,
      });
    return count > 0;
  });
}
