/**
 * Roster care from the dashboard: rename, archive or restore a student, the teacher's private
 * note, merging a guest's seat into a roster student, and the class's needs-attention
 * thresholds. Ownership is checked first; anything outside the instructor's class is NOT_FOUND.
 */
import { AppError } from "../../lib/protocol/errors";
import { nameKey } from "../../lib/names";
import type { AttentionSettings } from "../../lib/dashboard/settings";
import type { Db } from "../db/client";
import { requireOwnClass } from "./classes";

export interface StudentChange {
  name?: string;
  archived?: boolean;
  note?: string;
}

export async function updateStudent(db: Db, instructorId: string, classId: string, rosterStudentId: string, change: StudentChange) {
  await requireOwnClass(db, instructorId, classId);
  const student = await db.rosterStudent.findFirst({ where: { id: rosterStudentId, classId } });
  if (!student) throw new AppError("NOT_FOUND", "no such student in this class");
  if (change.name !== undefined && nameKey(change.name) !== student.nameKey) {
    const taken = await db.rosterStudent.findFirst({ where: { classId, nameKey: nameKey(change.name), id: { not: rosterStudentId } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "another student of this class has this name");
  }
  const updated = await db.rosterStudent.update({
    where: { id: rosterStudentId },
    data: {
      ...(change.name !== undefined ? { name: change.name, nameKey: nameKey(change.name) } : {}),
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.archived !== undefined ? { archivedAt: change.archived ? (student.archivedAt ?? new Date()) : null } : {}),
    },
  });
  return { id: updated.id, name: updated.name, note: updated.note, archived: updated.archivedAt !== null };
}

/**
 * The guest's seat now belongs to the roster student, so its training, submissions and answers
 * count as theirs. Refused when the seat is already a roster student's, or when the student
 * already has a seat in that session (one student, one seat per session).
 */
export async function mergeGuest(db: Db, instructorId: string, classId: string, participantId: string, rosterStudentId: string) {
  await requireOwnClass(db, instructorId, classId);
  const [seat, student] = await Promise.all([
    db.participant.findFirst({ where: { id: participantId, session: { classId } }, select: { id: true, sessionId: true, rosterStudentId: true } }),
    db.rosterStudent.findFirst({ where: { id: rosterStudentId, classId }, select: { id: true } }),
  ]);
  if (!seat) throw new AppError("NOT_FOUND", "no such participant in this class");
  if (!student) throw new AppError("NOT_FOUND", "no such student in this class");
  if (seat.rosterStudentId !== null) throw new AppError("CONFLICT", "this participant is already a roster student");
  const updated = await db.participant.updateMany({
    where: { id: participantId, rosterStudentId: null, session: { participants: { none: { rosterStudentId } } } },
    data: { rosterStudentId },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "this student already has a seat in that session");
  return { participantId, rosterStudentId };
}

export async function saveAttentionSettings(db: Db, instructorId: string, classId: string, settings: AttentionSettings): Promise<AttentionSettings> {
  await requireOwnClass(db, instructorId, classId);
  await db.class.update({ where: { id: classId }, data: { attentionSettings: settings } });
  return settings;
}
