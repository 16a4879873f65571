/**
 * `npm run bench:upload`: a class submitting at once. For each weight file (the lecture preset
 * and LSTM-256 × 2) and class size (30, 100): a fresh server process
 * (scripts/bench/serverProcess.ts, its own event loop), that many students joined to a round of
 * that configuration, each holding a ticket; then every student POSTs its submission at the same
 * moment. Measures the time from the start to each acknowledgement (the stored row), and the
 * server's event-loop lag p99 and longest stall over the burst. Prints one JSON line per case:
 *   {"preset":"lecture","uploads":30,"bytes":…,"retried":…,"ackP99Ms":…,"loopLagP99Ms":…,"maxStallMs":…}
 * (`retried`: uploads refused RATE_LIMITED and sent again, as the browser does.)
 *
 *   npm run bench:upload              # both presets, 30 and 100 students
 *   npm run bench:upload -- 30        # one class size
 *   BENCH_ONLY=lecture npm run bench:upload   # one preset
 * Figures depend heavily on what else runs on the machine: note its load with the result.
 */
import { io, type Socket } from "socket.io-client";
import { DEFAULT_CONFIG, type CharRNNConfig } from "../lib/engine/config";
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from "../lib/protocol/events";
import { ApiClient, request } from "../test/helpers/clients";
import { newKey, submit, weightsFor } from "../test/helpers/leaderboard";
import { reconnectDelayMs } from "../app/lib/reconnect";
import { BenchServer, percentile, round } from "./bench/stats";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const PRESETS: { name: string; config: CharRNNConfig }[] = [
  { name: "lecture", config: { ...DEFAULT_CONFIG } },
  { name: "lstm-256x2", config: { ...DEFAULT_CONFIG, hiddenSize: 256, layers: 2 } },
];
const SIZES = Number(process.argv[2]) > 0 ? [Number(process.argv[2])] : [30, 100];

function connect(url: string, cookie?: string): Promise<Client> {
  const socket: Client = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function must<T>(reply: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}

async function run(preset: (typeof PRESETS)[number], uploads: number) {
  const weights = await weightsFor(preset.config, { variant: 1 });
  const server = await BenchServer.start();
  const sockets: Client[] = [];
  try {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email: "bench-upload@school.kr", password: "bench password", displayName: "Bench" } });
    const { class: created } = await api.ok("createClass", { body: { name: "bench", roster: "" } });
    const { session } = await api.ok("startSession", { params: { classId: created.id } });
    const consoleSocket = await connect(server.url, api.cookie);
    sockets.push(consoleSocket);
    must(await request(consoleSocket, "instructor:attach", { sessionId: session.id }));
    for (let i = 0; i < uploads; i++) {
      const socket = await connect(server.url);
      sockets.push(socket);
      must(await request(socket, "session:join", { code: session.code, identity: { kind: "guest", nickname: `student${i}` } }));
    }
    const spec = { corpus: "tinyshakespeare", config: preset.config, budgetMinutes: 10, temperature: 0.8, studentKnobs: [], groups: [] };
    const modelSessionId = must(await request(consoleSocket, "training:push", { sessionId: session.id, spec })).modelSession.id;
    must(await request(consoleSocket, "training:control", { sessionId: session.id, action: "start" }));
    const students = sockets.slice(1);
    const tickets = await Promise.all(students.map(async (s) => must(await request(s, "submission:ticket", { modelSessionId })).ticket));

    await server.resetStats();
    const start = performance.now();
    let retried = 0;
    const acks = await Promise.all(
      students.map(async (s, i) => {
        // As the browser does (app/leaderboard/submitModel.ts): a class behind one address may be
        // told RATE_LIMITED (W14: at most LARGE_BODIES_PER_IP bodies at once); it sends the same
        // upload again, same key, after the same back-off.
        const idempotencyKey = newKey();
        for (let attempt = 0; ; attempt++) {
          const sent = await submit(server.url, s, modelSessionId, weights, { ticket: tickets[i], idempotencyKey });
          if (sent.reply.ok) return performance.now() - start;
          if (sent.reply.error.code !== "RATE_LIMITED") throw new Error(`upload refused: ${JSON.stringify(sent.reply.error)}`);
          retried++;
          await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt, Math.random())));
        }
      }),
    );
    const stats = await server.stats();
    return {
      preset: preset.name,
      uploads,
      bytes: weights.byteLength,
      retried,
      ackP50Ms: round(percentile(acks, 50)),
      ackP99Ms: round(percentile(acks, 99)),
      loopLagP99Ms: round(stats.loopLagP99Ms),
      maxStallMs: round(stats.loopLagMaxMs),
    };
  } finally {
    for (const s of sockets) s.close();
    await server.stop();
  }
}

for (const preset of process.env.BENCH_ONLY ? PRESETS.filter((p) => p.name === process.env.BENCH_ONLY) : PRESETS) {
  for (const uploads of SIZES) console.log(JSON.stringify(await run(preset, uploads)));
}
