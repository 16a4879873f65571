/**
 * Live sessions and the students' seats in them: starting and ending a session, the join code,
 * and who may take which seat. Pure decisions over the database; which sockets are connected
 * is asked of `Presence` (server/realtime/presence.ts), so the same rules hold across processes.
 */
import { randomInt } from "node:crypto";
import { AppError } from "../../lib/protocol/errors";
import { SEAT_HELD } from "../../lib/protocol/session";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../../lib/protocol/events";
import type { InstructorSnapshot, ParticipantView, RosterChoice, SeatClaimView, SessionInfo, StudentSnapshot } from "../../lib/protocol/views";
import { looksLike, nameKey } from "../../lib/names";
import type { Db } from "../db/client";
import { issueRejoinToken, readRejoinToken } from "../auth/rejoinToken";
import { requireOwnClass } from "./classes";

export interface Presence {
  /** Ids of the participants of `sessionId` that have at least one connected socket. */
  connectedParticipants(sessionId: string): Promise<Set<string>>;
}

export type SessionRow = { id: string; code: string; classId: string; status: string; createdAt: Date; class: { name: string } };

function toInfo(s: SessionRow): SessionInfo {
  return {
    id: s.id,
    code: s.code,
    classId: s.classId,
    className: s.class.name,
    status: s.status === "ended" ? "ended" : "live",
    createdAt: s.createdAt.toISOString(),
  };
}

function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Starts a session for the class, or returns the one already live (starting twice is harmless). */
export async function startSession(db: Db, instructorId: string, classId: string): Promise<SessionInfo> {
  await requireOwnClass(db, instructorId, classId);
  const live = await db.classSession.findFirst({ where: { classId, status: "live" }, include: { class: true } });
  if (live) return toInfo(live);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newJoinCode();
    if (await db.classSession.findUnique({ where: { code } })) continue;
    return toInfo(await db.classSession.create({ data: { classId, code }, include: { class: true } }));
  }
  throw new AppError("INTERNAL", "could not find a free join code");
}

export async function requireOwnSession(db: Db, instructorId: string, sessionId: string): Promise<SessionInfo> {
  const s = await db.classSession.findFirst({ where: { id: sessionId, class: { instructorId } }, include: { class: true } });
  if (!s) throw new AppError("NOT_FOUND", "no such session");
  return toInfo(s);
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.classSession.updateMany({ where: { id: sessionId, status: "live" }, data: { status: "ended", endedAt: new Date() } });
}

export async function liveSessionByCode(db: Db, code: string): Promise<SessionRow> {
  const s = await db.classSession.findUnique({ where: { code }, include: { class: true } });
  if (!s) throw new AppError("NOT_FOUND", "no session with this code");
  if (s.status === "ended") throw new AppError("SESSION_ENDED", "this session has ended");
  return s;
}

/** The join page's view of a code: the class name and its roster with taken names marked. */
export async function lookupJoinCode(db: Db, presence: Presence, code: string): Promise<{ code: string; className: string; roster: RosterChoice[] }> {
  const s = await liveSessionByCode(db, code);
  const [students, seats, connected] = await Promise.all([
    db.rosterStudent.findMany({ where: { classId: s.classId, archivedAt: null }, orderBy: { name: "asc" } }),
    db.participant.findMany({ where: { sessionId: s.id, rosterStudentId: { not: null } }, select: { id: true, rosterStudentId: true } }),
    presence.connectedParticipants(s.id),
  ]);
  const takenStudents = new Set(seats.filter((p) => connected.has(p.id)).map((p) => p.rosterStudentId));
  return { code: s.code, className: s.class.name, roster: students.map((st) => ({ id: st.id, name: st.name, taken: takenStudents.has(st.id) })) };
}

/**
 * SS6: a guest nickname that looks like a roster name, or like another participant's name
 * (same TR39 skeleton, a different spelling), is refused. The same spelling is the same seat (join).
 */
async function refuseLookAlike(db: Db, s: SessionRow, nickname: string): Promise<void> {
  const [roster, participants] = await Promise.all([
    db.rosterStudent.findMany({ where: { classId: s.classId, archivedAt: null }, select: { name: true } }),
    db.participant.findMany({ where: { sessionId: s.id }, select: { displayName: true, nameKey: true } }),
  ]);
  const looksLikeNickname = looksLike(nickname);
  if (roster.some((student) => looksLikeNickname(student.name))) {
    throw new AppError("CONFLICT", "this name is on the class roster: pick it from the list");
  }
  const key = nameKey(nickname);
  if (participants.some((p) => p.nameKey !== key && looksLikeNickname(p.displayName))) {
    throw new AppError("CONFLICT", "this name is already taken");
  }
}

