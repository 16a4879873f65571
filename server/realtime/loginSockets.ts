/**
 * Logging out ends what the login opened (W11 in SECURITY.md): sockets that were opened with the
 * same session cookie — an attached instructor console above all — are disconnected on every
 * server process, so a console left open cannot push, start or end anything after the logout.
 * The console reconnects, its attach is refused (UNAUTHENTICATED), and it shows the login page.
 */
import { readCookie, SESSION_COOKIE } from "../auth/instructorSessions";
import type { AppServer } from "./context";

export async function disconnectLoginSockets(io: AppServer, cookieHeader: string | undefined): Promise<number> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token) return 0;
  let disconnected = 0;
  for (const socket of await io.fetchSockets()) {
    if (socket.data.role?.kind === "participant") continue; // a student seat opened in the same browser is not the login's
    if (readCookie(socket.handshake.headers.cookie, SESSION_COOKIE) !== token) continue;
    socket.disconnect(true);
    disconnected++;
  }
  return disconnected;
}
