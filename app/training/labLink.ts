/** The lab opened on a given corpus and configuration (the instructor trains the class's model there). */
import { charRNNConfigSchema, type CharRNNConfig } from "../../lib/engine/config";

export function labLink(corpus: string, config: CharRNNConfig): string {
  return `/lab?${new URLSearchParams({ corpus, config: JSON.stringify(config) })}`;
}

/** The corpus and configuration a lab link carries, or null when it carries none (or a bad one). */
export function readLabLink(search: string): { corpus: string; config: CharRNNConfig } | null {
  const params = new URLSearchParams(search);
  const corpus = params.get("corpus");
  const raw = params.get("config");
  if (!corpus || !raw) return null;
  try {
    const config = charRNNConfigSchema.safeParse(JSON.parse(raw));
    return config.success ? { corpus, config: config.data } : null;
  } catch {
    return null;
  }
}
