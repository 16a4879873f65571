/**
 * Class models in the database (lib/federated/SPEC.md): creating one with its shards and version 0,
 * reading it, late joiners' shards (F2), and the round's compare-and-set (F11). The orchestration
 * (timers, aggregation, broadcasts) is classModelHub.ts.
 */
import { z } from "zod";
import { AppError } from "../../lib/protocol/errors";
import { charRNNConfigSchema, type CharRNNConfig } from "../../lib/engine/config";
import { assignShards, type Shard } from "../../lib/federated/shards";
import { COMBINERS, type Combiner } from "../../lib/federated/combine";
import { effectiveConfig } from "../../lib/training/rules";
import type { ClassModelSettings, ClassModelView } from "../../lib/protocol/federated";
import type { Db } from "../db/client";

/** Shards as a JSON column: { participantId: { start, end } }. */
function shardsJson(shards: ReadonlyMap<string, Shard>): Record<string, { start: number; end: number }> {
  return Object.fromEntries([...shards].map(([id, s]) => [id, { start: s.start, end: s.end }]));
}

const shardsSchema = z.record(z.string(), z.object({ start: z.number(), end: z.number() }));

export interface ClassModelRecord {
  id: string;
  sessionId: string;
  modelSessionId: string;
  corpusRef: string;
  groupId: string | null;
  combiner: Combiner;
  config: CharRNNConfig;
  /** The model session's sampling temperature (each version's sample). */
  temperature: number;
  roundSteps: number;
  roundSeconds: number;
  round: number;
  roundOpenedAt: number;
  roundDeadlineAt: number;
  closingBy: string | null;
  closingAt: number | null;
  shards: Map<string, Shard>;
  shardsVersion: number;
  /** The model session was superseded or its run stopped: no more rounds. */
  finished: boolean;
}

const include = { modelSession: { include: { groups: true } } } as const;
type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(db: Db, where: { id: string } | { modelSessionId: string }) {
  return db.classModel.findUnique({ where: "id" in where ? { id: where.id } : { modelSessionId: where.modelSessionId }, include });
}

function toRecord(row: Row): ClassModelRecord {
  const ms = row.modelSession;
  const group = ms.groups.find((g) => g.id === row.groupId);
  const config = charRNNConfigSchema.parse(effectiveConfig(charRNNConfigSchema.parse(ms.config), group?.overrides as Partial<CharRNNConfig> | undefined));
  return {
    id: row.id,
    sessionId: ms.sessionId,
    modelSessionId: row.modelSessionId,
    corpusRef: ms.corpusRef,
    groupId: row.groupId,
    combiner: z.enum(COMBINERS).parse(row.combiner),
    config,
    temperature: ms.temperature,
    roundSteps: row.roundSteps,
    roundSeconds: row.roundSeconds,
    round: row.round,
    roundOpenedAt: row.roundOpenedAt.getTime(),
    roundDeadlineAt: row.roundDeadlineAt.getTime(),
    closingBy: row.closingBy,
    closingAt: row.closingAt?.getTime() ?? null,
    shards: new Map(Object.entries(shardsSchema.parse(row.shards))),
    shardsVersion: row.shardsVersion,
    finished: ms.supersededAt !== null || ms.runStatus === "stopped",
  };
}

export async function loadClassModel(db: Db, where: { id: string } | { modelSessionId: string }): Promise<ClassModelRecord | null> {
  const row = await loadRow(db, where);
  return row ? toRecord(row) : null;
}

/** Class models that may still run rounds (their model session is in force and not stopped). */
export async function activeClassModels(db: Db): Promise<ClassModelRecord[]> {
  const rows = await db.classModel.findMany({ where: { modelSession: { supersededAt: null, runStatus: { not: "stopped" } } }, include });
  return rows.map(toRecord);
}

