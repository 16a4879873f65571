/**
 * Limits and timings, with units and reasons, kept together (Excalidraw's app_constants idea).
 */
import { availableParallelism } from "node:os";
import type { BucketLimit } from "./rateLimit";

/** Largest Socket.IO message accepted (bytes). Weights submissions go over HTTP, not the socket. */
export const SOCKET_MAX_MESSAGE_BYTES = 64 * 1024;
/** Largest JSON body accepted by the HTTP API (bytes). */
export const HTTP_MAX_JSON_BYTES = 64 * 1024;
/** Socket events per connection: a burst of 30, then 10 per second (telemetry is 1 Hz). */
export const SOCKET_EVENT_LIMIT: BucketLimit = { burst: 30, perSecond: 10 };
/** Failed logins per email: 5 tries, then one more every 30 s, against guessing. */
export const LOGIN_FAILURE_LIMIT: BucketLimit = { burst: 5, perSecond: 1 / 30 };
/** Failed logins per IP: a school shares one IP, so 30 tries, then one every 10 s. */
export const LOGIN_FAILURE_IP_LIMIT: BucketLimit = { burst: 30, perSecond: 1 / 10 };
/** Join-code lookups and joins per IP: a whole class may share one school IP, so generous. */
export const JOIN_LIMIT: BucketLimit = { burst: 120, perSecond: 5 };
/** Sign-ups per IP: a staff room signs up together, so 50, then one every 6 s. */
export const SIGNUP_LIMIT: BucketLimit = { burst: 50, perSecond: 1 / 6 };
/** Roster broadcasts to the instructor are coalesced over this window (ms): 300 joins, a few updates. */
export const ROSTER_BROADCAST_DEBOUNCE_MS = 200;
/** The training hub's tick (ms): progress to instructors about once a second, then to the database. */
export const PROGRESS_TICK_MS = 1_000;
/** Students' latest values are written this often (ms): a restart loses at most this much. */
export const PERSIST_INTERVAL_MS = 5_000;
/** Rows per write transaction; the loop yields between them, so SQLite never stalls sockets long. */
export const PERSIST_CHUNK = 20;
/** Evaluation worker threads: leave one core to the event loop (2 cores → 1 worker). */
export const EVAL_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Longest one evaluation may take (ms): LSTM-512 × 3 on the cpu fallback still fits; a stuck worker is replaced. */
export const EVAL_JOB_TIMEOUT_MS = 180_000;
/** Leaderboard broadcasts are coalesced over this window (ms): a burst of scores, one update. */
export const LEADERBOARD_BROADCAST_DEBOUNCE_MS = 150;
/** Upload tickets stay valid this long (ms): enough for a slow upload and a retry or two. */
export const UPLOAD_TICKET_TTL_MS = 10 * 60_000;
/** Uploads per student (L15): a burst of 3, then one every 10 s. */
export const SUBMISSION_RATE_LIMIT: BucketLimit = { burst: 3, perSecond: 1 / 10 };
/** Upload attempts per IP, whatever the ticket: a whole event may share one school IP (300 students), so generous. */
export const UPLOAD_IP_LIMIT: BucketLimit = { burst: 300, perSecond: 5 };
/** Upload body cap (bytes): the 8 MB weight file plus the metadata. */
export const UPLOAD_MAX_BODY_BYTES = 8 * 1024 * 1024 + 64 * 1024;

/** /api/health fails (503) when the database does not answer a query within this time. */
export const HEALTH_DB_TIMEOUT_MS = 2_000;
/** SIGTERM: after this long without a clean shutdown the process exits anyway (non-zero). */
export const SHUTDOWN_DEADLINE_MS = 5_000;
