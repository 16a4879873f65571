/**
 * How a failure becomes an answer, for both transports (the HTTP router and socket requests):
 * zod issues by field, and an error body in which only AppError messages reach users.
 */
import type { z } from "zod";
import { AppError, type ErrorBody } from "../lib/protocol/errors";
import { isStorageFailure } from "./db/storageErrors";

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
