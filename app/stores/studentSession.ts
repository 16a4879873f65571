/**
 * A student's live session: one socket that rejoins with the stored token on every connect
 * (first load, refresh, reconnect, server restart) and saves the rotated token at once.
 * Feature panels (training, quiz, submissions) use `socket` and `snapshot` from this store.
 */
import { create } from "zustand";
import { isFatal, type ErrorCode } from "../../lib/protocol/errors";
import type { StudentSnapshot } from "../../lib/protocol/views";
import type { Reply } from "../../lib/protocol/errors";
import { OfflineQueue } from "../lib/offlineQueue";
import { forgetSeat, loadSeat, saveSeat } from "../lib/seat";
import { connectSocket, request, type ClientSocket } from "../lib/socket";
import { useConnection } from "./connection";

interface StudentSessionState {
  socket: ClientSocket | null;
  snapshot: StudentSnapshot | null;
  /** Increases on every successful (re)join, so panels can re-sync their state. */
  joinCount: number;
  /** Why the page stopped (a fatal code), or null while live. */
  stopped: ErrorCode | "NO_SEAT" | null;
  /** Keys of the actions waiting for the seat to be live again (app/lib/offlineQueue.ts). */
  queued: string[];
  /**
   * Sends a student action (an answer, a vote) once the seat is live: at once when it is,
   * otherwise right after the next rejoin. `key` names what it replaces ("vote", "quiz:<round>:<i>").
   */
  sendSeated<T>(key: string, send: (socket: ClientSocket) => Promise<Reply<T>>): Promise<Reply<T>>;
  open(code: string): () => void;
}

let queue: OfflineQueue | null = null;

export const useStudentSession = create<StudentSessionState>((set, get) => ({
  socket: null,
  snapshot: null,
  joinCount: 0,
  stopped: null,
  queued: [],

  sendSeated(key, send) {
    const socket = get().socket;
    if (!socket || !queue) return Promise.resolve({ ok: false, error: { code: "INTERNAL", message: "not connected" } });
    return queue.send(key, () => send(socket));
  },

  open(code) {
    useConnection.getState().reset();
    if (!loadSeat(code)) {
      set({ stopped: "NO_SEAT" });
      return () => undefined;
    }
    const socket = connectSocket();
    const actions = new OfflineQueue((queued) => set({ queued }));
    queue = actions;
    set({ socket, snapshot: null, stopped: null, queued: [] });
    const stop = (reason: ErrorCode) => {
      set({ stopped: reason });
      useConnection.getState().fail(reason);
      socket.close();
    };
    const rejoin = async () => {
      const seat = loadSeat(code);
      if (!seat) return stop("INVALID_TOKEN");
      const reply = await request(socket, "session:rejoin", { rejoinToken: seat.rejoinToken });
      if (reply.ok) {
        saveSeat({ ...seat, rejoinToken: reply.data.rejoinToken });
        void request(socket, "session:confirmToken", { rejoinToken: reply.data.rejoinToken }); // saved: the old token may go
        set((s) => ({ snapshot: reply.data.snapshot, joinCount: s.joinCount + 1 }));
        actions.seatedAgain();
      } else if (isFatal(reply.error.code)) {
        // An ended session's seat is kept: its token opens the student's keep page (/keep/<code>).
        if (reply.error.code === "INVALID_TOKEN") forgetSeat(code);
        stop(reply.error.code);
      }
    };
    socket.on("connect", () => void rejoin());
    socket.on("disconnect", () => actions.unseated());
    socket.on("session:ended", () => stop("SESSION_ENDED"));
    socket.on("session:replaced", () => stop("REPLACED"));
    socket.on("session:removed", () => {
      forgetSeat(code);
      stop("FORBIDDEN");
    });
    return () => {
      socket.close();
      if (queue === actions) queue = null;
      set({ socket: null, queued: [] });
    };
  },
}));
