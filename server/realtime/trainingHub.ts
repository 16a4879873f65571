/**
 * The live side of training, in this process's memory: the model session in force per live
 * session (cached), each student's latest telemetry, the budget timers, the spotlight, and a
 * one-second tick that broadcasts changed progress to instructors and writes the latest values
 * and the downsampled history to the database (so curves can be redrawn after a restart).
 */
import type { Db } from "../db/client";
import type { HistoryPoint, ProgressEntry, RunState, Telemetry } from "../../lib/protocol/training";
import {
  acceptTelemetry,
  applyRunAction,
  elapsedOf,
  fastestConfig,
  implausibleLoss,
  keepHistoryPoint,
  msUntilBudgetSpent,
  plausibleBounds,
  progressFlags,
  type DropReason,
  type RunAction,
} from "../../lib/training/rules";
import { AppError } from "../../lib/protocol/errors";
import { assignmentsOf, currentModelSession, runStateOf, runningModelSessions, saveRun, type ModelSessionRecord } from "../domain/modelSessions";
import { PERSIST_CHUNK, PERSIST_INTERVAL_MS, PROGRESS_TICK_MS, VERIFIED_LOSS_REFRESH_MS } from "../limits";

interface StudentLive {
  entry: ProgressEntry;
  lastReport: { step: number; receivedAt: number } | undefined;
  lastStepChangeAt: number;
  sawNaN: boolean;
  lastHistory: { step: number; at: number } | undefined;
  /** Training time since the last write (added to the stored total). */
  unsavedTrainingMs: number;
  /** Changed since the last tick. */
  dirty: boolean;
  /** Latest values not yet written to the database. */
  unsaved: boolean;
}

interface SessionLive {
  record: ModelSessionRecord | null;
  students: Map<string, StudentLive>;
  pendingHistory: (HistoryPoint & { charsPerSec: number })[];
  spotlight: string | null;
  budgetTimer: NodeJS.Timeout | null;
  dropped: Record<string, number>;
  /** T12: students who sent an implausible report in this model session (flagged, never trusted). */
  implausible: Set<string>;
  /** T13: students who reported a loss that cannot be true (flagged; the loss is shown as reported). */
  implausibleLoss: Set<string>;
  /** T13: each student's best verified held-out loss (nats/char) in the model session, re-read now and then. */
  verified: { readAt: number; nats: Map<string, number> };
  /** T12: the highest step of a model the instructor shared in this model session (students continue from it). */
  sharedStep: number;
  /** participantId → ablation group of the model session in force. */
  assignments: Record<string, string>;
}

/** Where the hub's news goes: Socket.IO rooms in the server (trainingEvents.ts `trainingOutlet`). */
export interface TrainingOutlet {
  /** The run changed: everyone in the session. */
  run(sessionId: string, run: RunState): void;
  spotlight(sessionId: string, participantId: string | null): void;
  /** Changed class-view entries: the session's instructors. */
  progress(sessionId: string, update: { modelSessionId: string; entries: ProgressEntry[]; dropped: Record<string, number> }): void;
  /** This process moved a session's model session or run: other server processes must re-read it. */
  changed(sessionId: string): void;
  /** Calls `listener` when another server process moved a session. */
  onChangedElsewhere(listener: (sessionId: string) => void): void;
}

export class TrainingHub {
  private readonly sessions = new Map<string, SessionLive>();
  private readonly loading = new Map<string, Promise<SessionLive>>();
  private tick: NodeJS.Timeout | null = null;

  constructor(
    private readonly outlet: TrainingOutlet,
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Re-arms the budget timers of runs that were running when the server stopped (T3). */
  async start(): Promise<void> {
    this.outlet.onChangedElsewhere((sessionId) => void this.reload(sessionId).catch((error) => console.error("[training] reload failed:", error)));
    for (const { sessionId } of await runningModelSessions(this.db)) await this.session(sessionId);
    let ticks = 0;
    this.tick = setInterval(() => {
      const persist = ++ticks % Math.round(PERSIST_INTERVAL_MS / PROGRESS_TICK_MS) === 0;
      this.flush(persist).catch((error) => console.error("[training] flush failed:", error));
    }, PROGRESS_TICK_MS);
  }

  async stop(): Promise<void> {
    if (this.tick) clearInterval(this.tick);
    for (const s of this.sessions.values()) if (s.budgetTimer) clearTimeout(s.budgetTimer);
    await this.flush();
  }

  /** SS2: the session ended: its last values are written, its budget timer stops, and it is forgotten. */
  forget(sessionId: string): void {
    const live = this.sessions.get(sessionId);
    if (!live) return;
    this.sessions.delete(sessionId);
    if (live.budgetTimer) clearTimeout(live.budgetTimer);
    if (live.record)
      this.persist(live.record.view.id, [...live.students.values()], live.pendingHistory.splice(0)).catch((error) =>
        console.error("[training] persist failed:", error),
      );
  }

  /** The session's live state, loaded from the database on first use. */
  async session(sessionId: string): Promise<SessionLive> {
    const existing = this.sessions.get(sessionId);
    if (existing) return existing;
    let loading = this.loading.get(sessionId);
    if (!loading) {
      loading = (async () => {
        const record = await currentModelSession(this.db, sessionId);
        const assignments = record ? await assignmentsOf(this.db, record.view.id) : {};
        const live: SessionLive = {
          record,
          students: new Map(),
          pendingHistory: [],
          spotlight: null,
          budgetTimer: null,
          dropped: {},
          implausible: new Set(),
          implausibleLoss: new Set(),
          verified: { readAt: -Infinity, nats: new Map() },
          sharedStep: 0,
          assignments,
        };
        this.sessions.set(sessionId, live);
        this.armBudgetTimer(sessionId, live);
        return live;
      })().finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, loading);
    }
    return loading;
  }

