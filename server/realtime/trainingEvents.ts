/**
 * Live training requests: the instructor pushes and controls; students sync and report.
 * Decisions are the hub's and server/domain/modelSessions.ts'; this module checks roles,
 * calls them, and sends each audience what changed.
 */
import { AppError } from "../../lib/protocol/errors";
import { ensureAssigned, moveToGroup, pushModelSession, runStateOf } from "../domain/modelSessions";
import { UPLOAD_PREFIX, ownsUpload } from "../domain/uploadedCorpora";
import { corpusExists } from "../domain/corpora";
import { prepareScoringCorpus } from "../domain/scoringCorpora";
import { shareBestModel, shareInstructorModel } from "../domain/checkpoints";
import { onRequest } from "./requests";
import { rooms } from "./rooms";
import type { AppServer, AppSocket, RealtimeContext } from "./context";
import { requireInstructorOf } from "./roles";
import type { TrainingOutlet } from "./trainingHub";

function requireParticipant(socket: AppSocket) {
  const role = socket.data.role;
  if (role.kind !== "participant") throw new AppError("FORBIDDEN", "only students in a session may do this");
  return role;
}

/** The training hub's news to the rooms; with several processes, moves are announced to the others. */
export function trainingOutlet(io: AppServer, crossProcess: boolean): TrainingOutlet {
  return {
    run: (sessionId, run) => io.to(rooms.session(sessionId)).emit("training:run", run),
    spotlight: (sessionId, participantId) => io.to(rooms.session(sessionId)).emit("training:spotlight", { participantId }),
    progress: (sessionId, update) => io.to(rooms.instructors(sessionId)).emit("training:progress", update),
    changed: (sessionId) => {
      if (crossProcess) io.serverSideEmit("training:invalidate", sessionId);
    },
    onChangedElsewhere: (listener) => io.on("training:invalidate", listener),
  };
}

export function registerTrainingEvents(ctx: RealtimeContext, socket: AppSocket): void {
  const { db, io, limiter, training, presence } = ctx;

  onRequest(socket, "training:push", limiter, async ({ sessionId, spec }) => {
    const instructorId = requireInstructorOf(socket, sessionId);
    const known = spec.corpus.startsWith(UPLOAD_PREFIX) ? await ownsUpload(db, instructorId, spec.corpus) : await corpusExists(db, spec.corpus);
    if (!known) throw new AppError("NOT_FOUND", "no such corpus", { "spec.corpus": ["unknown corpus"] });
    const participants = [...(await presence.connectedParticipants(sessionId))];
    const { record, assignments } = await pushModelSession(db, sessionId, spec, participants);
    await prepareScoringCorpus(db, spec.corpus, spec.config.maxVocab);
    await training.replaceModelSession(sessionId, record, assignments);
    io.to(rooms.session(sessionId)).emit("training:model", { modelSession: record.view });
    const run = runStateOf(record, ctx.now());
    io.to(rooms.session(sessionId)).emit("training:run", run);
    for (const [participantId, groupId] of Object.entries(assignments)) {
      io.to(rooms.participant(participantId)).emit("training:group", { modelSessionId: record.view.id, groupId });
    }
    io.to(rooms.instructors(sessionId)).emit("training:assignments", { modelSessionId: record.view.id, assignments });
    return { modelSession: record.view, run };
  });

  onRequest(socket, "training:control", limiter, async ({ sessionId, action }) => {
    requireInstructorOf(socket, sessionId);
    return { run: await training.control(sessionId, action) };
  });

  onRequest(socket, "training:assign", limiter, async ({ sessionId, participantId, groupId }) => {
    requireInstructorOf(socket, sessionId);
    const { record } = await training.session(sessionId);
    if (!record) throw new AppError("CONFLICT", "push a model session first");
    await moveToGroup(db, record, participantId, groupId, sessionId);
    const assignments = await training.setAssignment(sessionId, participantId, groupId);
    io.to(rooms.participant(participantId)).emit("training:group", { modelSessionId: record.view.id, groupId });
    io.to(rooms.instructors(sessionId)).emit("training:assignments", { modelSessionId: record.view.id, assignments });
    return { assignments };
  });

  onRequest(socket, "training:spotlight", limiter, async ({ sessionId, participantId }) => {
    requireInstructorOf(socket, sessionId);
    if (participantId && !(await db.participant.findFirst({ where: { id: participantId, sessionId } }))) {
      throw new AppError("NOT_FOUND", "no such student in this session");
    }
    await training.setSpotlight(sessionId, participantId);
    return { spotlight: participantId };
  });

  onRequest(socket, "training:shareCheckpoint", limiter, async ({ sessionId, participantId }) => {
    requireInstructorOf(socket, sessionId);
    const shared = await shareBestModel(db, ctx.env.SESSION_SECRET, sessionId, participantId, ctx.now());
    await training.noteSharedStep(sessionId, shared.step);
    io.to(rooms.session(sessionId)).emit("training:checkpoint", shared);
    return { submissionId: shared.submissionId, configHash: shared.configHash, step: shared.step };
  });

  onRequest(socket, "training:shareInstructorModel", limiter, async ({ sessionId, modelId }) => {
    const instructorId = requireInstructorOf(socket, sessionId);
    const instructor = await db.instructor.findUnique({ where: { id: instructorId }, select: { displayName: true } });
    const shared = await shareInstructorModel(db, ctx.env.SESSION_SECRET, sessionId, modelId, instructor?.displayName ?? "", ctx.now());
    await training.noteSharedStep(sessionId, shared.step);
    io.to(rooms.session(sessionId)).emit("training:checkpoint", shared);
    return { submissionId: shared.submissionId, configHash: shared.configHash, step: shared.step };
  });

  onRequest(socket, "training:sync", limiter, async () => {
    const { sessionId, participantId } = requireParticipant(socket);
    const { record } = await training.session(sessionId);
    if (!record) return { modelSession: null, run: null, groupId: null };
    const groupId = await ensureAssigned(db, record, participantId);
    if (groupId) {
      const assignments = await training.setAssignment(sessionId, participantId, groupId);
      io.to(rooms.instructors(sessionId)).emit("training:assignments", { modelSessionId: record.view.id, assignments });
    }
    return { modelSession: record.view, run: runStateOf(record, ctx.now()), groupId };
  });

  onRequest(socket, "training:classSync", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    const state = await training.classState(sessionId);
    return {
      modelSession: state.record?.view ?? null,
      run: state.record ? runStateOf(state.record, ctx.now()) : null,
      assignments: state.assignments,
      progress: state.progress,
      history: state.history,
      spotlight: state.spotlight,
      dropped: state.dropped,
    };
  });

  onRequest(socket, "training:report", limiter, async (report) => {
    const { sessionId, participantId } = requireParticipant(socket);
    const reason = await training.report(sessionId, participantId, report);
    return reason ? { accepted: false, reason } : { accepted: true };
  });
}