export function viewOf(record: ClassModelRecord, now: number): ClassModelView {
  return {
    id: record.id,
    modelSessionId: record.modelSessionId,
    groupId: record.groupId,
    combiner: record.combiner,
    roundSteps: record.roundSteps,
    roundSeconds: record.roundSeconds,
    round: record.round,
    deadlineAt: record.roundDeadlineAt,
    serverTime: now,
    students: record.shards.size,
  };
}

/** F1/F2: the class model row for the model session in force, with the present students' shards. */
export async function createClassModel(
  db: Db,
  modelSession: { id: string; groups: { id: string }[] },
  settings: ClassModelSettings,
  participantIds: string[],
  now: number,
): Promise<ClassModelRecord> {
  if (settings.groupId !== null && !modelSession.groups.some((g) => g.id === settings.groupId)) {
    throw new AppError("NOT_FOUND", "no such group in the model session in force", { groupId: ["unknown group"] });
  }
  if (await db.classModel.findUnique({ where: { modelSessionId: modelSession.id } }))
    throw new AppError("CONFLICT", "this model session already has a class model");
  let inScope = participantIds;
  if (settings.groupId !== null) {
    const assigned = await db.groupAssignment.findMany({ where: { modelSessionId: modelSession.id, groupId: settings.groupId } });
    const members = new Set(assigned.map((a) => a.participantId));
    inScope = participantIds.filter((id) => members.has(id));
  }
  const shards = assignShards(new Map(), [...inScope].sort());
  const row = await db.classModel.create({
    data: {
      modelSessionId: modelSession.id,
      groupId: settings.groupId,
      combiner: settings.combiner,
      roundSteps: settings.roundSteps,
      roundSeconds: settings.roundSeconds,
      roundOpenedAt: new Date(now),
      roundDeadlineAt: new Date(now + settings.roundSeconds * 1000),
      shards: shardsJson(shards),
    },
    include,
  });
  return toRecord(row);
}

/** F1: whether a student belongs to the class model's scope (the whole class, or its group). */
export async function inScope(db: Db, record: ClassModelRecord, participantId: string): Promise<boolean> {
  if (record.groupId === null) return true;
  const a = await db.groupAssignment.findUnique({ where: { modelSessionId_participantId: { modelSessionId: record.modelSessionId, participantId } } });
  return a?.groupId === record.groupId;
}

/** F2: the student's shard, giving a late joiner one (optimistic concurrency on `shardsVersion`). */
export async function ensureShard(db: Db, record: ClassModelRecord, participantId: string): Promise<{ shard: Shard; record: ClassModelRecord }> {
  let current = record;
  for (let attempt = 0; attempt < 5; attempt++) {
    const owned = current.shards.get(participantId);
    if (owned) return { shard: owned, record: current };
    const shards = assignShards(current.shards, [participantId]);
    const { count } = await db.classModel.updateMany({
      where: { id: current.id, shardsVersion: current.shardsVersion },
      data: { shards: shardsJson(shards), shardsVersion: current.shardsVersion + 1 },
    });
    if (count === 1) return { shard: shards.get(participantId)!, record: { ...current, shards, shardsVersion: current.shardsVersion + 1 } };
    current = (await loadClassModel(db, { id: current.id })) ?? current;
  }
  throw new AppError("CONFLICT", "the class is busy handing out shards; try again");
}

/** F11: marks round `round` as being closed by `processId`; false when another process got there first. */
export async function claimRound(db: Db, classModelId: string, round: number, processId: string, now: number, staleBefore: number): Promise<boolean> {
  const { count } = await db.classModel.updateMany({
    where: { id: classModelId, round, OR: [{ closingBy: null }, { closingAt: { lt: new Date(staleBefore) } }] },
    data: { closingBy: processId, closingAt: new Date(now) },
  });
  return count === 1;
}

/** Gives the claim up after a failed aggregation, so a later attempt can close the round. */
export async function releaseRound(db: Db, classModelId: string, round: number, processId: string): Promise<void> {
  await db.classModel.updateMany({ where: { id: classModelId, round, closingBy: processId }, data: { closingBy: null, closingAt: null } });
}
