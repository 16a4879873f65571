-- CreateTable
CREATE TABLE "InstructorModel" (
    "id" TEXT NOT NULL,
    "modelSessionId" TEXT NOT NULL,
    "weights" BYTEA NOT NULL,
    "weightsSha256" TEXT NOT NULL,
    "configHash" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstructorModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstructorModel_modelSessionId_idx" ON "InstructorModel"("modelSessionId");

-- AddForeignKey
ALTER TABLE "InstructorModel" ADD CONSTRAINT "InstructorModel_modelSessionId_fkey" FOREIGN KEY ("modelSessionId") REFERENCES "ModelSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

