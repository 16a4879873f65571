"use client";
/** The class model and its versions for the console and the projector, kept fresh by the server's announcements. */
import { useEffect, useState } from "react";
import type { ClassModelView, VersionSummary } from "../../lib/protocol/federated";
import { request, type ClientSocket } from "../lib/socket";

export function useClassModel(socket: ClientSocket | null, sessionId: string, modelSessionId: string | undefined) {
  const [classModel, setClassModel] = useState<ClassModelView | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [members, setMembers] = useState<string[]>([]);
  useEffect(() => {
    if (!socket) return;
    const sync = async () => {
      const reply = await request(socket, "classModel:classSync", { sessionId });
      if (!reply.ok) return;
      setClassModel(reply.data.classModel);
      setVersions(reply.data.versions);
      setMembers(reply.data.members);
    };
    void sync();
    const onChange = () => void sync();
    socket.on("classModel:version", onChange);
    socket.on("classModel:round", onChange);
    return () => {
      socket.off("classModel:version", onChange);
      socket.off("classModel:round", onChange);
    };
  }, [socket, sessionId, modelSessionId]);
  return { classModel, setClassModel, versions, members };
}

/** The class model's validation curve on the students' step axis: version v is v × K local steps. */
export function classCurve(classModel: ClassModelView | null, versions: VersionSummary[]): { steps: number[]; valLoss: number[] } | null {
  if (!classModel || versions.length === 0) return null;
  return { steps: versions.map((v) => v.version * classModel.roundSteps), valLoss: versions.map((v) => v.valLoss) };
}
