-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "scopes" JSONB NOT NULL DEFAULT '[]';
