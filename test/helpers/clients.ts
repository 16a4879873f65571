/**
 * Real peers for integration tests: a typed socket.io-client and a typed JSON API caller that
 * keeps an instructor's cookie, like a browser would.
 */
import { io, type Socket } from "socket.io-client";
import { buildPath, routes, type RouteBody, type RouteName, type RouteReply } from "../../lib/api/routes";
import type { Reply } from "../../lib/protocol/errors";
import {
  PROTOCOL_VERSION,
  type ClientRequestName,
  type ClientToServerEvents,
  type RequestPayload,
  type RequestReply,
  type ServerToClientEvents,
} from "../../lib/protocol/events";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  cookie?: string;
  protocolVersion?: number;
}

/** Connects and waits for the connection (or rejects with the connect error). */
export function connectClient(url: string, options: ConnectOptions = {}): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION },
    extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits a request and resolves with the server's reply. */
export function request<E extends ClientRequestName>(socket: TestSocket, event: E, payload: RequestPayload<E> | unknown): Promise<Reply<RequestReply<E>>> {
  const untyped = socket as unknown as { emit(event: string, payload: unknown, ack: (reply: Reply<RequestReply<E>>) => void): void };
  return new Promise((resolve) => untyped.emit(event, payload, resolve));
}

/** Waits for the next broadcast of `event` that satisfies `predicate`. */
/** How long a test waits for a broadcast before failing with the event's name (ms). */
export const NEXT_EVENT_TIMEOUT_MS = 60_000;

export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = NEXT_EVENT_TIMEOUT_MS,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const untyped = socket as unknown as { on(e: string, l: (p: never) => void): void; off(e: string, l: (p: never) => void): void };
    // A missing broadcast fails by name instead of hanging until the runner's per-test limit.
    const timer = setTimeout(() => {
      untyped.off(event, listener);
      reject(new Error(`no '${String(event)}' event${predicate.length > 0 ? " matching the predicate" : ""} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: never) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      untyped.off(event, listener);
      resolve(payload);
    };
    untyped.on(event, listener);
  });
}

/** A browser-like API client: remembers the session cookie it is given. */
export class ApiClient {
  cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async call<N extends RouteName>(
    name: N,
    args: { params?: Record<string, string>; body?: RouteBody<N> | unknown; rawBody?: string } = {},
  ): Promise<{ status: number; reply: Reply<RouteReply<N>> }> {
    const route = routes[name];
    const response = await fetch(this.baseUrl + buildPath(route.path, args.params ?? {}), {
      method: route.method,
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: route.method === "GET" ? undefined : (args.rawBody ?? JSON.stringify(args.body ?? {})),
    });
    // Every cookie it is given, by name (behind a load balancer there are two: ours and its sticky one).
    const jar = new Map(
      (this.cookie ?? "")
        .split("; ")
        .filter(Boolean)
        .map((c) => [c.split("=")[0], c] as const),
    );
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0];
      jar.set(pair.split("=")[0], pair);
    }
    if (jar.size) this.cookie = [...jar.values()].join("; ");
    return { status: response.status, reply: (await response.json()) as Reply<RouteReply<N>> };
  }

  /** Like call(), but throws unless the reply is ok; returns the data. */
  async ok<N extends RouteName>(name: N, args: { params?: Record<string, string>; body?: RouteBody<N> } = {}): Promise<RouteReply<N>> {
    const { reply } = await this.call(name, args);
    if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
    return reply.data;
  }
}