/** SS4: a new guest needs a free guest seat (the instructor sets how many; removed seats are free again). */
async function requireGuestSeat(db: Db, sessionId: string): Promise<void> {
  const [session, guests] = await Promise.all([
    db.classSession.findUniqueOrThrow({ where: { id: sessionId }, select: { guestSeatLimit: true } }),
    db.participant.count({ where: { sessionId, rosterStudentId: null, removedAt: null } }),
  ]);
  if (guests >= session.guestSeatLimit) throw new AppError("CONFLICT", "all guest seats of this session are taken", { reason: ["GUEST_SEATS_FULL"] });
}

/** SS4: the instructor sets the session's guest seats. */
export async function setGuestSeatLimit(db: Db, sessionId: string, limit: number): Promise<number> {
  const updated = await db.classSession.update({ where: { id: sessionId }, data: { guestSeatLimit: limit }, select: { guestSeatLimit: true } });
  return updated.guestSeatLimit;
}

/** SS4: the instructor removes a seat: its token version moves on (every token it holds fails) and its name stays refused. */
export async function removeParticipant(db: Db, sessionId: string, participantId: string): Promise<void> {
  const removed = await db.participant.updateMany({
    where: { id: participantId, sessionId, removedAt: null },
    data: { removedAt: new Date(), tokenVersion: { increment: 2 } },
  });
  if (removed.count === 0) throw new AppError("NOT_FOUND", "no such student in this session");
}

export type JoinIdentity = { kind: "roster"; rosterStudentId: string } | { kind: "guest"; nickname: string };

export interface Seat {
  participantId: string;
  sessionId: string;
  rejoinToken: string;
  snapshot: StudentSnapshot;
}

type ParticipantRow = NonNullable<Awaited<ReturnType<Db["participant"]["findUnique"]>>>;

/** The seat an identity names in a session: its name, and the participant holding it if there is one. */
export async function seatOfIdentity(
  db: Db,
  s: SessionRow,
  identity: JoinIdentity,
): Promise<{ displayName: string; key: string; rosterStudentId: string | null; existing: ParticipantRow | null }> {
  let displayName: string;
  let rosterStudentId: string | null = null;
  if (identity.kind === "roster") {
    const student = await db.rosterStudent.findFirst({ where: { id: identity.rosterStudentId, classId: s.classId, archivedAt: null } });
    if (!student) throw new AppError("NOT_FOUND", "this name is not on the class roster");
    displayName = student.name;
    rosterStudentId = student.id;
  } else {
    displayName = identity.nickname;
  }
  const key = nameKey(displayName);
  const existing = await db.participant.findUnique({ where: { sessionId_nameKey: { sessionId: s.id, nameKey: key } } });
  if (existing?.removedAt) throw new AppError("FORBIDDEN", "the instructor removed this seat");
  if (existing) {
    if (existing.rosterStudentId !== null && rosterStudentId === null)
      throw new AppError("CONFLICT", "this name is on the class roster: pick it from the list");
    if (existing.rosterStudentId !== rosterStudentId) throw new AppError("CONFLICT", "this name is already taken");
  }
  return { displayName, key, rosterStudentId, existing };
}

/**
 * Takes a new seat in the session with `code`: a roster student's seat nobody has taken yet, or a
 * guest seat for a new nickname (a roster student's nickname is refused: pick it from the list).
 * SS5: a seat that already has an owner — connected or not, the owner holds a valid rejoin token —
 * is refused CONFLICT with the SEAT_HELD issue: another device gets it only with the instructor's
 * approval (server/domain/seatClaims.ts); the owner gets back in with their token (rejoin).
 */
