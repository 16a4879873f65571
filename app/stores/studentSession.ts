/**
 * A student's live session: one socket that rejoins with the stored token on every connect
 * (first load, refresh, reconnect, server restart) and saves the rotated token at once.
 * Feature panels (training, quiz, submissions) use `socket` and `snapshot` from this store.
 */
import { create } from "zustand";
import { isFatal, type ErrorCode } from "../../lib/protocol/errors";
import type { StudentSnapshot } from "../../lib/protocol/views";
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
  open(code: string): () => void;
}

export const useStudentSession = create<StudentSessionState>((set) => ({
  socket: null,
  snapshot: null,
  joinCount: 0,
  stopped: null,

  open(code) {
    useConnection.getState().reset();
    if (!loadSeat(code)) {
      set({ stopped: "NO_SEAT" });
      return () => undefined;
    }
    const socket = connectSocket();
    set({ socket, snapshot: null, stopped: null });
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
      } else if (isFatal(reply.error.code)) {
        // An ended session's seat is kept: its token opens the student's keep page (/keep/<code>).
        if (reply.error.code === "INVALID_TOKEN") forgetSeat(code);
        stop(reply.error.code);
      }
    };
    socket.on("connect", () => void rejoin());
    socket.on("session:ended", () => stop("SESSION_ENDED"));
    socket.on("session:replaced", () => stop("REPLACED"));
    socket.on("session:removed", () => {
      forgetSeat(code);
      stop("FORBIDDEN");
    });
    return () => {
      socket.close();
      set({ socket: null });
    };
  },
}));
