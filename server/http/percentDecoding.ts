/**
 * Percent-decoding of URL parts that a client chose (W18 in SECURITY.md): a malformed escape such
 * as `%E0%A4%A` is the client's mistake, answered 400, never an internal error with a stack trace.
 */
import { AppError } from "../../lib/protocol/errors";

export function decodeUrlPart(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError("BAD_REQUEST", "malformed percent-encoding in the URL");
  }
}
