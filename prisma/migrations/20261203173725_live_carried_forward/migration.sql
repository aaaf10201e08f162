-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "staleSince" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "LiveResource" ADD COLUMN     "carried" JSONB,
ADD COLUMN     "parentId" TEXT;
