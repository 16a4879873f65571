/**
 * Runs live quiz rounds (lib/quiz/SPEC.md): applies the round state machine to the database,
 * owns the close timers (server clock), scores answers as they arrive, and tells the outlet what
 * to send to whom. One runner per server process; rounds are cached per session and re-read from
 * the database after a restart (Q5).
 *
 * Concurrency: control actions and timer closes of a session run one at a time (`serial`); an
 * answer is checked against the in-memory round (which closes before anything is awaited) and
 * its insert is tracked, so a close waits for answers that made it in time before it counts.
 *
 * Several processes (Redis adapter): every move of a round is announced (`outlet.changed`) and the
 * other processes drop their copy (`forget`), re-reading it from the database at the next answer
 * or sync; moves are compare-and-set in the database, so only one process wins a move. Every process
 * holding an open question arms its close timer (the first close wins, the others drop their copy), so
 * the question closes on time even if the process that opened it is gone; answer counts for the
 * instructor come from the database, since each process sees only its own students' answers.
 */
import { AppError } from "../../lib/protocol/errors";
import type { QuizProgress, QuizResult, QuizState, RevealView, StandingView } from "../../lib/protocol/quiz";
import { sameAnswer, type Answer } from "../../lib/quiz/answers";
import { choiceOrder, orderSeed } from "../../lib/quiz/order";
import { correctAnswerOf, histogramOf, type Standing } from "../../lib/quiz/results";
import type { QuestionDraft } from "../../lib/quiz/questions";
import { answerWindow, applyRoundAction, elapsedOf, QUESTION_HEARTBEAT_MS, windowAfterOutage, type RoundAction } from "../../lib/quiz/round";
import { scoreAnswer } from "../../lib/quiz/scoring";
import type { Db } from "../db/client";
import { quizDetail } from "./quizBank";
import { judgeAnswer, publicQuestion } from "./quizPlay";
import {
  answerOf,
  answersOf,
  createRound,
  insertAnswer,
  latestRound,
  moveRound,
  resumeAfterOutage,
  roundsWithOpenQuestion,
  stampQuestionAlive,
  standingsOf,
  type RoundRecord,
} from "./quizRounds";
import type { Presence } from "./sessions";

/**
 * Answer counts reach the instructor at most this often (ms): 300 answers, a few updates. The
 * same tick checks whether every connected student has answered (Q5a), so a question closes at
 * most this long after the last answer, and presence is asked a few times a second, not per answer.
 */
export const QUIZ_PROGRESS_THROTTLE_MS = 250;
/** Standings shown to everyone at a reveal: the top this many (the full list goes to instructors). */
export const QUIZ_TOP_STANDINGS = 5;
/** The podium. */
export const QUIZ_PODIUM = 3;

/** Where the runner's news goes (server/realtime/quizEvents.ts sends it over Socket.IO). */
export interface QuizOutlet {
  state(sessionId: string, state: QuizState): void;
  progress(sessionId: string, progress: QuizProgress): void;
  standings(sessionId: string, roundId: string, standings: StandingView[]): void;
  results(results: { participantId: string; result: QuizResult }[]): void;
  /** The round of this session moved: other server processes must drop their copy. */
  changed(sessionId: string): void;
}

interface Live {
  round: RoundRecord;
  /** Participants who answered the open question (this process's view; the database decides). */
  answered: Set<string>;
  /** Streaks after the previous question, by participant (Q17). */
  previousStreaks: Map<string, number>;
  /** Answer inserts in flight. */
  pending: Set<Promise<unknown>>;
  participants: number;
  reveal: RevealView | null;
  standings: Standing[] | null;
  results: Map<string, QuizResult>;
  timer: NodeJS.Timeout | null;
  progressTimer: NodeJS.Timeout | null;
  /** Stamps the open question's heartbeat (Q5b) while this process keeps its clock. */
  heartbeat: NodeJS.Timeout | null;
}

export interface SyncView {
  state: QuizState | null;
  answered: boolean;
  result: QuizResult | null;
  progress: QuizProgress | null;
  standings: StandingView[] | null;
}

