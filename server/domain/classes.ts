/**
 * Classes and their rosters: persistence and the views the API returns.
 * Every function that takes an instructorId checks ownership: another instructor's class is NOT_FOUND.
 */
import { AppError } from "../../lib/protocol/errors";
import { nameKey, nameLooks } from "../../lib/names";
import { parseRoster, type ParsedRoster } from "../../lib/roster";
import type { RouteReply } from "../../lib/api/routes";
import type { Db } from "../db/client";

type ClassDetail = RouteReply<"getClass">["class"];

export async function requireOwnClass(db: Db, instructorId: string, classId: string) {
  const found = await db.class.findFirst({ where: { id: classId, instructorId } });
  if (!found) throw new AppError("NOT_FOUND", "no such class");
  return found;
}

export async function listClasses(db: Db, instructorId: string): Promise<RouteReply<"listClasses">["classes"]> {
  const classes = await db.class.findMany({
    where: { instructorId, archivedAt: null },
    orderBy: { createdAt: "desc" },
    include: {
      _count: { select: { students: { where: { archivedAt: null } }, sessions: true } },
      sessions: { where: { status: "live" }, select: { id: true, code: true }, take: 1, orderBy: { createdAt: "desc" } },
    },
  });
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    createdAt: c.createdAt.toISOString(),
    studentCount: c._count.students,
    sessionCount: c._count.sessions,
    liveSession: c.sessions[0] ?? null,
  }));
}

export async function classDetail(db: Db, instructorId: string, classId: string): Promise<ClassDetail> {
  await requireOwnClass(db, instructorId, classId);
  const c = await db.class.findUniqueOrThrow({
    where: { id: classId },
    include: {
      students: { where: { archivedAt: null }, orderBy: { name: "asc" } },
      sessions: { orderBy: { createdAt: "desc" }, include: { _count: { select: { participants: true } } } },
    },
  });
  return {
    id: c.id,
    name: c.name,
    createdAt: c.createdAt.toISOString(),
    timeZone: c.timeZone,
    students: c.students.map((s) => ({ id: s.id, name: s.name })),
    sessions: c.sessions.map((s) => ({
      id: s.id,
      code: s.code,
      status: s.status === "ended" ? "ended" : "live",
      createdAt: s.createdAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      participantCount: s._count.participants,
    })),
  };
}

/** Creates the class with its roster in one write (SS1): a refused name never leaves half a class behind. */
export async function createClass(db: Db, instructorId: string, name: string, rosterText: string, timeZone?: string) {
  const parsed = parseRoster(rosterText);
  const created = await db.class.create({
    data: {
      instructorId,
      name,
      ...(timeZone ? { timeZone } : {}),
      students: { create: parsed.names.map((student) => ({ name: student, nameKey: nameKey(student) })) },
    },
  });
  return { class: await classDetail(db, instructorId, created.id), roster: { added: parsed.names, rejected: parsed.rejected } };
}

/** Sets the zone the class's dates and times are shown in (the caller validated the name: lib/timeZone.ts). */
export async function setClassTimeZone(db: Db, instructorId: string, classId: string, timeZone: string) {
  await requireOwnClass(db, instructorId, classId);
  await db.class.update({ where: { id: classId }, data: { timeZone } });
  return classDetail(db, instructorId, classId);
}

/** Adds the roster's names that the class does not have yet, in one write; reports the rest. */
export async function addStudents(db: Db, instructorId: string, classId: string, rosterText: string) {
  await requireOwnClass(db, instructorId, classId);
  const parsed: ParsedRoster = parseRoster(rosterText);
  const existing = new Set((await db.rosterStudent.findMany({ where: { classId }, select: { name: true } })).flatMap((s) => nameLooks(s.name)));
  const onRoster = (name: string) => nameLooks(name).some((look) => existing.has(look));
  const added = parsed.names.filter((name) => !onRoster(name));
  const rejected = [...parsed.rejected, ...parsed.names.filter(onRoster).map((text) => ({ line: 0, text, reason: "ALREADY_ON_ROSTER" as const }))];
  await db.rosterStudent.createMany({ data: added.map((name) => ({ classId, name, nameKey: nameKey(name) })) });
  return { added, rejected };
}
