/**
 * SS2 (SECURITY.md): an ended session is closed everywhere. The one guard that every write tied
 * to a session passes: socket requests (a per-socket middleware in socketServer.ts, before any
 * handler) and the HTTP writes that name a session (instructor model upload, submission upload,
 * class-model update upload).
 * Ending is final, so an ended session is remembered for good; a live one is re-checked in the
 * database after LIVE_RECHECK_MS, so another server process's end is seen even if its message is lost.
 */
import { AppError } from "../../lib/protocol/errors";
import type { ClientRequestName } from "../../lib/protocol/events";
import type { Db } from "../db/client";
import { LIVE_RECHECK_MS } from "../limits";

/** Requests a session-bound socket may still make after the end: reading the final state, ending again. */
export const ALLOWED_AFTER_END: ReadonlySet<ClientRequestName> = new Set<ClientRequestName>([
  "training:sync",
  "training:classSync",
  "classModel:classSync",
  "quiz:sync",
  "leaderboard:sync",
  "instructor:attach",
  "session:end",
]);

export class SessionGate {
  private readonly ended = new Set<string>();
  private readonly liveUntil = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws SESSION_ENDED unless the session is live. */
  async requireLive(sessionId: string): Promise<void> {
    if (this.ended.has(sessionId)) throw new AppError("SESSION_ENDED", "this session has ended");
    if ((this.liveUntil.get(sessionId) ?? 0) > this.now()) return;
    const row = await this.db.classSession.findUnique({ where: { id: sessionId }, select: { status: true } });
    if (!row) throw new AppError("NOT_FOUND", "no such session");
    if (row.status === "ended") {
      this.markEnded(sessionId);
      throw new AppError("SESSION_ENDED", "this session has ended");
    }
    this.liveUntil.set(sessionId, this.now() + LIVE_RECHECK_MS);
  }

  /** The session ended (here or in another process): refuse its writes from now on. */
  markEnded(sessionId: string): void {
    this.ended.add(sessionId);
    this.liveUntil.delete(sessionId);
  }
}
