-- CreateTable
CREATE TABLE "TopologyLayout" (
    "workspaceId" UUID NOT NULL,
    "view" TEXT NOT NULL,
    "pins" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopologyLayout_pkey" PRIMARY KEY ("workspaceId","view")
);

-- AddForeignKey
ALTER TABLE "TopologyLayout" ADD CONSTRAINT "TopologyLayout_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
