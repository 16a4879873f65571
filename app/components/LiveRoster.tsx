"use client";
/** The students who joined: who is connected, who dropped, roster or guest. */
import { useFormatter, useTranslations } from "use-intl";
import type { ParticipantView } from "../../lib/protocol/views";

/** `onRemove`: the instructor removes a seat (SS4); absent on pages that only show the roster. */
export function LiveRoster({ participants, onRemove }: { participants: ParticipantView[]; onRemove?: (participantId: string) => void }) {
  const t = useTranslations("console");
  const seats = useTranslations("seats");
  const format = useFormatter();
  const connected = participants.filter((p) => p.connected).length;
  return (
    <section className="panel" data-testid="live-roster">
      <h2>
        {t("roster")} <span className="muted" data-testid="roster-count">{t("connectedCount", { connected, total: participants.length })}</span>
      </h2>
      {participants.length === 0 ? (
        <p className="muted">{t("nobody")}</p>
      ) : (
        <ul className="roster-grid">
          {participants.map((p) => (
            <li key={p.id} data-testid="participant" data-name={p.displayName} data-connected={p.connected}>
              <strong>{p.displayName}</strong> <span className="muted">{p.rosterStudentId ? t("rosterStudent") : t("guest")}</span>{" "}
              <span className={`pill ${p.connected ? "online" : "offline"}`}>{p.connected ? t("online") : t("offline")}</span>
              <div className="muted small">{t("joinedAt", { time: format.dateTime(new Date(p.joinedAt), { timeStyle: "short" }) })}</div>
              {onRemove && (
                <button
                  type="button"
                  className="small"
                  data-testid="remove-participant"
                  onClick={() => {
                    if (window.confirm(seats("confirmRemove", { name: p.displayName }))) onRemove(p.id);
                  }}
                >
                  {seats("remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
