/**
 * Handlers of the foundation's routes (lib/api/foundation.ts): accounts, classes, sessions, join
 * codes. Each checks who is asking (instructor cookie) and delegates to server/domain.
 */
import { AppError } from "../../lib/protocol/errors";
import type { Db } from "../db/client";
import { hashPassword, verifyPassword } from "../auth/password";
import { createLogin, endLogin } from "../auth/instructorSessions";
import { addStudents, classDetail, createClass, listClasses } from "../domain/classes";
import { lookupJoinCode, requireOwnSession, startSession, type Presence } from "../domain/sessions";
import { assertDatabaseAnswers } from "../db/health";
import { HEALTH_DB_TIMEOUT_MS, JOIN_LIMIT, LOGIN_FAILURE_IP_LIMIT, LOGIN_FAILURE_LIMIT, SIGNUP_LIMIT } from "../limits";
import { RateLimiter } from "../rateLimit";
import { requireInstructor, type HandlersFor, type RequestContext } from "./router";
import type { foundationRoutes } from "../../lib/api/foundation";
import type { RouteName } from "../../lib/api/routes";
import { joinCodeSchema } from "../../lib/protocol/events";

export function createFoundationHandlers(db: Db, presence: Presence): HandlersFor<typeof foundationRoutes> {
  const loginFailuresByEmail = new RateLimiter(LOGIN_FAILURE_LIMIT);
  const loginFailuresByIp = new RateLimiter(LOGIN_FAILURE_IP_LIMIT);
  const signups = new RateLimiter(SIGNUP_LIMIT);
  const joinLookups = new RateLimiter(JOIN_LIMIT);

  const instructorOf = (ctx: RequestContext<RouteName>) => requireInstructor(db, ctx);

  /** A failed login costs a token from the email's and the IP's buckets; an empty bucket refuses. */
  function guessingAllowed(email: string, ip: string): boolean {
    return loginFailuresByEmail.hasToken(email) && loginFailuresByIp.hasToken(ip);
  }

  return {
    async health() {
      await assertDatabaseAnswers(db, HEALTH_DB_TIMEOUT_MS);
      return { status: "ok" as const };
    },
    async signup({ body, res, ip }) {
      if (!signups.take(ip)) throw new AppError("RATE_LIMITED", "too many sign-ups from this network; try again later");
      if (await db.instructor.findUnique({ where: { email: body.email } })) throw new AppError("CONFLICT", "an account with this email exists");
      const instructor = await db.instructor.create({
        data: { email: body.email, displayName: body.displayName, passwordHash: await hashPassword(body.password) },
      });
      res.setHeader("Set-Cookie", (await createLogin(db, instructor.id)).cookie);
      return { instructor: { id: instructor.id, email: instructor.email, displayName: instructor.displayName } };
    },
    async login({ body, res, ip }) {
      if (!guessingAllowed(body.email, ip)) throw new AppError("RATE_LIMITED", "too many failed logins; wait a minute and try again");
      const instructor = await db.instructor.findUnique({ where: { email: body.email } });
      if (!instructor || !(await verifyPassword(body.password, instructor.passwordHash))) {
        loginFailuresByEmail.take(body.email);
        loginFailuresByIp.take(ip);
        throw new AppError("UNAUTHENTICATED", "wrong email or password");
      }
      res.setHeader("Set-Cookie", (await createLogin(db, instructor.id)).cookie);
      return { instructor: { id: instructor.id, email: instructor.email, displayName: instructor.displayName } };
    },
    async logout({ req, res }) {
      res.setHeader("Set-Cookie", (await endLogin(db, req)).cookie);
      return {};
    },
    async me(ctx) {
      return { instructor: await instructorOf(ctx) };
    },
    async listClasses(ctx) {
      return { classes: await listClasses(db, (await instructorOf(ctx)).id) };
    },
    async createClass(ctx) {
      return createClass(db, (await instructorOf(ctx)).id, ctx.body.name, ctx.body.roster);
    },
    async getClass(ctx) {
      return { class: await classDetail(db, (await instructorOf(ctx)).id, ctx.params.classId) };
    },
    async addStudents(ctx) {
      const instructorId = (await instructorOf(ctx)).id;
      const roster = await addStudents(db, instructorId, ctx.params.classId, ctx.body.roster);
      return { class: await classDetail(db, instructorId, ctx.params.classId), roster };
    },
    async startSession(ctx) {
      return { session: await startSession(db, (await instructorOf(ctx)).id, ctx.params.classId) };
    },
    async getSession(ctx) {
      return { session: await requireOwnSession(db, (await instructorOf(ctx)).id, ctx.params.sessionId) };
    },
    async lookupJoinCode({ params, ip }) {
      if (!joinLookups.take(ip)) throw new AppError("RATE_LIMITED", "too many attempts; wait a moment");
      const code = joinCodeSchema.safeParse(params.code);
      if (!code.success) throw new AppError("NOT_FOUND", "no session with this code");
      return lookupJoinCode(db, presence, code.data);
    },
  };
}
