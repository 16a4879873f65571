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
/** Failed logins per IP and email: 5 tries, then one more every 30 s, against guessing (W7). */
export const LOGIN_FAILURE_LIMIT: BucketLimit = { burst: 5, perSecond: 1 / 30 };
/** Failed logins per email from devices that never logged in to it, all IPs together: against guessing spread over many IPs (W8). */
export const LOGIN_FAILURE_ACCOUNT_LIMIT: BucketLimit = { burst: 20, perSecond: 1 / 30 };
/** Failed logins per known device (W8): the owner's own browser keeps its own bucket, so a stranger cannot empty it. */
export const LOGIN_FAILURE_DEVICE_LIMIT: BucketLimit = { burst: 5, perSecond: 1 / 30 };
/** How long a browser stays a known device of an account after a successful login there (days). */
export const KNOWN_DEVICE_DAYS = 180;
/** Failed logins per IP: a school shares one IP, so 30 tries, then one every 10 s. */
export const LOGIN_FAILURE_IP_LIMIT: BucketLimit = { burst: 30, perSecond: 1 / 10 };
/**
 * Join-code lookups per IP (HTTP), and failed session:join / session:rejoin attempts per IP (sockets,
 * SS4: reserved before the attempt, given back when it succeeds, so a class joining at once is never
 * slowed but guessing codes or tokens is held to this rate): a whole class may share one school IP, so generous.
 */
export const JOIN_LIMIT: BucketLimit = { burst: 120, perSecond: 5 };
/**
 * Sockets one IP may hold open at once (SS4): a school's NAT puts a class of 300 (a lecture hall of
 * 500, the instructor's console and projectors) behind one address; one machine flooding sockets
 * stops here.
 */
export const MAX_SOCKETS_PER_IP = 1_200;
/** Sign-ups per IP: a staff room signs up together, so 50, then one every 6 s. */
export const SIGNUP_LIMIT: BucketLimit = { burst: 50, perSecond: 1 / 6 };
/** A live session's status is re-read from the database this often (ms) by the end guard (SS2). */
export const LIVE_RECHECK_MS = 2_000;
/** Roster broadcasts to the instructor are coalesced over this window (ms): 300 joins, a few updates. */
export const ROSTER_BROADCAST_DEBOUNCE_MS = 200;
/** The training hub's tick (ms): progress to instructors about once a second, then to the database. */
export const PROGRESS_TICK_MS = 1_000;
/** Students' latest values are written this often (ms): a restart loses at most this much. */
export const PERSIST_INTERVAL_MS = 5_000;
/**
 * Rows per write transaction; the loop yields between them, so SQLite never stalls sockets long:
 * SQLite runs on the event loop, and 20 upserts were one task of up to ≈ 180 ms on a busy 2-core machine
 * (`npm run bench:abuse`, the class alone: telemetry p99 14-24 ms with 20, 5 ms with 5).
 */
export const PERSIST_CHUNK = 5;
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
/** Longest a client may take to send a request's headers (ms); Node's default is 60 s, enough for a slow loris to hold sockets. */
export const HTTP_HEADERS_TIMEOUT_MS = 15_000;
/** Longest a client may take to send a whole request (ms): an 8 MB upload at ~1.2 Mbit/s fits; Node's default is 300 s. */
export const HTTP_REQUEST_TIMEOUT_MS = 60_000;
/** How often Node checks those two timeouts (ms); its default of 30 s would let a slow request live 30 s longer. */
export const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 5_000;
/** Large request bodies (over HTTP_MAX_JSON_BYTES) one IP may be sending at once: a class behind one NAT uploads in turns of this many. */
export const LARGE_BODIES_PER_IP = 16;
/** W16: uploaded training texts per instructor — 20 texts, 30 M characters in all (ten of the largest allowed). */
export const UPLOAD_QUOTA = { count: 20, chars: 30_000_000 };

/** /api/health fails (503) when the database does not answer a query within this time. */
export const HEALTH_DB_TIMEOUT_MS = 2_000;
/** SIGTERM: after this long without a clean shutdown the process exits anyway (non-zero). */
export const SHUTDOWN_DEADLINE_MS = 5_000;

/** SS5: a request to take a seat that has an owner waits this long (ms) for the instructor, then expires. */
export const SEAT_CLAIM_TTL_MS = 5 * 60_000;
/** SS5: once approved, the claimant's browser has this long (ms) to pick the seat up. */
export const SEAT_CLAIM_PICKUP_MS = 2 * 60_000;
/** SS5: requests waiting at once in one session: enough for a class's dead laptops, few enough for the console. */
export const MAX_PENDING_SEAT_CLAIMS = 30;
/** T13: students' verified losses (the bound on reported losses) are re-read from the database at most this often (ms). */
export const VERIFIED_LOSS_REFRESH_MS = 5_000;
/** R10: each server process renews its heartbeat key in Redis this often (ms). */
export const PEER_HEARTBEAT_MS = 1_000;
/** R10: a process whose heartbeat is older than this (ms) is gone; its students leave the instructors' rosters. */
export const PEER_TTL_MS = 3_000;
