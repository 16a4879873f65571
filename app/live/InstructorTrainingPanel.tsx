"use client";
/** The console's training part: compose and push, run control with the countdown, class curves and the grid. */
import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import type { ParticipantView, SessionInfo } from "../../lib/protocol/views";
import { ErrorText } from "../components/ErrorText";
import type { ClientSocket } from "../lib/socket";
import { ClassCurves } from "./ClassCurves";
import { ClassGrid } from "./ClassGrid";
import { useClassTraining } from "./classTraining";
import { Countdown } from "./Countdown";
import { ModelSessionComposer } from "./ModelSessionComposer";
import { ShareOwnModel } from "./ShareOwnModel";
import { DroppedReports } from "./DroppedReports";
import { StepCostNote } from "./StepCostNote";
import { ClassModelControls } from "../federated/ClassModelControls";

const RUN_LABEL = { ready: "runReady", running: "runRunning", paused: "runPaused", stopped: "runStopped" } as const;

export function InstructorTrainingPanel({ socket, session, participants }: { socket: ClientSocket; session: SessionInfo; participants: ParticipantView[] }) {
  const t = useTranslations("live");
  const td = useTranslations("devices");
  const state = useClassTraining();
  const connect = state.connect;
  useEffect(() => connect(socket, session.id), [connect, socket, session.id]);
  useEffect(() => {
    void useClassTraining.getState().sync();
  }, [session]); // a new session object means a fresh attach (first load or reconnect)

  const run = state.run;
  return (
    <>
      <h2>{t("trainingTitle")}</h2>
      <ErrorText error={state.error} />
      <ModelSessionComposer onPush={state.push} />
      {state.modelSession && run && (
        <section className="panel" data-testid="run-panel" data-run={run.status}>
          <div className="row">
            <strong>{t("version", { version: state.modelSession.version })}</strong>
            <span className="pill" data-testid="run-status">
              {t(RUN_LABEL[run.status])}
            </span>
            <span>
              {t("left")} <Countdown run={run} clockOffset={state.clockOffset} />
            </span>
            {run.status === "ready" && (
              <button onClick={() => void state.control("start")} data-testid="run-start">
                {t("start")}
              </button>
            )}
            {run.status === "running" && (
              <button onClick={() => void state.control("pause")} data-testid="run-pause">
                {t("pause")}
              </button>
            )}
            {run.status === "paused" && (
              <button onClick={() => void state.control("resume")} data-testid="run-resume">
                {t("resume")}
              </button>
            )}
            {(run.status === "running" || run.status === "paused") && (
              <button className="danger" onClick={() => window.confirm(td("confirmStop")) && void state.control("stop")} data-testid="run-stop">
                {t("stop")}
              </button>
            )}
            <DroppedReports dropped={state.dropped} />
          </div>
          <div className="row small">
            <Link href={`/projector/${session.id}/curves`} target="_blank">
              {t("projectorCurves")}
            </Link>
            <Link href={`/projector/${session.id}/spotlight`} target="_blank">
              {t("projectorSpotlight")}
            </Link>
            <Link href={`/projector/${session.id}/wall`} target="_blank">
              {t("projectorWall")}
            </Link>
          </div>
          <h3>{t("curvesTitle")}</h3>
          <StepCostNote modelSession={state.modelSession} />
          <ClassCurves history={state.history} modelSession={state.modelSession} assignments={state.assignments} allLabel={t("allStudents")} />
        </section>
      )}
      {state.modelSession && (
        <ClassModelControls
          socket={socket}
          sessionId={session.id}
          modelSession={state.modelSession}
          history={state.history}
          names={Object.fromEntries(participants.map((p) => [p.id, p.displayName]))}
        />
      )}
      {state.modelSession && <ShareOwnModel modelSession={state.modelSession} onShare={state.shareOwnModel} />}
      <ClassGrid
        participants={participants}
        progress={state.progress}
        history={state.history}
        assignments={state.assignments}
        modelSession={state.modelSession}
        spotlight={state.spotlight}
        onSpotlight={(id) => void state.setSpotlight(id)}
        onAssign={(id, group) => void state.assign(id, group)}
        onShare={(id) => void state.share(id)}
      />
    </>
  );
}
