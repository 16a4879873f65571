/** The question bank over HTTP: CRUD, reorder, quizzes, built-in copies, import/export with field errors, ownership. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { BUILTIN_QUESTIONS } from "../../lib/quiz/builtin";
import type { QuestionDraftInput } from "../../lib/quiz/questions";
import { ApiClient } from "../helpers/clients";
import { choice, tf } from "../helpers/quiz";
import { instructorWithSession, type InstructorScenario } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";

for (const kind of DB_KINDS) {
  describe(`quiz bank (${kind})`, () => {
    let server: TestServer;
    let t: InstructorScenario;
    let other: InstructorScenario;
    before(async () => {
      server = await startTestServer({ kind });
      t = await instructorWithSession(server);
      other = await instructorWithSession(server);
    });
    after(async () => {
      t.console.close();
      other.console.close();
      await server.close();
    });

    it("creates, edits, duplicates, reorders and deletes questions", async () => {
      const a = (await t.api.ok("quizCreateQuestion", { body: tf(true) })).question;
      const b = (await t.api.ok("quizCreateQuestion", { body: choice(2, { explanation: { ko: "설명", en: "Because" } }) })).question;
      assert.equal(b.type, "single");
      assert.deepEqual(b.explanation, { ko: "설명", en: "Because" });
      const edited = (await t.api.ok("quizUpdateQuestion", { params: { questionId: b.id }, body: choice(1, { explanation: null }) })).question;
      assert.equal(edited.type === "single" && edited.correct, 1);
      assert.equal(edited.explanation, null);
      const copy = (await t.api.ok("quizDuplicateQuestion", { params: { questionId: a.id } })).question;
      assert.match(copy.prompt.en, /\(copy\)$/);
      const reordered = (await t.api.ok("quizReorderQuestions", { body: { ids: [copy.id, b.id, a.id] } })).questions;
      assert.deepEqual(
        reordered.map((q) => q.id),
        [copy.id, b.id, a.id],
      );
      const partial = await t.api.call("quizReorderQuestions", { body: { ids: [copy.id] } });
      assert.equal(partial.status, 400);
      await t.api.ok("quizDeleteQuestion", { params: { questionId: copy.id } });
      assert.deepEqual(
        (await t.api.ok("quizListQuestions")).questions.map((q) => q.id),
        [b.id, a.id],
      );
    });

    it("Q14 the beyond-the-lectures mark and short-text variants survive the bank, export and import", async () => {
      const text: QuestionDraftInput = {
        type: "text",
        prompt: { ko: "셀 상태의 다른 이름은?", en: "Another name of the cell state?" },
        accepted: ["메모리 셀", "memory cell"],
        tags: ["lstm-gates"],
        beyondLectures: true,
      };
      const plain = (await t.api.ok("quizCreateQuestion", { body: tf(true) })).question;
      assert.equal(plain.beyondLectures, false, "unmarked by default");
      const marked = (await t.api.ok("quizCreateQuestion", { body: text })).question;
      assert.equal(marked.beyondLectures, true);
      const listed = (await t.api.ok("quizListQuestions")).questions.find((q) => q.id === marked.id)!;
      assert.equal(listed.beyondLectures, true);
      assert.deepEqual(listed.type === "text" && listed.accepted, ["메모리 셀", "memory cell"]);
      const quiz = (await t.api.ok("quizCreate", { body: { title: "variants", questionIds: [marked.id, plain.id] } })).quiz;
      const exported = (await t.api.ok("quizExport", { params: { quizId: quiz.id } })).export;
      const imported = (await other.api.ok("quizImport", { body: exported })).quiz;
      assert.deepEqual(
        imported.questions.map((q) => q.beyondLectures),
        [true, false],
      );
      const unmarked = (await t.api.ok("quizUpdateQuestion", { params: { questionId: marked.id }, body: { ...text, beyondLectures: false } })).question;
      assert.equal(unmarked.beyondLectures, false, "the mark can be taken off");
    });

    it("refuses invalid questions with field errors", async () => {
      const { status, reply } = await t.api.call("quizCreateQuestion", { body: { ...choice(7), prompt: { ko: "", en: "x" } } });
      assert.equal(status, 400);
      assert.ok(!reply.ok && reply.error.issues);
      if (!reply.ok) {
        assert.ok(reply.error.issues?.["prompt.ko"], JSON.stringify(reply.error.issues));
        assert.ok(reply.error.issues?.["correct"], JSON.stringify(reply.error.issues));
      }
      const badTag = await t.api.call("quizCreateQuestion", { body: { ...tf(true), tags: ["astrology"] } });
      assert.equal(badTag.status, 400);
    });

    it("builds quizzes, exports and imports them; import errors name the field", async () => {
      const q1 = (await t.api.ok("quizCreateQuestion", { body: tf(false) })).question;
      const q2 = (await t.api.ok("quizCreateQuestion", { body: choice(0) })).question;
      const quiz = (await t.api.ok("quizCreate", { body: { title: "LSTM 퀴즈", scoringMode: "accuracy", questionIds: [q2.id, q1.id] } })).quiz;
      assert.deepEqual(
        quiz.questions.map((q) => q.id),
        [q2.id, q1.id],
      );
      assert.equal(quiz.scoringMode, "accuracy");
      const exported = (await t.api.ok("quizExport", { params: { quizId: quiz.id } })).export;
      assert.equal(exported.questions.length, 2);
      const imported = (await other.api.ok("quizImport", { body: exported })).quiz;
      assert.equal(imported.title, "LSTM 퀴즈");
      assert.deepEqual(
        imported.questions.map((q) => q.prompt),
        exported.questions.map((q) => q.prompt),
      );

      const broken = structuredClone(exported) as unknown as { questions: { prompt: { ko: string } }[] };
      broken.questions[1].prompt.ko = "";
      const { status, reply } = await t.api.call("quizImport", { body: broken });
      assert.equal(status, 400);
      assert.ok(!reply.ok && reply.error.issues?.["questions.1.prompt.ko"], JSON.stringify(!reply.ok && reply.error));
      const notAQuiz = await t.api.call("quizImport", { body: { hello: "world" } });
      assert.equal(notAQuiz.status, 400);
    });

    it("copies built-in questions and makes a quiz from a built-in topic", async () => {
      const builtin = (await t.api.ok("quizBuiltin")).questions;
      assert.equal(builtin.length, BUILTIN_QUESTIONS.length);
      const copied = (await t.api.ok("quizCopyBuiltin", { body: { ids: ["lstm-forget", "cnn-out-7-3-1"] } })).questions;
      assert.deepEqual(
        copied.map((q) => q.type),
        ["single", "numeric"],
      );
      const topic = (await t.api.ok("quizFromTopic", { body: { tag: "cnn-arithmetic" } })).quiz;
      assert.ok(topic.questions.length >= 5);
      assert.ok(topic.questions.every((q) => q.tags.includes("cnn-arithmetic")));
      assert.equal((await t.api.call("quizCopyBuiltin", { body: { ids: ["no-such"] } })).status, 404);
    });

    it("another instructor's questions, quizzes and rounds are NOT_FOUND; logged out is UNAUTHENTICATED", async () => {
      const q = (await t.api.ok("quizCreateQuestion", { body: tf(true) })).question;
      const quiz = (await t.api.ok("quizCreate", { body: { title: "mine", questionIds: [q.id] } })).quiz;
      for (const call of [
        other.api.call("quizUpdateQuestion", { params: { questionId: q.id }, body: tf(false) }),
        other.api.call("quizDeleteQuestion", { params: { questionId: q.id } }),
        other.api.call("quizDuplicateQuestion", { params: { questionId: q.id } }),
        other.api.call("quizGet", { params: { quizId: quiz.id } }),
        other.api.call("quizUpdate", { params: { quizId: quiz.id }, body: { title: "x", questionIds: [] } }),
        other.api.call("quizDelete", { params: { quizId: quiz.id } }),
        other.api.call("quizExport", { params: { quizId: quiz.id } }),
        other.api.call("quizCreate", { body: { title: "theirs", questionIds: [q.id] } }),
        other.api.call("quizSessionRounds", { params: { sessionId: t.sessionId } }),
      ]) {
        const { status, reply } = await call;
        assert.equal(status, 404, JSON.stringify(reply));
      }
      assert.equal((await new ApiClient(server.url).call("quizListQuestions")).status, 401);
      assert.equal((await t.api.ok("quizGet", { params: { quizId: quiz.id } })).quiz.title, "mine");
    });
  });
}
