/**
 * The class model's live side (lib/federated/SPEC.md): starts class models, hands students their
 * shard and token, accepts their updates, closes rounds at their deadline or when everyone reported
 * (exactly once across processes, F11), aggregates in a worker thread, stores and announces each
 * version. State lives in the database; this process keeps only timers, so a restart loses nothing (F12).
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { encode } from "../../lib/engine/text";
import { countedChars, roundDecision, sameModelConfig, stalenessOf } from "../../lib/federated/rounds";
import { sameVocabulary } from "../../lib/leaderboard/scoringCorpus";
import { AppError } from "../../lib/protocol/errors";
import type { ClassModelSettings, UpdateMetadata, UpdateReply, VersionSummary } from "../../lib/protocol/federated";
import type { Presence } from "../domain/sessions";
import { currentModelSession } from "../domain/modelSessions";
import { corpusSplits } from "../domain/corpora";
import { scoringCorpus } from "../domain/scoringCorpora";
import { decodeUploadedWeights } from "../domain/weightChecks";
import type { Db } from "../db/client";
import { rooms } from "../realtime/rooms";
import type { AppServer } from "../realtime/context";
import { classEntryId } from "../../lib/leaderboard/classEntry";
import { PoolClosed } from "../evaluation/pool";
import type { LeaderboardHub } from "../realtime/leaderboardHub";
import { Aggregator } from "./aggregator";
import {
  activeClassModels,
  claimRound,
  createClassModel,
  ensureShard,
  inScope,
  loadClassModel,
  releaseRound,
  viewOf,
  type ClassModelRecord,
} from "./classModels";
import { CLASS_MODEL_TOKEN_TTL_MS, issueClassModelToken, type ClassModelClaims } from "./token";

/** A process that claimed a round and went silent this long (crashed) loses the claim (F11). */
export const CLOSING_LEASE_MS = 5 * 60_000;

export class ClassModelHub {
  /** This process's name in the round claims. */
  readonly processId = randomUUID();
  private readonly aggregator = new Aggregator();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly work = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly io: AppServer,
    private readonly db: Db,
    private readonly presence: Presence,
    /** The submissions' evaluation pool and board broadcasts: the class model's entry is scored there (L16). */
    private readonly leaderboard: LeaderboardHub,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** F12: re-arms every active class model's round from the database. */
  async start(): Promise<void> {
    for (const record of await activeClassModels(this.db)) this.arm(record);
    // L16: entries a previous run accepted but did not score are scored now.
    const unscored = await this.db.classModelVersion.findMany({
      where: { enteredAt: { not: null }, publicBpc: null, entryError: null },
      select: { id: true, classModelId: true },
    });
    for (const entry of unscored) {
      const record = await loadClassModel(this.db, { id: entry.classModelId });
      if (record) this.scoreEntry(record, entry.id);
    }
  }

  /**
   * L16: enters the class model's newest version on the verified leaderboard. The evaluation pool
   * scores it on the held-out split exactly like a submission; the board shows it as the class's.
   */
  async enterLeaderboard(sessionId: string): Promise<{ version: number }> {
    const modelSession = await currentModelSession(this.db, sessionId);
    const record = modelSession && (await loadClassModel(this.db, { modelSessionId: modelSession.view.id }));
    if (!record) throw new AppError("CONFLICT", "start the class model first");
    const latest = await this.db.classModelVersion.findFirst({
      where: { classModelId: record.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, enteredAt: true },
    });
    if (!latest || latest.version === 0) throw new AppError("CONFLICT", "the class model has no trained version yet", { reason: ["NO_VERSION"] });
    if (latest.enteredAt === null) {
      await this.db.classModelVersion.update({ where: { id: latest.id }, data: { enteredAt: new Date(this.now()) } });
      this.scoreEntry(record, latest.id);
    }
    this.leaderboard.changed(sessionId);
    return { version: latest.version };
  }

