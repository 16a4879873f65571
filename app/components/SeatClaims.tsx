"use client";
/**
 * SS5: other devices asking for a seat that already has an owner. The instructor, who sees the
 * room, approves (the seat, with its work and score, moves to that device; the owner's device
 * stops) or refuses. Shown only while requests wait.
 */
import { useTranslations } from "use-intl";
import { useInstructorSession } from "../stores/instructorSession";

export function SeatClaims() {
  const t = useTranslations("seats");
  const { seatClaims, decideClaim } = useInstructorSession();
  if (seatClaims.length === 0) return null;
  return (
    <section className="panel" data-testid="seat-claims" role="alert">
      <h2>{t("claimsTitle")}</h2>
      <ul>
        {seatClaims.map((claim) => (
          <li key={claim.id} data-testid="seat-claim" data-name={claim.displayName}>
            <strong>{t("claimRequest", { name: claim.displayName })}</strong>{" "}
            <span className="muted small">{claim.ownerConnected ? t("ownerHere") : t("ownerAway")}</span>
            <div className="row">
              <button
                type="button"
                data-testid="approve-claim"
                onClick={() => {
                  if (window.confirm(t("confirmApprove", { name: claim.displayName }))) void decideClaim(claim.id, true);
                }}
              >
                {t("approve")}
              </button>
              <button type="button" className="secondary" data-testid="refuse-claim" onClick={() => void decideClaim(claim.id, false)}>
                {t("refuse")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
