"use client";
import { useParams } from "next/navigation";
import { ProjectorLeaderboard } from "../../../leaderboard/ProjectorLeaderboard";

export default function ProjectorLeaderboardPage() {
  const { sessionId } = useParams<{ sessionId: string }>();
  return <ProjectorLeaderboard sessionId={sessionId} />;
}
