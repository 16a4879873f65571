-- AlterTable
ALTER TABLE "QuizRound" ADD COLUMN     "questionAliveAt" TIMESTAMP(3);

