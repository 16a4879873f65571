/** Socket.IO room names, one place. */
export const rooms = {
  /** Everyone attached to a session: students, instructor consoles, projectors. */
  session: (sessionId: string) => `s:${sessionId}`,
  /** Instructor consoles and projectors of a session. */
  instructors: (sessionId: string) => `s:${sessionId}:instructors`,
  /** The student sockets of a session. */
  students: (sessionId: string) => `s:${sessionId}:students`,
  /** The sockets of one participant (normally one; two during a takeover). */
  participant: (participantId: string) => `p:${participantId}`,
  /** The device waiting for the instructor's decision on its request for a seat (SS5). */
  seatClaim: (claimId: string) => `c:${claimId}`,
};
