/**
 * The JSON API's router: matches a request to a route of lib/api/routes.ts, reads and caps the
 * body, validates it with the route's schema, runs the handler and writes a Reply<T> envelope.
 * Requests that match no /api route fall through to Next.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, type ErrorCode, type Reply } from "../../lib/protocol/errors";
import type { RouteName, Routes, RouteReply } from "../../lib/api/routes";
import { routes } from "../../lib/api/routes";
import type { z } from "zod";
import { HTTP_MAX_JSON_BYTES } from "../limits";
import type { Db } from "../db/client";
import { currentInstructor, type LoggedInInstructor } from "../auth/instructorSessions";
import { issuesOf, toErrorBody } from "../realtime/requests";

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

/** The logged-in instructor making this request, or UNAUTHENTICATED. */
export async function requireInstructor(db: Db, ctx: { req: IncomingMessage }): Promise<LoggedInInstructor> {
  const instructor = await currentInstructor(db, ctx.req.headers.cookie);
  if (!instructor) throw new AppError("UNAUTHENTICATED", "log in as an instructor first");
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

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `body larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `body larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "body is not valid JSON");
  }
}

/** Returns false when the request is not for the API (Next.js serves it). */
export async function routeApi(handlers: Handlers, req: IncomingMessage, res: ServerResponse, clientIp: (req: IncomingMessage) => string): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/api/")) return false;
  const matches = compiled.map((c) => ({ ...c, match: c.pattern.exec(url.pathname) })).filter((c) => c.match);
  const hit = matches.find((c) => c.route.method === req.method);
  if (!hit) {
    send(res, matches.length ? 405 : 404, { ok: false, error: { code: "NOT_FOUND", message: "no such API route" } });
    return true;
  }
  try {
    const raw = req.method === "GET" ? {} : await readJson(req, hit.route.maxBodyBytes ?? HTTP_MAX_JSON_BYTES);
    const parsed = hit.route.body.safeParse(raw);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid request body", issuesOf(parsed.error));
    const params = Object.fromEntries(Object.entries(hit.match?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const handler = handlers[hit.name] as Handler<RouteName>;
    const data = await handler({ req, res, params, body: parsed.data as never, ip: clientIp(req) });
    send(res, 200, { ok: true, data });
  } catch (error) {
    const body = toErrorBody(error);
    send(res, STATUS[body.code], { ok: false, error: body });
  }
  return true;
}
