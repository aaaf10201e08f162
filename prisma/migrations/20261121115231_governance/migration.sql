-- AlterTable
ALTER TABLE "EvaluationRun" ADD COLUMN     "completeness" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "counts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "readiness" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "rulesetVersion" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "syncRunId" UUID;

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "resourceKind" TEXT NOT NULL,
    "resourceName" TEXT NOT NULL,
    "environment" TEXT,
    "businessGroup" TEXT,
    "message" TEXT NOT NULL,
    "remediation" TEXT NOT NULL,
    "specRecordId" UUID,
    "liveExternalId" TEXT,
    "status" TEXT NOT NULL,
    "waiverId" UUID,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Waiver" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fingerprint" TEXT,
    "ruleId" TEXT,
    "resourceName" TEXT,
    "environment" TEXT,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Waiver_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Finding_workspaceId_status_severityRank_idx" ON "Finding"("workspaceId", "status", "severityRank");

-- CreateIndex
CREATE INDEX "Finding_workspaceId_ruleId_idx" ON "Finding"("workspaceId", "ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_workspaceId_fingerprint_key" ON "Finding"("workspaceId", "fingerprint");

-- CreateIndex
CREATE INDEX "Waiver_workspaceId_status_idx" ON "Waiver"("workspaceId", "status");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
