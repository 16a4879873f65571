"use client";
/**
 * Creating or editing one bank question: the type, the prompt in Korean and English, the
 * type's options and answer, time limit, points multiplier, explanation, image and concept tags.
 * Validation errors come back from the server per field ("options.2.en") and are listed here.
 */
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { QUESTION_TYPES, type QuestionDraft, type QuestionDraftInput, type QuestionType } from "../../../lib/quiz/questions";
import { QUIZ_TAGS, QUIZ_TAG_LABELS, type QuizTag } from "../../../lib/quiz/tags";

type Pair = { ko: string; en: string };
interface Model {
  type: QuestionType;
  prompt: Pair;
  options: Pair[];
  correctOne: number;
  correctMany: number[];
  truth: boolean;
  answer: string;
  tolerance: string;
  unit: string;
  accepted: string;
  explanation: Pair;
  imageUrl: string;
  tags: QuizTag[];
  timeLimitSec: number;
  pointsMultiplier: number;
  beyondLectures: boolean;
}

const emptyPair = (): Pair => ({ ko: "", en: "" });

export function modelOf(q: QuestionDraft | null): Model {
  const base: Model = {
    type: q?.type ?? "single",
    prompt: q?.prompt ?? emptyPair(),
    options: [emptyPair(), emptyPair(), emptyPair(), emptyPair()],
    correctOne: 0,
    correctMany: [],
    truth: true,
    answer: "",
    tolerance: "0",
    unit: "",
    accepted: "",
    explanation: q?.explanation ?? emptyPair(),
    imageUrl: q?.imageUrl ?? "",
    tags: (q?.tags ?? []) as QuizTag[],
    timeLimitSec: q?.timeLimitSec ?? 20,
    pointsMultiplier: q?.pointsMultiplier ?? 1,
    beyondLectures: q?.beyondLectures ?? false,
  };
  if (!q) return base;
  switch (q.type) {
    case "single":
      return { ...base, options: q.options, correctOne: q.correct };
    case "multiple":
      return { ...base, options: q.options, correctMany: q.correct };
    case "truefalse":
      return { ...base, truth: q.correct };
    case "numeric":
      return { ...base, answer: String(q.answer), tolerance: String(q.tolerance), unit: q.unit ?? "" };
    case "text":
      return { ...base, accepted: q.accepted.join("\n") };
    case "ordering":
      return { ...base, options: q.items };
    default: {
      const never: never = q;
      return never;
    }
  }
}

/** The model as the API's question draft (the server validates it). */
export function draftOf(m: Model): QuestionDraftInput {
  const hasExplanation = m.explanation.ko.trim() !== "" || m.explanation.en.trim() !== "";
  const common = {
    prompt: m.prompt,
    explanation: hasExplanation ? m.explanation : null,
    imageUrl: m.imageUrl.trim() || null,
    tags: m.tags,
    timeLimitSec: m.timeLimitSec,
    pointsMultiplier: m.pointsMultiplier,
    beyondLectures: m.beyondLectures,
  };
  switch (m.type) {
    case "single":
      return { ...common, type: "single", options: m.options, correct: m.correctOne };
    case "multiple":
      return { ...common, type: "multiple", options: m.options, correct: m.correctMany };
    case "truefalse":
      return { ...common, type: "truefalse", correct: m.truth };
    case "numeric":
      return { ...common, type: "numeric", answer: Number(m.answer), tolerance: Number(m.tolerance), ...(m.unit.trim() ? { unit: m.unit.trim() } : {}) };
    case "text":
      return {
        ...common,
        type: "text",
        accepted: m.accepted
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "ordering":
      return { ...common, type: "ordering", items: m.options };
    default: {
      const never: never = m.type;
      return never;
    }
  }
}

function PairInput({ value, onChange, label, testId }: { value: Pair; onChange: (p: Pair) => void; label: string; testId?: string }) {
  return (
    <div className="pair">
      <label>
        {label} (한국어)
        <input value={value.ko} onChange={(e) => onChange({ ...value, ko: e.target.value })} data-testid={testId ? `${testId}-ko` : undefined} />
      </label>
      <label>
        {label} (English)
        <input value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} data-testid={testId ? `${testId}-en` : undefined} />
      </label>
    </div>
  );
}

