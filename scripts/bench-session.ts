/**
 * `npm run bench:session`: one server process, N simulated students (socket.io-client, no tfjs)
 * sending 1 Hz telemetry, and an instructor who pushes, pauses and resumes. Reports, per N:
 * the delay from the instructor's push/pause to its arrival at every student (p50/p99), the
 * server's event-loop lag p99, RSS and CPU. Ends with one JSON line per N.
 *
 *   npm run bench:session                # N = 50, 300, 1000
 *   npm run bench:session -- 50 300      # chosen sizes
 */
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from "../lib/protocol/events";
import { ApiClient, request } from "../test/helpers/clients";
import { telemetry, tinySpec } from "../test/helpers/training";
import { BenchServer, percentile, round } from "./bench/stats";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const STUDENT_COUNTS = sizes.length ? sizes : [50, 300, 1000];
const FANOUT_ROUNDS = 8; // pause/resume pairs measured per N
const CONNECT_BATCH = 50;
const STEADY_STATE_MS = 4000; // telemetry only, inside the measured window

function connect(url: string): Promise<Client> {
  const socket: Client = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION } });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function runOnce(students: number) {
  const server = await BenchServer.start();
  const api = new ApiClient(server.url);
  await api.ok("signup", { body: { email: "bench@school.kr", password: "bench password", displayName: "Bench" } });
  const { class: created } = await api.ok("createClass", { body: { name: "bench", roster: "" } });
  const { session } = await api.ok("startSession", { params: { classId: created.id } });
  const consoleSocket: Client = io(server.url, {
    transports: ["websocket"],
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie: api.cookie ?? "" },
  });
  await new Promise((resolve) => consoleSocket.once("connect", () => resolve(null)));
  await request(consoleSocket, "instructor:attach", { sessionId: session.id });
  await request(consoleSocket, "session:guestSeats", { sessionId: session.id, limit: students }); // all students join as guests

  const clients: Client[] = [];
  for (let i = 0; i < students; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, students - i) }, async (_, j) => {
        const socket = await connect(server.url);
        const reply = await request(socket, "session:join", { code: session.code, identity: { kind: "guest", nickname: `student${i + j}` } });
        if (!reply.ok) throw new Error(JSON.stringify(reply.error));
        return socket;
      }),
    );
    clients.push(...batch);
  }

  const pushed = await request(consoleSocket, "training:push", { sessionId: session.id, spec: tinySpec() });
  if (!pushed.ok) throw new Error(JSON.stringify(pushed.error));
  const modelSessionId = pushed.data.modelSession.id;
  await request(consoleSocket, "training:control", { sessionId: session.id, action: "start" });

  // 1 Hz telemetry from every student, spread evenly over the second.
  let step = 0;
  const timers = clients.map((socket, i) =>
    setTimeout(
      () => {
        const interval = setInterval(() => socket.emit("training:report", telemetry(modelSessionId, ++step), () => undefined), 1000);
        timers.push(interval as unknown as NodeJS.Timeout);
      },
      (i * 1000) / clients.length,
    ),
  );
  /** Time from the instructor's request to the event's arrival at each student. */
  async function fanOut(send: () => void, event: "training:run" | "training:model", until: (payload: unknown) => boolean): Promise<number[]> {
    const start = performance.now();
    const arrivals = clients.map(
      (socket) =>
        new Promise<number>((resolve) => {
          const listener = (payload: unknown) => {
            if (!until(payload)) return;
            (socket as unknown as { off(e: string, l: (p: unknown) => void): void }).off(event, listener);
            resolve(performance.now() - start);
          };
          (socket as unknown as { on(e: string, l: (p: unknown) => void): void }).on(event, listener);
        }),
    );
    send();
    return Promise.all(arrivals);
  }

  const pauseResume = async () => {
    const delays: number[] = [];
    for (const [action, status] of [
      ["pause", "paused"],
      ["resume", "running"],
    ] as const) {
      delays.push(
        ...(await fanOut(
          () => consoleSocket.emit("training:control", { sessionId: session.id, action }, () => undefined),
          "training:run",
          (p) => (p as { status: string }).status === status,
        )),
      );
    }
    return delays;
  };
  // Warm up (first queries of each shape, JIT), then measure a steady state of 1 Hz telemetry
  // with the instructor's pauses, resumes and a push in it.
  await pauseResume();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await server.resetStats();
  await new Promise((resolve) => setTimeout(resolve, STEADY_STATE_MS));
  const delays: number[] = [];
  for (let round = 0; round < FANOUT_ROUNDS; round++) {
    delays.push(...(await pauseResume()));
    await new Promise((resolve) => setTimeout(resolve, 250)); // spread the rounds over the telemetry
  }
  delays.push(
    ...(await fanOut(
      () => consoleSocket.emit("training:push", { sessionId: session.id, spec: tinySpec({ budgetMinutes: 20 }) }, () => undefined),
      "training:model",
      () => true,
    )),
  );
  const stats = await server.stats();

  for (const t of timers) clearTimeout(t);
  for (const t of timers) clearInterval(t);
  for (const socket of clients) socket.close();
  consoleSocket.close();
  await server.stop();
  return {
    students,
    fanoutP50Ms: round(percentile(delays, 50)),
    fanoutP99Ms: round(percentile(delays, 99)),
    loopLagP99Ms: round(stats.loopLagP99Ms),
    rssMb: round(stats.rssMb),
    cpuPercent: round(stats.cpuPercent),
  };
}

const results = [];
for (const n of STUDENT_COUNTS) {
  console.error(`[bench:session] ${n} students…`);
  results.push(await runOnce(n));
}
console.log("\nstudents | fan-out p50 ms | fan-out p99 ms | loop lag p99 ms | server RSS MB | server CPU %");
for (const r of results)
  console.log(
    `${String(r.students).padStart(8)} | ${String(r.fanoutP50Ms).padStart(14)} | ${String(r.fanoutP99Ms).padStart(14)} | ${String(r.loopLagP99Ms).padStart(15)} | ${String(r.rssMb).padStart(13)} | ${String(r.cpuPercent).padStart(12)}`,
  );
console.log("");
for (const r of results)
  console.log(JSON.stringify({ students: r.students, fanoutP50Ms: r.fanoutP50Ms, fanoutP99Ms: r.fanoutP99Ms, loopLagP99Ms: r.loopLagP99Ms, rssMb: r.rssMb }));
process.exit(0);
