"use client";
/** The console's seat controls (SS4): how many guest seats the session has. Removing a seat is in LiveRoster. */
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { MAX_GUEST_SEATS } from "../../lib/protocol/session";
import { useInstructorSession } from "../stores/instructorSession";

export function GuestSeatLimit() {
  const t = useTranslations("seats");
  const { guestSeatLimit, participants, setGuestSeats } = useInstructorSession();
  const [draft, setDraft] = useState(String(guestSeatLimit ?? ""));
  useEffect(() => setDraft(String(guestSeatLimit ?? "")), [guestSeatLimit]);
  if (guestSeatLimit === null) return null;
  const guests = participants.filter((p) => p.rosterStudentId === null).length;
  const value = Number(draft);
  const valid = Number.isInteger(value) && value >= 0 && value <= MAX_GUEST_SEATS;
  return (
    <form
      className="row"
      data-testid="guest-seats"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void setGuestSeats(value);
      }}
    >
      <label>
        {t("guestSeats")}{" "}
        <input type="number" min={0} max={MAX_GUEST_SEATS} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ width: "6em" }} />
      </label>
      <span className="muted">{t("guestsTaken", { guests, limit: guestSeatLimit })}</span>
      <button type="submit" disabled={!valid || value === guestSeatLimit}>
        {t("save")}
      </button>
    </form>
  );
}
