"use client";
/**
 * The console's class-model part: start it for the whole class or one group (combiner, K local
 * steps, T seconds, with the defaults' reasons), then each version's validation loss (F14).
 */
import { useState } from "react";
import { useTranslations } from "use-intl";
import { COMBINERS, type Combiner } from "../../lib/federated/combine";
import { ROUND_BOUNDS, ROUND_DEFAULTS } from "../../lib/federated/rounds";
import type { HistoryPoint, ModelSessionView } from "../../lib/protocol/training";
import { request, type ClientSocket } from "../lib/socket";
import { ClassVsBestCard } from "./ClassVsBestCard";
import { useClassModel } from "./useClassModel";

export function ClassModelControls({
  socket,
  sessionId,
  modelSession,
  history,
  names,
}: {
  socket: ClientSocket;
  sessionId: string;
  modelSession: ModelSessionView;
  /** The class's telemetry and names, for the comparison with the best single student (F15). */
  history: Record<string, HistoryPoint[]>;
  names: Record<string, string>;
}) {
  const t = useTranslations("classModel");
  const { classModel, setClassModel, versions, members } = useClassModel(socket, sessionId, modelSession.id);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [combiner, setCombiner] = useState<Combiner>("fedavg");
  const [steps, setSteps] = useState<number>(ROUND_DEFAULTS.steps);
  const [seconds, setSeconds] = useState<number>(ROUND_DEFAULTS.seconds);
  const [error, setError] = useState<string | null>(null);
  const [entered, setEntered] = useState<number | null>(null);

  const start = async () => {
    const reply = await request(socket, "classModel:start", { sessionId, groupId, combiner, roundSteps: steps, roundSeconds: seconds });
    if (!reply.ok) setError(reply.error.message);
    else {
      setError(null);
      setClassModel(reply.data.classModel);
    }
  };

  // L16: the newest version goes on the verified leaderboard, scored by the server like any submission.
  const enter = async () => {
    const reply = await request(socket, "classModel:enter", { sessionId });
    if (!reply.ok) setError(reply.error.issues?.reason?.[0] === "NO_VERSION" ? t("noVersion") : reply.error.message);
    else {
      setError(null);
      setEntered(reply.data.version);
    }
  };

  if (classModel) {
    return (
      <section className="panel" data-testid="class-model-console" data-round={classModel.round}>
        <h3>{t("title")}</h3>
        <p>{t("status", { round: classModel.round, students: classModel.students, combiner: t(`combiner.${classModel.combiner}`) })}</p>
        <table>
          <thead>
            <tr>
              <th>{t("version")}</th>
              <th>{t("valLoss")}</th>
              <th>{t("contributors")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-testid="class-model-version">
                <td>{v.version}</td>
                <td>{v.valLoss.toFixed(3)}</td>
                <td>{v.contributors}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ClassVsBestCard versions={versions} history={history} members={members} names={names} />
        <div className="row">
          <button type="button" className="secondary" onClick={() => void enter()} data-testid="class-model-enter">
            {t("enter")}
          </button>
          {entered !== null && (
            <span className="ok" data-testid="class-model-entered" data-version={entered}>
              {t("entered", { version: entered })}
            </span>
          )}
        </div>
        {error && <p className="error">{error}</p>}
      </section>
    );
  }
  return (
    <section className="panel" data-testid="class-model-start">
      <h3>{t("title")}</h3>
      <p className="muted small">{t("intro")}</p>
      <label>
        {t("scope")}{" "}
        <select value={groupId ?? ""} onChange={(e) => setGroupId(e.target.value || null)}>
          <option value="">{t("wholeClass")}</option>
          {modelSession.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("combinerLabel")}{" "}
        <select value={combiner} onChange={(e) => setCombiner(e.target.value as Combiner)}>
          {COMBINERS.map((c) => (
            <option key={c} value={c}>
              {t(`combiner.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("steps")}{" "}
        <input type="number" min={ROUND_BOUNDS.steps.min} max={ROUND_BOUNDS.steps.max} value={steps} onChange={(e) => setSteps(Number(e.target.value))} />
      </label>
      <label>
        {t("seconds")}{" "}
        <input
          type="number"
          min={ROUND_BOUNDS.seconds.min}
          max={ROUND_BOUNDS.seconds.max}
          value={seconds}
          onChange={(e) => setSeconds(Number(e.target.value))}
        />
      </label>
      <p className="muted small">{t("defaultsWhy")}</p>
      <button onClick={() => void start()} data-testid="class-model-start-button">
        {t("start")}
      </button>
      {error && <p className="error">{error}</p>}
    </section>
  );
}
