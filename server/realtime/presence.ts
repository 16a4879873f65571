/**
 * Who is connected, asked of Socket.IO itself: `fetchSockets` sees the sockets of every server
 * process when the Redis adapter is installed, so presence needs no store of its own.
 */
import type { Server } from "socket.io";
import type { Presence } from "../domain/sessions";
import { rooms } from "./rooms";
import type { SocketData } from "./context";

export function socketPresence(io: Server): Presence {
  return {
    async connectedParticipants(sessionId) {
      const sockets = await io.in(rooms.students(sessionId)).fetchSockets();
      const ids = new Set<string>();
      for (const s of sockets) {
        const role = (s.data as SocketData).role;
        if (role?.kind === "participant") ids.add(role.participantId);
      }
      return ids;
    },
  };
}
