/**
 * SS5 (SECURITY.md): a seat that already has an owner moves to another device only with the
 * instructor's approval. A student whose laptop died asks from a borrowed one; a classmate who
 * picks their name asks too — the instructor, who sees the room, decides.
 *
 *   claim (another device)  → pending, shown in the console, expires after SEAT_CLAIM_TTL_MS
 *   decide (the instructor) → approved: the owner's tokens stop working at once, the seat is
 *                             marked "taken over", other requests for it are refused
 *                           → refused
 *   status (the claimant)   → approved once: the claimant takes the seat (used)
 *
 * Requests live in the database (SeatClaim), so the console and the claimant may be served by
 * different server processes. The claimant proves its request with a signed claim token.
 */
import { z } from "zod";
import { AppError } from "../../lib/protocol/errors";
import type { SeatClaimView } from "../../lib/protocol/views";
import { readToken, signToken } from "../auth/signedToken";
import type { Db } from "../db/client";
import { MAX_PENDING_SEAT_CLAIMS, SEAT_CLAIM_PICKUP_MS, SEAT_CLAIM_TTL_MS } from "../limits";
import { liveSessionByCode, seatOf, seatOfIdentity, type JoinIdentity, type Presence, type Seat } from "./sessions";

const CLAIM_PURPOSE = "seatClaim";
const claimTokenSchema = z.object({ c: z.string() });

export interface NewClaim {
  claimId: string;
  sessionId: string;
  claimToken: string;
  expiresInMs: number;
}

/** Another device asks for the seat `identity` names in the session with `code`; the seat must have an owner. */
export async function requestSeat(db: Db, secret: string, code: string, identity: JoinIdentity, now: number): Promise<NewClaim> {
  const s = await liveSessionByCode(db, code);
  const { existing } = await seatOfIdentity(db, s, identity);
  if (!existing) throw new AppError("NOT_FOUND", "nobody has this seat yet: join it");
  const waiting = await db.seatClaim.count({ where: { sessionId: s.id, status: "pending", expiresAt: { gt: new Date(now) } } });
  if (waiting >= MAX_PENDING_SEAT_CLAIMS) throw new AppError("RATE_LIMITED", "too many requests are waiting for the teacher; try again later");
  const claim = await db.seatClaim.create({
    data: { sessionId: s.id, participantId: existing.id, createdAt: new Date(now), expiresAt: new Date(now + SEAT_CLAIM_TTL_MS) },
  });
  return { claimId: claim.id, sessionId: s.id, claimToken: signToken(CLAIM_PURPOSE, { c: claim.id }, secret), expiresInMs: SEAT_CLAIM_TTL_MS };
}

export type ClaimStatus =
  { status: "pending"; claimId: string; expiresInMs: number } | { status: "refused" } | { status: "expired" } | { status: "seated"; seat: Seat };

/** Where the claimant's request stands; an approved one is taken up here, once (compare-and-set). */
export async function claimStatus(db: Db, secret: string, claimToken: string, now: number): Promise<ClaimStatus> {
  const claims = readToken(CLAIM_PURPOSE, claimToken, secret, claimTokenSchema);
  if (!claims) throw new AppError("INVALID_TOKEN", "this request token is not valid");
  const claim = await db.seatClaim.findUnique({ where: { id: claims.c }, include: { session: { include: { class: true } }, participant: true } });
  if (!claim) throw new AppError("INVALID_TOKEN", "this request token is not valid");
  if (claim.session.status === "ended") throw new AppError("SESSION_ENDED", "this session has ended");
  if (claim.status === "refused") return { status: "refused" };
  if (claim.status === "used" || claim.expiresAt.getTime() <= now) return { status: "expired" };
  if (claim.status === "pending") return { status: "pending", claimId: claim.id, expiresInMs: claim.expiresAt.getTime() - now };
  const taken = await db.seatClaim.updateMany({ where: { id: claim.id, status: "approved" }, data: { status: "used" } });
  if (taken.count !== 1) return { status: "expired" };
  if (claim.participant.removedAt) throw new AppError("FORBIDDEN", "the instructor removed this seat");
  // Approval moved the token version past every token the owner held; this is the first token of the new one.
  return { status: "seated", seat: seatOf(claim.session, claim.participant, secret) };
}

/**
 * The instructor decides a pending request of their session. Approving revokes the owner's tokens
 * (the version moves past the newest and the one before it), marks the seat taken over, and
 * refuses the seat's other requests. Returns the seat's participant.
 */
export async function decideClaim(db: Db, sessionId: string, claimId: string, approve: boolean, now: number): Promise<{ participantId: string }> {
  const claim = await db.seatClaim.findFirst({ where: { id: claimId, sessionId } });
  if (!claim) throw new AppError("NOT_FOUND", "no such request");
  const at = new Date(now);
  const decided = await db.seatClaim.updateMany({
    where: { id: claimId, status: "pending", expiresAt: { gt: at } },
    data: approve ? { status: "approved", decidedAt: at, expiresAt: new Date(now + SEAT_CLAIM_PICKUP_MS) } : { status: "refused", decidedAt: at },
  });
  if (decided.count !== 1) throw new AppError("CONFLICT", "this request was already decided or has expired");
  if (approve) {
    await db.$transaction([
      db.participant.update({ where: { id: claim.participantId }, data: { tokenVersion: { increment: 2 }, tokenConfirmed: true, takenOverAt: at } }),
      db.seatClaim.updateMany({
        where: { participantId: claim.participantId, id: { not: claimId }, status: { in: ["pending", "approved"] } },
        data: { status: "refused", decidedAt: at },
      }),
    ]);
  }
  return { participantId: claim.participantId };
}

/** The session's requests waiting for the instructor, oldest first. */
export async function pendingClaims(db: Db, presence: Presence, sessionId: string, now: number): Promise<SeatClaimView[]> {
  const [rows, connected] = await Promise.all([
    db.seatClaim.findMany({
      where: { sessionId, status: "pending", expiresAt: { gt: new Date(now) } },
      include: { participant: { select: { displayName: true } } },
      orderBy: { createdAt: "asc" },
    }),
    presence.connectedParticipants(sessionId),
  ]);
  return rows.map((c) => ({
    id: c.id,
    participantId: c.participantId,
    displayName: c.participant.displayName,
    ownerConnected: connected.has(c.participantId),
    createdAt: c.createdAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
  }));
}
