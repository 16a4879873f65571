/**
 * The JSON API's router: matches a request to a route of lib/api/routes.ts, checks who is asking
 * (every route but the few marked public needs an instructor login, settled from the cookie
 * before a byte of the body is read: W13), reads and caps the body (JSON only: W2; a few large
 * bodies per IP at once: W14), validates it with the route's schema, runs the handler and writes a
 * Reply<T> envelope. Requests that match no /api route fall through to Next.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, type ErrorCode, type Reply } from "../../lib/protocol/errors";
import type { RouteName, Routes, RouteReply } from "../../lib/api/routes";
import { routes } from "../../lib/api/routes";
import type { z } from "zod";
import { HTTP_MAX_JSON_BYTES } from "../limits";
import type { BodyGate } from "./bodyGate";
import type { Db } from "../db/client";
import { currentInstructor, type LoggedInInstructor } from "../auth/instructorSessions";
import { issuesOf, toErrorBody } from "../errors";
import { parseUntrusted } from "../../lib/protocol/untrusted";
import { decodeUrlPart } from "./percentDecoding";

export interface RequestContext<N extends RouteName> {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  body: z.output<Routes[N]["body"]>;
  /** The client's IP, for rate limits. */
  ip: string;
}

export type Handler<N extends RouteName> = (ctx: RequestContext<N>) => Promise<RouteReply<N>>;
export type Handlers = { [N in RouteName]: Handler<N> };
/** The handlers of one domain's routes (e.g. HandlersFor<typeof foundationRoutes>). */
export type HandlersFor<R> = { [N in keyof R & RouteName]: Handler<N> };

/** Instructors already authenticated by the router for a request (before its body was read). */
const authenticated = new WeakMap<IncomingMessage, LoggedInInstructor>();

/** The logged-in instructor making this request, or UNAUTHENTICATED. */
export async function requireInstructor(db: Db, ctx: { req: IncomingMessage }): Promise<LoggedInInstructor> {
  const known = authenticated.get(ctx.req);
  if (known) return known;
  const instructor = await currentInstructor(db, ctx.req.headers.cookie);
  if (!instructor) throw new AppError("UNAUTHENTICATED", "log in as an instructor first");
  authenticated.set(ctx.req, instructor);
  return instructor;
}

export const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  SESSION_ENDED: 410,
  INVALID_TOKEN: 401,
  PROTOCOL_MISMATCH: 400,
  REPLACED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function compile(path: string): RegExp {
  return new RegExp(`^${path.replace(/:([A-Za-z]+)/g, "(?<$1>[^/]+)")}$`);
}

const compiled = (Object.keys(routes) as RouteName[]).map((name) => ({ name, route: routes[name], pattern: compile(routes[name].path) }));

export function send(res: ServerResponse, status: number, reply: Reply<unknown>) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(reply));
}

/**
 * Answers a binary upload (submissions, class-model updates) with the reply envelope. A refused
 * upload's unread rest is discarded and the connection closed, rather than read to its end.
 */
export async function answerUpload(req: IncomingMessage, res: ServerResponse, accept: () => Promise<unknown>): Promise<void> {
  try {
    send(res, 200, { ok: true, data: await accept() });
  } catch (error) {
    const body = toErrorBody(error);
    if (!req.complete) {
      res.setHeader("Connection", "close");
      req.resume();
    }
    send(res, STATUS[body.code], { ok: false, error: body });
  }
}

/** Sends a weight file to its one reader (never cached), or 404 when there is none. */
export function sendWeights(res: ServerResponse, weights: Uint8Array | null): void {
  if (!weights) {
    res.statusCode = 404;
    res.end("not found");
    return;
  }
  res.setHeader("Content-Type", "application/octet-stream");
  res.setHeader("Cache-Control", "private, no-store");
  res.end(weights);
}

/** W2: a body is JSON, and says so (a cross-site form can only send form or text/plain types). */
function requireJsonType(req: IncomingMessage): void {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new AppError("BAD_REQUEST", "send the body as application/json");
}

async function readJson(req: IncomingMessage, maxBytes: number, largeBodies: BodyGate, ip: string): Promise<unknown> {
  requireJsonType(req);
  const length = req.headers["content-length"];
  const declared = Number(length ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `body larger than ${maxBytes} bytes`);
  const large = length === undefined ? maxBytes > HTTP_MAX_JSON_BYTES : declared > HTTP_MAX_JSON_BYTES;
  const release = large ? largeBodies.enter(ip) : () => undefined;
  if (!release) throw new AppError("RATE_LIMITED", "too many large requests from this network at once; try again in a moment");
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `body larger than ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw error instanceof AppError ? error : new AppError("BAD_REQUEST", "the request body was cut off"); // the client went away
  } finally {
    release();
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "body is not valid JSON");
  }
}

export interface Api {
  db: Db;
  handlers: Handlers;
  largeBodies: BodyGate;
  /** The request's client address under the trusted proxies (server/http/clientAddress.ts, R9). */
  clientIp: (req: IncomingMessage) => string;
}

/** Returns false when the request is not for the API (Next.js serves it). */
export async function routeApi({ db, handlers, largeBodies, clientIp }: Api, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/api/")) return false;
  const matches = compiled.map((c) => ({ ...c, match: c.pattern.exec(url.pathname) })).filter((c) => c.match);
  const hit = matches.find((c) => c.route.method === req.method);
  if (!hit) {
    send(res, matches.length ? 405 : 404, { ok: false, error: { code: "NOT_FOUND", message: "no such API route" } });
    return true;
  }
  try {
    if (hit.route.access !== "public") await requireInstructor(db, { req });
    const raw = req.method === "GET" ? {} : await readJson(req, hit.route.maxBodyBytes ?? HTTP_MAX_JSON_BYTES, largeBodies, clientIp(req));
    const parsed = parseUntrusted(hit.route.body, raw);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid request body", issuesOf(parsed.error));
    const params = Object.fromEntries(Object.entries(hit.match?.groups ?? {}).map(([k, v]) => [k, decodeUrlPart(v)]));
    const handler = handlers[hit.name] as Handler<RouteName>;
    const data = await handler({ req, res, params, body: parsed.data as never, ip: clientIp(req) });
    send(res, 200, { ok: true, data });
  } catch (error) {
    const body = toErrorBody(error);
    if (!req.complete) res.setHeader("Connection", "close"); // a refused body is not read to its end
    send(res, STATUS[body.code], { ok: false, error: body });
  }
  return true;
}
