/**
 * A stored quiz answer as the student saw it: the option texts they picked (in both languages),
 * true/false, the number with its unit, their text, or the items in the order they put them (an
 * ordering answer stores display positions; the round's display order maps them back to items).
 * The dashboard renders this instead of the raw JSON ({"type":"single","choice":0}).
 */
import { z } from "zod";
import { answerSchema } from "../quiz/answers";
import { displayOrder, orderSeed } from "../quiz/order";
import { bodyOf, questionDraftSchema, type Localized } from "../quiz/questions";

export const answerShownSchema = z.discriminatedUnion("kind", [
  /** Picked options (single, multiple). */
  z.object({ kind: z.literal("options"), texts: z.array(z.object({ ko: z.string(), en: z.string() })) }),
  /** Items in the order the student put them (ordering). */
  z.object({ kind: z.literal("order"), texts: z.array(z.object({ ko: z.string(), en: z.string() })) }),
  z.object({ kind: z.literal("truefalse"), value: z.boolean() }),
  z.object({ kind: z.literal("number"), text: z.string(), unit: z.string().nullable() }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  /** Stored data that no longer fits the question (kept visible rather than hidden). */
  z.object({ kind: z.literal("raw"), text: z.string() }),
]);
export type AnswerShown = z.infer<typeof answerShownSchema>;

const raw = (stored: unknown): AnswerShown => ({ kind: "raw", text: typeof stored === "string" ? stored : JSON.stringify(stored) });

export function answerShown(storedQuestion: unknown, stored: unknown, roundId: string, questionIndex: number): AnswerShown {
  const question = questionDraftSchema.safeParse(storedQuestion);
  const answer = answerSchema.safeParse(stored);
  if (!question.success || !answer.success) return raw(stored);
  const body = bodyOf(question.data);
  const a = answer.data;
  const pick = (options: readonly Localized[], indices: readonly number[], kind: "options" | "order" = "options"): AnswerShown | null =>
    indices.every((i) => options[i] !== undefined) ? { kind, texts: indices.map((i) => options[i]) } : null;
  switch (a.type) {
    case "single":
      return (body.type === "single" && pick(body.options, [a.choice])) || raw(stored);
    case "multiple":
      return (
        (body.type === "multiple" &&
          pick(
            body.options,
            [...a.choices].sort((x, y) => x - y),
          )) ||
        raw(stored)
      );
    case "truefalse":
      return { kind: "truefalse", value: a.value };
    case "numeric":
      // As the student typed it (Q13a: numbers travel as typed, e.g. "99,328").
      return { kind: "number", text: a.text, unit: body.type === "numeric" ? (body.unit ?? null) : null };
    case "text":
      return { kind: "text", text: a.text };
    case "ordering": {
      if (body.type !== "ordering") return raw(stored);
      const shown = displayOrder(body.items.length, orderSeed(roundId, questionIndex));
      return (
        pick(
          body.items,
          a.order.map((position) => shown[position] ?? -1),
          "order",
        ) || raw(stored)
      );
    }
    default: {
      const unreachable: never = a;
      return raw(unreachable);
    }
  }
}
