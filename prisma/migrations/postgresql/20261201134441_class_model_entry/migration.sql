-- AlterTable
ALTER TABLE "ClassModelVersion" ADD COLUMN     "enteredAt" TIMESTAMP(3),
ADD COLUMN     "entryError" TEXT,
ADD COLUMN     "novelty" DOUBLE PRECISION,
ADD COLUMN     "privateBpc" DOUBLE PRECISION,
ADD COLUMN     "publicBpc" DOUBLE PRECISION,
ADD COLUMN     "sample" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sampleBpc" DOUBLE PRECISION,
ADD COLUMN     "temperatureCard" JSONB;

