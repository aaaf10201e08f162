-- CreateTable
CREATE TABLE "DocumentImport" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "created" JSONB NOT NULL,
    "updated" JSONB NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "gaps" JSONB NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "DocumentImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentImport_workspaceId_createdAt_idx" ON "DocumentImport"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "DocumentImport" ADD CONSTRAINT "DocumentImport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
