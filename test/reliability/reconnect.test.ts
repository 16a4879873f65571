/** The reconnect back-off (app/lib/reconnect.ts): capped, jittered, growing. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RECONNECT_CAP_MS, reconnectDelayMs } from "../../app/lib/reconnect";

test("every wait is at most the cap, whatever the attempt", () => {
  for (const attempt of [0, 1, 3, 5, 10, 50, 1000]) assert.ok(reconnectDelayMs(attempt, 0.999999) <= RECONNECT_CAP_MS, `attempt ${attempt}`);
});

test("the bound grows with the attempts until the cap", () => {
  const bounds = [0, 1, 2, 3, 4].map((a) => reconnectDelayMs(a, 0.999999));
  assert.deepEqual(bounds, [249, 499, 999, 1999, 1999]);
});

test("waits are spread over [0, bound): full jitter, not clamped to one value at the cap", () => {
  const waits = [0, 0.25, 0.5, 0.75].map((r) => reconnectDelayMs(20, r));
  assert.deepEqual(waits, [0, 500, 1000, 1500]);
});
