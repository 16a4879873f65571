"use client";
/**
 * The class at a glance: every roster student present, dropped or absent (lib/attendance.ts), and
 * the guests who joined, with a mark on seats moved to another device (SS5). `onRemove`: the
 * instructor removes a seat (SS4); absent on pages that only show the roster.
 */
import { useFormatter, useTranslations } from "use-intl";
import { countSeats, seatsOf } from "../../lib/attendance";
import type { ParticipantView } from "../../lib/protocol/views";

export function LiveRoster({
  participants,
  roster,
  onRemove,
}: {
  participants: ParticipantView[];
  roster: { id: string; name: string }[];
  onRemove?: (participantId: string) => void;
}) {
  const t = useTranslations("console");
  const td = useTranslations("devices.roster");
  const seatsText = useTranslations("seats");
  const format = useFormatter();
  const seats = seatsOf(roster, participants);
  const counts = countSeats(seats);
  return (
    <section className="panel" data-testid="live-roster">
      <h2>
        {t("roster")}{" "}
        <span className="muted" data-testid="roster-count">
          {td("counts", counts)}
        </span>
      </h2>
      {seats.length === 0 ? (
        <p className="muted">{t("nobody")}</p>
      ) : (
        <ul className="roster-grid">
          {seats.map((seat) => (
            <li
              key={seat.key}
              className={`seat-${seat.state}`}
              data-testid={seat.participant ? "participant" : "absent-student"}
              data-name={seat.name}
              data-state={seat.state}
              data-connected={seat.participant?.connected ?? false}
            >
              <strong>{seat.name}</strong> <span className="muted">{seat.guest ? t("guest") : t("rosterStudent")}</span>{" "}
              <span className={`pill seat-pill-${seat.state}`}>{td(seat.state)}</span>
              {seat.participant && (
                <div className="muted small">{t("joinedAt", { time: format.dateTime(new Date(seat.participant.joinedAt), { timeStyle: "short" }) })}</div>
              )}
              {seat.participant?.takenOverAt && (
                <div className="small" data-testid="taken-over">
                  {seatsText("takenOverAt", { time: format.dateTime(new Date(seat.participant.takenOverAt), { timeStyle: "short" }) })}
                </div>
              )}
              {seat.participant && onRemove && (
                <button
                  type="button"
                  className="small"
                  data-testid="remove-participant"
                  onClick={() => {
                    const participantId = seat.participant?.id;
                    if (participantId && window.confirm(seatsText("confirmRemove", { name: seat.name }))) onRemove(participantId);
                  }}
                >
                  {seatsText("remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
