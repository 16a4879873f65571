"use client";
/**
 * Joining a session: pick your name from the roster, or enter a guest name. A seat that already
 * has an owner moves to this device only if the teacher approves (SS5): the page asks and waits.
 */
import { useParams, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { MAX_NAME_LENGTH } from "../../../lib/names";
import type { RouteReply } from "../../../lib/api/routes";
import { ErrorText } from "../../components/ErrorText";
import { Header } from "../../components/Header";
import { JoinCodeForm } from "../../components/JoinCodeForm";
import { callApi, type ClientError } from "../../lib/api";
import { loadSeat, saveSeat } from "../../lib/seat";
import { connectSocket, request, type ClientSocket } from "../../lib/socket";
import type { RequestPayload } from "../../../lib/protocol/events";
import { SEAT_HELD } from "../../../lib/protocol/session";

type Lookup = RouteReply<"lookupJoinCode">;
type Identity = RequestPayload<"session:join">["identity"];
/** SS5: this device asked for a seat that has an owner. */
type Claim = { phase: "held"; identity: Identity; ownerConnected: boolean } | { phase: "waiting" } | { phase: "refused" } | { phase: "expired" };

export default function JoinPage() {
  const t = useTranslations("join");
  const router = useRouter();
  const code = useParams<{ code: string }>().code.toUpperCase();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [nickname, setNickname] = useState("");
  const [busy, setBusy] = useState(false);
  const [claim, setClaim] = useState<Claim | null>(null);
  /** The connection kept open while the teacher decides, and the expiry check. */
  const waiting = useRef<{ socket: ClientSocket; timer: ReturnType<typeof setTimeout> | null } | null>(null);
  const stopWaiting = useCallback(() => {
    if (waiting.current?.timer) clearTimeout(waiting.current.timer);
    waiting.current?.socket.close();
    waiting.current = null;
  }, []);
  useEffect(() => stopWaiting, [stopWaiting]);

  /** The class and which roster names are taken right now. */
  const lookUp = useCallback(async () => {
    const reply = await callApi("lookupJoinCode", { params: { code } });
    if (reply.ok) setLookup(reply.data);
    else setError(reply.error);
  }, [code]);

  useEffect(() => {
    if (loadSeat(code)) router.replace(`/s/${code}`);
    else void lookUp();
  }, [code, router, lookUp]);

  /** A seat is ours: keep its token and open the session page (which rejoins with it). */
  function seated(rejoinToken: string, you: { participantId: string; displayName: string }) {
    setError(null);
    saveSeat({ code, rejoinToken, participantId: you.participantId, displayName: you.displayName });
    router.push(`/s/${code}`);
  }

  async function join(identity: Identity) {
    setBusy(true);
    const socket = connectSocket();
    const reply = await request(socket, "session:join", { code, identity });
    socket.close(); // the session page opens its own connection and rejoins with the token
    setBusy(false);
    if (!reply.ok) {
      const held = reply.error.issues?.[SEAT_HELD];
      if (held) {
        setError(null);
        setClaim({ phase: "held", identity, ownerConnected: held[0] === "connected" });
        return;
      }
      setError(reply.error);
      if (reply.error.code === "CONFLICT") void lookUp(); // someone took the name meanwhile: show it as taken
      return;
    }
    seated(reply.data.rejoinToken, reply.data.snapshot.you);
  }

  /** SS5: ask the teacher for the seat, then wait on an open connection for the decision. */
  async function askTeacher(identity: Identity) {
    stopWaiting();
    setBusy(true);
    const socket = connectSocket();
    const reply = await request(socket, "session:claim", { code, identity });
    setBusy(false);
    if (!reply.ok) {
      socket.close();
      setClaim(null);
      setError(reply.error);
      return;
    }
    const { claimToken, expiresInMs } = reply.data;
    const check = async () => {
      const status = await request(socket, "session:claimStatus", { claimToken });
      if (!status.ok) {
        if (status.error.code === "RATE_LIMITED") return; // asked too often; the next event or the timer asks again
        stopWaiting();
        setClaim(null);
        setError(status.error);
        return;
      }
      switch (status.data.status) {
        case "pending":
          return;
        case "refused":
        case "expired":
          stopWaiting();
          setClaim({ phase: status.data.status });
          return;
        case "seated":
          stopWaiting();
          seated(status.data.rejoinToken, status.data.snapshot.you);
          return;
        default: {
          const exhaustive: never = status.data;
          throw new Error(`unknown status ${JSON.stringify(exhaustive)}`);
        }
      }
    };
    waiting.current = { socket, timer: setTimeout(() => void check(), expiresInMs + 1_000) };
    socket.on("session:claimDecided", () => void check());
    socket.on("connect", () => void check()); // after a reconnect: hear the decision again, or learn it
    setClaim({ phase: "waiting" });
  }

  function joinAsGuest(event: FormEvent) {
    event.preventDefault();
    void join({ kind: "guest", nickname });
  }

  return (
    <>
      <Header />
      <main>
        {!lookup && !error && <p className="muted">{t("lookingUp")}</p>}
        {error && !lookup && (
          <section className="stop-screen" data-testid="join-stop">
            <h1>{t("cannotJoin", { code })}</h1>
            <ErrorText error={error} />
            <h2>{t("otherCode")}</h2>
            <JoinCodeForm />
          </section>
        )}
        {lookup && claim && (
          <section className="panel" data-testid="seat-claim-status" data-phase={claim.phase} aria-live="polite">
            <ErrorText error={error} />
            {claim.phase === "held" && (
              <>
                <p>{claim.ownerConnected ? t("seatHeldConnected") : t("seatHeld")}</p>
                <div className="row">
                  <button type="button" disabled={busy} onClick={() => void askTeacher(claim.identity)} data-testid="ask-teacher">
                    {t("askTeacher")}
                  </button>
                  <button type="button" className="secondary" onClick={() => setClaim(null)}>
                    {t("cancel")}
                  </button>
                </div>
              </>
            )}
            {claim.phase === "waiting" && (
              <>
                <h2>{t("waiting")}</h2>
                <p className="muted">{t("waitingHint")}</p>
              </>
            )}
            {(claim.phase === "refused" || claim.phase === "expired") && (
              <>
                <p>{t(claim.phase)}</p>
                <button type="button" className="secondary" onClick={() => setClaim(null)}>
                  {t("cancel")}
                </button>
              </>
            )}
          </section>
        )}
        {lookup && !claim && (
          <>
            <ErrorText error={error} />
            <h1 data-testid="join-title">{t("title", { className: lookup.className })}</h1>
            {lookup.roster.length > 0 && (
              <section className="panel">
                <h2>{t("pickName")}</h2>
                <div className="name-buttons">
                  {lookup.roster.map((r) => (
                    <button
                      key={r.id}
                      className="name-button"
                      disabled={r.taken || busy}
                      onClick={() => void join({ kind: "roster", rosterStudentId: r.id })}
                      data-testid="roster-name"
                    >
                      {r.name}
                      {r.taken && <small> · {t("taken")}</small>}
                    </button>
                  ))}
                </div>
              </section>
            )}
            <form className="panel" onSubmit={joinAsGuest}>
              <h2>{t("orGuest")}</h2>
              <label>
                {t("nickname")}
                <input value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={MAX_NAME_LENGTH} required data-testid="guest-name" />
              </label>
              <div className="row">
                <button type="submit" disabled={busy || !nickname.trim()} data-testid="join-guest">
                  {t("joinAsGuest")}
                </button>
                <span className="muted" data-testid="guest-counter">
                  {t("counter", { count: [...nickname].length, max: MAX_NAME_LENGTH })}
                </span>
              </div>
            </form>
          </>
        )}
      </main>
    </>
  );
}
