/**
 * The teacher dashboard's API against a class history seeded through the real server
 * (test/dashboard/seed.ts): every number is checked against a value worked out by hand from
 * the seed. On every database kind.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import { after, before, describe, it } from "node:test";
import { ApiClient } from "../helpers/clients";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { seedClass, type SeededClass } from "./seed";

const close = (a: number | null | undefined, b: number) => a !== null && a !== undefined && Math.abs(a - b) < 1e-9;

for (const kind of DB_KINDS) {
  describe(`teacher dashboard (${kind})`, () => {
    let server: TestServer;
    let seed: SeededClass;
    let clock = Date.now();
    let id: Record<string, string>;
    before(async () => {
      server = await startTestServer({ kind, now: () => clock });
      seed = await seedClass(server, (ms = 6_000) => (clock += ms));
      id = seed.t.students;
    });
    after(async () => {
      for (const s of seed?.sockets ?? []) s.close();
      await server.close();
    });
    const params = () => ({ classId: seed.t.classId });

    it("overview: sessions with attendance, model pushes and quizzes; the attendance grid", async () => {
      const o = await seed.t.api.ok("dashboardOverview", { params: params() });
      assert.deepEqual(
        o.sessions.map((s) => [s.id, s.attendance, s.modelSessions, s.quizzes, s.status]),
        [
          [seed.s1, { roster: 2, guests: 1 }, 1, 1, "ended"],
          [seed.s2, { roster: 2, guests: 0 }, 1, 0, "live"],
        ],
      );
      assert.ok(o.sessions[0].endedAt !== null && o.sessions[0].endedAt >= o.sessions[0].createdAt);
      assert.deepEqual(o.attendance[id["김민지"]].sort(), [seed.s1, seed.s2].sort());
      assert.deepEqual(o.attendance[id["Lee Jun"]], [seed.s1]);
      assert.deepEqual(o.attendance[id["박서연"]], [seed.s2]);
      assert.deepEqual(o.attendance[id["최우진"]], []);
      assert.deepEqual(
        o.guests.map((g) => [g.participantId, g.displayName]),
        [[seed.seats.guest1, "손님"]],
      );
    });

    it("trends: class median and spread of best score, training minutes and quiz accuracy per session", async () => {
      const [t1, t2] = (await seed.t.api.ok("dashboardOverview", { params: params() })).trends;
      // session 1: 김민지 trained 2 gaps × 6 s = 0.2 min, Lee Jun 1 gap = 0.1 min (the guest is not a roster student)
      assert.ok(close(t1.trainingMinutes.median, 0.15) && t1.trainingMinutes.n === 2, JSON.stringify(t1.trainingMinutes));
      // best verified scores 2.0 and 3.1 (the queued submission and the guest do not count)
      assert.ok(close(t1.bestBpc.median, 2.55) && close(t1.bestBpc.p25, 2.275) && close(t1.bestBpc.p75, 2.825), JSON.stringify(t1.bestBpc));
      // quiz accuracy 김민지 2.5/3, Lee Jun 0
      assert.ok(close(t1.quizAccuracy.median, 2.5 / 6), JSON.stringify(t1.quizAccuracy));
      // session 2: 김민지 0.1 min, 박서연 0 min; one score 1.8; no quiz
      assert.ok(close(t2.trainingMinutes.median, 0.05), JSON.stringify(t2.trainingMinutes));
      assert.deepEqual([t2.bestBpc.n, t2.bestBpc.median, t2.quizAccuracy.n], [1, 1.8, 0]);
    });

    it("needs attention lists each student with the reasons, under the class's thresholds", async () => {
      const o = await seed.t.api.ok("dashboardOverview", { params: params() });
      const byStudent = Object.fromEntries(o.attention.map((a) => [a.rosterStudentId, a.reasons]));
      assert.equal(byStudent[id["김민지"]], undefined);
      assert.deepEqual(byStudent[id["최우진"]], [{ kind: "absent", sessions: 2 }]);
      assert.deepEqual(byStudent[id["박서연"]], [{ kind: "neverTrained", sessionId: seed.s2 }]);
      const jun = byStudent[id["Lee Jun"]];
      assert.deepEqual(jun[0], { kind: "stuck", sessionId: seed.s1, steps: 20 });
      assert.ok(jun[1].kind === "behind" && jun[1].bpc === 3.1 && close(jun[1].classMedian, 2.55));
      assert.deepEqual(jun[2], { kind: "concept", tag: "lstm-gates", accuracy: 0, answered: 2 });
      assert.equal(jun.length, 3);

      const saved = await seed.t.api.ok("dashboardSettings", { params: params(), body: { ...o.settings, absentSessions: 1, minSteps: 10, scoreGapBpc: 1 } });
      assert.equal(saved.settings.absentSessions, 1);
      const again = Object.fromEntries((await seed.t.api.ok("dashboardOverview", { params: params() })).attention.map((a) => [a.rosterStudentId, a.reasons]));
      assert.deepEqual(again[id["Lee Jun"]], [
        { kind: "absent", sessions: 1 },
        { kind: "concept", tag: "lstm-gates", accuracy: 0, answered: 2 },
      ]);
      const bad = await seed.t.api.call("dashboardSettings", { params: params(), body: { ...o.settings, conceptAccuracy: 2 } });
      assert.equal(bad.status, 400);
      await seed.t.api.ok("dashboardSettings", { params: params(), body: o.settings });
    });

    it("concept grid: accuracy per tag per student with the class average; a cell opens the answers", async () => {
      const g = await seed.t.api.ok("dashboardConcepts", { params: params() });
      assert.deepEqual(g.tags, ["recurrence", "lstm-gates", "vanishing-gradient"]);
      const minji = g.students.find((s) => s.id === id["김민지"]);
      assert.deepEqual(minji?.cells, {
        recurrence: { answered: 1, accuracy: 1 },
        "lstm-gates": { answered: 2, accuracy: 0.75 },
        "vanishing-gradient": { answered: 1, accuracy: 1 },
      });
      assert.deepEqual(g.students.find((s) => s.id === id["최우진"])?.cells, {});
      assert.deepEqual(g.average, { recurrence: 0.5, "lstm-gates": 0.375, "vanishing-gradient": 0.5 });
      const cell = await seed.t.api.ok("dashboardConceptCell", { params: { ...params(), tag: "lstm-gates", rosterStudentId: id["Lee Jun"] } });
      assert.deepEqual(
        cell.answers.map((a) => [a.questionIndex, a.correctness, a.elapsedMs, a.prompt.en]),
        [
          [1, 0, 3000, "The LSTM forget gate?"],
          [2, 0, 4000, "LSTMs reduce vanishing gradients"],
        ],
      );
    });

    it("student page: attendance, training per session with curves, submissions and quiz answers", async () => {
      const p = await seed.t.api.ok("dashboardStudent", { params: { ...params(), rosterStudentId: id["김민지"] } });
      assert.equal(p.student.name, "김민지");
      assert.equal(p.sessionCount, 2);
      assert.deepEqual(
        p.sessions.map((s) => [s.sessionId, s.trainingMs]),
        [
          [seed.s1, 12_000],
          [seed.s2, 6_000],
        ],
      );
      const m1 = p.sessions[0].modelSessions[0];
      assert.deepEqual([m1.step, m1.backend, m1.charsPerSec, m1.group], [300, "wasm", 1500, seed.groupOf[seed.seats.minji1]]);
      assert.deepEqual(m1.curve, [
        [100, 3.5, null],
        [200, 3, null],
        [300, 2.5, null],
      ]);
      assert.deepEqual(
        p.submissions.map((s) => [s.status, s.publicBpc]),
        [
          ["scored", 2.4],
          ["scored", 2.0],
          ["queued", null],
          ["scored", 1.8],
        ],
      );
      assert.deepEqual(p.submissions[0].temperatureCard, [
        { temperature: 0.5, text: "cold" },
        { temperature: 1.2, text: "hot" },
      ]);
      assert.deepEqual(
        p.answers.map((a) => [a.questionIndex, a.correctness, a.points]),
        [
          [0, 1, 1000],
          [1, 1, 1000],
          [2, 0.5, 500],
        ],
      );
      // As the student saw them (the option's text), not the stored JSON.
      assert.deepEqual(
        p.answers.map((a) => a.answer),
        [0, 1, 0].map((i) => ({ kind: "options", texts: [{ ko: "ABCD"[i], en: "ABCD"[i] }] })),
      );
    });

    it("session report: curves, ablation groups compared, final leaderboard, quiz per question, samples", async () => {
      const r = await seed.t.api.ok("dashboardSession", { params: { ...params(), sessionId: seed.s1 } });
      assert.deepEqual(r.session.attendance, { roster: 2, guests: 1 });
      const [m] = r.modelSessions;
      assert.deepEqual(Object.fromEntries(Object.entries(m.curves).map(([p, c]) => [p, c.length])), {
        [seed.seats.minji1]: 3,
        [seed.seats.jun1]: 2,
        [seed.seats.guest1]: 1,
      });
      // best public scores: 김민지 2.0, Lee Jun 3.1, guest 2.5; group means worked out from the assignment
      const best: Record<string, number> = { [seed.seats.minji1]: 2.0, [seed.seats.jun1]: 3.1, [seed.seats.guest1]: 2.5 };
      const expected = ["LSTM", "vanilla RNN"].map((label) => {
        const values = Object.keys(best)
          .filter((p) => seed.groupOf[p] === label)
          .map((p) => best[p]);
        return { label, members: values.length, mean: values.reduce((a, b) => a + b, 0) / values.length };
      });
      assert.equal(m.ablation?.measure, "verifiedBpc");
      for (const e of expected) {
        const g = m.ablation?.groups.find((x) => x.label === e.label);
        assert.ok(g && g.members === e.members && close(g.mean, e.mean), JSON.stringify({ g, e }));
      }
      assert.deepEqual(
        m.ablation?.ranking.map((x) => x.label),
        [...expected].sort((a, b) => a.mean - b.mean).map((e) => e.label),
      );
      // L5a: ranked by lib/leaderboard/ranking.ts `standings` as on the live board; the round was revealed, so private order
      assert.deepEqual(
        m.leaderboard.map((l) => [l.participantId, l.publicRank, l.privateRank, l.publicBpc, l.flags]),
        [
          [seed.seats.guest1, 2, 1, 2.5, []],
          [seed.seats.minji1, 1, 2, 2.0, []],
          [seed.seats.jun1, 3, 3, 3.1, []],
        ],
      );
      // …and the session's CSV export (the live board's rows) lists the same ranks in the same order
      const { csv } = await seed.t.api.ok("leaderboardCsv", { params: { sessionId: seed.s1 } });
      const exported = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
      assert.deepEqual(
        exported.map((row) => [Number(row.rank), Number(row.private_rank)]),
        m.leaderboard.map((l) => [l.publicRank, l.privateRank]),
      );
      assert.equal(m.samples[1].text, `sample of ${seed.seats.minji1} #2`);
      const [quiz] = r.quizzes;
      assert.deepEqual(
        quiz.questions.map((q) => [q.answered, q.fullyCorrect, q.meanCorrectness, q.meanElapsedMs]),
        [
          [3, 2, 2 / 3, 2000],
          [2, 1, 0.5, 3000],
          [2, 0, 0.25, 4000],
        ],
      );
      assert.deepEqual(
        r.participants.map((p) => p.name),
        ["김민지", "Lee Jun", "손님"],
      );
    });

    it("CSV exports: BOM, quoting, a row per student with the hand-computed values", async () => {
      const { csv, filename } = await seed.t.api.ok("dashboardClassCsv", { params: params(), body: { locale: "ko" } });
      assert.ok(csv.startsWith("\uFEFF"));
      assert.ok(filename.endsWith(".csv"));
      const lines = csv.slice(1).trimEnd().split("\r\n");
      assert.equal(lines.length, 5);
      assert.match(
        lines[0],
        /^이름,보관,출석 수,출석률,훈련 시간\(분\),최고 점수 .* #1,최고 점수 .* #2,퀴즈 점수,퀴즈 정답률,정답률: 순환 구조,정답률: LSTM 게이트,정답률: 기울기 소실$/,
      );
      const row = (name: string) => lines.find((l) => l.startsWith(`${name},`));
      assert.equal(row("김민지"), "김민지,,2,1,0.3,2,1.8,2500,0.833,1,0.75,1");
      assert.equal(row("Lee Jun"), "Lee Jun,,1,0.5,0.1,3.1,,0,0,0,0,0");
      assert.equal(row("최우진"), "최우진,,0,0,0,,,0,,,,");
      const detail = await seed.t.api.ok("dashboardSessionCsv", { params: { ...params(), sessionId: seed.s1 }, body: { locale: "en" } });
      const rows = detail.csv.slice(1).trimEnd().split("\r\n");
      assert.equal(rows[0].split(",")[0], "Name");
      assert.equal(rows.length, 4);
      assert.ok(rows[3].startsWith("손님,guest,"), rows[3]);
      // Join times in the class's time zone (Asia/Seoul by default), not UTC; the zone is kept on the
      // class, so changing it there changes the next file's times.
      const joinedSeoul = rows[1].split(",")[2];
      const changed = await seed.t.api.ok("setClassTimeZone", { params: params(), body: { timeZone: "UTC" } });
      assert.equal(changed.class.timeZone, "UTC");
      const utc = await seed.t.api.ok("dashboardSessionCsv", { params: { ...params(), sessionId: seed.s1 }, body: { locale: "en" } });
      const joinedUtc = utc.csv.slice(1).trimEnd().split("\r\n")[1].split(",")[2];
      assert.match(joinedSeoul, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      assert.equal((Date.parse(joinedSeoul.replace(" ", "T") + "Z") - Date.parse(joinedUtc.replace(" ", "T") + "Z")) / 3_600_000, 9);
      assert.equal((await seed.t.api.ok("dashboardOverview", { params: params() })).class.timeZone, "UTC");
      assert.equal((await seed.t.api.call("setClassTimeZone", { params: params(), body: { timeZone: "Mars/Olympus" } })).status, 400);
      await seed.t.api.ok("setClassTimeZone", { params: params(), body: { timeZone: "Asia/Seoul" } });
    });

    it("roster care: rename (formula-guarded in CSV), note, archive, merge a guest", async () => {
      const api = seed.t.api;
      const upd = (rosterStudentId: string, body: { name?: string; note?: string; archived?: boolean }) =>
        api.call("dashboardUpdateStudent", { params: { ...params(), rosterStudentId }, body });
      assert.equal((await upd(id["최우진"], { name: "김민지" })).status, 409);
      await api.ok("dashboardUpdateStudent", {
        params: { ...params(), rosterStudentId: id["최우진"] },
        body: { name: '=HYPERLINK("x")', note: '상담 필요, "전화"' },
      });
      const { csv } = await api.ok("dashboardClassCsv", { params: params(), body: { locale: "ko" } });
      assert.ok(csv.includes('"\'=HYPERLINK(""x"")",'), csv);
      const page = await api.ok("dashboardStudent", { params: { ...params(), rosterStudentId: id["최우진"] } });
      assert.equal(page.student.note, '상담 필요, "전화"');

      const merge = (participantId: string, rosterStudentId: string) =>
        api.call("dashboardMergeGuest", { params: params(), body: { participantId, rosterStudentId } });
      const clash = await merge(seed.seats.guest1, id["김민지"]);
      assert.ok(clash.status === 409 && !clash.reply.ok && clash.reply.error.code === "CONFLICT", "김민지 already has a seat in session 1");
      assert.equal((await merge(seed.seats.minji1, id["최우진"])).status, 409, "only guests are merged");
      assert.equal((await merge(seed.seats.guest1, id["최우진"])).status, 200);
      const o = await api.ok("dashboardOverview", { params: params() });
      assert.deepEqual(o.attendance[id["최우진"]], [seed.s1]);
      assert.deepEqual(o.guests, []);
      const history = await api.ok("dashboardStudent", { params: { ...params(), rosterStudentId: id["최우진"] } });
      assert.deepEqual([history.sessions.length, history.submissions.length, history.answers.length], [1, 1, 1]);

      await api.ok("dashboardUpdateStudent", { params: { ...params(), rosterStudentId: id["박서연"] }, body: { archived: true } });
      const archived = await api.ok("dashboardOverview", { params: params() });
      assert.ok(archived.students.find((s) => s.id === id["박서연"])?.archived);
      assert.ok(!archived.attention.some((a) => a.rosterStudentId === id["박서연"]), "archived students are not followed up");
      assert.ok(!(await api.ok("dashboardConcepts", { params: params() })).students.some((s) => s.id === id["박서연"]));
    });

    it("access: students and other instructors are refused by every dashboard route", async () => {
      const student = new ApiClient(server.url);
      const other = new ApiClient(server.url);
      await other.ok("signup", { body: { email: `other-${kind}-${process.pid}@school.kr`, password: "correct horse battery", displayName: "다른 선생님" } });
      const { class: theirs } = await other.ok("createClass", { body: { name: "다른 반", roster: "홍길동" } });
      assert.equal(theirs.timeZone, "Asia/Seoul"); // no zone sent: the Korean default
      const berlin = await other.ok("createClass", { body: { name: "Berlin", timeZone: "Europe/Berlin" } });
      assert.equal(berlin.class.timeZone, "Europe/Berlin"); // the zone the teacher's browser sent
      const calls = (client: ApiClient, classId: string) => [
        client.call("dashboardOverview", { params: { classId } }),
        client.call("dashboardConcepts", { params: { classId } }),
        client.call("dashboardConceptCell", { params: { classId, tag: "lstm-gates", rosterStudentId: id["Lee Jun"] } }),
        client.call("dashboardStudent", { params: { classId, rosterStudentId: id["김민지"] } }),
        client.call("dashboardSession", { params: { classId, sessionId: seed.s1 } }),
        client.call("dashboardClassCsv", { params: { classId }, body: { locale: "ko" } }),
        client.call("dashboardSessionCsv", { params: { classId, sessionId: seed.s1 }, body: {} }),
        client.call("dashboardSettings", {
          params: { classId },
          body: { absentSessions: 1, minSteps: 1, scoreGapBpc: 1, conceptAccuracy: 0.5, conceptMinAnswers: 1 },
        }),
        client.call("dashboardUpdateStudent", { params: { classId, rosterStudentId: id["김민지"] }, body: { note: "x" } }),
        client.call("dashboardMergeGuest", { params: { classId }, body: { participantId: seed.seats.minji2, rosterStudentId: id["김민지"] } }),
        client.call("setClassTimeZone", { params: { classId }, body: { timeZone: "UTC" } }),
      ];
      for (const { status, reply } of await Promise.all(calls(student, seed.t.classId))) {
        assert.ok(status === 401 && !reply.ok && reply.error.code === "UNAUTHENTICATED", JSON.stringify(reply));
      }
      for (const { status, reply } of await Promise.all(calls(other, seed.t.classId))) {
        assert.ok(status === 404 && !reply.ok && reply.error.code === "NOT_FOUND", JSON.stringify(reply));
      }
      // their own class id with our students and sessions in the path: still nothing of ours
      const [, , cell, page, report, , sessionCsv, , update, merge] = await Promise.all(calls(other, theirs.id));
      for (const { status } of [cell, page, report, sessionCsv, update, merge]) assert.equal(status, 404);
      const untouched = await seed.t.api.ok("dashboardStudent", { params: { classId: seed.t.classId, rosterStudentId: id["김민지"] } });
      assert.equal(untouched.student.note, "");
    });
  });
}
