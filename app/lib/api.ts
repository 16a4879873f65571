/**
 * The browser's typed client for the JSON API (lib/api/routes.ts). Returns the server's
 * Reply<T>; a network failure becomes { code: "NETWORK" } so pages can show it like any error.
 */
import { buildPath, routes, type PathParams, type RouteBody, type RouteName, type RouteReply, type Routes } from "../../lib/api/routes";
import type { ErrorBody, Reply } from "../../lib/protocol/errors";

export type ClientError = ErrorBody | { code: "NETWORK"; message: string };
export type ClientReply<T> = { ok: true; data: T } | { ok: false; error: ClientError };

type Args<N extends RouteName> = (keyof PathParams<Routes[N]["path"]> extends never ? { params?: undefined } : { params: PathParams<Routes[N]["path"]> }) &
  (Routes[N]["method"] extends "GET" ? { body?: undefined } : { body?: RouteBody<N> });

export async function callApi<N extends RouteName>(name: N, args: Args<N> = {} as Args<N>): Promise<ClientReply<RouteReply<N>>> {
  const route = routes[name];
  const url = buildPath(route.path, (args.params ?? {}) as Record<string, string>);
  try {
    const response = await fetch(url, {
      method: route.method,
      credentials: "same-origin",
      headers: route.method === "GET" ? undefined : { "Content-Type": "application/json" },
      body: route.method === "GET" ? undefined : JSON.stringify(args.body ?? {}),
    });
    return (await response.json()) as Reply<RouteReply<N>>;
  } catch (error) {
    return { ok: false, error: { code: "NETWORK", message: String(error) } };
  }
}
