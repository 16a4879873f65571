/**
 * Which errors mean "the storage failed" rather than "our code is wrong": a full disk, an I/O
 * error, a read-only or vanished database file (SQLite result codes, which Prisma passes on as
 * the error's code), or a PostgreSQL server that is unreachable, out of space or shutting down.
 * Such an error fails the one request with UNAVAILABLE (retry shortly) instead of INTERNAL.
 */
const SQLITE_STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|NOMEM|PROTOCOL)/;
/** Prisma: can't reach server, server closed the connection, connection pool timeout, transaction could not start in time. */
const PRISMA_STORAGE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** PostgreSQL SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (operator intervention). */
const POSTGRES_STORAGE_STATES = /^(08|53|57P)/;
const NODE_NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOSPC", "EIO", "EROFS"]);

export function isStorageFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, cause } = error as { code?: unknown; meta?: { code?: unknown }; cause?: unknown };
  for (const candidate of [code, meta?.code]) {
    if (typeof candidate !== "string") continue;
    if (SQLITE_STORAGE_CODES.test(candidate) || PRISMA_STORAGE_CODES.has(candidate) || NODE_NETWORK_CODES.has(candidate)) return true;
    if (/^[0-9A-Z]{5}$/.test(candidate) && POSTGRES_STORAGE_STATES.test(candidate)) return true;
  }
  return cause !== undefined && cause !== error && isStorageFailure(cause);
}
