/**
 * Class-model tokens: a student's permission to upload updates to, and download versions of, one
 * class model, issued over their authenticated socket (`classModel:sync`). Signed with SESSION_SECRET
 * for its own purpose, so it is neither a rejoin token nor a submission ticket.
 */
import { z } from "zod";
import { readToken, signToken } from "../auth/signedToken";

const PURPOSE = "class-model";
const claimsSchema = z.object({ s: z.string(), p: z.string(), c: z.string(), e: z.number() });
/** A lesson's length: the token outlives any class model run (budgets are at most 4 h). */
export const CLASS_MODEL_TOKEN_TTL_MS = 5 * 60 * 60_000;

export interface ClassModelClaims {
  sessionId: string;
  participantId: string;
  classModelId: string;
  expiresAt: number;
}

export function issueClassModelToken(claims: ClassModelClaims, secret: string): string {
  return signToken(PURPOSE, { s: claims.sessionId, p: claims.participantId, c: claims.classModelId, e: claims.expiresAt }, secret);
}

/** The claims of a valid, unexpired token, or null. */
export function readClassModelToken(token: string, secret: string, now: number): ClassModelClaims | null {
  const claims = readToken(PURPOSE, token, secret, claimsSchema);
  if (!claims || claims.e < now) return null;
  return { sessionId: claims.s, participantId: claims.p, classModelId: claims.c, expiresAt: claims.e };
}
