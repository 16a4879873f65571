/**
 * Work that would hold the event loop without a break, taken one piece per turn of the loop.
 *
 * The SQLite driver is synchronous, so an upload's checks (decoding the weight file, the round's
 * rows) and its row's transaction never wait for anything: when a class's upload bodies finish
 * arriving in the same poll phase, their checks ran back to back as one long task
 * (`npm run bench:upload`, 30 lecture-preset uploads: stalls of ≈ 100 ms). Here a piece waits for
 * the previous piece to end and then starts from setImmediate, so timers, sockets and other
 * requests run between two pieces. A piece must not wait for another piece (it would wait for
 * itself); pieces are short: real I/O (writing the weight file) happens between them.
 *
 * Since every SQLite statement takes its own turn as well (server/db/sqliteAdapter.ts), the loop
 * no longer stalls without this; it still pays in acknowledgements: taken one upload at a time,
 * the first students are answered first instead of all 30 uploads sharing the database until the
 * end (bench:upload lecture × 30, load 5–6, three runs each: ack p50 0.45–0.64 s with the turns
 * here, 0.61–1.06 s without; loop-lag p99 the same, 24–32 vs 18–33 ms).
 */
let tail: Promise<void> = Promise.resolve();

export function inOwnTurn<T>(piece: () => Promise<T>): Promise<T> {
  const run = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(piece);
  tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
