/**
 * Reading a quiz round's frozen copy of its questions (QuizRound.questions) for reports: the
 * prompt and the concept tags of each question. The quiz module owns the full format; this
 * reads only what the dashboard needs and tolerates anything else, so a report of an old
 * round never breaks.
 */
import { z } from "zod";

export interface QuestionInfo {
  index: number;
  type: string;
  prompt: { ko: string; en: string };
  tags: string[];
}

const text = z.union([
  z.string().transform((s) => ({ ko: s, en: s })),
  z.object({ ko: z.string().optional(), en: z.string().optional() }).transform((p) => ({ ko: p.ko ?? p.en ?? "", en: p.en ?? p.ko ?? "" })),
]);
const question = z.object({
  type: z.string().catch("unknown"),
  prompt: text.catch({ ko: "", en: "" }),
  tags: z
    .array(z.unknown())
    .catch([])
    .transform((tags) => [...new Set(tags.filter((t): t is string => typeof t === "string" && t.trim() !== "").map((t) => t.trim()))]),
});

export function questionsOf(stored: unknown): QuestionInfo[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((raw, index) => {
    const parsed = question.safeParse(raw);
    return parsed.success ? { index, ...parsed.data } : { index, type: "unknown", prompt: { ko: "", en: "" }, tags: [] };
  });
}
