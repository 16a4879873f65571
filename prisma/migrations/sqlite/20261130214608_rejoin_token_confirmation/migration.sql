-- AlterTable (written by hand: Prisma's generated SQLite migration rebuilds the table, and dropping
-- "Participant" inside the migration's transaction would cascade to every row that references it)
ALTER TABLE "Participant" ADD COLUMN "tokenConfirmed" BOOLEAN NOT NULL DEFAULT true;
