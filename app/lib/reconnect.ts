/**
 * How a page gets back after the server went away (issue 16 §3). Socket.IO's own back-off grows
 * to 5 s ± 50 % and then clamps every client to the same cap, so after a restart students came
 * back up to 9 s late, and those at the cap all at once. Here: "full jitter" exponential back-off
 * — each wait is uniform in [0, min(cap, base·2^attempt)] — so every client tries at least once
 * within RECONNECT_CAP_MS of the server being ready, spread over that window rather than in step.
 */
import type { Socket } from "socket.io-client";

/** First wait's upper bound (ms). */
export const RECONNECT_BASE_MS = 250;
/** No wait is longer than this (ms): clients are back within it (plus the handshake) of the server being ready. */
export const RECONNECT_CAP_MS = 2_000;

/** The wait before reconnect attempt `attempt` (0-based); `random` in [0, 1). */
export function reconnectDelayMs(attempt: number, random: number): number {
  const bound = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.floor(random * bound);
}

/**
 * Reconnects `socket` (created with `reconnection: false`) whenever the connection is lost or an
 * attempt fails, until the page closes it or the server ends it on purpose ("io server
 * disconnect", e.g. REPLACED). `onAttempt` is told before each wait.
 */
export function keepReconnecting(
  socket: Socket,
  shouldStop: () => boolean = () => false,
  onAttempt: () => void = () => undefined,
  random: () => number = Math.random,
): void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    if (timer !== undefined || shouldStop()) return;
    onAttempt();
    timer = setTimeout(
      () => {
        timer = undefined;
        if (!socket.connected && !shouldStop()) socket.connect();
      },
      reconnectDelayMs(attempt++, random()),
    );
  };
  socket.on("connect", () => (attempt = 0));
  socket.on("connect_error", retry);
  socket.on("disconnect", (reason) => {
    if (reason !== "io client disconnect" && reason !== "io server disconnect") retry();
  });
}
