-- CreateIndex
CREATE INDEX "Finding_workspaceId_severityRank_ruleId_resourceName_id_idx" ON "Finding"("workspaceId", "severityRank", "ruleId", "resourceName", "id");
