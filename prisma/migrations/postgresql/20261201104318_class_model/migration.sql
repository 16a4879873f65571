-- CreateTable
CREATE TABLE "ClassModel" (
    "id" TEXT NOT NULL,
    "modelSessionId" TEXT NOT NULL,
    "groupId" TEXT,
    "combiner" TEXT NOT NULL,
    "roundSteps" INTEGER NOT NULL,
    "roundSeconds" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "roundOpenedAt" TIMESTAMP(3) NOT NULL,
    "roundDeadlineAt" TIMESTAMP(3) NOT NULL,
    "closingBy" TEXT,
    "closingAt" TIMESTAMP(3),
    "shards" JSONB NOT NULL,
    "shardsVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassModelVersion" (
    "id" TEXT NOT NULL,
    "classModelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" BYTEA NOT NULL,
    "valLoss" DOUBLE PRECISION NOT NULL,
    "contributors" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassModelUpdate" (
    "id" TEXT NOT NULL,
    "classModelId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "weights" BYTEA NOT NULL,
    "chars" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "share" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassModelUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClassModel_modelSessionId_key" ON "ClassModel"("modelSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassModelVersion_classModelId_version_key" ON "ClassModelVersion"("classModelId", "version");

-- CreateIndex
CREATE INDEX "ClassModelUpdate_participantId_idempotencyKey_idx" ON "ClassModelUpdate"("participantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ClassModelUpdate_classModelId_round_participantId_key" ON "ClassModelUpdate"("classModelId", "round", "participantId");

-- AddForeignKey
ALTER TABLE "ClassModel" ADD CONSTRAINT "ClassModel_modelSessionId_fkey" FOREIGN KEY ("modelSessionId") REFERENCES "ModelSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassModelVersion" ADD CONSTRAINT "ClassModelVersion_classModelId_fkey" FOREIGN KEY ("classModelId") REFERENCES "ClassModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassModelUpdate" ADD CONSTRAINT "ClassModelUpdate_classModelId_fkey" FOREIGN KEY ("classModelId") REFERENCES "ClassModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

