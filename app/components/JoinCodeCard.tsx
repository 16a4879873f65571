"use client";
/**
 * The join code, very large, with a QR code of the join URL, for the projector. The join URL's
 * origin comes from the server (server/network/SPEC.md): a console opened on localhost offers the
 * machine's LAN addresses, likeliest first, and the teacher can switch between them.
 */
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { JoinOrigins } from "../../lib/api/network";
import { callApi } from "../lib/api";

export function JoinCodeCard({ code }: { code: string }) {
  const t = useTranslations("console");
  const td = useTranslations("devices.join");
  const [offer, setOffer] = useState<JoinOrigins | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    void callApi("joinOrigins").then((reply) => {
      // Without an answer (offline, logged out) the page's own origin is the best guess.
      const origins: JoinOrigins = reply.ok ? reply.data : { source: "request", origins: [window.location.origin] };
      setOffer(origins);
      setOrigin(origins.origins[0]);
    });
  }, []);

  const url = origin ? `${origin}/join/${code}` : "";
  useEffect(() => {
    if (!url) return;
    QRCode.toDataURL(url, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [url]);

  return (
    <section className="panel join-card">
      <div>
        <div className="big-code" data-testid="join-code-display">
          {code}
        </div>
        <p className="muted">{t("scan")}</p>
        <p>
          {t("joinAt")}: <strong data-testid="join-url">{url}</strong>
        </p>
        {offer && offer.origins.length > 1 && (
          <label>
            {td("chooseAddress")}
            <select data-testid="join-origin" value={origin ?? ""} onChange={(e) => setOrigin(e.target.value)}>
              {offer.origins.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        )}
        {offer?.source === "lan" && <p className="muted">{td("lanHint")}</p>}
        {offer?.source === "loopbackOnly" && (
          <p className="error" role="alert" data-testid="join-loopback-warning">
            {td("loopbackOnly")}
          </p>
        )}
      </div>
      {qr && <img src={qr} alt={url} width={240} height={240} data-testid="join-qr" />}
    </section>
  );
}
