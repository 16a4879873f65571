"use client";
/** The projector lobby: each student's name appears as they join (Kahoot-style), newest last. */
import { useTranslations } from "use-intl";
import type { ParticipantView } from "../../lib/protocol/views";

export function LobbyNames({ participants }: { participants: ParticipantView[] }) {
  const t = useTranslations("devices.lobby");
  const joined = participants.filter((p) => p.connected).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  if (joined.length === 0) return <p className="muted">{t("waiting")}</p>;
  return (
    <ul className="lobby-names" data-testid="lobby-names">
      {joined.map((p) => (
        <li key={p.id} data-testid="lobby-name">
          {p.displayName}
        </li>
      ))}
    </ul>
  );
}
