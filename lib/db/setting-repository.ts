import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";

export type SettingRecord = { key: string; value: unknown; version: number; updatedAt: Date };

export async function readSetting(
  prisma: Pick<Prisma.TransactionClient, "setting">,
  key: string,
): Promise<SettingRecord | null> {
  return prisma.setting.findUnique({
    where: { key },
    select: { key: true, value: true, version: true, updatedAt: true },
  });
}

/**
 * Writes a setting if it is still at `expectedVersion` (0: not yet stored), with its audit
 * event. Returns null when someone else changed it first (the caller answers 409).
 */
export async function writeSetting(
  prisma: PrismaClient,
  key: string,
  value: unknown,
  expectedVersion: number,
  audit: { actor: Actor; origin: AuditOrigin; before: unknown },
): Promise<SettingRecord | null> {
  const json = value as Prisma.InputJsonValue;
  return prisma.$transaction(async (tx) => {
    let written: SettingRecord | null = null;
    if (expectedVersion === 0) {
      const inserted = await tx.setting.createMany({
        data: [{ key, value: json, version: 1, updatedById: audit.actor.id }],
        skipDuplicates: true,
      });
      if (inserted.count === 1) written = await readSetting(tx, key);
    } else {
      const updated = await tx.setting.updateMany({
        where: { key, version: expectedVersion },
        data: { value: json, version: { increment: 1 }, updatedById: audit.actor.id },
      });
      if (updated.count === 1) written = await readSetting(tx, key);
    }
    if (!written) return null;
    await recordAuditEvent(tx, {
      actor: audit.actor,
      origin: audit.origin,
      action: "setting.update",
      entityKind: "setting",
      entityId: key,
      before: audit.before,
      after: value,
    });
    return written;
  });
}
