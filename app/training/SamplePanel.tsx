"use client";
/** Generate text from the model: temperature, prime text, length; characters stream in. */
import { useState } from "react";
import { useTranslations } from "use-intl";

export interface SampleSettings {
  prime: string;
  temperature: number;
  length: number;
}

export function SamplePanel({
  text,
  running,
  disabled,
  defaultTemperature = 0.8,
  onGenerate,
}: {
  text: string;
  running: boolean;
  disabled: boolean;
  defaultTemperature?: number;
  onGenerate: (settings: SampleSettings) => void;
}) {
  const t = useTranslations("training");
  const [settings, setSettings] = useState<SampleSettings>({ prime: "", temperature: defaultTemperature, length: 200 });
  return (
    <section className="panel">
      <h2>{t("sampleTitle")}</h2>
      <div className="row">
        <label>
          {t("temperature", { value: settings.temperature.toFixed(1) })}
          <input
            type="range"
            min={0.1}
            max={2}
            step={0.1}
            value={settings.temperature}
            onChange={(e) => setSettings({ ...settings, temperature: Number(e.target.value) })}
            data-testid="temperature"
          />
        </label>
        <label>
          {t("prime")}
          <input value={settings.prime} onChange={(e) => setSettings({ ...settings, prime: e.target.value })} maxLength={200} data-testid="prime" />
        </label>
        <label>
          {t("length")}
          <input
            type="number"
            min={20}
            max={1000}
            value={settings.length}
            onChange={(e) => setSettings({ ...settings, length: Math.max(20, Math.min(1000, Number(e.target.value) || 200)) })}
          />
        </label>
        <button disabled={disabled || running} onClick={() => onGenerate(settings)} data-testid="generate">
          {t("generate")}
        </button>
      </div>
      <p className="muted small">{t("temperatureHint")}</p>
      <pre className="sample-text" data-testid="sample-text">
        {settings.prime}
        {text}
      </pre>
    </section>
  );
}
