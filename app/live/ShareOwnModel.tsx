"use client";
/**
 * The console's "share your own model" box (T11): for each variant of the model session a link
 * that opens the lab on exactly that configuration, and an upload of the .rnnw file the lab
 * downloads. The server checks the file; students training its configuration continue from it.
 */
import { useState } from "react";
import { useTranslations } from "use-intl";
import type { InstructorModelView } from "../../lib/api/instructorModels";
import type { ModelSessionView } from "../../lib/protocol/training";
import { effectiveConfig } from "../../lib/training/rules";
import { labLink } from "../training/labLink";

export function ShareOwnModel({
  modelSession,
  onShare,
}: {
  modelSession: ModelSessionView;
  onShare: (weights: Uint8Array) => Promise<InstructorModelView | null>;
}) {
  const t = useTranslations("live");
  const [sent, setSent] = useState<InstructorModelView | null>(null);
  const [busy, setBusy] = useState(false);
  const variants = modelSession.groups.length
    ? modelSession.groups.map((g) => ({ label: g.label, config: effectiveConfig(modelSession.config, g.overrides) }))
    : [{ label: t("wholeClass"), config: modelSession.config }];

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setSent(null);
    try {
      setSent(await onShare(new Uint8Array(await file.arrayBuffer())));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="panel" data-testid="share-own-model">
      <summary>{t("ownModelTitle")}</summary>
      <p className="muted small">{t("ownModelHint")}</p>
      <ul>
        {variants.map((v) => (
          <li key={v.label}>
            <a href={labLink(modelSession.corpus, v.config)} target="_blank" rel="noreferrer">
              {t("trainInLab", { variant: v.label })}
            </a>
          </li>
        ))}
      </ul>
      <label>
        {t("uploadModel")}
        <input
          type="file"
          accept=".rnnw,application/octet-stream"
          disabled={busy}
          onChange={(e) => void upload(e.target.files?.[0])}
          data-testid="own-model-file"
        />
      </label>
      {sent && (
        <p className="ok" data-testid="own-model-sent">
          {t("ownModelSent", { step: sent.step, groups: sent.matches.map((m) => m || t("wholeClass")).join(", ") })}
        </p>
      )}
    </details>
  );
}
