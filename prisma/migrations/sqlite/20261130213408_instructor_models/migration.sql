-- CreateTable
CREATE TABLE "InstructorModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelSessionId" TEXT NOT NULL,
    "weights" BLOB NOT NULL,
    "weightsSha256" TEXT NOT NULL,
    "configHash" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InstructorModel_modelSessionId_fkey" FOREIGN KEY ("modelSessionId") REFERENCES "ModelSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InstructorModel_modelSessionId_idx" ON "InstructorModel"("modelSessionId");

