/**
 * How every client request is handled: rate-limited, validated against its schema in
 * lib/protocol/events.ts, run, and answered with a Reply<T> through the acknowledgement.
 * A bad payload never reaches a handler and never crashes the server.
 */
import type { Socket } from "socket.io";
import type { Reply } from "../../lib/protocol/errors";
import { issuesOf, toErrorBody } from "../errors";
import { clientRequests, type ClientRequestName, type ParsedRequest, type RequestReply } from "../../lib/protocol/events";
import { parseUntrusted } from "../../lib/protocol/untrusted";
import type { RateLimiter } from "../rateLimit";
import { isStorageFailure } from "../db/storageErrors";

export function onRequest<E extends ClientRequestName>(
  socket: Socket,
  event: E,
  limiter: RateLimiter,
  handler: (payload: ParsedRequest<E>) => Promise<RequestReply<E>>,
): void {
  // Payloads are untrusted until parsed, so the listener takes `unknown[]`, not the typed payload.
  // Socket.IO hands the acknowledgement over as the last argument, however many come before it.
  const untyped = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  untyped.on(event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== "function") return; // every request is answered; one that cannot be is dropped
    const reply = (r: Reply<RequestReply<E>>) => (ack as (r: Reply<RequestReply<E>>) => void)(r);
    if (!limiter.take(socket.id)) return reply({ ok: false, error: { code: "RATE_LIMITED", message: "too many requests" } });
    // W19: exactly one payload before the acknowledgement; none, or extra arguments, is a bad request.
    if (args.length !== 2) return reply({ ok: false, error: { code: "BAD_REQUEST", message: `${event} takes one payload and an acknowledgement` } });
    const payload = args[0];
    const parsed = parseUntrusted(clientRequests[event].payload, payload);
    if (!parsed.success) {
      return reply({ ok: false, error: { code: "BAD_REQUEST", message: `invalid ${event} payload`, issues: issuesOf(parsed.error) } });
    }
    try {
      reply({ ok: true, data: await handler(parsed.data as ParsedRequest<E>) });
    } catch (error) {
      reply({ ok: false, error: toErrorBody(error) });
    }
  });
}
