import type { PrismaClient } from "@/lib/db/generated/client";

/** When the newest sync and evaluation finished, across all workspaces (null until one has). */
export async function readLatestRunTimes(
  prisma: PrismaClient,
): Promise<{ lastSyncAt: Date | null; lastEvaluationAt: Date | null }> {
  const [sync, evaluation] = await Promise.all([
    prisma.syncRun.findFirst({
      where: { finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
    prisma.evaluationRun.findFirst({
      where: { finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
  ]);
  return { lastSyncAt: sync?.finishedAt ?? null, lastEvaluationAt: evaluation?.finishedAt ?? null };
}