export function QuestionForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: QuestionDraft | null;
  onSave: (draft: QuestionDraftInput) => Promise<Record<string, string[]> | null>;
  onCancel: () => void;
}) {
  const t = useTranslations("quiz");
  const tq = useTranslations("quizEngine");
  const locale = useLocale();
  const [m, setM] = useState<Model>(() => modelOf(initial));
  const [issues, setIssues] = useState<Record<string, string[]> | null>(null);
  const set = (patch: Partial<Model>) => setM((old) => ({ ...old, ...patch }));
  const choices = m.type === "single" || m.type === "multiple" || m.type === "ordering";

  return (
    <form
      className="panel quiz-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setIssues(await onSave(draftOf(m)));
      }}
    >
      <label>
        {t("type")}
        <select value={m.type} onChange={(e) => set({ type: e.target.value as QuestionType })} data-testid="qf-type">
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <PairInput label={t("prompt")} value={m.prompt} onChange={(prompt) => set({ prompt })} testId="qf-prompt" />
      {choices && (
        <fieldset>
          <legend>{m.type === "ordering" ? t("itemsInOrder") : t("options")}</legend>
          {m.options.map((o, i) => (
            <div key={i} className="row">
              {m.type === "single" && (
                <input type="radio" name="correct" checked={m.correctOne === i} onChange={() => set({ correctOne: i })} aria-label={t("markCorrect")} />
              )}
              {m.type === "multiple" && (
                <input
                  type="checkbox"
                  checked={m.correctMany.includes(i)}
                  onChange={() => set({ correctMany: m.correctMany.includes(i) ? m.correctMany.filter((x) => x !== i) : [...m.correctMany, i] })}
                  aria-label={t("markCorrect")}
                />
              )}
              <PairInput
                label={`${i + 1}`}
                value={o}
                onChange={(p) => set({ options: m.options.map((x, j) => (j === i ? p : x)) })}
                testId={`qf-option-${i}`}
              />
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  set({
                    options: m.options.filter((_, j) => j !== i),
                    correctMany: m.correctMany.filter((x) => x !== i).map((x) => (x > i ? x - 1 : x)),
                    correctOne: m.correctOne > i ? m.correctOne - 1 : m.correctOne,
                  })
                }
              >
                ✕
              </button>
            </div>
          ))}
          {m.options.length < 6 && (
            <button type="button" className="secondary" onClick={() => set({ options: [...m.options, emptyPair()] })}>
              {t("addOption")}
            </button>
          )}
        </fieldset>
      )}
      {m.type === "truefalse" && (
        <label>
          {t("correctAnswer")}
          <select value={String(m.truth)} onChange={(e) => set({ truth: e.target.value === "true" })}>
            <option value="true">{t("true")}</option>
            <option value="false">{t("false")}</option>
          </select>
        </label>
      )}
      {m.type === "numeric" && (
        <div className="row">
          <label>
            {t("numericAnswer")}
            <input value={m.answer} onChange={(e) => set({ answer: e.target.value })} inputMode="decimal" data-testid="qf-answer" />
          </label>
          <label>
            {t("tolerance")}
            <input value={m.tolerance} onChange={(e) => set({ tolerance: e.target.value })} inputMode="decimal" />
          </label>
          <label>
            {t("unit")}
            <input value={m.unit} onChange={(e) => set({ unit: e.target.value })} />
          </label>
        </div>
      )}
      {m.type === "text" && (
        <label>
          {t("acceptedAnswers")}
          <textarea value={m.accepted} onChange={(e) => set({ accepted: e.target.value })} data-testid="qf-accepted" />
          <span className="muted small">{tq("acceptedHint")}</span>
        </label>
      )}
      <div className="row">
        <label>
          {t("timeLimit")}
          <input type="number" min={5} max={240} value={m.timeLimitSec} onChange={(e) => set({ timeLimitSec: Number(e.target.value) })} />
        </label>
        <label>
          {t("multiplier")}
          <select value={m.pointsMultiplier} onChange={(e) => set({ pointsMultiplier: Number(e.target.value) })}>
            {[0, 1, 2].map((x) => (
              <option key={x} value={x}>
                ×{x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("imageUrl")}
          <input value={m.imageUrl} onChange={(e) => set({ imageUrl: e.target.value })} />
        </label>
      </div>
      <PairInput label={t("explanation")} value={m.explanation} onChange={(explanation) => set({ explanation })} />
      <label className="row">
        <input type="checkbox" checked={m.beyondLectures} onChange={(e) => set({ beyondLectures: e.target.checked })} data-testid="qf-beyond-lectures" />
        {tq("beyondLectures")}
      </label>
      <fieldset className="quiz-tags">
        <legend>{t("tags")}</legend>
        {QUIZ_TAGS.map((tag) => (
          <label key={tag}>
            <input
              type="checkbox"
              checked={m.tags.includes(tag)}
              onChange={() => set({ tags: m.tags.includes(tag) ? m.tags.filter((x) => x !== tag) : [...m.tags, tag] })}
            />
            {locale === "en" ? QUIZ_TAG_LABELS[tag].en : QUIZ_TAG_LABELS[tag].ko}
          </label>
        ))}
      </fieldset>
      {issues && (
        <ul className="quiz-field-error" data-testid="qf-issues">
          {Object.entries(issues).map(([path, messages]) => (
            <li key={path}>
              {path}: {messages.join(", ")}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="submit" data-testid="qf-save">
          {t("save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
