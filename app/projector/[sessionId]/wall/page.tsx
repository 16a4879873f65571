"use client";
import { useParams } from "next/navigation";
import { ProjectorTraining } from "../../../live/ProjectorTraining";

export default function ProjectorWallPage() {
  const { sessionId } = useParams<{ sessionId: string }>();
  return <ProjectorTraining sessionId={sessionId} view="wall" />;
}
