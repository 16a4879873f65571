/**
 * Attendance: which roster student sat in which session. A student attended a session when a
 * participant of that session is linked to them (joined from the roster, or merged later).
 */
import type { ParticipantRow, SessionRow } from "./rows";

/** rosterStudentId → sessionId → participantId. */
export type AttendanceIndex = Map<string, Map<string, string>>;

export function attendanceIndex(participants: readonly ParticipantRow[]): AttendanceIndex {
  const index: AttendanceIndex = new Map();
  for (const p of participants) {
    if (!p.rosterStudentId) continue;
    let row = index.get(p.rosterStudentId);
    if (!row) index.set(p.rosterStudentId, (row = new Map()));
    row.set(p.sessionId, p.id);
  }
  return index;
}

/** How many of the class's sessions, counted back from the latest, the student missed in a row. */
export function trailingAbsences(sessionsOldestFirst: readonly SessionRow[], attended: ReadonlyMap<string, string> | undefined): number {
  let count = 0;
  for (let i = sessionsOldestFirst.length - 1; i >= 0; i--) {
    if (attended?.has(sessionsOldestFirst[i].id)) break;
    count++;
  }
  return count;
}

/** Students present per session (roster students and guests alike). */
export function headcounts(participants: readonly ParticipantRow[]): Map<string, { roster: number; guests: number }> {
  const out = new Map<string, { roster: number; guests: number }>();
  for (const p of participants) {
    const c = out.get(p.sessionId) ?? { roster: 0, guests: 0 };
    if (p.rosterStudentId) c.roster++;
    else c.guests++;
    out.set(p.sessionId, c);
  }
  return out;
}
