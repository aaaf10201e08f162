-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "decision" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL DEFAULT '',
    "implications" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "proposedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "retiredAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionRevision" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "implications" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "editAfterAcceptance" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionLink" (
    "fromId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "toId" UUID NOT NULL,

    CONSTRAINT "DecisionLink_pkey" PRIMARY KEY ("fromId","kind","toId")
);

-- CreateTable
CREATE TABLE "DecisionReview" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    "staleAt" TIMESTAMPTZ(3),

    CONSTRAINT "DecisionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionGovernedRecord" (
    "decisionId" UUID NOT NULL,
    "recordId" UUID NOT NULL,

    CONSTRAINT "DecisionGovernedRecord_pkey" PRIMARY KEY ("decisionId","recordId")
);

-- CreateIndex
CREATE INDEX "Decision_workspaceId_status_idx" ON "Decision"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_workspaceId_sequence_key" ON "Decision"("workspaceId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRevision_decisionId_number_key" ON "DecisionRevision"("decisionId", "number");

-- CreateIndex
CREATE INDEX "DecisionLink_toId_idx" ON "DecisionLink"("toId");

-- CreateIndex
CREATE INDEX "DecisionReview_decisionId_idx" ON "DecisionReview"("decisionId");

-- CreateIndex
CREATE INDEX "DecisionGovernedRecord_recordId_idx" ON "DecisionGovernedRecord"("recordId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRevision" ADD CONSTRAINT "DecisionRevision_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionLink" ADD CONSTRAINT "DecisionLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionLink" ADD CONSTRAINT "DecisionLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionReview" ADD CONSTRAINT "DecisionReview_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionGovernedRecord" ADD CONSTRAINT "DecisionGovernedRecord_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionGovernedRecord" ADD CONSTRAINT "DecisionGovernedRecord_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SpecRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
