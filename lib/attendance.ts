/**
 * Who is in the room, at a glance: every roster student is present (connected), dropped (joined,
 * then lost the connection) or absent (never joined this session); guests who joined are listed too.
 */
export type SeatState = "present" | "dropped" | "absent";

export interface SeatParticipant {
  id: string;
  displayName: string;
  rosterStudentId: string | null;
  connected: boolean;
}

export interface Seat<P extends SeatParticipant = SeatParticipant> {
  /** A roster student's id, or the guest participant's id. */
  key: string;
  name: string;
  state: SeatState;
  guest: boolean;
  participant: P | null;
}

/** The roster in its own order, then the guests in joining order. */
export function seatsOf<P extends SeatParticipant>(roster: { id: string; name: string }[], participants: P[]): Seat<P>[] {
  const stateOf = (p: P): SeatState => (p.connected ? "present" : "dropped");
  const byRosterId = new Map(participants.filter((p) => p.rosterStudentId).map((p) => [p.rosterStudentId as string, p]));
  const rosterSeats = roster.map((student): Seat<P> => {
    const participant = byRosterId.get(student.id) ?? null;
    return { key: student.id, name: student.name, state: participant ? stateOf(participant) : "absent", guest: false, participant };
  });
  const guests = participants
    .filter((p) => !p.rosterStudentId)
    .map((p): Seat<P> => ({ key: p.id, name: p.displayName, state: stateOf(p), guest: true, participant: p }));
  return [...rosterSeats, ...guests];
}

export function countSeats(seats: Seat[]): Record<SeatState, number> {
  const counts: Record<SeatState, number> = { present: 0, dropped: 0, absent: 0 };
  for (const seat of seats) counts[seat.state] += 1;
  return counts;
}
