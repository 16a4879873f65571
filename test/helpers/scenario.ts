/** Building blocks for session scenarios: an instructor with a class and a live session. */
import { ApiClient, connectClient, request, type TestSocket } from "./clients";
import type { TestServer } from "./server";

let counter = 0;

export interface InstructorScenario {
  api: ApiClient;
  classId: string;
  sessionId: string;
  code: string;
  /** Roster students by name. */
  students: Record<string, string>;
  /** The instructor's attached console socket. */
  console: TestSocket;
}

export async function instructorWithSession(server: Pick<TestServer, "url">, roster = "김민지\nLee Jun\n박서연"): Promise<InstructorScenario> {
  const api = new ApiClient(server.url);
  await api.ok("signup", { body: { email: `teacher${++counter}-${process.pid}@school.kr`, password: "correct horse battery", displayName: "선생님" } });
  const { class: created } = await api.ok("createClass", { body: { name: "2학년 3반", roster } });
  const { session } = await api.ok("startSession", { params: { classId: created.id } });
  const consoleSocket = await connectClient(server.url, { cookie: api.cookie });
  const attached = await request(consoleSocket, "instructor:attach", { sessionId: session.id });
  if (!attached.ok) throw new Error(`attach failed: ${JSON.stringify(attached.error)}`);
  return {
    api,
    classId: created.id,
    sessionId: session.id,
    code: session.code,
    students: Object.fromEntries(created.students.map((s) => [s.name, s.id])),
    console: consoleSocket,
  };
}

export interface JoinedStudent {
  socket: TestSocket;
  participantId: string;
  token: string;
}

export async function joinAsRoster(server: TestServer, code: string, rosterStudentId: string): Promise<JoinedStudent> {
  const socket = await connectClient(server.url);
  const reply = await request(socket, "session:join", { code, identity: { kind: "roster", rosterStudentId } });
  if (!reply.ok) throw new Error(`join failed: ${JSON.stringify(reply.error)}`);
  return { socket, participantId: reply.data.snapshot.you.participantId, token: reply.data.rejoinToken };
}

export async function joinAsGuest(server: Pick<TestServer, "url">, code: string, nickname: string): Promise<JoinedStudent> {
  const socket = await connectClient(server.url);
  const reply = await request(socket, "session:join", { code, identity: { kind: "guest", nickname } });
  if (!reply.ok) throw new Error(`join failed: ${JSON.stringify(reply.error)}`);
  return { socket, participantId: reply.data.snapshot.you.participantId, token: reply.data.rejoinToken };
}
