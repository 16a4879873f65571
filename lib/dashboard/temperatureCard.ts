/**
 * A submission's temperature card (Submission.temperatureCard, written by the evaluator): the
 * same model sampled at several temperatures. Read tolerantly — a list of
 * { temperature, text | sample } or a { "<temperature>": text } map — into one shape.
 */
import { z } from "zod";

export interface TemperatureSample {
  temperature: number;
  text: string;
}

const entry = z.object({ temperature: z.number(), text: z.string().optional(), sample: z.string().optional() });

export function temperatureCardOf(stored: unknown): TemperatureSample[] {
  const list = Array.isArray(stored)
    ? stored
    : typeof stored === "object" && stored !== null
      ? Array.isArray((stored as { samples?: unknown }).samples)
        ? (stored as { samples: unknown[] }).samples
        : Object.entries(stored).map(([k, v]) => ({ temperature: Number(k), text: v }))
      : [];
  return list
    .flatMap((raw) => {
      const parsed = entry.safeParse(raw);
      if (!parsed.success || !Number.isFinite(parsed.data.temperature)) return [];
      const text = parsed.data.text ?? parsed.data.sample;
      return text === undefined ? [] : [{ temperature: parsed.data.temperature, text }];
    })
    .sort((a, b) => a.temperature - b.temperature);
}
