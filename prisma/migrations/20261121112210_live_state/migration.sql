-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "actorName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "baseUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "counts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "progress" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "removals" JSONB,
ADD COLUMN     "requests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retries" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'manual',
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "liveSyncRunId" UUID;

-- CreateTable
CREATE TABLE "LiveResource" (
    "id" UUID NOT NULL,
    "syncRunId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "businessGroup" TEXT,
    "environment" TEXT,
    "attributes" JSONB NOT NULL,

    CONSTRAINT "LiveResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncLock" (
    "workspaceId" UUID NOT NULL,
    "syncRunId" UUID NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SyncLock_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "AnypointConnection" (
    "workspaceId" UUID NOT NULL,
    "controlPlane" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "organizationId" TEXT,
    "syncIntervalMinutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnypointConnection_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "LiveResource_syncRunId_kind_name_idx" ON "LiveResource"("syncRunId", "kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LiveResource_syncRunId_kind_externalId_key" ON "LiveResource"("syncRunId", "kind", "externalId");

-- AddForeignKey
ALTER TABLE "LiveResource" ADD CONSTRAINT "LiveResource_syncRunId_fkey" FOREIGN KEY ("syncRunId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncLock" ADD CONSTRAINT "SyncLock_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnypointConnection" ADD CONSTRAINT "AnypointConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
