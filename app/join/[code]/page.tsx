"use client";
/** Joining a session: pick your name from the roster, or enter a guest name. */
import { useParams, useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { MAX_NAME_LENGTH } from "../../../lib/names";
import type { RouteReply } from "../../../lib/api/routes";
import { ErrorText } from "../../components/ErrorText";
import { Header } from "../../components/Header";
import { JoinCodeForm } from "../../components/JoinCodeForm";
import { callApi, type ClientError } from "../../lib/api";
import { loadSeat, saveSeat } from "../../lib/seat";
import { connectSocket, request } from "../../lib/socket";
import type { RequestPayload } from "../../../lib/protocol/events";

type Lookup = RouteReply<"lookupJoinCode">;

export default function JoinPage() {
  const t = useTranslations("join");
  const router = useRouter();
  const code = useParams<{ code: string }>().code.toUpperCase();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [nickname, setNickname] = useState("");
  const [busy, setBusy] = useState(false);

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

  async function join(identity: RequestPayload<"session:join">["identity"]) {
    setBusy(true);
    const socket = connectSocket();
    const reply = await request(socket, "session:join", { code, identity });
    socket.close(); // the session page opens its own connection and rejoins with the token
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      if (reply.error.code === "CONFLICT") void lookUp(); // someone took the name meanwhile: show it as taken
      return;
    }
    setError(null);
    const you = reply.data.snapshot.you;
    saveSeat({ code, rejoinToken: reply.data.rejoinToken, participantId: you.participantId, displayName: you.displayName });
    router.push(`/s/${code}`);
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
        {lookup && (
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
