-- CreateTable
CREATE TABLE "ClassModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelSessionId" TEXT NOT NULL,
    "groupId" TEXT,
    "combiner" TEXT NOT NULL,
    "roundSteps" INTEGER NOT NULL,
    "roundSeconds" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "roundOpenedAt" DATETIME NOT NULL,
    "roundDeadlineAt" DATETIME NOT NULL,
    "closingBy" TEXT,
    "closingAt" DATETIME,
    "shards" JSONB NOT NULL,
    "shardsVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClassModel_modelSessionId_fkey" FOREIGN KEY ("modelSessionId") REFERENCES "ModelSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classModelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" BLOB NOT NULL,
    "valLoss" REAL NOT NULL,
    "contributors" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClassModelVersion_classModelId_fkey" FOREIGN KEY ("classModelId") REFERENCES "ClassModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassModelUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classModelId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "weights" BLOB NOT NULL,
    "chars" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "share" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClassModelUpdate_classModelId_fkey" FOREIGN KEY ("classModelId") REFERENCES "ClassModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ClassModel_modelSessionId_key" ON "ClassModel"("modelSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassModelVersion_classModelId_version_key" ON "ClassModelVersion"("classModelId", "version");

-- CreateIndex
CREATE INDEX "ClassModelUpdate_participantId_idempotencyKey_idx" ON "ClassModelUpdate"("participantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ClassModelUpdate_classModelId_round_participantId_key" ON "ClassModelUpdate"("classModelId", "round", "participantId");

