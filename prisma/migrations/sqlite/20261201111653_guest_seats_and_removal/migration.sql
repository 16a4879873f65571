-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "removedAt" DATETIME;

-- AlterTable (added in place, not rebuilt: a rebuild would drop the sessions' rows' dependants)
ALTER TABLE "ClassSession" ADD COLUMN "guestSeatLimit" INTEGER NOT NULL DEFAULT 100;
