/**
 * The leaderboard's live side: the evaluation queue (Submission rows, scored by the worker pool)
 * and the broadcasts. Every stored submission is queued here; a restart re-queues the rows left
 * queued or evaluating, so nothing accepted is ever lost. When a status changes, the student hears
 * `submission:status` at once and the whole session `leaderboard:update` (coalesced, < 1 s).
 */
import type { Db } from "../db/client";
import { EvaluationFailed, EvaluationPool, PoolClosed, type PoolOptions } from "../evaluation/pool";
import { corpusMaterial } from "../domain/scoringCorpora";
import { leaderboardView } from "../domain/leaderboard";
import { claimForEvaluation, mySubmission, saveRejection, saveScore, unfinishedSubmissions } from "../domain/submissions";
import { rowWeights, type WeightFiles } from "../domain/weightFiles";
import { LEADERBOARD_BROADCAST_DEBOUNCE_MS } from "../limits";
import type { LeaderboardView, MySubmission } from "../../lib/protocol/leaderboard";

/** Thrown inside a job's start when another process or an earlier run already took the row. */
class AlreadyTaken extends Error {}

/** Human-readable reasons for evaluation failures a student may see. */
function failureMessage(error: EvaluationFailed): string {
  switch (error.code) {
    case "TIMEOUT":
      return `the evaluation took too long and was stopped (${error.message})`;
    case "CRASHED":
      return "the evaluation failed on the server; please submit again";
    case "INTERNAL":
      return "the evaluation failed on the server; please submit again";
    default:
      return `the weight file could not be scored: ${error.message}`;
  }
}

/** Where the hub's news goes: Socket.IO rooms in the server (leaderboardEvents.ts `leaderboardOutlet`). */
export interface LeaderboardOutlet {
  /** One student's submission changed status: that student only. */
  status(participantId: string, submission: MySubmission): void;
  /** The session's board: students' copy (no private scores before the reveal) and instructors'. */
  board(sessionId: string, forStudents: LeaderboardView, forInstructors: LeaderboardView): void;
}

export class LeaderboardHub {
  readonly pool: EvaluationPool;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly outlet: LeaderboardOutlet,
    private readonly db: Db,
    poolOptions: PoolOptions,
    private readonly weights: WeightFiles,
  ) {
    this.pool = new EvaluationPool(poolOptions, (ref) => corpusMaterial(db, ref));
  }

  /** Re-queues what a previous run left unfinished. */
  async start(): Promise<void> {
    const rows = await unfinishedSubmissions(this.db);
    if (rows.length === 0) return;
    const refs = new Map(
      (
        await this.db.modelSession.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.modelSessionId))] } }, select: { id: true, corpusRef: true } })
      ).map((m) => [m.id, m.corpusRef]),
    );
    for (const row of rows) this.enqueue({ id: row.id, participantId: row.participantId, corpusRef: refs.get(row.modelSessionId) ?? "" });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.pool.close();
  }

  /** Scores a stored submission in the background; the outcome is written and broadcast. */
  enqueue(submission: { id: string; participantId: string; corpusRef: string }): void {
    const { id } = submission;
    this.pool
      .run({
        owner: submission.participantId,
        corpusKey: submission.corpusRef,
        start: async () => {
          const row = await claimForEvaluation(this.db, id);
          if (!row) throw new AlreadyTaken();
          void this.statusChanged(id);
          return { weights: await rowWeights(this.weights, row), sample: { text: row.sampleText, prime: row.samplePrime } };
        },
      })
      .then(
        async (result) => {
          await saveScore(this.db, id, result);
          await this.statusChanged(id);
        },
        async (error: unknown) => {
          if (error instanceof PoolClosed || error instanceof AlreadyTaken || this.stopped) return; // stays queued for the next start
          if (error instanceof EvaluationFailed) await saveRejection(this.db, id, failureMessage(error));
          else {
            console.error("[leaderboard] evaluation failed:", error);
            await saveRejection(this.db, id, "the evaluation failed on the server; please submit again");
          }
          await this.statusChanged(id);
        },
      )
      .catch((error) => console.error("[leaderboard] could not record an evaluation:", error));
  }

  /** Tells the student about their submission and schedules a leaderboard broadcast. */
  async statusChanged(submissionId: string): Promise<void> {
    if (this.stopped) return;
    const found = await mySubmission(this.db, submissionId);
    if (!found) return;
    this.outlet.status(found.participantId, found.view);
    this.changed(found.sessionId);
  }

  /** Broadcasts the session's leaderboard soon (coalesced): students and instructors get their own copies. */
  changed(sessionId: string): void {
    if (this.stopped || this.timers.has(sessionId)) return;
    this.timers.set(
      sessionId,
      setTimeout(() => {
        this.timers.delete(sessionId);
        this.broadcast(sessionId).catch((error) => console.error("[leaderboard] broadcast failed:", error));
      }, LEADERBOARD_BROADCAST_DEBOUNCE_MS),
    );
  }

  private async broadcast(sessionId: string): Promise<void> {
    const [forStudents, forInstructors] = await Promise.all([
      leaderboardView(this.db, sessionId, "student"),
      leaderboardView(this.db, sessionId, "instructor"),
    ]);
    if (this.stopped) return;
    this.outlet.board(sessionId, forStudents, forInstructors);
  }
}