export async function join(db: Db, presence: Presence, secret: string, code: string, identity: JoinIdentity): Promise<Seat> {
  const s = await liveSessionByCode(db, code);
  const { displayName, key, rosterStudentId, existing } = await seatOfIdentity(db, s, identity);
  if (existing) {
    const connected = (await presence.connectedParticipants(s.id)).has(existing.id);
    throw new AppError(
      "CONFLICT",
      connected ? "a connected student is already using this name" : "this seat already has an owner: ask the teacher to move it to this device",
      { [SEAT_HELD]: [connected ? "connected" : "disconnected"] },
    );
  }
  if (rosterStudentId === null) {
    await requireGuestSeat(db, s.id); // first: it is cheap, the look-alike scan is not
    await refuseLookAlike(db, s, displayName);
  }
  const participant = await db.participant.create({ data: { sessionId: s.id, displayName, nameKey: key, rosterStudentId } });
  return seatOf(s, participant, secret);
}

/**
 * Gives the token's seat back, rotating the token. The caller replaces any other socket of this seat.
 * The token before the newest is accepted while the browser has not confirmed it saved the newest
 * (confirmToken): the reply that carried it may have been lost with the connection. It then gets
 * the newest token again, unrotated.
 */
export async function rejoin(db: Db, secret: string, token: string): Promise<Seat> {
  const claims = readRejoinToken(token, secret);
  if (!claims) throw new AppError("INVALID_TOKEN", "this rejoin token is not valid");
  const participant = await db.participant.findUnique({ where: { id: claims.p }, include: { session: { include: { class: true } } } });
  if (!participant || participant.sessionId !== claims.s) throw new AppError("INVALID_TOKEN", "this rejoin token is not valid");
  if (participant.session.status === "ended") throw new AppError("SESSION_ENDED", "this session has ended");
  if (participant.removedAt) throw new AppError("FORBIDDEN", "the instructor removed this seat");
  if (claims.v === participant.tokenVersion - 1 && !participant.tokenConfirmed) return seatOf(participant.session, participant, secret);
  // Rotate only if the token is the current one: a compare-and-set, so two tabs racing with the same token cannot both win.
  const rotated = await db.participant.updateMany({
    where: { id: participant.id, tokenVersion: claims.v },
    data: { tokenVersion: { increment: 1 }, tokenConfirmed: false, lastSeenAt: new Date() },
  });
  if (rotated.count !== 1) throw new AppError("INVALID_TOKEN", "this rejoin token was already used");
  return seatOf(participant.session, { ...participant, tokenVersion: claims.v + 1 }, secret);
}

/** The browser of this seat saved `token`: older tokens are refused from now on. */
export async function confirmToken(db: Db, secret: string, participantId: string, token: string): Promise<void> {
  const claims = readRejoinToken(token, secret);
  if (!claims || claims.p !== participantId) throw new AppError("INVALID_TOKEN", "this rejoin token is not valid");
  await db.participant.updateMany({ where: { id: participantId, tokenVersion: claims.v }, data: { tokenConfirmed: true } });
}

export function seatOf(s: SessionRow, p: { id: string; displayName: string; tokenVersion: number }, secret: string): Seat {
  return {
    participantId: p.id,
    sessionId: s.id,
    rejoinToken: issueRejoinToken({ s: s.id, p: p.id, v: p.tokenVersion }, secret),
    snapshot: { session: toInfo(s), you: { participantId: p.id, displayName: p.displayName } },
  };
}

export async function touchParticipant(db: Db, participantId: string): Promise<void> {
  await db.participant.updateMany({ where: { id: participantId }, data: { lastSeenAt: new Date() } });
}

export async function participantViews(db: Db, presence: Presence, sessionId: string): Promise<ParticipantView[]> {
  const [rows, connected] = await Promise.all([
    db.participant.findMany({ where: { sessionId, removedAt: null }, orderBy: { joinedAt: "asc" } }),
    presence.connectedParticipants(sessionId),
  ]);
  return rows.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    rosterStudentId: p.rosterStudentId,
    connected: connected.has(p.id),
    joinedAt: p.joinedAt.toISOString(),
    lastSeenAt: p.lastSeenAt.toISOString(),
    takenOverAt: p.takenOverAt?.toISOString() ?? null,
  }));
}

/** The console's view of a session; the requests for seats (SS5) come from server/domain/seatClaims.ts. */
export async function instructorSnapshot(db: Db, presence: Presence, session: SessionInfo, seatClaims: SeatClaimView[]): Promise<InstructorSnapshot> {
  const [participants, row] = await Promise.all([
    participantViews(db, presence, session.id),
    db.classSession.findUniqueOrThrow({ where: { id: session.id }, select: { guestSeatLimit: true } }),
  ]);
  return { session, participants, guestSeatLimit: row.guestSeatLimit, seatClaims };
}
