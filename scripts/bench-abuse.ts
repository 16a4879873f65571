/**
 * `npm run bench:abuse`: one classroom behind one school address under one flooding client (SS4).
 * The server runs in its own process on loopback; every client below comes from 127.0.0.1, as a
 * class behind a NAT does. 300 roster students join and train (1 Hz telemetry); then an attacker
 * on the same address opens as many sockets as the server lets it (up to ATTACK_SOCKETS), and
 * from each floods session:join with guessed codes, grabs guest seats and sends junk requests;
 * meanwhile it posts 1 MB uploads with forged tickets, UPLOADS_IN_FLIGHT at a time.
 * Measured during the flood: the honest students' request round trip (training:report ack) p99,
 * the server's event-loop lag p99 and its longest stall, the sockets the attacker got, the guest
 * seats it took. The baseline, from the same run: the honest p99 over a window of the class alone
 * just before the flood (the ratio says what the flood adds). The honest clients' own event-loop
 * lag is printed too: a round trip that waited in this process would count against the server.
 * The attacker runs in a process of its own (this script, forked with BENCH_ABUSE_ATTACKER): in
 * one process, the honest clients' acknowledgements waited behind the tens of thousands of the
 * attacker's replies in the load generator's own event loop, which no real student's device does.
 * Bounded: about a minute; loopback only. Prints one JSON line.
 */
import { fork } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, JOIN_CODE_ALPHABET, type ClientToServerEvents, type ServerToClientEvents } from "../lib/protocol/events";
import { ApiClient, request } from "../test/helpers/clients";
import { postUpload } from "../test/helpers/leaderboard";
import { encodeUploadBody } from "../lib/protocol/leaderboard";
import { telemetry, tinySpec } from "../test/helpers/training";
import { BenchServer, percentile, round } from "./bench/stats";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const STUDENTS = 300;
const GUEST_SEATS = 10; // the instructor expects a few visitors
const ATTACK_SOCKETS = 2_000; // more than the server allows one address
const FLOOD_PER_SOCKET = 30; // requests each attacker socket sends at once (the review's 150 × 30)
const FLOOD_MS = 15_000; // the measured window
const BASELINE_MS = 5_000; // the class alone, just before the flood (one database write of the class's progress)
const CONNECT_BATCH = 50;
const UPLOAD_FLOOD = 400; // forged uploads: more than the per-address upload limit's burst
const UPLOAD_BYTES = 1024 * 1024;
const UPLOADS_IN_FLIGHT = 20;

function connect(url: string, cookie?: string): Promise<Client | null> {
  const socket: Client = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: cookie ? { cookie } : undefined,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", () => {
      socket.close();
      resolve(null);
    });
  });
}

const must = <T>(socket: T | null): T => {
  if (!socket) throw new Error("an honest client could not connect");
  return socket;
};
const guessedCode = (n: number) =>
  "ZZ" + [0, 1, 2, 3].map((d) => JOIN_CODE_ALPHABET[Math.floor(n / JOIN_CODE_ALPHABET.length ** d) % JOIN_CODE_ALPHABET.length]).join("");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The attacker's process: connects in batches and floods from each batch as soon as it is connected. */
async function runAttacker(url: string, code: string, sessionId: string): Promise<never> {
  const attackers: Client[] = [];
  let attackerRequests = 0;
  let flooding = true;
  process.on("message", () => (flooding = false)); // the window closed
  const floodFrom = (batch: Client[], first: number) =>
    batch.forEach((socket, s) => {
      for (let k = 0; k < FLOOD_PER_SOCKET; k++) {
        const n = (first + s) * FLOOD_PER_SOCKET + k;
        attackerRequests++;
        if (k % 3 === 0) void request(socket, "session:join", { code: guessedCode(n), identity: { kind: "guest", nickname: "guess" } });
        else if (k % 3 === 1) void request(socket, "session:join", { code, identity: { kind: "guest", nickname: `bot ${n}` } });
        else void request(socket, "training:classSync", { sessionId });
      }
    });
  // Uploads with a forged ticket and a junk body, bounded in flight like a browser's connection pool.
  const uploadStatuses: Record<string, number> = {};
  const junk = encodeUploadBody({ token: "forged", round: 0, idempotencyKey: "forged" }, new Uint8Array(UPLOAD_BYTES));
  let uploadsSent = 0;
  const uploader = async () => {
    while (flooding && uploadsSent < UPLOAD_FLOOD) {
      uploadsSent++;
      const status = await postUpload(url, junk).then(
        (r) => String(r.status),
        () => "failed",
      );
      uploadStatuses[status] = (uploadStatuses[status] ?? 0) + 1;
    }
  };
  const uploads = Promise.all(Array.from({ length: UPLOADS_IN_FLIGHT }, uploader));
  for (let i = 0; i < ATTACK_SOCKETS && flooding; i += CONNECT_BATCH) {
    const batch = (await Promise.all(Array.from({ length: CONNECT_BATCH }, () => connect(url)))).filter((s): s is Client => s !== null);
    floodFrom(batch, attackers.length);
    attackers.push(...batch);
    if (batch.length < CONNECT_BATCH) break; // the server refuses more sockets from this address
  }
  while (flooding) await sleep(100);
  await uploads;
  process.send!({ attackerSockets: attackers.length, attackerRequests, attackerUploads: uploadStatuses });
  for (const socket of attackers) socket.close();
  process.exit(0);
}

