/** One HTTP route's contract: method, path, request body schema, reply schema. */
import { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface Route<M extends Method, P extends string, B extends z.ZodType, R extends z.ZodType> {
  method: M;
  path: P;
  body: B;
  reply: R;
  /** Largest request body accepted (bytes); the server's default cap when absent. */
  maxBodyBytes?: number;
  /** Who may call it: an instructor login (the default, checked before the body is read) or anyone. */
  access?: "public";
}

export function route<M extends Method, P extends string, B extends z.ZodType, R extends z.ZodType>(
  method: M,
  path: P,
  body: B,
  reply: R,
  options: { maxBodyBytes?: number; access?: "public" } = {},
): Route<M, P, B, R> {
  return { method, path, body, reply, ...options };
}

/** `:name` segments of a path, as a params object type. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** The body of routes that take none (GET, and POSTs whose meaning is in the path). */
export const noBody = z.object({}).strict();