const emptyReveal = (question: QuestionDraft): RevealView => ({
  correctAnswer: correctAnswerOf(question),
  explanation: question.explanation,
  histogram: [],
  answered: 0,
  correctCount: 0,
  top: [],
});

const toView = (s: Standing): StandingView => ({
  participantId: s.participantId,
  displayName: s.displayName,
  points: s.points,
  correct: s.correct,
  rank: s.rank,
});

export class QuizRunner {
  private readonly lives = new Map<string, Promise<Live | null>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly presence: Presence,
    private readonly outlet: QuizOutlet,
    private readonly now: () => number = Date.now,
    /** Other server processes serve students of the same sessions (see the file comment). */
    private readonly crossProcess = false,
  ) {}

  /** Another process moved this session's round: drop the copy held here (after any task in progress). */
  forget(sessionId: string): Promise<void> {
    return this.serial(sessionId, async () => {
      const live = await this.lives.get(sessionId)?.catch(() => null);
      this.lives.delete(sessionId);
      if (live) this.disarm(live);
    });
  }

  /** Q5: re-arm the close timers of open questions from the database (loading a round arms its timer). */
  async start(): Promise<void> {
    for (const round of await roundsWithOpenQuestion(this.db)) await this.live(round.sessionId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const promise of this.lives.values()) {
      const live = await promise.catch(() => null);
      if (!live) continue;
      this.disarm(live);
      await Promise.allSettled([...live.pending]);
      // Q5b: the clock stops now (not at the last heartbeat), so a restart restores the exact remaining time.
      if (live.round.phase === "question") await stampQuestionAlive(this.db, live.round, this.now()).catch(() => undefined);
    }
  }

  // ── Instructor actions (Q1, Q2) ──

  startRound(sessionId: string, instructorId: string, quizId: string): Promise<QuizState> {
    return this.serial(sessionId, async () => {
      const session = await this.db.classSession.findUnique({ where: { id: sessionId }, select: { status: true } });
      if (session?.status !== "live") throw new AppError("SESSION_ENDED", "this session has ended");
      const quiz = await quizDetail(this.db, instructorId, quizId);
      if (!quiz.questions.length) throw new AppError("BAD_REQUEST", "this quiz has no questions");
      const round = await createRound(this.db, sessionId, quiz);
      const live = this.fresh(round);
      this.lives.set(sessionId, Promise.resolve(live));
      return this.publish(live);
    });
  }

  next(sessionId: string): Promise<QuizState> {
    return this.serial(sessionId, async () => {
      const { live, to } = await this.transition(sessionId, "next");
      const from = { phase: live.round.phase, questionIndex: live.round.questionIndex };
      if (to.phase === "question") {
        const startedAt = this.now();
        const closesAt = startedAt + live.round.questions[to.questionIndex].timeLimitSec * 1000;
        if (!(await moveRound(this.db, live.round.id, from, { ...to, startedAt, closesAt }))) return this.reloadAfterRace(sessionId);
        const [previous, connected] = await Promise.all([
          to.questionIndex > 0 ? answersOf(this.db, live.round.id, to.questionIndex - 1) : Promise.resolve([]),
          this.presence.connectedParticipants(sessionId),
        ]);
        Object.assign(live.round, { phase: "question", questionIndex: to.questionIndex, startedAt, closesAt });
        live.answered = new Set();
        live.previousStreaks = new Map(previous.map((a) => [a.participantId, a.streak]));
        live.participants = connected.size;
        live.reveal = null;
        this.arm(live);
        this.sendProgress(live);
        return this.publish(live);
      }
      return this.finish(live, from);
    });
  }

  skip(sessionId: string): Promise<QuizState> {
    return this.serial(sessionId, async () => {
      const { live } = await this.transition(sessionId, "close");
      await this.close(live, this.now());
      return this.stateOf(live);
    });
  }

  end(sessionId: string): Promise<QuizState> {
    return this.serial(sessionId, async () => {
      const { live } = await this.transition(sessionId, "end");
      if (live.round.phase === "question") await this.close(live, this.now());
      return this.finish(live, { phase: live.round.phase, questionIndex: live.round.questionIndex });
    });
  }

  // ── Students (Q6–Q9) ──

  async answer(
    sessionId: string,
    participantId: string,
    roundId: string,
    questionIndex: number,
    answer: Answer,
  ): Promise<{ receivedAt: number; elapsedMs: number }> {
    const receivedAt = this.now();
    const live = await this.live(sessionId);
    if (!live || live.round.id !== roundId) throw new AppError("CONFLICT", "this quiz is not running");
    const window = answerWindow(live.round, questionIndex, receivedAt);
    if (window !== "open" || live.answered.has(participantId)) return this.answeredBefore(live, participantId, questionIndex, answer, window);
    const round = live.round;
    const question = round.questions[questionIndex];
    const judged = judgeAnswer(round, questionIndex, answer);
    if ("problem" in judged) throw new AppError("BAD_REQUEST", judged.problem, { answer: [judged.problem] });
    const { stored, correctness } = judged;
    live.answered.add(participantId);

    const limitMs = question.timeLimitSec * 1000;
    const elapsedMs = elapsedOf(round.startedAt ?? receivedAt, receivedAt, limitMs);
    const score = scoreAnswer({
      correctness,
      elapsedMs,
      limitMs,
      multiplier: question.pointsMultiplier,
      mode: round.scoringMode,
      previousStreak: live.previousStreaks.get(participantId) ?? 0,
    });
    const insert = insertAnswer(this.db, {
      roundId,
      questionIndex,
      participantId,
      answer: stored,
      receivedAt,
      elapsedMs,
      correctness,
      points: score.points,
      streak: score.streak,
    });
    live.pending.add(insert);
    let storedBefore = false;
    try {
      await insert;
    } catch (error) {
      storedBefore = error instanceof AppError && error.code === "CONFLICT";
      if (!storedBefore) {
        live.answered.delete(participantId);
        throw error;
      }
    } finally {
      live.pending.delete(insert);
    }
    // Stored already, through another server process (which holds the student's earlier connection): Q8a decides.
    if (storedBefore) return this.answeredBefore(live, participantId, questionIndex, answer, window);
    this.scheduleProgress(live);
    return { receivedAt, elapsedMs };
  }

  /**
   * Q8a: an answer outside the open window, or a second one: the same answer sent again (a client
   * resending after its connection dropped) gets the first one's acknowledgement; anything else is
   * refused as before (Q7, Q8).
   */
  private async answeredBefore(
    live: Live,
    participantId: string,
    questionIndex: number,
    answer: Answer,
    window: ReturnType<typeof answerWindow>,
  ): Promise<{ receivedAt: number; elapsedMs: number }> {
    if (questionIndex < live.round.questions.length) {
      await Promise.allSettled([...live.pending]); // the first copy may still be on its way to the database
      const judged = judgeAnswer(live.round, questionIndex, answer);
      const earlier = await answerOf(this.db, live.round.id, questionIndex, participantId);
      if (earlier && !("problem" in judged) && sameAnswer(earlier.answer, judged.stored))
        return { receivedAt: earlier.receivedAt, elapsedMs: earlier.elapsedMs };
      if (earlier) throw new AppError("CONFLICT", "you already answered this question");
    }
    if (window === "wrong-question") throw new AppError("CONFLICT", "this is not the open question");
    if (window === "closed") throw new AppError("CONFLICT", "the question is closed");
    throw new AppError("CONFLICT", "you already answered this question");
  }

  /** Q9: what a (re)joining client needs; `participantId` null for instructors (who also get progress and standings). */
  async sync(sessionId: string, participantId: string | null): Promise<SyncView> {
    const live = await this.live(sessionId);
    if (!live) return { state: null, answered: false, result: null, progress: null, standings: null };
    const instructor = participantId === null;
    return {
      state: this.stateOf(live),
      answered: participantId !== null && live.round.phase === "question" && live.answered.has(participantId),
      result: participantId !== null && live.round.phase !== "question" ? (live.results.get(participantId) ?? null) : null,
      progress: instructor && live.round.phase === "question" ? await this.progressOf(live) : null,
      standings: instructor && live.standings ? live.standings.map(toView) : null,
    };
  }

  // ── Internals ──

  private fresh(round: RoundRecord): Live {
    return {
      round,
      answered: new Set(),
      previousStreaks: new Map(),
      pending: new Set(),
      participants: 0,
      reveal: null,
      standings: null,
      results: new Map(),
      timer: null,
      progressTimer: null,
      heartbeat: null,
    };
  }

  /** The session's round, from the cache or the database (one load shared by concurrent callers). */
  private live(sessionId: string): Promise<Live | null> {
    let promise = this.lives.get(sessionId);
    if (!promise) {
      promise = this.load(sessionId);
      this.lives.set(sessionId, promise);
      promise.catch(() => this.lives.delete(sessionId));
    }
    return promise;
  }

  private async load(sessionId: string): Promise<Live | null> {
    const round = await latestRound(this.db, sessionId);
    if (!round) return null;
    const live = this.fresh(round);
    if (round.phase === "question") {
      const now = this.now();
      const window = windowAfterOutage(round, now);
      if (window && round.aliveAt !== null) {
        // Q5b: no server kept this question's clock for a while: give it back its time.
        if (!(await resumeAfterOutage(this.db, { ...round, aliveAt: round.aliveAt }, window, now))) return this.load(sessionId); // another process did
        Object.assign(round, window, { aliveAt: now });
        this.outlet.changed(sessionId);
        this.outlet.state(sessionId, this.stateOf(live));
      }
      const [current, previous, connected] = await Promise.all([
        answersOf(this.db, round.id, round.questionIndex),
        round.questionIndex > 0 ? answersOf(this.db, round.id, round.questionIndex - 1) : Promise.resolve([]),
        this.presence.connectedParticipants(sessionId),
      ]);
      live.answered = new Set(current.map((a) => a.participantId));
      live.previousStreaks = new Map(previous.map((a) => [a.participantId, a.streak]));
      live.participants = connected.size;
      this.arm(live); // every process holding an open question can close it: the database lets one win
    } else if (round.phase === "reveal" || round.phase === "ended") {
      await this.computeResults(live);
    }
    return live;
  }

  private async requireRunning(sessionId: string): Promise<Live> {
    const live = await this.live(sessionId);
    if (!live || live.round.phase === "ended") throw new AppError("CONFLICT", "no quiz is running: start one");
    return live;
  }

  /**
   * The running round and where `action` takes it. With other processes, the copy here may be
   * behind: another process closed the question and its "changed" message is still on its way
   * (the instructor saw the reveal and pressed Next first). So a refusal is checked once against
   * the round as the database has it before it is reported.
   */
  private async transition(sessionId: string, action: RoundAction) {
    const apply = (l: Live) => applyRoundAction({ ...l.round, questionCount: l.round.questions.length }, action);
    let live = await this.requireRunning(sessionId);
    let to = apply(live);
    if ("error" in to && this.crossProcess) {
      this.lives.delete(sessionId);
      this.disarm(live);
      live = await this.requireRunning(sessionId);
      to = apply(live);
    }
    if ("error" in to) throw new AppError("CONFLICT", to.error);
    return { live, to };
  }

  /** Another process moved the round first: forget the cache and report the round as it is. */
  private async reloadAfterRace(sessionId: string): Promise<QuizState> {
    this.lives.delete(sessionId);
    const live = await this.live(sessionId);
    if (!live) throw new AppError("CONFLICT", "no quiz is running");
    return this.publish(live);
  }

  private arm(live: Live): void {
    if (live.timer) clearTimeout(live.timer);
    if (this.stopped || live.round.closesAt === null) return;
    const { id, questionIndex, sessionId } = live.round;
    if (!live.heartbeat) {
      live.heartbeat = setInterval(() => {
        stampQuestionAlive(this.db, { id, questionIndex }, this.now()).catch((error) => console.error("[quiz] heartbeat failed:", error));
      }, QUESTION_HEARTBEAT_MS);
      live.heartbeat.unref();
    }
    live.timer = setTimeout(
      () => {
        live.timer = null;
        this.serial(sessionId, async () => {
          const current = await this.live(sessionId);
          if (!current || current.round.id !== id || current.round.phase !== "question" || current.round.questionIndex !== questionIndex) return;
          if (this.now() < (current.round.closesAt ?? 0)) return this.arm(current); // woke early: wait the rest
          await this.close(current, current.round.closesAt ?? this.now());
        }).catch((error) => console.error("[quiz] close failed:", error));
      },
      Math.max(0, live.round.closesAt - this.now()),
    );
  }

  /** Stops this copy's timers: the close timer, the progress tick and the heartbeat. */
  private disarm(live: Live): void {
    for (const timer of [live.timer, live.progressTimer]) if (timer) clearTimeout(timer);
    if (live.heartbeat) clearInterval(live.heartbeat);
    live.timer = live.progressTimer = live.heartbeat = null;
  }

  /** Q2/Q5/Q20: close the open question at `at`, count what made it in time, and reveal. */
  private async close(live: Live, at: number): Promise<void> {
    const round = live.round;
    const from = { phase: round.phase, questionIndex: round.questionIndex };
    const closesAt = Math.min(round.closesAt ?? at, at);
    // In memory first, before any await: from here on answers are refused.
    round.phase = "reveal";
    round.closesAt = closesAt;
    this.disarm(live);
    const moved = await moveRound(this.db, round.id, from, { phase: "reveal", questionIndex: round.questionIndex, closesAt });
    await Promise.allSettled([...live.pending]);
    if (!moved) {
      this.lives.delete(round.sessionId);
      return;
    }
    await this.computeResults(live);
    this.publish(live);
    if (live.standings) this.outlet.standings(round.sessionId, round.id, live.standings.map(toView));
    this.outlet.results([...live.results].map(([participantId, result]) => ({ participantId, result })));
  }

  /** Histogram, standings and every student's result for the round's current question. */
  private async computeResults(live: Live): Promise<void> {
    const round = live.round;
    const all = await answersOf(this.db, round.id);
    const standings = await standingsOf(this.db, round.sessionId, all);
    live.standings = standings;
    const index = round.questionIndex;
    if (index < 0) return;
    const question = round.questions[index];
    const current = all.filter((a) => a.questionIndex === index);
    const mine = new Map(current.map((a) => [a.participantId, a]));
    const usable = current.filter((a): a is typeof a & { answer: Answer } => a.answer !== null);
    live.reveal = {
      correctAnswer: correctAnswerOf(question),
      explanation: question.explanation,
      histogram: histogramOf(
        question,
        usable.map((a) => a.answer),
        usable.map((a) => a.correctness),
        choiceOrder(question, orderSeed(round.id, index)),
      ),
      answered: current.length,
      correctCount: current.filter((a) => a.correctness === 1).length,
      top: standings.slice(0, QUIZ_TOP_STANDINGS).map(toView),
    };
    live.results = new Map(
      standings.map((s) => {
        const a = mine.get(s.participantId);
        const result: QuizResult = {
          roundId: round.id,
          questionIndex: index,
          answered: a !== undefined,
          correctness: a?.correctness ?? 0,
          points: a?.points ?? 0,
          streak: a?.streak ?? 0,
          totalPoints: s.points,
          correctAnswers: s.correct,
          rank: s.rank,
          of: standings.length,
        };
        return [s.participantId, result];
      }),
    );
  }

  private async finish(live: Live, from: { phase: RoundRecord["phase"]; questionIndex: number }): Promise<QuizState> {
    if (!(await moveRound(this.db, live.round.id, from, { phase: "ended", questionIndex: live.round.questionIndex, ended: true })))
      return this.reloadAfterRace(live.round.sessionId);
    live.round.phase = "ended";
    live.round.endedAt = new Date();
    if (!live.standings) await this.computeResults(live);
    const state = this.publish(live);
    if (live.standings) this.outlet.standings(live.round.sessionId, live.round.id, live.standings.map(toView));
    return state;
  }

  private publish(live: Live): QuizState {
    const state = this.stateOf(live);
    this.outlet.state(live.round.sessionId, state);
    this.outlet.changed(live.round.sessionId);
    return state;
  }

  stateOf(live: Live): QuizState {
    const r = live.round;
    const base = {
      roundId: r.id,
      sessionId: r.sessionId,
      title: r.title,
      scoringMode: r.scoringMode,
      questionIndex: r.questionIndex,
      questionCount: r.questions.length,
      serverNow: this.now(),
    };
    switch (r.phase) {
      case "lobby":
        return { ...base, phase: "lobby" };
      case "question":
      case "reveal": {
        const window = { question: publicQuestion(r, r.questionIndex), startedAt: r.startedAt ?? base.serverNow, closesAt: r.closesAt ?? base.serverNow };
        if (r.phase === "question") return { ...base, phase: "question", ...window };
        // Without a reveal here this process lost the close to another one, whose reveal follows.
        return { ...base, phase: "reveal", ...window, reveal: live.reveal ?? emptyReveal(r.questions[r.questionIndex]) };
      }
      case "ended":
        return {
          ...base,
          phase: "ended",
          podium: (live.standings ?? [])
            .filter((s) => s.rank <= QUIZ_PODIUM)
            .slice(0, QUIZ_PODIUM)
            .map(toView),
        };
      default: {
        const never: never = r.phase;
        return never;
      }
    }
  }

  /** Who answered the open question: this process's set, or every process's answers from the database. */
  private async answeredBy(live: Live): Promise<Set<string>> {
    if (!this.crossProcess) return live.answered;
    const { id: roundId, questionIndex } = live.round;
    const rows = await this.db.quizAnswer.findMany({ where: { roundId, questionIndex }, select: { participantId: true } });
    return new Set(rows.map((r) => r.participantId));
  }

  private async progressOf(live: Live): Promise<QuizProgress> {
    const { id: roundId, questionIndex } = live.round;
    const answered = (await this.answeredBy(live)).size;
    return { roundId, questionIndex, answered, participants: Math.max(live.participants, answered) };
  }

  private sendProgress(live: Live): void {
    this.progressOf(live)
      .then((progress) => this.outlet.progress(live.round.sessionId, progress))
      .catch((error) => console.error("[quiz] progress failed:", error));
  }

  private scheduleProgress(live: Live): void {
    if (live.progressTimer || this.stopped) return;
    live.progressTimer = setTimeout(() => {
      live.progressTimer = null;
      if (live.round.phase === "question") this.tick(live).catch((error) => console.error("[quiz] progress failed:", error));
    }, QUIZ_PROGRESS_THROTTLE_MS);
  }

  /** After answers arrived: tell the instructors, and close the question when every connected student has answered (Q5a). */
  private async tick(live: Live): Promise<void> {
    const { sessionId, id, questionIndex } = live.round;
    const [connected, answered] = await Promise.all([this.presence.connectedParticipants(sessionId), this.answeredBy(live)]);
    live.participants = connected.size;
    this.outlet.progress(sessionId, { roundId: id, questionIndex, answered: answered.size, participants: Math.max(connected.size, answered.size) });
    if (connected.size === 0 || ![...connected].every((p) => answered.has(p))) return;
    await this.serial(sessionId, async () => {
      const current = await this.live(sessionId);
      if (!current || current.round.id !== id || current.round.phase !== "question" || current.round.questionIndex !== questionIndex) return;
      await this.close(current, this.now());
    });
  }

  /** Runs `task` after every earlier task of the session has finished. */
  private serial<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const settled = result.catch(() => undefined);
    this.queues.set(sessionId, settled);
    settled.then(() => {
      if (this.queues.get(sessionId) === settled) this.queues.delete(sessionId);
    });
    return result;
  }
}
