-- AlterTable (added in place, not rebuilt: the class model's versions keep their rows)
ALTER TABLE "ClassModelVersion" ADD COLUMN "sample" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ClassModelVersion" ADD COLUMN "enteredAt" DATETIME;
ALTER TABLE "ClassModelVersion" ADD COLUMN "publicBpc" REAL;
ALTER TABLE "ClassModelVersion" ADD COLUMN "privateBpc" REAL;
ALTER TABLE "ClassModelVersion" ADD COLUMN "sampleBpc" REAL;
ALTER TABLE "ClassModelVersion" ADD COLUMN "novelty" REAL;
ALTER TABLE "ClassModelVersion" ADD COLUMN "temperatureCard" JSONB;
ALTER TABLE "ClassModelVersion" ADD COLUMN "entryError" TEXT;
