/**
 * The instructor console's live state: one socket attached to the session as its instructor
 * (re-attached after every reconnect), the session and its roster as the server sends them.
 * Feature panels (training, quiz, leaderboard) use `socket` from this store.
 */
import { create } from "zustand";
import type { ErrorBody } from "../../lib/protocol/errors";
import { isFatal } from "../../lib/protocol/errors";
import type { ParticipantView, SessionInfo } from "../../lib/protocol/views";
import { connectSocket, request, type ClientSocket } from "../lib/socket";
import { useConnection } from "./connection";

interface InstructorSessionState {
  socket: ClientSocket | null;
  session: SessionInfo | null;
  participants: ParticipantView[];
  /** Guest seats the session allows (SS4). */
  guestSeatLimit: number | null;
  error: ErrorBody | null;
  /** Connects and attaches; returns the cleanup for the page's effect. */
  open(sessionId: string): () => void;
  end(): Promise<void>;
  setGuestSeats(limit: number): Promise<void>;
  remove(participantId: string): Promise<void>;
}

export const useInstructorSession = create<InstructorSessionState>((set, get) => ({
  socket: null,
  session: null,
  participants: [],
  guestSeatLimit: null,
  error: null,

  open(sessionId) {
    useConnection.getState().reset();
    const socket = connectSocket();
    set({ socket, session: null, participants: [], error: null });
    const attach = async () => {
      const reply = await request(socket, "instructor:attach", { sessionId });
      if (reply.ok) set({ session: reply.data.session, participants: reply.data.participants, guestSeatLimit: reply.data.guestSeatLimit, error: null });
      else {
        set({ error: reply.error });
        if (isFatal(reply.error.code)) useConnection.getState().fail(reply.error.code);
      }
    };
    socket.on("connect", () => void attach());
    socket.on("roster:update", ({ participants }) => set({ participants }));
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
}));
