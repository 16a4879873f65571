-- AlterTable
ALTER TABLE "ClassSession" ADD COLUMN     "guestSeatLimit" INTEGER NOT NULL DEFAULT 100;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "removedAt" TIMESTAMP(3);

