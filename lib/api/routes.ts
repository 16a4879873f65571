/**
 * The HTTP API contract, end to end typed: each route's method, path, request body schema and
 * reply schema, defined once per domain (lib/api/foundation.ts, ...) and composed here. The
 * server's router (server/http/router.ts) validates bodies against these schemas; the browser's
 * client (app/lib/api.ts) is typed by them. Every response is a Reply<T> (lib/protocol/errors.ts).
 */
import type { z } from "zod";
import { foundationRoutes } from "./foundation";
import { dashboardRoutes } from "./dashboard";
import { quizRoutes } from "./quiz";
import { uploadRoutes } from "./uploads";
import { corpusRoutes } from "./corpora";
import { leaderboardRoutes } from "./leaderboard";
import { instructorModelRoutes } from "./instructorModels";
import { networkRoutes } from "./network";
import { keepRoutes } from "./keep";

export type { Method, PathParams, Route } from "./route";

export const routes = {
  ...foundationRoutes,
  ...dashboardRoutes,
  ...quizRoutes,
  ...uploadRoutes,
  ...corpusRoutes,
  ...leaderboardRoutes,
  ...instructorModelRoutes,
  ...networkRoutes,
  ...keepRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteBody<N extends RouteName> = z.input<Routes[N]["body"]>;
export type RouteReply<N extends RouteName> = z.infer<Routes[N]["reply"]>;

/** Fill `:name` segments (URL-encoded). */
export function buildPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