  /** Scores an entered version in the evaluation pool and stores the result (or why it failed). */
  private scoreEntry(record: ClassModelRecord, versionId: string): void {
    this.leaderboard.pool
      .run({
        owner: classEntryId(record.id),
        corpusKey: record.corpusRef,
        start: async () => {
          const row = await this.db.classModelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { weights: true, sample: true } });
          return { weights: new Uint8Array(row.weights), sample: { text: row.sample, prime: "" } };
        },
      })
      .then(
        (result) =>
          this.db.classModelVersion.update({
            where: { id: versionId },
            data: {
              publicBpc: result.publicBpc,
              privateBpc: result.privateBpc,
              sampleBpc: result.sampleBpc,
              novelty: result.novelty,
              temperatureCard: result.temperatureCard,
            },
          }),
        async (error: unknown) => {
          if (error instanceof PoolClosed || this.stopped) return; // scored at the next start
          await this.db.classModelVersion.update({
            where: { id: versionId },
            data: { entryError: (error instanceof Error ? error.message : String(error)).slice(0, 500) },
          });
        },
      )
      .then(() => this.leaderboard.changed(record.sessionId))
      .catch((error) => console.error("[class-model] could not record the entry's score:", error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.work]);
    await this.aggregator.close();
  }

  /** F1: the instructor starts the class model of the model session in force; version 0 is stored at once. */
  async startClassModel(sessionId: string, settings: ClassModelSettings) {
    const modelSession = await currentModelSession(this.db, sessionId);
    if (!modelSession) throw new AppError("CONFLICT", "push a model session first");
    const participants = [...(await this.presence.connectedParticipants(sessionId))];
    const record = await createClassModel(this.db, { id: modelSession.view.id, groups: modelSession.view.groups }, settings, participants, this.now());
    const outcome = await this.aggregator.run({
      ...(await this.material(record, { trainSplit: true })),
      base: null,
      previous: null,
      updates: [],
      combiner: record.combiner,
      step: 0,
    });
    if (outcome.kind !== "version") throw new Error("version 0 could not be made");
    await this.db.classModelVersion.create({
      // Times on this process's clock, like the telemetry's, so the two can be compared (F15).
      data: {
        classModelId: record.id,
        version: 0,
        weights: new Uint8Array(outcome.weights),
        valLoss: outcome.valLoss,
        contributors: 0,
        createdAt: new Date(this.now()),
        sample: outcome.sample,
      },
    });
    this.arm(record);
    const view = viewOf(record, this.now());
    this.io.to(rooms.session(sessionId)).emit("classModel:round", { classModel: view });
    return view;
  }

  /** A student's shard, token and last outcome; null when no class model includes them. */
  async studentState(sessionId: string, participantId: string) {
    const modelSession = await currentModelSession(this.db, sessionId);
    const found = modelSession && (await loadClassModel(this.db, { modelSessionId: modelSession.view.id }));
    if (!found || !(await inScope(this.db, found, participantId))) return null;
    const { shard, record } = await ensureShard(this.db, found, participantId);
    this.arm(record);
    const last = await this.db.classModelUpdate.findFirst({ where: { classModelId: record.id, participantId }, orderBy: { round: "desc" } });
    // The first (version 0) and the latest version, for the student's view of the class model's progress.
    const endVersion = (order: "asc" | "desc") =>
      this.db.classModelVersion.findFirst({
        where: { classModelId: record.id },
        orderBy: { version: order },
        select: { version: true, valLoss: true, sample: true },
      });
    const [first, latest] = await Promise.all([endVersion("asc"), endVersion("desc")]);
    const token = issueClassModelToken({ sessionId, participantId, classModelId: record.id, expiresAt: this.now() + CLASS_MODEL_TOKEN_TTL_MS }, this.secret);
    return {
      classModel: viewOf(record, this.now()),
      shard,
      token,
      lastOutcome: last ? { round: last.round, status: last.status as "pending" | "counted" | "refused", reason: last.reason, share: last.share } : null,
      progress: first && latest ? { startLoss: first.valLoss, version: latest.version, valLoss: latest.valLoss, sample: latest.sample } : null,
    };
  }

  /** The class view: the class model and every version's validation loss. */
  async classState(sessionId: string): Promise<{ classModel: ReturnType<typeof viewOf> | null; versions: VersionSummary[]; members: string[] }> {
    const modelSession = await currentModelSession(this.db, sessionId);
    const record = modelSession && (await loadClassModel(this.db, { modelSessionId: modelSession.view.id }));
    if (!record) return { classModel: null, versions: [], members: [] };
    const versions = await this.db.classModelVersion.findMany({
      where: { classModelId: record.id },
      orderBy: { version: "asc" },
      select: { version: true, valLoss: true, contributors: true, createdAt: true, sample: true },
    });
    return {
      classModel: viewOf(record, this.now()),
      versions: versions.map((v) => ({ version: v.version, valLoss: v.valLoss, contributors: v.contributors, at: v.createdAt.getTime(), sample: v.sample })),
      members: [...record.shards.keys()],
    };
  }

  /** The weight file of a version, or null. */
  async versionWeights(classModelId: string, version: number): Promise<Uint8Array | null> {
    const row = await this.db.classModelVersion.findUnique({ where: { classModelId_version: { classModelId, version } }, select: { weights: true } });
    return row ? new Uint8Array(row.weights) : null;
  }

  /** F4–F6: checks an uploaded update and stores it for its round; who sent it comes from the token. */
  async acceptUpdate(claims: ClassModelClaims, metadata: UpdateMetadata, weights: Uint8Array): Promise<UpdateReply> {
    const record = await loadClassModel(this.db, { id: claims.classModelId });
    if (!record || record.sessionId !== claims.sessionId) throw new AppError("NOT_FOUND", "no such class model");
    const retry = await this.db.classModelUpdate.findFirst({
      where: { classModelId: record.id, participantId: claims.participantId, idempotencyKey: metadata.idempotencyKey },
    });
    if (retry) return { accepted: true, round: retry.round, chars: retry.chars, retried: true };
    if (record.finished) throw new AppError("CONFLICT", "the class model has finished", { reason: ["FINISHED"] });
    if (!record.shards.has(claims.participantId)) throw new AppError("FORBIDDEN", "you have no shard of this class model", { reason: ["NOT_IN_SCOPE"] });
    const staleness = stalenessOf(metadata.round, record.round);
    if (staleness === "STALE")
      throw new AppError("CONFLICT", `round ${metadata.round} has closed; continue from version ${record.round}`, { reason: ["STALE"] });
    if (staleness === "AHEAD") throw new AppError("BAD_REQUEST", `round ${metadata.round} has not started`, { reason: ["AHEAD"] });
    if (record.closingBy !== null) throw new AppError("CONFLICT", "the round is being combined; continue from the next version", { reason: ["CLOSING"] });

    const parsed = decodeUploadedWeights(weights);
    if (!sameModelConfig(parsed.header.config, record.config))
      throw new AppError("BAD_REQUEST", "the update is not of the class model's configuration", { reason: ["WRONG_CONFIG"] });
    const corpus = await scoringCorpus(this.db, record.corpusRef);
    if (!corpus || !sameVocabulary(parsed.vocabulary.chars, corpus.vocabulary(record.config.maxVocab))) {
      throw new AppError("BAD_REQUEST", "the update's vocabulary is not this corpus's", { weights: ["VOCABULARY_MISMATCH"] });
    }
    const chars = countedChars(parsed.header.step, record.roundSteps, record.config);
    try {
      await this.db.classModelUpdate.create({
        data: {
          classModelId: record.id,
          round: record.round,
          participantId: claims.participantId,
          idempotencyKey: metadata.idempotencyKey,
          weights: new Uint8Array(weights),
          chars,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("CONFLICT", "you already sent an update this round", { reason: ["DUPLICATE"] });
      throw error;
    }
    this.track(this.reviewRound(record.id));
    return { accepted: true, round: record.round, chars, retried: false };
  }

  /** Awaits every round review and aggregation started so far (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  private track(promise: Promise<unknown>): void {
    const p = promise.catch((error) => console.error("[class-model]", error)).finally(() => this.work.delete(p));
    this.work.add(p);
  }

  /** Arms (or re-arms) the deadline timer of a class model's open round. */
  private arm(record: ClassModelRecord): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(record.id));
    this.timers.delete(record.id);
    if (record.finished) return;
    const wait = Math.max(0, record.roundDeadlineAt - this.now()) + 50;
    const timer = setTimeout(() => {
      this.timers.delete(record.id);
      this.track(this.reviewRound(record.id));
    }, wait);
    timer.unref();
    this.timers.set(record.id, timer);
  }

  /** F3/F10: looks at the open round (fresh from the database) and closes, reopens, or waits (also called by its timer). */
  async reviewRound(classModelId: string): Promise<void> {
    const record = await loadClassModel(this.db, { id: classModelId });
    if (!record || record.finished || this.stopped) return;
    const connected = await this.presence.connectedParticipants(record.sessionId);
    const updates = await this.db.classModelUpdate.findMany({ where: { classModelId, round: record.round }, select: { participantId: true } });
    const decision = roundDecision(
      {
        openedAt: record.roundOpenedAt,
        deadlineAt: record.roundDeadlineAt,
        expected: new Set([...record.shards.keys()].filter((id) => connected.has(id))),
        reported: new Set(updates.map((u) => u.participantId)),
      },
      this.now(),
    );
    if (decision === "WAIT") return this.arm(record);
    if (!(await claimRound(this.db, classModelId, record.round, this.processId, this.now(), this.now() - CLOSING_LEASE_MS))) return;
    try {
      await this.close(record);
    } catch (error) {
      await releaseRound(this.db, classModelId, record.round, this.processId);
      this.arm(record);
      throw error;
    }
  }

  /** F8/F11/F12: combines the round's updates into the next version, in one transaction with the next round. */
  private async close(record: ClassModelRecord): Promise<void> {
    const r = record.round;
    const [updates, base, previous] = await Promise.all([
      this.db.classModelUpdate.findMany({ where: { classModelId: record.id, round: r, status: "pending" } }),
      this.versionWeights(record.id, r),
      r > 0 ? this.versionWeights(record.id, r - 1) : null, // the server step's momentum (F16)
    ]);
    if (!base) throw new Error(`class model ${record.id} has no version ${r}`);
    const now = this.now();
    const nextRound = { roundOpenedAt: new Date(now), roundDeadlineAt: new Date(now + record.roundSeconds * 1000), closingBy: null, closingAt: null };
    if (updates.length === 0) {
      // F10: nobody reported: the same version, a new deadline.
      await this.db.classModel.updateMany({ where: { id: record.id, round: r, closingBy: this.processId }, data: nextRound });
      const reopened = { ...record, roundOpenedAt: now, roundDeadlineAt: now + record.roundSeconds * 1000, closingBy: null };
      this.arm(reopened);
      this.io.to(rooms.session(record.sessionId)).emit("classModel:round", { classModel: viewOf(reopened, now) });
      return;
    }
    const outcome = await this.aggregator.run({
      ...(await this.material(record)),
      base,
      previous,
      updates: updates.map((u) => ({ id: u.id, bytes: new Uint8Array(u.weights), chars: u.chars })),
      combiner: record.combiner,
      step: (r + 1) * record.roundSteps,
    });
    const refused = new Map(outcome.refused.map((x) => [x.id, x.reason]));
    const shares = outcome.kind === "version" ? new Map(outcome.shares) : new Map<string, number>();
    const done = this.now();
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.classModel.updateMany({
        where: { id: record.id, round: r, closingBy: this.processId },
        data:
          outcome.kind === "version"
            ? { ...nextRound, round: r + 1, roundOpenedAt: new Date(done), roundDeadlineAt: new Date(done + record.roundSeconds * 1000) }
            : nextRound,
      });
      if (count !== 1) throw new Error(`round ${r} of class model ${record.id} is no longer ours to close`);
      if (outcome.kind === "version") {
        await tx.classModelVersion.create({
          data: {
            classModelId: record.id,
            version: r + 1,
            weights: new Uint8Array(outcome.weights),
            valLoss: outcome.valLoss,
            contributors: shares.size,
            createdAt: new Date(done),
            sample: outcome.sample,
          },
        });
      }
      for (const u of updates) {
        const reason = refused.get(u.id);
        await tx.classModelUpdate.update({
          where: { id: u.id },
          data: reason ? { status: "refused", reason } : { status: "counted", share: shares.get(u.id) ?? 0 },
        });
      }
      // Updates that arrived while the round was being combined did not count (F5).
      await tx.classModelUpdate.updateMany({
        where: { classModelId: record.id, round: r, status: "pending", id: { notIn: updates.map((u) => u.id) } },
        data: { status: "refused", reason: "STALE" },
      });
    });
    const after = (await loadClassModel(this.db, { id: record.id })) ?? record;
    this.arm(after);
    for (const u of updates) {
      const reason = refused.get(u.id) ?? null;
      this.io
        .to(rooms.participant(u.participantId))
        .emit("classModel:outcome", { round: r, status: reason ? "refused" : "counted", reason, share: reason ? null : (shares.get(u.id) ?? 0) });
    }
    const view = viewOf(after, done);
    if (outcome.kind === "version") {
      this.io.to(rooms.session(record.sessionId)).emit("classModel:version", {
        classModel: view,
        version: { version: r + 1, valLoss: outcome.valLoss, contributors: shares.size, at: done, sample: outcome.sample },
      });
    } else {
      this.io.to(rooms.session(record.sessionId)).emit("classModel:round", { classModel: view });
    }
  }

  /** What the aggregation worker needs of the class model: configuration, vocabulary, validation text (and, for version 0, the training text). */
  private async material(record: ClassModelRecord, { trainSplit = false } = {}) {
    const [corpus, splits] = await Promise.all([scoringCorpus(this.db, record.corpusRef), corpusSplits(this.db, record.corpusRef)]);
    if (!corpus || !splits) throw new AppError("NOT_FOUND", "the class model's corpus is gone");
    const vocabulary = corpus.vocabulary(record.config.maxVocab);
    return {
      config: record.config,
      temperature: record.temperature,
      vocabulary: [...vocabulary.chars],
      validationIds: encode(vocabulary, splits.validation),
      trainIds: trainSplit ? encode(vocabulary, splits.train) : null,
    };
  }
}
