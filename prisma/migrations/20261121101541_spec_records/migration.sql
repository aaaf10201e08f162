-- CreateTable
CREATE TABLE "SpecRecord" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SpecRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecLink" (
    "fromId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "toId" UUID NOT NULL,

    CONSTRAINT "SpecLink_pkey" PRIMARY KEY ("fromId","field","toId")
);

-- CreateIndex
CREATE INDEX "SpecRecord_workspaceId_kind_idx" ON "SpecRecord"("workspaceId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SpecRecord_workspaceId_kind_key_key" ON "SpecRecord"("workspaceId", "kind", "key");

-- CreateIndex
CREATE INDEX "SpecLink_toId_idx" ON "SpecLink"("toId");

-- AddForeignKey
ALTER TABLE "SpecRecord" ADD CONSTRAINT "SpecRecord_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecLink" ADD CONSTRAINT "SpecLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "SpecRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecLink" ADD CONSTRAINT "SpecLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "SpecRecord"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
