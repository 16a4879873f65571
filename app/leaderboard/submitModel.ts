/**
 * The browser's side of a submission: a ticket over the socket, then one binary POST
 * (lib/protocol/leaderboard.ts). A dropped connection, a server that cannot store right now
 * (UNAVAILABLE) or a network that is sending too many uploads at once (RATE_LIMITED: a class behind
 * one school address submitting together, W14) is retried with the same idempotency key, so the server counts the submission once
 * whatever happens to the reply: with the pages' reconnect back-off, after the socket is connected
 * again (the server is back), for up to RETRY_WINDOW_MS — long enough to outlast a restart.
 */
import { encodeUploadBody, type ChosenSample, type UploadReply } from "../../lib/protocol/leaderboard";
import type { Reply } from "../../lib/protocol/errors";
import type { BackendName } from "../training/messages";
import { request, type ClientSocket } from "../lib/socket";
import type { ClientReply } from "../lib/api";
import { reconnectDelayMs } from "../lib/reconnect";

/** How long an upload keeps retrying (a server restart, a Wi-Fi drop) before it is reported as failed (ms). */
const RETRY_WINDOW_MS = 120_000;
/** Refusals that pass by themselves, so the same upload is sent again. */
const RETRIED_CODES = new Set(["UNAVAILABLE", "RATE_LIMITED"]);

/** Resolves when the socket is connected, or when `deadline` (epoch ms) passes. */
function connectedOrDeadline(socket: ClientSocket, deadline: number): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    function done() {
      clearTimeout(timer);
      socket.off("connect", done);
      resolve();
    }
    socket.on("connect", done);
  });
}

function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface Submission {
  weights: Uint8Array;
  backend: BackendName;
  sample: ChosenSample;
}

export async function submitModel(socket: ClientSocket, modelSessionId: string, submission: Submission): Promise<ClientReply<UploadReply>> {
  const ticket = await request(socket, "submission:ticket", { modelSessionId });
  if (!ticket.ok) return ticket;
  const body = encodeUploadBody(
    { ticket: ticket.data.ticket, idempotencyKey: newIdempotencyKey(), backend: submission.backend, sample: submission.sample },
    submission.weights,
  );
  const deadline = Date.now() + RETRY_WINDOW_MS;
  let lastError = "";
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    try {
      const response = await fetch(ticket.data.uploadPath, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/octet-stream" },
        body,
      });
      const reply = (await response.json()) as Reply<UploadReply>;
      if (reply.ok || !RETRIED_CODES.has(reply.error.code)) return reply;
      lastError = reply.error.message;
    } catch (error) {
      lastError = String(error); // the same body (same key) again: counted once (L11)
    }
    await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt, Math.random())));
    await connectedOrDeadline(socket, deadline);
  }
  return { ok: false, error: { code: "NETWORK", message: lastError } };
}
