-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "takenOverAt" DATETIME;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "untrainedBpc" REAL;

-- CreateTable
CREATE TABLE "SeatClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    CONSTRAINT "SeatClaim_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ClassSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeatClaim_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SeatClaim_sessionId_status_idx" ON "SeatClaim"("sessionId", "status");

-- CreateIndex
CREATE INDEX "SeatClaim_participantId_idx" ON "SeatClaim"("participantId");

