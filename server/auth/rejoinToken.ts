/**
 * Rejoin tokens: how a student's browser proves it is the same participant after a refresh,
 * a dropped connection or a server restart, without a password.
 *
 * token = signed {s: sessionId, p: participantId, v: tokenVersion} (server/auth/signedToken.ts)
 *
 * The signature stops forgery; `v` must equal the participant's current tokenVersion in the
 * database, and every successful rejoin increments it, so a token that was already used
 * (copied, replayed) is refused.
 */
import { z } from "zod";
import { readToken, signToken } from "./signedToken";

const claimsSchema = z.object({ s: z.string(), p: z.string(), v: z.number().int().nonnegative() });
export type RejoinClaims = z.infer<typeof claimsSchema>;

export function issueRejoinToken(claims: RejoinClaims, secret: string): string {
  return signToken("rejoin", claims, secret);
}

/** The claims of a correctly signed token, or null for anything forged or malformed. */
export function readRejoinToken(token: string, secret: string): RejoinClaims | null {
  return readToken("rejoin", token, secret, claimsSchema);
}
