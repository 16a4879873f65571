/**
 * The foundation's HTTP routes: instructor accounts, classes and rosters, sessions, join codes.
 */
import { z } from "zod";
import { nameSchema } from "../names";
import { ROSTER_REJECTIONS } from "../roster";
import { rosterChoiceSchema, sessionInfoSchema } from "../protocol/views";
import { joinCodeSchema } from "../protocol/joinCode";
import { timeZoneSchema } from "../timeZone";
import { noBody as none, route } from "./route";

export const emailSchema = z.string().trim().toLowerCase().email("not an email address").max(200);
export const passwordSchema = z.string().min(8, "at least 8 characters").max(200, "at most 200 characters");

export const instructorSchema = z.object({ id: z.string(), email: z.string(), displayName: z.string() });
export const classSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  studentCount: z.number(),
  sessionCount: z.number(),
  liveSession: z.object({ id: z.string(), code: z.string() }).nullable(),
});
export const sessionSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(["live", "ended"]),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  participantCount: z.number(),
});
export const classDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** IANA zone of the class's dates and times (dashboard, CSV); lib/timeZone.ts. */
  timeZone: z.string(),
  students: z.array(z.object({ id: z.string(), name: z.string() })),
  sessions: z.array(sessionSummarySchema),
});
const rosterText = z.string().max(50_000, "roster text is too long");
const rosterResult = z.object({
  added: z.array(z.string()),
  rejected: z.array(z.object({ line: z.number(), text: z.string(), reason: z.enum(ROSTER_REJECTIONS) })),
});

export const foundationRoutes = {
  /** Liveness for load balancers and the e2e web server. */
  health: route("GET", "/api/health", none, z.object({ status: z.literal("ok") }), { access: "public" }),
  signup: route(
    "POST",
    "/api/auth/signup",
    z.object({ email: emailSchema, password: passwordSchema, displayName: nameSchema }),
    z.object({ instructor: instructorSchema }),
    { access: "public" },
  ),
  login: route("POST", "/api/auth/login", z.object({ email: emailSchema, password: z.string().min(1).max(200) }), z.object({ instructor: instructorSchema }), {
    access: "public",
  }),
  logout: route("POST", "/api/auth/logout", none, z.object({}), { access: "public" }),
  me: route("GET", "/api/auth/me", none, z.object({ instructor: instructorSchema })),

  listClasses: route("GET", "/api/classes", none, z.object({ classes: z.array(classSummarySchema) })),
  createClass: route(
    "POST",
    "/api/classes",
    // timeZone: the teacher's browser zone (the form sends it); Asia/Seoul when absent.
    z.object({ name: z.string().trim().min(1, "class name is empty").max(80), roster: rosterText.default(""), timeZone: timeZoneSchema.optional() }),
    z.object({ class: classDetailSchema, roster: rosterResult }),
  ),
  setClassTimeZone: route("PUT", "/api/classes/:classId/time-zone", z.object({ timeZone: timeZoneSchema }), z.object({ class: classDetailSchema })),
  getClass: route("GET", "/api/classes/:classId", none, z.object({ class: classDetailSchema })),
  addStudents: route("POST", "/api/classes/:classId/students", z.object({ roster: rosterText }), z.object({ class: classDetailSchema, roster: rosterResult })),
  startSession: route("POST", "/api/classes/:classId/sessions", none, z.object({ session: sessionInfoSchema })),

  getSession: route("GET", "/api/sessions/:sessionId", none, z.object({ session: sessionInfoSchema })),
  /** Public: what the join page shows for a code. */
  lookupJoinCode: route("GET", "/api/join/:code", none, z.object({ code: joinCodeSchema, className: z.string(), roster: z.array(rosterChoiceSchema) }), {
    access: "public",
  }),
} as const;
