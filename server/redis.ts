/**
 * The Redis connections of the Socket.IO adapter. At start-up an unreachable Redis is an error
 * (R5: the process must not run half-connected); once connected, a dropped connection is retried
 * with a capped back-off for as long as the process lives.
 */
import { createClient } from "redis";

/** Connection attempts before start-up gives up on Redis. */
const STARTUP_ATTEMPTS = 3;
const RECONNECT_MAX_DELAY_MS = 2_000;

export type RedisClient = ReturnType<typeof createClient>;

export async function connectRedisPair(url: string): Promise<[RedisClient, RedisClient]> {
  let connected = false;
  const options = {
    url,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number, cause: Error) =>
        !connected && retries >= STARTUP_ATTEMPTS ? new Error(`Redis is unreachable at ${new URL(url).host}: ${cause.message}`) : Math.min(100 * 2 ** retries, RECONNECT_MAX_DELAY_MS),
    },
  };
  const pub = createClient(options);
  const sub = createClient(options);
  for (const client of [pub, sub]) client.on("error", (error: Error) => connected && console.error(`[redis] ${error.message}`));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    await Promise.all([pub, sub].map((c) => c.disconnect().catch(() => undefined)));
    throw error;
  }
  connected = true;
  return [pub, sub];
}
