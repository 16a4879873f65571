/**
 * How every client request is handled: rate-limited, validated against its schema in
 * lib/protocol/events.ts, run, and answered with a Reply<T> through the acknowledgement.
 * A bad payload never reaches a handler and never crashes the server.
 */
import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError, type ErrorBody, type Reply } from "../../lib/protocol/errors";
import { clientRequests, type ClientRequestName, type ParsedRequest, type RequestReply } from "../../lib/protocol/events";
import type { RateLimiter } from "../rateLimit";
import { isStorageFailure } from "../db/storageErrors";

/** zod issues as { "field.path": [messages] }. */
export function issuesOf(error: z.ZodError): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "(root)";
    (issues[path] ??= []).push(issue.message);
  }
  return issues;
}

/** Anything thrown becomes an error body; only AppError messages reach users. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  if (isStorageFailure(error)) {
    console.error("[server] storage failure:", error instanceof Error ? error.message.trim().split("\n").at(-1) : error);
    return { code: "UNAVAILABLE", message: "the server's storage failed; try again shortly" };
  }
  console.error("[server] unexpected error:", error);
  return { code: "INTERNAL", message: "internal error" };
}

export function onRequest<E extends ClientRequestName>(
  socket: Socket,
  event: E,
  limiter: RateLimiter,
  handler: (payload: ParsedRequest<E>) => Promise<RequestReply<E>>,
): void {
  // Payloads are untrusted until parsed, so the listener takes `unknown`, not the typed payload.
  const untyped = socket as unknown as { on(event: string, listener: (payload: unknown, ack: unknown) => void): void };
  untyped.on(event, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return; // every request is answered; one that cannot be is dropped
    const reply = (r: Reply<RequestReply<E>>) => (ack as (r: Reply<RequestReply<E>>) => void)(r);
    if (!limiter.take(socket.id)) return reply({ ok: false, error: { code: "RATE_LIMITED", message: "too many requests" } });
    const parsed = clientRequests[event].payload.safeParse(payload);
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
