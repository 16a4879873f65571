/**
 * A small class history for the dashboard's tests, built through the real server where the
 * events exist: sessions, joins (roster and guest), model session pushes with ablation groups,
 * run control, telemetry and the quiz (questions in the bank, a round played on the server's
 * clock). Submissions are inserted with Prisma directly: real ones are scored by the evaluation
 * pool, and the dashboard's arithmetic is checked against round, hand-picked scores.
 *
 *   session 1: 김민지, Lee Jun and a guest "손님" join; push with groups LSTM / vanilla RNN;
 *              김민지 reports steps 100, 200, 300; Lee Jun 10, 20; the guest 50 (6 s apart);
 *              scored submissions 김민지 2.4 & 2.0, Lee Jun 3.1, guest 2.5 (+ one queued);
 *              a quiz "RNN 기초" of three questions tagged [recurrence],
 *              [lstm-gates, vanishing-gradient], [lstm-gates]: 김민지 right, right, half right
 *              (2, 3 and 4 s after each opens); Lee Jun wrong three times; the guest right on Q1.
 *   session 2: 김민지 and 박서연 join; push without groups; 김민지 reports 500, 600; 박서연 never
 *              trains; 김민지 submits 1.8. 최우진 never comes.
 */
import { connectClient, request, type TestSocket } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, joinAsRoster, type InstructorScenario, type JoinedStudent } from "../helpers/scenario";
import type { TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { closeQuestion, control, makeQuiz, pressing, startQuiz } from "../helpers/quiz";
import type { QuestionDraftInput } from "../../lib/quiz/questions";
import type { QuizTag } from "../../lib/quiz/tags";

export const REPORT_GAP_MS = 6_000;

export interface SeededClass {
  t: InstructorScenario;
  s1: string;
  s2: string;
  ms1: string;
  ms2: string;
  seats: { minji1: string; jun1: string; guest1: string; minji2: string; seoyeon2: string };
  /** participantId → ablation group label in session 1. */
  groupOf: Record<string, string>;
  roundId: string;
  sockets: TestSocket[];
}

async function attach(server: TestServer, t: InstructorScenario, sessionId: string): Promise<TestSocket> {
  const socket = await connectClient(server.url, { cookie: t.api.cookie });
  const attached = await request(socket, "instructor:attach", { sessionId });
  if (!attached.ok) throw new Error(`attach failed: ${JSON.stringify(attached.error)}`);
  return socket;
}

async function report(server: TestServer, advance: () => void, rounds: [JoinedStudent, string, number[]][]): Promise<void> {
  const longest = Math.max(...rounds.map(([, , steps]) => steps.length));
  for (let i = 0; i < longest; i++) {
    advance();
    for (const [student, ms, steps] of rounds) {
      if (i >= steps.length) continue;
      const reply = await request(student.socket, "training:report", telemetry(ms, steps[i], { trainLoss: 4 - steps[i] / 200 }));
      if (!reply.ok || !reply.data.accepted) throw new Error(`report refused: ${JSON.stringify(reply)}`);
    }
  }
  await server.app.realtime.training.flush();
}

/** `advance(ms)` moves the server's clock (by REPORT_GAP_MS when no amount is given). */
export async function seedClass(server: TestServer, advance: (ms?: number) => void): Promise<SeededClass> {
  const t = await instructorWithSession(server, "김민지\nLee Jun\n박서연\n최우진");
  const s1 = t.sessionId;
  const minji1 = await joinAsRoster(server, t.code, t.students["김민지"]);
  const jun1 = await joinAsRoster(server, t.code, t.students["Lee Jun"]);
  const guest1 = await joinAsGuest(server, t.code, "손님");
  const pushed1 = await request(t.console, "training:push", {
    sessionId: s1,
    spec: tinySpec({
      groups: [
        { label: "LSTM", overrides: { cell: "lstm" } },
        { label: "vanilla RNN", overrides: { cell: "rnn" } },
      ],
    }),
  });
  if (!pushed1.ok) throw new Error(JSON.stringify(pushed1.error));
  const ms1 = pushed1.data.modelSession.id;
  const labels = Object.fromEntries(pushed1.data.modelSession.groups.map((g) => [g.id, g.label]));
  await request(t.console, "training:control", { sessionId: s1, action: "start" });
  await report(server, advance, [
    [minji1, ms1, [100, 200, 300]],
    [jun1, ms1, [10, 20]],
    [guest1, ms1, [50]],
  ]);
  const groupOf: Record<string, string> = {};
  for (const s of [minji1, jun1, guest1]) {
    const sync = await request(s.socket, "training:sync", {});
    if (!sync.ok || !sync.data.groupId) throw new Error("no group");
    groupOf[s.participantId] = labels[sync.data.groupId];
  }

  const db = server.db;
  const submission = (modelSessionId: string, participantId: string, publicBpc: number | null, privateBpc: number | null, status = "scored", n = 0) => ({
    modelSessionId,
    participantId,
    idempotencyKey: `k${n}`,
    weights: new Uint8Array([1, 2, 3]),
    weightsSha256: `sha${participantId}${n}`,
    configHash: "h",
    config: {},
    backend: "wasm",
    step: 300,
    sampleText: `sample of ${participantId} #${n}`,
    sampleTemperature: 0.8,
    samplePrime: "",
    status,
    publicBpc,
    privateBpc,
    novelty: 0.9,
    temperatureCard: [
      { temperature: 0.5, text: "cold" },
      { temperature: 1.2, text: "hot" },
    ],
    scoredAt: status === "scored" ? new Date() : null,
  });
  await db.submission.createMany({
    data: [
      submission(ms1, minji1.participantId, 2.4, 2.5, "scored", 1),
      submission(ms1, minji1.participantId, 2.0, 2.1, "scored", 2),
      submission(ms1, minji1.participantId, null, null, "queued", 3),
      submission(ms1, jun1.participantId, 3.1, 3.0, "scored", 1),
      submission(ms1, guest1.participantId, 2.5, 2.0, "scored", 1),
    ],
  });
  await db.modelSession.update({ where: { id: ms1 }, data: { privateRevealedAt: new Date() } });
  // The quiz, played through the real quiz events on the server's clock (accuracy scoring: 1000 × correctness).
  const single = (ko: string, en: string, correct: number, tags: QuizTag[]): QuestionDraftInput =>
    ({
      type: "single",
      prompt: { ko, en },
      options: ["A", "B", "C", "D"].map((o) => ({ ko: o, en: o })),
      correct,
      tags,
      timeLimitSec: 30,
    }) as QuestionDraftInput;
  const quizId = await makeQuiz(
    t,
    [
      single("RNN의 은닉 상태는?", "What is an RNN's hidden state?", 0, ["recurrence"]),
      single("LSTM의 망각 게이트는?", "The LSTM forget gate?", 1, ["lstm-gates", "vanishing-gradient"]),
      {
        type: "multiple",
        prompt: { ko: "LSTM은 기울기 소실을 줄인다", en: "LSTMs reduce vanishing gradients" },
        options: ["A", "B", "C", "D"].map((o) => ({ ko: o, en: o })),
        correct: [0, 1],
        tags: ["lstm-gates"],
        timeLimitSec: 30,
      } as QuestionDraftInput,
    ],
    "accuracy",
    "RNN 기초",
  );
  const { roundId } = await startQuiz(t, quizId);
  // Students press options by label: the round shows them in its own shuffled order.
  const plays: { elapsedMs: number; answers: [JoinedStudent, string[]][] }[] = [
    {
      elapsedMs: 2000,
      answers: [
        [minji1, ["A"]],
        [jun1, ["D"]],
        [guest1, ["A"]],
      ],
    },
    {
      elapsedMs: 3000,
      answers: [
        [minji1, ["B"]],
        [jun1, ["C"]],
      ],
    },
    {
      elapsedMs: 4000,
      answers: [
        [minji1, ["A"]],
        [jun1, ["C"]],
      ],
    },
  ];
  for (const [questionIndex, play] of plays.entries()) {
    const open = await control(t.console, "quiz:next", s1);
    advance(play.elapsedMs);
    for (const [student, labels] of play.answers) {
      const reply = await request(student.socket, "quiz:answer", { roundId, questionIndex, answer: pressing(open, ...labels) });
      if (!reply.ok) throw new Error(`answer refused: ${JSON.stringify(reply.error)}`);
    }
    await closeQuestion(t.console, s1, questionIndex);
  }
  await control(t.console, "quiz:end", s1);
  const ended = await request(t.console, "session:end", { sessionId: s1 });
  if (!ended.ok) throw new Error(JSON.stringify(ended.error));

  const { session } = await t.api.ok("startSession", { params: { classId: t.classId } });
  const console2 = await attach(server, t, session.id);
  const minji2 = await joinAsRoster(server, session.code, t.students["김민지"]);
  const seoyeon2 = await joinAsRoster(server, session.code, t.students["박서연"]);
  const pushed2 = await request(console2, "training:push", { sessionId: session.id, spec: tinySpec() });
  if (!pushed2.ok) throw new Error(JSON.stringify(pushed2.error));
  const ms2 = pushed2.data.modelSession.id;
  await request(console2, "training:control", { sessionId: session.id, action: "start" });
  await report(server, advance, [[minji2, ms2, [500, 600]]]);
  await db.submission.createMany({ data: [submission(ms2, minji2.participantId, 1.8, 1.9, "scored", 1)] });

  return {
    t,
    s1,
    s2: session.id,
    ms1,
    ms2,
    seats: {
      minji1: minji1.participantId,
      jun1: jun1.participantId,
      guest1: guest1.participantId,
      minji2: minji2.participantId,
      seoyeon2: seoyeon2.participantId,
    },
    groupOf,
    roundId,
    sockets: [t.console, console2, minji1.socket, jun1.socket, guest1.socket, minji2.socket, seoyeon2.socket],
  };
}