  /** Another process changed this session's model session or run: re-read them. */
  private async reload(sessionId: string): Promise<void> {
    const live = this.sessions.get(sessionId);
    if (!live) return; // not cached here: the next use loads it fresh
    const record = await currentModelSession(this.db, sessionId);
    if (record && record.view.id !== live.record?.view.id) {
      await this.replaceModelSession(sessionId, record, await assignmentsOf(this.db, record.view.id), false);
    } else if (record) {
      live.record = record;
      live.assignments = await assignmentsOf(this.db, record.view.id);
      this.armBudgetTimer(sessionId, live);
    }
  }

  /** Tell the other server processes (if any) to re-read this session. */
  private invalidateElsewhere(sessionId: string): void {
    this.outlet.changed(sessionId);
  }

  /** After a push: the new model session replaces the old; progress starts afresh. */
  async replaceModelSession(sessionId: string, record: ModelSessionRecord, assignments: Record<string, string>, announce = true): Promise<void> {
    const live = await this.session(sessionId);
    if (live.record) {
      // The old version's last values are written in the background: the push must not wait.
      const old = { modelSessionId: live.record.view.id, students: [...live.students.values()], history: live.pendingHistory.splice(0) };
      this.persist(old.modelSessionId, old.students, old.history).catch((error) => console.error("[training] persist failed:", error));
    }
    if (live.budgetTimer) clearTimeout(live.budgetTimer);
    live.record = record;
    live.assignments = { ...assignments };
    live.students.clear();
    live.dropped = {};
    live.implausible = new Set();
    live.implausibleLoss = new Set();
    live.verified = { readAt: -Infinity, nats: new Map() };
    live.sharedStep = 0;
    live.budgetTimer = null;
    this.armBudgetTimer(sessionId, live);
    if (announce) this.invalidateElsewhere(sessionId);
  }

  /** T1: applies a run action, persists it, broadcasts it, and (re)arms the budget timer. */
  async control(sessionId: string, action: RunAction) {
    const live = await this.session(sessionId);
    // Re-read: another server process may have changed the run since this one cached it.
    live.record = (await currentModelSession(this.db, sessionId)) ?? live.record;
    if (!live.record) throw new AppError("CONFLICT", "push a model session first");
    const next = applyRunAction(live.record.run, action, this.now());
    if ("error" in next) throw new AppError("CONFLICT", next.error);
    await saveRun(this.db, live.record.view.id, next);
    live.record = { ...live.record, run: next };
    this.armBudgetTimer(sessionId, live);
    this.invalidateElsewhere(sessionId);
    const run = runStateOf(live.record, this.now());
    this.outlet.run(sessionId, run);
    return run;
  }

  private armBudgetTimer(sessionId: string, live: SessionLive): void {
    if (live.budgetTimer) clearTimeout(live.budgetTimer);
    live.budgetTimer = null;
    if (!live.record) return;
    const wait = msUntilBudgetSpent(live.record.run, this.now());
    if (!Number.isFinite(wait)) return;
    live.budgetTimer = setTimeout(() => {
      live.budgetTimer = null;
      // With several processes each arms this timer; the first stops the run, the others find it stopped.
      this.control(sessionId, "stop").catch((error) => {
        if (!(error instanceof AppError && error.code === "CONFLICT")) console.error("[training] budget stop failed:", error);
      });
    }, wait);
  }

  async setAssignment(sessionId: string, participantId: string, groupId: string): Promise<Record<string, string>> {
    const live = await this.session(sessionId);
    if (live.assignments[participantId] !== groupId) this.invalidateElsewhere(sessionId);
    live.assignments[participantId] = groupId;
    const student = live.students.get(participantId);
    if (student) {
      student.entry = { ...student.entry, groupId };
      student.dirty = true;
    }
    return { ...live.assignments };
  }

