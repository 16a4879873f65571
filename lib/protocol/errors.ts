/**
 * The closed list of error codes a client may receive, and the one reply envelope every
 * acknowledgement and HTTP response uses (the Socket.IO basic-crud example's Response<T>).
 * Clients translate codes through the message catalog (lib/i18n/*.json: errors.CODE);
 * `message` is an English explanation for logs and tests, never raw internals.
 */
export const ERROR_CODES = [
  "BAD_REQUEST", // payload failed its schema; `issues` says which field
  "UNAUTHENTICATED", // no valid instructor login
  "FORBIDDEN", // authenticated, but this role may not do this
  "NOT_FOUND", // no such session / class / code
  "CONFLICT", // e.g. a name already taken by a connected student
  "RATE_LIMITED", // too many requests; retry later
  "PAYLOAD_TOO_LARGE",
  "SESSION_ENDED", // the live session is over
  "INVALID_TOKEN", // a rejoin token that is forged, expired or already used
  "PROTOCOL_MISMATCH", // client and server speak different protocol versions: reload the page
  "REPLACED", // this participant connected from another tab or device
  "UNAVAILABLE", // the server's storage failed (disk full, I/O error, database unreachable): retry shortly
  "INTERNAL", // a bug on our side; details only in the server log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Errors that end a page's live connection: the client shows a stop screen instead of
 * "offline, retrying" (tldraw's TLSyncErrorCloseEventReason idea).
 */
export const FATAL_ERROR_CODES: readonly ErrorCode[] = ["NOT_FOUND", "FORBIDDEN", "SESSION_ENDED", "PROTOCOL_MISMATCH", "REPLACED", "INVALID_TOKEN"];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems from schema validation (zod's flattened field errors). */
  issues?: Record<string, string[]>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** An error that is meant to reach the user (anything else becomes INTERNAL). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isFatal(code: ErrorCode): boolean {
  return FATAL_ERROR_CODES.includes(code);
}