if (process.env.BENCH_ABUSE_ATTACKER) {
  const { url, code, sessionId } = JSON.parse(process.env.BENCH_ABUSE_ATTACKER) as { url: string; code: string; sessionId: string };
  await runAttacker(url, code, sessionId);
}

const server = await BenchServer.start();
const api = new ApiClient(server.url);
await api.ok("signup", { body: { email: "bench@school.kr", password: "bench password abuse", displayName: "Bench" } });
const names = Array.from({ length: STUDENTS }, (_, i) => `student ${String(i).padStart(3, "0")}`).join("\n");
const { class: created } = await api.ok("createClass", { body: { name: "bench", roster: names } });
const { session } = await api.ok("startSession", { params: { classId: created.id } });
const consoleSocket = must(await connect(server.url, api.cookie));
await request(consoleSocket, "instructor:attach", { sessionId: session.id });
await request(consoleSocket, "session:guestSeats", { sessionId: session.id, limit: GUEST_SEATS });

console.error(`[bench:abuse] ${STUDENTS} students join from one address…`);
const students: Client[] = [];
for (let i = 0; i < STUDENTS; i += CONNECT_BATCH) {
  const batch = await Promise.all(
    created.students.slice(i, i + CONNECT_BATCH).map(async (student) => {
      const socket = must(await connect(server.url));
      const reply = await request(socket, "session:join", { code: session.code, identity: { kind: "roster", rosterStudentId: student.id } });
      if (!reply.ok) throw new Error(`honest join refused: ${JSON.stringify(reply.error)}`);
      return socket;
    }),
  );
  students.push(...batch);
}
const pushed = await request(consoleSocket, "training:push", { sessionId: session.id, spec: tinySpec() });
if (!pushed.ok) throw new Error(JSON.stringify(pushed.error));
await request(consoleSocket, "training:control", { sessionId: session.id, action: "start" });

// 1 Hz telemetry from every student, spread over the second; each report's round trip is timed.
let roundTrips: number[] = [];
let measuring = false;
let step = 0;
const timers: NodeJS.Timeout[] = [];
students.forEach((socket, i) =>
  timers.push(
    setTimeout(
      () => {
        timers.push(
          setInterval(() => {
            const sent = performance.now();
            socket.emit("training:report", telemetry(pushed.data.modelSession.id, Math.min(++step, 100)), () => {
              if (measuring) roundTrips.push(performance.now() - sent);
            });
          }, 1000),
        );
      },
      (i * 1000) / students.length,
    ),
  ),
);
await sleep(2000);

console.error("[bench:abuse] the class alone…");
measuring = true;
await sleep(BASELINE_MS);
const baseline = roundTrips;
roundTrips = [];

console.error("[bench:abuse] the attacker opens sockets and floods…");
await server.resetStats();
const generatorLag = monitorEventLoopDelay({ resolution: 10 });
generatorLag.enable();
const attacker = fork(new URL(import.meta.url).pathname, [], {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, BENCH_ABUSE_ATTACKER: JSON.stringify({ url: server.url, code: session.code, sessionId: session.id }) },
});
const attackResult = new Promise<{ attackerSockets: number; attackerRequests: number; attackerUploads: Record<string, number> }>((resolve) =>
  attacker.once("message", resolve as never),
);
await sleep(FLOOD_MS);
measuring = false;
attacker.send("stop");
generatorLag.disable();
const { attackerSockets, attackerRequests, attackerUploads } = await attackResult;
console.error(`[bench:abuse] window closed: ${attackerSockets} attacker sockets, ${roundTrips.length} honest round trips`);
const stats = await server.stats();
const roster = await request(consoleSocket, "instructor:attach", { sessionId: session.id });
const guestSeatsTaken = roster.ok ? roster.data.participants.filter((p) => p.rosterStudentId === null).length : -1;

for (const t of timers) {
  clearTimeout(t);
  clearInterval(t);
}
for (const socket of [...students, consoleSocket]) socket.close();
await server.stop();
console.log(
  JSON.stringify({
    students: STUDENTS,
    attackerSockets,
    attackerRequests,
    attackerUploads,
    honestRequests: roundTrips.length,
    honestP99Ms: round(percentile(roundTrips, 99)),
    honestBaselineP99Ms: round(percentile(baseline, 99)),
    honestP99Ratio: round(percentile(roundTrips, 99) / percentile(baseline, 99), 2),
    loopLagP99Ms: round(stats.loopLagP99Ms),
    loopLagMaxMs: round(stats.loopLagMaxMs),
    generatorLagP99Ms: round(generatorLag.percentile(99) / 1e6),
    guestSeatsTaken,
    note: "server, honest students and attacker: three processes on one machine",
  }),
);
process.exit(0);
