/**
 * The instructor console's live state: one socket attached to the session as its instructor
 * (re-attached after every reconnect), the session and its roster as the server sends them.
 * Feature panels (training, quiz, leaderboard) use `socket` from this store.
 */
import { create } from "zustand";
import type { ErrorBody } from "../../lib/protocol/errors";
import { isFatal } from "../../lib/protocol/errors";
import type { ParticipantView, SeatClaimView, SessionInfo } from "../../lib/protocol/views";
import { connectSocket, request, type ClientSocket } from "../lib/socket";
import { useConnection } from "./connection";

interface InstructorSessionState {
  socket: ClientSocket | null;
  session: SessionInfo | null;
  participants: ParticipantView[];
  /** Guest seats the session allows (SS4). */
  guestSeatLimit: number | null;
  /** Other devices' requests for seats that have an owner, waiting for a decision (SS5). */
  seatClaims: SeatClaimView[];
  error: ErrorBody | null;
  /** Connects and attaches; returns the cleanup for the page's effect. */
  open(sessionId: string): () => void;
  end(): Promise<void>;
  setGuestSeats(limit: number): Promise<void>;
  remove(participantId: string): Promise<void>;
  decideClaim(claimId: string, approve: boolean): Promise<void>;
}

export const useInstructorSession = create<InstructorSessionState>((set, get) => ({
  socket: null,
  session: null,
  participants: [],
  guestSeatLimit: null,
  seatClaims: [],
  error: null,

  open(sessionId) {
    useConnection.getState().reset();
    const socket = connectSocket();
    set({ socket, session: null, participants: [], seatClaims: [], error: null });
    const attach = async () => {
      const reply = await request(socket, "instructor:attach", { sessionId });
      if (reply.ok) {
        const { session, participants, guestSeatLimit, seatClaims } = reply.data;
        set({ session, participants, guestSeatLimit, seatClaims, error: null });
      } else {
        set({ error: reply.error });
        if (isFatal(reply.error.code)) useConnection.getState().fail(reply.error.code);
      }
    };
    socket.on("connect", () => void attach());
    socket.on("roster:update", ({ participants, seatClaims }) => set({ participants, seatClaims }));
    socket.on("session:ended", () => set((s) => ({ session: s.session ? { ...s.session, status: "ended" } : null })));
    return () => {
      socket.close();
      set({ socket: null });
    };
  },

  async end() {
    const { socket, session } = get();
    if (!socket || !session) return;
    const reply = await request(socket, "session:end", { sessionId: session.id });
    if (reply.ok) set({ session: { ...session, status: "ended" } });
    else set({ error: reply.error });
  },

  async setGuestSeats(limit) {
    const { socket, session } = get();
    if (!socket || !session) return;
    const reply = await request(socket, "session:guestSeats", { sessionId: session.id, limit });
    if (reply.ok) set({ guestSeatLimit: reply.data.guestSeatLimit });
    else set({ error: reply.error });
  },

  async remove(participantId) {
    const { socket, session } = get();
    if (!socket || !session) return;
    const reply = await request(socket, "session:removeParticipant", { sessionId: session.id, participantId });
    if (!reply.ok) set({ error: reply.error });
  },

  async decideClaim(claimId, approve) {
    const { socket, session } = get();
    if (!socket || !session) return;
    const reply = await request(socket, "session:decideClaim", { sessionId: session.id, claimId, approve });
    // The roster update that follows removes the request; a decided or expired one goes with it.
    if (!reply.ok) set({ error: reply.error, seatClaims: get().seatClaims.filter((c) => c.id !== claimId) });
  },
}));
