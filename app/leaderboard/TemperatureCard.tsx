"use client";
/** The student's chosen sample beside the server's seeded samples at 0.2 / 0.5 / 1.0 / 1.2 (all rendered as text). */
import { useTranslations } from "use-intl";
import type { ChosenSample } from "../../lib/protocol/leaderboard";

export function TemperatureCard({ sample, card }: { sample: ChosenSample; card: { temperature: number; text: string }[] }) {
  const t = useTranslations("leaderboard");
  return (
    <div className="temperature-card" data-testid="temperature-card">
      <figure className="chosen">
        <figcaption>
          {t("yourSample")} · T={sample.temperature}
        </figcaption>
        <pre>{sample.prime + sample.text}</pre>
      </figure>
      {card.map((c) => (
        <figure key={c.temperature}>
          <figcaption>T={c.temperature}</figcaption>
          <pre>{c.text}</pre>
        </figure>
      ))}
    </div>
  );
}
