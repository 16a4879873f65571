"use client";
/** The join code, very large, with a QR code of the join URL, for the projector. */
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";

export function JoinCodeCard({ code }: { code: string }) {
  const t = useTranslations("console");
  const [qr, setQr] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  useEffect(() => {
    const joinUrl = `${window.location.origin}/join/${code}`;
    setUrl(joinUrl);
    QRCode.toDataURL(joinUrl, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [code]);
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
      </div>
      {qr && <img src={qr} alt={url} width={240} height={240} data-testid="join-qr" />}
    </section>
  );
}
