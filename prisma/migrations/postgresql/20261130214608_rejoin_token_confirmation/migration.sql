-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "tokenConfirmed" BOOLEAN NOT NULL DEFAULT true;

