-- CreateTable
CREATE TABLE "ReferenceAlias" (
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceAlias_pkey" PRIMARY KEY ("workspaceId","kind","alias")
);

-- CreateIndex
CREATE INDEX "ReferenceAlias_recordId_idx" ON "ReferenceAlias"("recordId");

-- AddForeignKey
ALTER TABLE "ReferenceAlias" ADD CONSTRAINT "ReferenceAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceAlias" ADD CONSTRAINT "ReferenceAlias_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SpecRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
