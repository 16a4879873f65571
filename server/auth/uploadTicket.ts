/**
 * Upload tickets: a participant's permission to POST one submission for one model session,
 * issued over their authenticated socket (`submission:ticket`) and valid for a few minutes.
 * Signed with SESSION_SECRET for the "upload" purpose (server/auth/signedToken.ts), so a ticket
 * can neither be forged, nor altered to name another student, nor used as a rejoin token.
 */
import { z } from "zod";
import { readToken, signToken } from "./signedToken";

const PURPOSE = "upload";
const claimsSchema = z.object({ s: z.string(), p: z.string(), m: z.string(), e: z.number() });
export interface UploadClaims {
  sessionId: string;
  participantId: string;
  modelSessionId: string;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

export function issueUploadTicket(claims: UploadClaims, secret: string): string {
  return signToken(PURPOSE, { s: claims.sessionId, p: claims.participantId, m: claims.modelSessionId, e: claims.expiresAt }, secret);
}

/** The claims of a valid, unexpired ticket, or null. */
export function readUploadTicket(ticket: string, secret: string, now: number): UploadClaims | null {
  const claims = readToken(PURPOSE, ticket, secret, claimsSchema);
  if (!claims || claims.e < now) return null;
  return { sessionId: claims.s, participantId: claims.p, modelSessionId: claims.m, expiresAt: claims.e };
}