  /** T7: keeps a report or says why not (and counts the drop). */
  async report(sessionId: string, participantId: string, report: Telemetry): Promise<DropReason | null> {
    const live = await this.session(sessionId);
    const now = this.now();
    const student = live.students.get(participantId);
    const bounds = live.record
      ? plausibleBounds(fastestConfig(live.record.view), elapsedOf(live.record.run, now), live.sharedStep)
      : { maxStep: 0, maxCharsPerSec: 0 };
    const reason = acceptTelemetry(report, live.record?.view.id ?? null, live.record?.run.status ?? null, student?.lastReport, now, bounds);
    if (reason === "NON_FINITE_LOSS" && student) {
      student.sawNaN = true;
      student.dirty = true;
    }
    if (reason === "IMPLAUSIBLE") {
      live.implausible.add(participantId);
      if (student) student.dirty = true;
    }
    if (reason) {
      live.dropped[reason] = (live.dropped[reason] ?? 0) + 1;
      return reason;
    }
    const trainLoss = report.trainLoss ?? 0; // non-null: acceptTelemetry dropped null losses
    // T13: the loss is kept as reported, but a loss that cannot be true flags the student.
    const verifiedNats = (await this.verifiedLosses(live)).get(participantId) ?? null;
    if (implausibleLoss(trainLoss, verifiedNats) || (report.valLoss !== null && implausibleLoss(report.valLoss, verifiedNats))) {
      live.implausibleLoss.add(participantId);
    }
    const lastStepChangeAt = !student || report.step > student.entry.step ? now : student.lastStepChangeAt;
    const sawNaN = student?.sawNaN ?? false;
    const ranFor = student?.lastReport && live.record?.run.status === "running" ? Math.min(now - student.lastReport.receivedAt, 10_000) : 0;
    const s: StudentLive = {
      entry: {
        participantId,
        groupId: live.assignments[participantId] ?? null,
        step: report.step,
        trainLoss,
        valLoss: report.valLoss,
        charsPerSec: report.charsPerSec,
        backend: report.backend,
        sample: report.sample,
        updatedAt: now,
        flags: progressFlags(
          {
            backend: report.backend,
            lastStepChangeAt,
            sawNaN,
            sawImplausible: live.implausible.has(participantId),
            sawImplausibleLoss: live.implausibleLoss.has(participantId),
          },
          live.record?.run.status ?? null,
          now,
        ),
      },
      lastReport: { step: report.step, receivedAt: now },
      lastStepChangeAt,
      sawNaN,
      lastHistory: student?.lastHistory,
      unsavedTrainingMs: (student?.unsavedTrainingMs ?? 0) + ranFor,
      dirty: true,
      unsaved: true,
    };
    if (keepHistoryPoint(s.lastHistory, report.step, now)) {
      s.lastHistory = { step: report.step, at: now };
      live.pendingHistory.push({ participantId, step: report.step, trainLoss, valLoss: report.valLoss, charsPerSec: report.charsPerSec, at: now });
    }
    live.students.set(participantId, s);
    return null;
  }

  /**
   * T13: each student's best verified public score in the model session in force, in nats/char,
   * read from the database at most every VERIFIED_LOSS_REFRESH_MS (every process sees the scores).
   */
  private async verifiedLosses(live: SessionLive): Promise<Map<string, number>> {
    const now = this.now();
    if (!live.record || now - live.verified.readAt < VERIFIED_LOSS_REFRESH_MS) return live.verified.nats;
    live.verified.readAt = now;
    const best = await this.db.submission.groupBy({
      by: ["participantId"],
      where: { modelSessionId: live.record.view.id, status: "scored", disqualifiedReason: null, publicBpc: { not: null } },
      _min: { publicBpc: true },
    });
    live.verified.nats = new Map(best.flatMap((b) => (b._min.publicBpc === null ? [] : [[b.participantId, b._min.publicBpc * Math.LN2] as const])));
    return live.verified.nats;
  }

  /** T12: the instructor shared a model at `step`: students who load it continue from there. */
  async noteSharedStep(sessionId: string, step: number): Promise<void> {
    const live = await this.session(sessionId);
    live.sharedStep = Math.max(live.sharedStep, step);
  }

  async setSpotlight(sessionId: string, participantId: string | null): Promise<void> {
    (await this.session(sessionId)).spotlight = participantId;
    this.outlet.spotlight(sessionId, participantId);
  }

