"use client";
/**
 * Full-screen training views for the classroom display, opened from the console (instructor
 * login): the class's loss curves, the spotlighted student's samples, or everyone's latest sample.
 * Large type, readable from the back of the room; samples are rendered as text, never HTML.
 */
import { useEffect, useMemo } from "react";
import { useTranslations } from "use-intl";
import { ErrorText } from "../components/ErrorText";
import { useInstructorSession } from "../stores/instructorSession";
import { ClassCurves } from "./ClassCurves";
import { useClassTraining } from "./classTraining";
import { classCurve, useClassModel } from "../federated/useClassModel";
import { ClassVsBestCard } from "../federated/ClassVsBestCard";

export type ProjectorView = "curves" | "spotlight" | "wall";

export function ProjectorTraining({ sessionId, view }: { sessionId: string; view: ProjectorView }) {
  const t = useTranslations("live");
  const { socket, session, participants, error, open } = useInstructorSession();
  const training = useClassTraining();
  const connect = training.connect;
  useEffect(() => open(sessionId), [open, sessionId]);
  useEffect(() => (socket ? connect(socket, sessionId) : undefined), [connect, socket, sessionId]);
  useEffect(() => {
    if (session) void useClassTraining.getState().sync();
  }, [session]);
  const classModel = useClassModel(socket, sessionId, training.modelSession?.id);
  const tc = useTranslations("classModel");
  // One object per change of versions, so the chart is redrawn when the class model moves, not on every render.
  const classLine = useMemo(() => classCurve(classModel.classModel, classModel.versions), [classModel.classModel, classModel.versions]);
  // The class model's newest version writes on the wall too, marked as the class's.
  const latestVersion = classModel.versions.at(-1);
  const names = Object.fromEntries(participants.map((p) => [p.id, p.displayName]));

  return (
    <main className="projector-view" data-testid={`projector-${view}`}>
      <ErrorText error={error} />
      {view === "curves" && (
        <>
          <h1>{t("curvesTitle")}</h1>
          <ClassCurves
            history={training.history}
            modelSession={training.modelSession}
            assignments={training.assignments}
            height={560}
            allLabel={t("allStudents")}
            projector
            classModel={classLine}
            classModelLabel={tc("title")}
          />
          <ClassVsBestCard versions={classModel.versions} history={training.history} members={classModel.members} names={names} />
        </>
      )}
      {view === "spotlight" &&
        (training.spotlight ? (
          <>
            <h1>{t("spotlightTitle", { name: names[training.spotlight] ?? "" })}</h1>
            <pre className="projector-sample" data-testid="spotlight-sample">
              {training.progress[training.spotlight]?.sample ?? ""}
            </pre>
          </>
        ) : (
          <h1 className="muted">{t("noSpotlight")}</h1>
        ))}
      {view === "wall" && (
        <>
          <h1>{t("wall")}</h1>
          <div className="sample-wall" data-testid="sample-wall">
            {latestVersion && latestVersion.version > 0 && (
              <figure className="class-entry" data-testid="class-model-sample" data-version={latestVersion.version}>
                <figcaption>
                  <strong>{tc("title")}</strong> · {tc("version")} {latestVersion.version}
                </figcaption>
                <pre>{latestVersion.sample}</pre>
              </figure>
            )}
            {Object.values(training.progress)
              .filter((p) => p.sample)
              .map((p) => (
                <figure key={p.participantId}>
                  <figcaption>
                    {names[p.participantId] ?? ""} · {p.step}
                  </figcaption>
                  <pre>{p.sample}</pre>
                </figure>
              ))}
          </div>
        </>
      )}
    </main>
  );
}
