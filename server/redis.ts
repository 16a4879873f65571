/**
 * The Redis connections of the Socket.IO adapter. At start-up an unreachable Redis is an error
 * (R5: the process must not run half-connected); once connected, a dropped connection is retried
 * with a capped back-off for as long as the process lives. The Redis modules are imported only
 * when REDIS_URL is set: loading them cost ≈ 0.7 s of CPU on every start (measured with --cpu-prof).
 */
import type { createClient } from "redis";

/** Connection attempts before start-up gives up on Redis. */
const STARTUP_ATTEMPTS = 3;
const RECONNECT_MAX_DELAY_MS = 2_000;

export type RedisClient = ReturnType<typeof createClient>;

export async function connectRedisPair(url: string): Promise<[RedisClient, RedisClient]> {
  const { createClient } = await import("redis");
  let connected = false;
  const options = {
    url,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number, cause: Error) =>
        !connected && retries >= STARTUP_ATTEMPTS
          ? new Error(`Redis is unreachable at ${new URL(url).host}: ${cause.message}`)
          : Math.min(100 * 2 ** retries, RECONNECT_MAX_DELAY_MS),
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

/** The Socket.IO adapter that fans out through Redis, and its two connections (to quit on close). */
export async function redisAdapter(url: string) {
  const clients = await connectRedisPair(url);
  const { createAdapter } = await import("@socket.io/redis-adapter");
  return { adapter: createAdapter(clients[0], clients[1]), clients };
}