  /** The class view's full state: live entries, else the stored latest values (after a restart). */
  async classState(sessionId: string) {
    const live = await this.session(sessionId);
    await this.flush();
    const record = live.record;
    if (!record) return { record, assignments: {}, progress: [], history: [], spotlight: live.spotlight, dropped: live.dropped };
    const [stored, history] = await Promise.all([
      this.db.trainingProgress.findMany({ where: { modelSessionId: record.view.id } }),
      this.db.telemetryPoint.findMany({ where: { modelSessionId: record.view.id }, orderBy: [{ participantId: "asc" }, { step: "asc" }] }),
    ]);
    const progress = stored.map(
      (row) =>
        live.students.get(row.participantId)?.entry ?? {
          participantId: row.participantId,
          groupId: live.assignments[row.participantId] ?? null,
          step: row.step,
          trainLoss: row.trainLoss,
          valLoss: row.valLoss,
          charsPerSec: row.charsPerSec,
          backend: row.backend,
          sample: row.sample,
          updatedAt: row.updatedAt.getTime(),
          flags: [],
        },
    );
    return {
      record,
      assignments: { ...live.assignments },
      progress,
      history: history.map((h) => ({ participantId: h.participantId, step: h.step, trainLoss: h.trainLoss, valLoss: h.valLoss, at: h.at.getTime() })),
      spotlight: live.spotlight,
      dropped: live.dropped,
    };
  }

  /**
   * The tick: broadcast changed entries (and changed flags); every PERSIST_INTERVAL_MS (or when
   * `persistNow`), write them to the database.
   */
  async flush(persistNow = true): Promise<void> {
    const now = this.now();
    const writes: Promise<unknown>[] = [];
    for (const [sessionId, live] of this.sessions) {
      if (!live.record) continue;
      const status = live.record.run.status;
      const changed: ProgressEntry[] = [];
      for (const s of live.students.values()) {
        const flags = progressFlags(
          {
            backend: s.entry.backend,
            lastStepChangeAt: s.lastStepChangeAt,
            sawNaN: s.sawNaN,
            sawImplausible: live.implausible.has(s.entry.participantId),
            sawImplausibleLoss: live.implausibleLoss.has(s.entry.participantId),
          },
          status,
          now,
        );
        if (flags.join() !== s.entry.flags.join()) {
          s.entry = { ...s.entry, flags };
          s.dirty = true;
        }
        if (s.dirty) changed.push(s.entry);
        s.dirty = false;
      }
      if (changed.length) {
        this.outlet.progress(sessionId, { modelSessionId: live.record.view.id, entries: changed, dropped: live.dropped });
      }
      if (persistNow) writes.push(this.persist(live.record.view.id, [...live.students.values()], live.pendingHistory.splice(0)));
    }
    await Promise.all(writes);
  }

  /**
   * Writes the new history points and the changed latest values, in small transactions with a
   * yield between them: SQLite runs on this thread, and one large write would stall every socket.
   * A batch that fails is written again row by row (SS1), so one student's bad row never sinks
   * the others': only that row is lost, and logged.
   */
  private async persist(modelSessionId: string, students: StudentLive[], history: SessionLive["pendingHistory"]): Promise<void> {
    const unsaved = students.filter((s) => s.unsaved);
    for (const s of unsaved) s.unsaved = false;
    const points = history.map((h) => ({
      modelSessionId,
      participantId: h.participantId,
      step: h.step,
      trainLoss: h.trainLoss,
      valLoss: h.valLoss,
      charsPerSec: h.charsPerSec,
      at: new Date(h.at),
    }));
    if (points.length) {
      await this.writeEachAlone(
        () => this.db.telemetryPoint.createMany({ data: points }),
        points.map((data) => () => this.db.telemetryPoint.create({ data })),
      );
    }
    for (let i = 0; i < unsaved.length; i += PERSIST_CHUNK) {
      await new Promise((resolve) => setImmediate(resolve));
      const upserts = unsaved.slice(i, i + PERSIST_CHUNK).map((s) => {
        const data = {
          step: s.entry.step,
          trainLoss: s.entry.trainLoss,
          valLoss: s.entry.valLoss,
          charsPerSec: s.entry.charsPerSec,
          backend: s.entry.backend,
          sample: s.entry.sample,
        };
        const ranFor = Math.round(s.unsavedTrainingMs);
        s.unsavedTrainingMs = 0;
        return () =>
          this.db.trainingProgress.upsert({
            where: { modelSessionId_participantId: { modelSessionId, participantId: s.entry.participantId } },
            create: { modelSessionId, participantId: s.entry.participantId, ...data, trainingMs: ranFor },
            update: { ...data, trainingMs: { increment: ranFor } },
          });
      });
      await this.writeEachAlone(() => this.db.$transaction(upserts.map((upsert) => upsert())), upserts);
    }
  }

  /** Runs `batch`; if it fails, runs each of `single` on its own, logging (not throwing) the ones that fail. */
  private async writeEachAlone(batch: () => Promise<unknown>, single: (() => Promise<unknown>)[]): Promise<void> {
    try {
      await batch();
    } catch {
      for (const write of single) await write().catch((error) => console.error("[training] a telemetry row was not stored:", error));
    }
  }
}
