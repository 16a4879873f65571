/**
 * Model sessions in the database: pushing a new version with its ablation groups and balanced
 * assignments, reading the one in force, persisting run transitions, moving students between
 * groups. The in-memory side (telemetry, timers, broadcasts) is server/realtime/trainingHub.ts.
 */
import { AppError } from "../../lib/protocol/errors";
import { charRNNConfigSchema } from "../../lib/engine/config";
import { groupOverridesSchema, modelSessionSpecSchema, type ModelSessionSpec, type ModelSessionView, type RunState } from "../../lib/protocol/training";
import { balanceGroups, knobProblems, type Run } from "../../lib/training/rules";
import type { Db } from "../db/client";

export interface ModelSessionRecord {
  view: ModelSessionView;
  run: Run;
}

type Row = Awaited<ReturnType<typeof loadRow>>;

function loadRow(db: Db, where: { id: string } | { sessionId: string; supersededAt: null }) {
  return db.modelSession.findFirst({ where, include: { groups: { orderBy: { position: "asc" } } }, orderBy: { version: "desc" } });
}

function toRecord(row: NonNullable<Row>): ModelSessionRecord {
  return {
    view: {
      id: row.id,
      version: row.version,
      corpus: row.corpusRef,
      config: charRNNConfigSchema.parse(row.config),
      budgetMinutes: row.budgetMinutes,
      temperature: row.temperature,
      studentKnobs: modelSessionSpecSchema.shape.studentKnobs.parse(row.studentKnobs),
      groups: row.groups.map((g) => ({ id: g.id, label: g.label, position: g.position, overrides: groupOverridesSchema.parse(g.overrides) })),
      createdAt: row.createdAt.toISOString(),
    },
    run: {
      status: row.runStatus === "running" || row.runStatus === "paused" || row.runStatus === "stopped" ? row.runStatus : "ready",
      elapsedMs: row.elapsedMs,
      resumedAt: row.resumedAt?.getTime() ?? null,
      budgetMs: row.budgetMinutes * 60_000,
    },
  };
}

export function runStateOf(record: ModelSessionRecord, now: number): RunState {
  const { run } = record;
  return {
    modelSessionId: record.view.id,
    status: run.status,
    elapsedMs: run.elapsedMs + (run.status === "running" && run.resumedAt !== null ? now - run.resumedAt : 0),
    budgetMs: run.budgetMs,
    serverTime: now,
  };
}

/** The model session in force for a live session, or null before the first push. */
export async function currentModelSession(db: Db, sessionId: string): Promise<ModelSessionRecord | null> {
  const row = await loadRow(db, { sessionId, supersededAt: null });
  return row ? toRecord(row) : null;
}

/** Every live session with a running model session (to re-arm budget timers after a restart). */
export async function runningModelSessions(db: Db): Promise<{ sessionId: string; record: ModelSessionRecord }[]> {
  const rows = await db.modelSession.findMany({
    where: { runStatus: "running", supersededAt: null, session: { status: "live" } },
    include: { groups: { orderBy: { position: "asc" } } },
  });
  return rows.map((row) => ({ sessionId: row.sessionId, record: toRecord(row) }));
}

/** T10: a push supersedes the model session in force and balances the given students over the groups. */
export async function pushModelSession(
  db: Db,
  sessionId: string,
  spec: ModelSessionSpec,
  participantIds: string[],
): Promise<{ record: ModelSessionRecord; assignments: Record<string, string> }> {
  const problems = knobProblems(spec);
  if (problems.length) throw new AppError("BAD_REQUEST", problems.join("; "), { "spec.studentKnobs": problems });
  const created = await db.$transaction(async (tx) => {
    const last = await tx.modelSession.findFirst({ where: { sessionId }, orderBy: { version: "desc" } });
    await tx.modelSession.updateMany({ where: { sessionId, supersededAt: null }, data: { supersededAt: new Date() } });
    return tx.modelSession.create({
      data: {
        sessionId,
        version: (last?.version ?? 0) + 1,
        corpusRef: spec.corpus,
        config: spec.config,
        studentKnobs: spec.studentKnobs,
        budgetMinutes: spec.budgetMinutes,
        temperature: spec.temperature,
        groups: { create: spec.groups.map((g, position) => ({ label: g.label, position, overrides: g.overrides })) },
      },
      include: { groups: { orderBy: { position: "asc" } } },
    });
  });
  const record = toRecord(created);
  const assignments = balanceGroups(
    record.view.groups.map((g) => g.id),
    participantIds,
  );
  await db.groupAssignment.createMany({
    data: Object.entries(assignments).map(([participantId, groupId]) => ({ modelSessionId: record.view.id, participantId, groupId })),
  });
  return { record, assignments };
}

export async function saveRun(db: Db, modelSessionId: string, run: Run): Promise<void> {
  await db.modelSession.update({
    where: { id: modelSessionId },
    data: { runStatus: run.status, elapsedMs: Math.round(run.elapsedMs), resumedAt: run.resumedAt === null ? null : new Date(run.resumedAt) },
  });
}

export async function assignmentsOf(db: Db, modelSessionId: string): Promise<Record<string, string>> {
  const rows = await db.groupAssignment.findMany({ where: { modelSessionId } });
  return Object.fromEntries(rows.map((r) => [r.participantId, r.groupId]));
}

/** T4: a student who arrives after the push joins the smallest group (once; later visits keep it). */
export async function ensureAssigned(db: Db, record: ModelSessionRecord, participantId: string): Promise<string | null> {
  const groupIds = record.view.groups.map((g) => g.id);
  if (groupIds.length === 0) return null;
  const existing = await assignmentsOf(db, record.view.id);
  if (existing[participantId]) return existing[participantId];
  const groupId = balanceGroups(groupIds, [...Object.keys(existing), participantId], existing)[participantId];
  await db.groupAssignment.upsert({
    where: { modelSessionId_participantId: { modelSessionId: record.view.id, participantId } },
    create: { modelSessionId: record.view.id, participantId, groupId },
    update: {},
  });
  return (await assignmentsOf(db, record.view.id))[participantId] ?? groupId;
}

export async function moveToGroup(db: Db, record: ModelSessionRecord, participantId: string, groupId: string, sessionId: string): Promise<void> {
  if (!record.view.groups.some((g) => g.id === groupId)) throw new AppError("NOT_FOUND", "no such group in the model session in force");
  const participant = await db.participant.findFirst({ where: { id: participantId, sessionId } });
  if (!participant) throw new AppError("NOT_FOUND", "no such student in this session");
  await db.groupAssignment.upsert({
    where: { modelSessionId_participantId: { modelSessionId: record.view.id, participantId } },
    create: { modelSessionId: record.view.id, participantId, groupId },
    update: { groupId },
  });
}
