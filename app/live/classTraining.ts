/**
 * The instructor's view of live training: the model session in force, the run, groups, every
 * student's latest progress and the loss history — synced in full on every (re)attach
 * (`training:classSync`) and kept current by the server's broadcasts.
 */
import { create } from "zustand";
import type { ErrorBody } from "../../lib/protocol/errors";
import type { HistoryPoint, ModelSessionSpec, ModelSessionView, ProgressEntry, RunState } from "../../lib/protocol/training";
import type { InstructorModelView } from "../../lib/api/instructorModels";
import { callApi, type ClientError } from "../lib/api";
import { request, type ClientSocket } from "../lib/socket";

/** History points kept per student for the overlay chart. */
const MAX_POINTS_PER_STUDENT = 400;

interface ClassTrainingState {
  modelSession: ModelSessionView | null;
  run: RunState | null;
  /** Our clock minus the server's, from the last run update (ms). */
  clockOffset: number;
  assignments: Record<string, string>;
  progress: Record<string, ProgressEntry>;
  history: Record<string, HistoryPoint[]>;
  spotlight: string | null;
  dropped: Record<string, number>;
  error: ClientError | null;
  connect(socket: ClientSocket, sessionId: string): () => void;
  sync(): Promise<void>;
  push(spec: ModelSessionSpec): Promise<boolean>;
  control(action: "start" | "pause" | "resume" | "stop"): Promise<void>;
  assign(participantId: string, groupId: string): Promise<void>;
  setSpotlight(participantId: string | null): Promise<void>;
  /** Sends a student's best verified model to everyone training the same configuration. */
  share(participantId: string): Promise<void>;
  /**
   * Uploads a weight file the instructor trained (checked by the server) and sends it to everyone
   * training its configuration; returns what was sent, or null with `error` set.
   */
  shareOwnModel(weights: Uint8Array): Promise<InstructorModelView | null>;
}

function appendHistory(history: Record<string, HistoryPoint[]>, entries: ProgressEntry[]): Record<string, HistoryPoint[]> {
  const next = { ...history };
  for (const e of entries) {
    const points = next[e.participantId] ?? [];
    if (points.at(-1)?.step === e.step) continue;
    const updated = [...points, { participantId: e.participantId, step: e.step, trainLoss: e.trainLoss, valLoss: e.valLoss, at: e.updatedAt }];
    next[e.participantId] = updated.length > MAX_POINTS_PER_STUDENT ? updated.filter((_, i) => i % 2 === 0 || i === updated.length - 1) : updated;
  }
  return next;
}

export const useClassTraining = create<ClassTrainingState>((set, get) => {
  let socket: ClientSocket | null = null;
  let sessionId = "";
  const fail = (error: ErrorBody) => set({ error });
  return {
    modelSession: null,
    run: null,
    clockOffset: 0,
    assignments: {},
    progress: {},
    history: {},
    spotlight: null,
    dropped: {},
    error: null,

    connect(s, id) {
      socket = s;
      sessionId = id;
      const onModel = ({ modelSession }: { modelSession: ModelSessionView }) => set({ modelSession, progress: {}, history: {}, dropped: {} });
      const onRun = (run: RunState) => set({ run, clockOffset: Date.now() - run.serverTime });
      const onProgress = ({ entries, dropped }: { entries: ProgressEntry[]; dropped: Record<string, number> }) =>
        set((state) => ({
          progress: { ...state.progress, ...Object.fromEntries(entries.map((e) => [e.participantId, e])) },
          history: appendHistory(state.history, entries),
          dropped,
        }));
      const onAssignments = ({ assignments }: { assignments: Record<string, string> }) => set({ assignments });
      const onSpotlight = ({ participantId }: { participantId: string | null }) => set({ spotlight: participantId });
      s.on("training:model", onModel);
      s.on("training:run", onRun);
      s.on("training:progress", onProgress);
      s.on("training:assignments", onAssignments);
      s.on("training:spotlight", onSpotlight);
      return () => {
        s.off("training:model", onModel);
        s.off("training:run", onRun);
        s.off("training:progress", onProgress);
        s.off("training:assignments", onAssignments);
        s.off("training:spotlight", onSpotlight);
        socket = null;
      };
    },

    async sync() {
      if (!socket) return;
      const reply = await request(socket, "training:classSync", { sessionId });
      if (!reply.ok) return fail(reply.error);
      const d = reply.data;
      const history: Record<string, HistoryPoint[]> = {};
      for (const h of d.history) (history[h.participantId] ??= []).push(h);
      set({
        modelSession: d.modelSession,
        run: d.run,
        clockOffset: d.run ? Date.now() - d.run.serverTime : 0,
        assignments: d.assignments,
        progress: Object.fromEntries(d.progress.map((p) => [p.participantId, p])),
        history,
        spotlight: d.spotlight,
        dropped: d.dropped,
        error: null,
      });
    },

    async push(spec) {
      if (!socket) return false;
      const reply = await request(socket, "training:push", { sessionId, spec });
      if (!reply.ok) {
        fail(reply.error);
        return false;
      }
      set({ modelSession: reply.data.modelSession, run: reply.data.run, error: null });
      return true;
    },
    async control(action) {
      if (!socket) return;
      const reply = await request(socket, "training:control", { sessionId, action });
      if (reply.ok) set({ run: reply.data.run, clockOffset: Date.now() - reply.data.run.serverTime, error: null });
      else fail(reply.error);
    },
    async assign(participantId, groupId) {
      if (!socket) return;
      const reply = await request(socket, "training:assign", { sessionId, participantId, groupId });
      if (reply.ok) set({ assignments: reply.data.assignments });
      else fail(reply.error);
    },
    async share(participantId) {
      if (!socket) return;
      const reply = await request(socket, "training:shareCheckpoint", { sessionId, participantId });
      set({ error: reply.ok ? null : reply.error });
    },
    async shareOwnModel(weights) {
      if (!socket) return null;
      const uploaded = await callApi("uploadInstructorModel", { params: { sessionId }, body: { weights: toBase64(weights) } });
      if (!uploaded.ok) {
        set({ error: uploaded.error });
        return null;
      }
      const shared = await request(socket, "training:shareInstructorModel", { sessionId, modelId: uploaded.data.model.id });
      set({ error: shared.ok ? null : shared.error });
      return shared.ok ? uploaded.data.model : null;
    },
    async setSpotlight(participantId) {
      if (!socket) return;
      const reply = await request(socket, "training:spotlight", { sessionId, participantId });
      if (reply.ok) set({ spotlight: reply.data.spotlight });
      else fail(reply.error);
    },
  };
});

/** Bytes as base64, in chunks (String.fromCharCode takes a bounded number of arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Running time on the server's clock, seen from here (ms). */
export function elapsedNow(run: RunState, clockOffset: number, now = Date.now()): number {
  return run.elapsedMs + (run.status === "running" ? now - clockOffset - run.serverTime : 0);
}
