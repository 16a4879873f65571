/**
 * A class's time zone: the IANA name its dates and times are shown in (the dashboard, the CSV
 * exports). Stored on the class (prisma/schema.prisma, Class.timeZone); a new class takes the
 * teacher's browser zone, and Asia/Seoul when the browser names none it knows.
 */
import { z } from "zod";

/** The time zone of Korean classes: the default when the teacher's browser names none. */
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

/** Whether the runtime knows this IANA time zone name ("Asia/Seoul", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, "unknown time zone");

/** The zone a new class starts with: the browser's own, else DEFAULT_TIME_ZONE. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
