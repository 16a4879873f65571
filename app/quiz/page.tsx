"use client";
/**
 * The instructor's quiz editor: the question bank (create, edit, duplicate, delete, reorder),
 * quizzes built from it, the built-in bank (copy questions, new quiz from a topic), and JSON
 * import/export of a quiz.
 */
import { useCallback, useEffect, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { RouteReply } from "../../lib/api/routes";
import type { QuestionDraftInput } from "../../lib/quiz/questions";
import { QUIZ_TAGS, QUIZ_TAG_LABELS, type QuizTag } from "../../lib/quiz/tags";
import { Header } from "../components/Header";
import { callApi } from "../lib/api";
import { BeyondLecturesBadge } from "./components/BeyondLecturesBadge";
import { announceQuizBankChanged } from "./components/quizList";
import { QuestionForm } from "./components/QuestionForm";
import { localized } from "./components/quizFeed";
import "./quiz.css";

type BankQuestion = RouteReply<"quizListQuestions">["questions"][number];
type QuizSummary = RouteReply<"quizList">["quizzes"][number];
type Builtin = RouteReply<"quizBuiltin">["questions"][number];

export default function QuizEditorPage() {
  const t = useTranslations("quiz");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [bank, setBank] = useState<BankQuestion[]>([]);
  const [quizzes, setQuizzes] = useState<QuizSummary[]>([]);
  const [builtin, setBuiltin] = useState<Builtin[]>([]);
  const [editing, setEditing] = useState<BankQuestion | "new" | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [mode, setMode] = useState<"speed" | "accuracy">("speed");
  const [topic, setTopic] = useState<QuizTag>("lstm-gates");
  const [pickedBuiltin, setPickedBuiltin] = useState<string[]>([]);
  const [importText, setImportText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string[]> | null>(null);

  const reload = useCallback(async () => {
    const [b, q] = await Promise.all([callApi("quizListQuestions"), callApi("quizList")]);
    if (b.ok) setBank(b.data.questions);
    else setMessage(te(b.error.code));
    if (q.ok) setQuizzes(q.data.quizzes);
  }, [te]);

  /** After a change: the lists here, and the quiz list of any open session console (useQuizList). */
  const afterChange = useCallback(async () => {
    await reload();
    announceQuizBankChanged();
  }, [reload]);

  useEffect(() => {
    reload();
    callApi("quizBuiltin").then((r) => r.ok && setBuiltin(r.data.questions));
  }, [reload]);

  async function save(draft: QuestionDraftInput) {
    const reply =
      editing === "new" || editing === null
        ? await callApi("quizCreateQuestion", { body: draft })
        : await callApi("quizUpdateQuestion", { params: { questionId: editing.id }, body: draft });
    if (!reply.ok) return "issues" in reply.error && reply.error.issues ? reply.error.issues : { "(form)": [te(reply.error.code)] };
    setEditing(null);
    await afterChange();
    return null;
  }

  async function move(index: number, by: number) {
    const ids = bank.map((q) => q.id);
    const to = index + by;
    if (to < 0 || to >= ids.length) return;
    [ids[index], ids[to]] = [ids[to], ids[index]];
    const reply = await callApi("quizReorderQuestions", { body: { ids } });
    if (reply.ok) setBank(reply.data.questions);
  }

  async function exportQuiz(quiz: QuizSummary) {
    const reply = await callApi("quizExport", { params: { quizId: quiz.id } });
    if (!reply.ok) return setMessage(te(reply.error.code));
    const url = URL.createObjectURL(new Blob([JSON.stringify(reply.data.export, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${quiz.title}.quiz.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  async function importQuiz() {
    setIssues(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(importText);
    } catch {
      return setIssues({ "(json)": [t("notJson")] });
    }
    const reply = await callApi("quizImport", { body: parsed as never });
    if (!reply.ok) return setIssues("issues" in reply.error && reply.error.issues ? reply.error.issues : { "(import)": [te(reply.error.code)] });
    setImportText("");
    setMessage(t("imported", { title: reply.data.quiz.title }));
    await afterChange();
  }

  return (
    <>
      <Header />
      <main>
        <h1>{t("editorTitle")}</h1>
        {message && <p className="muted">{message}</p>}
        <div className="quiz-editor">
          <section>
            <div className="row">
              <h2>{t("bank")}</h2>
              <button type="button" onClick={() => setEditing("new")} data-testid="new-question">
                {t("newQuestion")}
              </button>
            </div>
            {editing && (
              <QuestionForm
                key={editing === "new" ? "new" : editing.id}
                initial={editing === "new" ? null : editing}
                onSave={save}
                onCancel={() => setEditing(null)}
              />
            )}
            <ul className="quiz-bank" data-testid="bank">
              {bank.map((q, i) => (
                <li key={q.id}>
                  <input
                    type="checkbox"
                    checked={selected.includes(q.id)}
                    onChange={() => setSelected((s) => (s.includes(q.id) ? s.filter((x) => x !== q.id) : [...s, q.id]))}
                    aria-label={t("selectForQuiz")}
                  />
                  <span className="pill">{t(`types.${q.type}`)}</span>
                  <span className="quiz-bank-text">{localized(q.prompt, locale)}</span>
                  {q.beyondLectures && <BeyondLecturesBadge />}
                  <span className="muted small">{q.tags.map((tag) => localized(QUIZ_TAG_LABELS[tag], locale)).join(", ")}</span>
                  <button type="button" className="secondary" onClick={() => move(i, -1)} aria-label={t("moveUp")}>
                    ↑
                  </button>
                  <button type="button" className="secondary" onClick={() => move(i, 1)} aria-label={t("moveDown")}>
                    ↓
                  </button>
                  <button type="button" className="secondary" onClick={() => setEditing(q)}>
                    {t("edit")}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={async () => (await callApi("quizDuplicateQuestion", { params: { questionId: q.id } })).ok && afterChange()}
                  >
                    {t("duplicate")}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={async () => (await callApi("quizDeleteQuestion", { params: { questionId: q.id } })).ok && afterChange()}
                  >
                    {t("delete")}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{t("quizzes")}</h2>
            <div className="panel">
              <div className="row">
                <input
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  placeholder={t("quizTitle")}
                  aria-label={t("quizTitle")}
                  data-testid="quiz-title"
                />
                <select value={mode} onChange={(e) => setMode(e.target.value === "accuracy" ? "accuracy" : "speed")} aria-label={t("scoringMode")}>
                  <option value="speed">{t("modeSpeed")}</option>
                  <option value="accuracy">{t("modeAccuracy")}</option>
                </select>
                <button
                  type="button"
                  disabled={!title.trim() || selected.length === 0}
                  data-testid="create-quiz"
                  onClick={async () => {
                    const ordered = bank.filter((q) => selected.includes(q.id)).map((q) => q.id);
                    const reply = await callApi("quizCreate", { body: { title, scoringMode: mode, questionIds: ordered } });
                    if (!reply.ok) return setMessage(te(reply.error.code));
                    setSelected([]);
                    setTitle("");
                    await afterChange();
                  }}
                >
                  {t("createQuiz", { count: selected.length })}
                </button>
              </div>
            </div>
            <ul className="quiz-bank" data-testid="quizzes">
              {quizzes.map((q) => (
                <li key={q.id}>
                  <span className="quiz-bank-text">
                    {q.title}{" "}
                    <span className="muted small">
                      ({t("questionCount", { count: q.questionCount })}, {q.scoringMode === "speed" ? t("modeSpeed") : t("modeAccuracy")})
                    </span>
                  </span>
                  <button type="button" className="secondary" onClick={() => exportQuiz(q)}>
                    {t("export")}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={async () => (await callApi("quizDelete", { params: { quizId: q.id } })).ok && afterChange()}
                  >
                    {t("delete")}
                  </button>
                </li>
              ))}
            </ul>
            <h2>{t("builtin")}</h2>
            <div className="panel">
              <div className="row">
                <select value={topic} onChange={(e) => setTopic(e.target.value as QuizTag)} aria-label={t("topic")}>
                  {QUIZ_TAGS.map((tag) => (
                    <option key={tag} value={tag}>
                      {localized(QUIZ_TAG_LABELS[tag], locale)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  onClick={async () => {
                    const reply = await callApi("quizFromTopic", { body: { tag: topic, title: localized(QUIZ_TAG_LABELS[topic], locale) } });
                    if (!reply.ok) return setMessage(te(reply.error.code));
                    await afterChange();
                  }}
                >
                  {t("quizFromTopic")}
                </button>
              </div>
              <ul className="quiz-bank">
                {builtin
                  .filter((b) => b.tags.includes(topic))
                  .map((b) => (
                    <li key={b.id}>
                      <input
                        type="checkbox"
                        checked={pickedBuiltin.includes(b.id)}
                        onChange={() => setPickedBuiltin((p) => (p.includes(b.id) ? p.filter((x) => x !== b.id) : [...p, b.id]))}
                        aria-label={t("selectForCopy")}
                      />
                      <span className="pill">{t(`types.${b.type}`)}</span>
                      <span className="quiz-bank-text">{localized(b.prompt, locale)}</span>
                      {b.beyondLectures && <BeyondLecturesBadge />}
                    </li>
                  ))}
              </ul>
              <button
                type="button"
                disabled={pickedBuiltin.length === 0}
                onClick={async () => {
                  const reply = await callApi("quizCopyBuiltin", { body: { ids: pickedBuiltin } });
                  if (!reply.ok) return setMessage(te(reply.error.code));
                  setPickedBuiltin([]);
                  await afterChange();
                }}
              >
                {t("copyToBank", { count: pickedBuiltin.length })}
              </button>
            </div>
            <h2>{t("import")}</h2>
            <div className="panel">
              <input
                type="file"
                accept="application/json,.json"
                aria-label={t("importFile")}
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (file) setImportText(await file.text());
                }}
              />
              <textarea value={importText} onChange={(e) => setImportText(e.target.value)} placeholder={t("importPaste")} aria-label={t("importPaste")} />
              <button type="button" disabled={!importText.trim()} onClick={importQuiz}>
                {t("import")}
              </button>
              {issues && (
                <ul className="quiz-field-error" data-testid="import-issues">
                  {Object.entries(issues).map(([path, messages]) => (
                    <li key={path}>
                      {path}: {messages.join(", ")}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
        </div>
      </main>
    </>
  );
}
