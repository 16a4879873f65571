/** The database answers a query within `timeoutMs` (R3): what /api/health reports. */
import { AppError } from "../../lib/protocol/errors";
import type { Db } from "./client";

export async function assertDatabaseAnswers(db: Db, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("UNAVAILABLE", `the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRawUnsafe("SELECT 1"), deadline]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("UNAVAILABLE", `the database failed: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
