/**
 * Sends a round's update (lib/federated/SPEC.md F4): one binary POST, retried with the same
 * idempotency key — so the server counts it once whatever happens to a reply — when the server
 * cannot store right now (UNAVAILABLE), when the student or their network sent too many uploads at
 * once (RATE_LIMITED: small models close rounds within seconds), or when the connection dropped;
 * for as long as the round may still take it. A round waits for every connected student, so a
 * student who gave up at the first refusal would hold the class up until the deadline.
 */
import { CLASS_MODEL_UPDATE_PATH, type UpdateReply } from "../../lib/protocol/federated";
import type { ClientReply } from "../lib/api";
import { reconnectDelayMs } from "../lib/reconnect";

/** Refusals that pass by themselves, so the same update is sent again. */
const RETRIED_CODES = new Set(["UNAVAILABLE", "RATE_LIMITED"]);

export async function sendUpdate(body: BodyInit, retryForMs: number): Promise<ClientReply<UpdateReply>> {
  const deadline = Date.now() + retryForMs;
  let last: ClientReply<UpdateReply> = { ok: false, error: { code: "NETWORK", message: "not sent" } };
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(CLASS_MODEL_UPDATE_PATH, { method: "POST", headers: { "content-type": "application/octet-stream" }, body });
      last = (await response.json()) as ClientReply<UpdateReply>;
      if (last.ok || !RETRIED_CODES.has(last.error.code)) return last;
    } catch (error) {
      last = { ok: false, error: { code: "NETWORK", message: String(error) } };
    }
    const wait = reconnectDelayMs(attempt, Math.random());
    if (Date.now() + wait >= deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
