"use client";
/** Loads one API route for a page: loading, the data (with a reload), or the server's refusal. */
import { useCallback, useEffect, useState } from "react";
import type { RouteName, RouteReply } from "../../../lib/api/routes";
import { callApi, type ClientError } from "../../lib/api";

export type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ClientError };

export function useApiData<N extends RouteName>(name: N, params: Record<string, string>): Loaded<RouteReply<N>> & { reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<RouteReply<N>>>({ state: "loading" });
  const key = JSON.stringify(params);
  const load = useCallback(() => {
    let live = true;
    void callApi(name, { params: JSON.parse(key) } as Parameters<typeof callApi<N>>[1]).then((reply) => {
      if (live) setLoaded(reply.ok ? { state: "ok", data: reply.data } : { state: "error", error: reply.error });
    });
    return () => {
      live = false;
    };
  }, [name, key]);
  useEffect(load, [load]);
  return { ...loaded, reload: load };
}
