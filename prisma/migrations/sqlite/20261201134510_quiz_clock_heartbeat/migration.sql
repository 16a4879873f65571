-- AlterTable
ALTER TABLE "QuizRound" ADD COLUMN "questionAliveAt" DATETIME;

