/**
 * Handlers of the foundation's routes (lib/api/foundation.ts): accounts, classes, sessions, join
 * codes. Each checks who is asking (instructor cookie) and delegates to server/domain.
 */
import { AppError } from "../../lib/protocol/errors";
import type { Db } from "../db/client";
import type { PasswordHasher } from "../auth/password";
import { createLogin, endLogin } from "../auth/instructorSessions";
import { addStudents, classDetail, createClass, listClasses, setClassTimeZone } from "../domain/classes";
import { lookupJoinCode, requireOwnSession, startSession, type Presence } from "../domain/sessions";
import {
  HEALTH_DB_TIMEOUT_MS,
  JOIN_LIMIT,
  LOGIN_FAILURE_ACCOUNT_LIMIT,
  LOGIN_FAILURE_DEVICE_LIMIT,
  LOGIN_FAILURE_IP_LIMIT,
  LOGIN_FAILURE_LIMIT,
  SIGNUP_LIMIT,
} from "../limits";
import { knownDevice, knownDeviceCookie } from "../auth/knownDevice";
import { passwordProblem } from "../auth/passwordPolicy";
import { assertDatabaseAnswers } from "../db/health";
import { RateLimiter } from "../rateLimit";
import { requireInstructor, type HandlersFor, type RequestContext } from "./router";
import type { foundationRoutes } from "../../lib/api/foundation";
import type { RouteName } from "../../lib/api/routes";
import { joinCodeSchema } from "../../lib/protocol/events";

/** What the login routes need beyond the database: the signing secret and a way to end a login's sockets. */
export interface LoginServices {
  secret: string;
  /** Disconnects the sockets opened with the session cookie in this Cookie header (W11). */
  disconnectLogin(cookieHeader: string | undefined): Promise<unknown>;
  /** scrypt (server/auth/password.ts); W12: every answer of login and sign-up costs exactly one. */
  hasher: PasswordHasher;
}

export function createFoundationHandlers(db: Db, presence: Presence, logins: LoginServices): HandlersFor<typeof foundationRoutes> {
  const failuresByIpAndEmail = new RateLimiter(LOGIN_FAILURE_LIMIT);
  const failuresByEmail = new RateLimiter(LOGIN_FAILURE_ACCOUNT_LIMIT);
  const failuresByIp = new RateLimiter(LOGIN_FAILURE_IP_LIMIT);
  const failuresByDevice = new RateLimiter(LOGIN_FAILURE_DEVICE_LIMIT);
  const signups = new RateLimiter(SIGNUP_LIMIT);
  const joinLookups = new RateLimiter(JOIN_LIMIT);
  // W12: an unknown email is checked against this hash, so it costs the same scrypt as a known one.
  const { hasher } = logins;
  const dummyHash = hasher.hash("no account has this password");

  const instructorOf = (ctx: RequestContext<RouteName>) => requireInstructor(db, ctx);

  /**
   * The buckets a failed login from here would drain (W7, W8): a known device of the account has
   * its own; any other browser drains the IP+email, the email's and the IP's buckets.
   */
  function bucketsFor(device: string | null, email: string, ip: string): [RateLimiter, string][] {
    if (device) return [[failuresByDevice, device]];
    return [
      [failuresByIpAndEmail, `${ip} ${email}`],
      [failuresByEmail, email],
      [failuresByIp, ip],
    ];
  }

  const publicInstructor = (i: { id: string; email: string; displayName: string }) => ({ id: i.id, email: i.email, displayName: i.displayName });

  return {
    async health() {
      await assertDatabaseAnswers(db, HEALTH_DB_TIMEOUT_MS);
      return { status: "ok" as const };
    },
    async signup({ body, req, res, ip }) {
      if (!signups.take(ip)) throw new AppError("RATE_LIMITED", "too many sign-ups from this network; try again later");
      const problem = passwordProblem(body.password, body.email);
      if (problem) throw new AppError("BAD_REQUEST", problem, { password: [problem] });
      // W12: hashed before the email is looked up, so a taken email answers as slowly as a free one.
      const passwordHash = await hasher.hash(body.password);
      if (await db.instructor.findUnique({ where: { email: body.email } })) {
        throw new AppError("CONFLICT", "an account could not be created with this email; if you already have one, log in");
      }
      const instructor = await db.instructor.create({ data: { email: body.email, displayName: body.displayName, passwordHash } });
      res.setHeader("Set-Cookie", [(await createLogin(db, instructor.id, req)).cookie, knownDeviceCookie(instructor.id, logins.secret, req)]);
      return { instructor: publicInstructor(instructor) };
    },
    async login({ body, req, res, ip }) {
      const instructor = await db.instructor.findUnique({ where: { email: body.email } });
      const buckets = bucketsFor(instructor && knownDevice(req, instructor.id, logins.secret), body.email, ip);
      // W7: the guess reserves its tokens before the slow hash, so concurrent guesses cannot overtake the count.
      const reserved = buckets.filter(([limiter, key]) => limiter.take(key));
      if (reserved.length < buckets.length) {
        for (const [limiter, key] of reserved) limiter.refund(key);
        throw new AppError("RATE_LIMITED", "too many failed logins; wait a minute and try again");
      }
      const matches = await hasher.verify(body.password, instructor?.passwordHash ?? (await dummyHash));
      if (!instructor || !matches) throw new AppError("UNAUTHENTICATED", "wrong email or password");
      for (const [limiter, key] of buckets) limiter.refund(key); // only failures count
      res.setHeader("Set-Cookie", [(await createLogin(db, instructor.id, req)).cookie, knownDeviceCookie(instructor.id, logins.secret, req)]);
      return { instructor: publicInstructor(instructor) };
    },
    async logout({ req, res }) {
      res.setHeader("Set-Cookie", (await endLogin(db, req)).cookie);
      await logins.disconnectLogin(req.headers.cookie);
      return {};
    },
    async me(ctx) {
      return { instructor: await instructorOf(ctx) };
    },
    async listClasses(ctx) {
      return { classes: await listClasses(db, (await instructorOf(ctx)).id) };
    },
    async createClass(ctx) {
      return createClass(db, (await instructorOf(ctx)).id, ctx.body.name, ctx.body.roster, ctx.body.timeZone);
    },
    async setClassTimeZone(ctx) {
      return { class: await setClassTimeZone(db, (await instructorOf(ctx)).id, ctx.params.classId, ctx.body.timeZone) };
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
