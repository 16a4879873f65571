/**
 * Sends the instructor room the roster (and the requests for seats waiting for a decision, SS5)
 * whenever someone joins, leaves, comes back or asks for a seat, coalescing bursts (a class of 300 joining at once) into a few updates.
 */
import type { Server } from "socket.io";
import type { Db } from "../db/client";
import { participantViews, type Presence } from "../domain/sessions";
import { pendingClaims } from "../domain/seatClaims";
import { ROSTER_BROADCAST_DEBOUNCE_MS } from "../limits";
import { rooms } from "./rooms";
import type { SocketData } from "./context";

export class RosterBroadcaster {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly io: Server,
    private readonly db: Db,
    private readonly presence: Presence,
    private readonly now: () => number,
  ) {}

  changed(sessionId: string): void {
    if (this.closed || this.pending.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(sessionId);
      Promise.all([participantViews(this.db, this.presence, sessionId), pendingClaims(this.db, this.presence, sessionId, this.now())])
        .then(([participants, seatClaims]) => this.io.to(rooms.instructors(sessionId)).emit("roster:update", { sessionId, participants, seatClaims }))
        .catch((error) => console.error("[roster] broadcast failed:", error));
    }, ROSTER_BROADCAST_DEBOUNCE_MS);
    this.pending.set(sessionId, timer);
  }

  /**
   * R10: another process is gone, and with it some students: re-send the roster of every session
   * whose instructor console is connected here (each process covers its own consoles).
   */
  resendToLocalInstructors(): void {
    const sessions = new Set<string>();
    for (const socket of this.io.of("/").sockets.values()) {
      const role = (socket.data as SocketData).role;
      if (role?.kind === "instructor") sessions.add(role.sessionId);
    }
    for (const sessionId of sessions) this.changed(sessionId);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
