/**
 * What the server tells clients about a live session: the shapes of its snapshots and updates.
 * Each is a zod schema (so tests and clients can validate what arrives) with its type inferred.
 */
import { z } from "zod";

export const SESSION_STATUSES = ["live", "ended"] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionInfoSchema = z.object({
  id: z.string(),
  code: z.string(),
  classId: z.string(),
  className: z.string(),
  status: sessionStatusSchema,
  createdAt: z.string(), // ISO 8601
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** One student seat as the instructor sees it. */
export const participantViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  rosterStudentId: z.string().nullable(),
  connected: z.boolean(),
  joinedAt: z.string(),
  lastSeenAt: z.string(),
  /** When the instructor last gave this seat to another device (SS5), or null. */
  takenOverAt: z.string().nullable(),
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

/** SS5: another device asks the instructor for a seat that has an owner. */
export const seatClaimViewSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  /** The seat's owner is connected right now (the instructor should be surer before approving). */
  ownerConnected: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type SeatClaimView = z.infer<typeof seatClaimViewSchema>;

/** A roster name on the join page: `taken` when a connected student already uses it. */
export const rosterChoiceSchema = z.object({ id: z.string(), name: z.string(), taken: z.boolean() });
export type RosterChoice = z.infer<typeof rosterChoiceSchema>;

/** What a student's page needs after joining or rejoining. */
export const studentSnapshotSchema = z.object({
  session: sessionInfoSchema,
  you: z.object({ participantId: z.string(), displayName: z.string() }),
});
export type StudentSnapshot = z.infer<typeof studentSnapshotSchema>;

/** What the instructor console needs after attaching. */
export const instructorSnapshotSchema = z.object({
  session: sessionInfoSchema,
  participants: z.array(participantViewSchema),
  /** Guest seats the session allows (SS4). */
  guestSeatLimit: z.number(),
  /** Requests of other devices for seats that have an owner, waiting for the instructor (SS5). */
  seatClaims: z.array(seatClaimViewSchema),
});
export type InstructorSnapshot = z.infer<typeof instructorSnapshotSchema>;
