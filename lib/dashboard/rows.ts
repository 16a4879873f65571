/**
 * The rows the dashboard's pure functions read: the few columns server/domain/dashboard.ts
 * loads from the database, with dates as epoch milliseconds. No logic here.
 */

export interface SessionRow {
  id: string;
  code: string;
  status: string;
  createdAt: number;
  endedAt: number | null;
}

export interface StudentRow {
  id: string;
  name: string;
  archived: boolean;
}

export interface ParticipantRow {
  id: string;
  sessionId: string;
  rosterStudentId: string | null;
  displayName: string;
  joinedAt: number;
}

/** TrainingProgress: one student's latest values in one model session. */
export interface ProgressRow {
  participantId: string;
  modelSessionId: string;
  step: number;
  trainingMs: number;
  backend: string;
  charsPerSec: number;
  trainLoss: number;
}

/** A participant's best (lowest) verified public bits/char in one model session. */
export interface BestScoreRow {
  participantId: string;
  modelSessionId: string;
  publicBpc: number;
}

export interface AnswerRow {
  participantId: string;
  roundId: string;
  questionIndex: number;
  /** 0..1 */
  correctness: number;
  points: number;
  elapsedMs: number;
}
