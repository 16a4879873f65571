/**
 * The browser's side of a submission: a ticket over the socket, then one binary POST
 * (lib/protocol/leaderboard.ts). A dropped connection is retried with the same idempotency key,
 * so the server counts the submission once whatever happens to the reply.
 */
import { encodeUploadBody, type ChosenSample, type UploadReply } from "../../lib/protocol/leaderboard";
import type { Reply } from "../../lib/protocol/errors";
import type { BackendName } from "../training/messages";
import { request, type ClientSocket } from "../lib/socket";
import type { ClientReply } from "../lib/api";

const RETRIES = 3;

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
  const body = encodeUploadBody({ ticket: ticket.data.ticket, idempotencyKey: newIdempotencyKey(), backend: submission.backend, sample: submission.sample }, submission.weights);
  let lastError = "";
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    try {
      const response = await fetch(ticket.data.uploadPath, { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/octet-stream" }, body });
      return (await response.json()) as Reply<UploadReply>;
    } catch (error) {
      lastError = String(error); // the same body (same key) again: counted once (L11)
      await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
    }
  }
  return { ok: false, error: { code: "NETWORK", message: lastError } };
}
