/**
 * R10: presence expires with its process. Presence is asked of Socket.IO (server/realtime/presence.ts),
 * which stops counting a dead process's sockets as soon as Redis drops its connection — but nothing
 * tells the instructors: a process killed with `kill -9` (or stopped) never sends the "disconnect"
 * that would re-send their roster, so its students stayed "connected" on the console.
 *
 * Each process keeps a heartbeat key in Redis that expires PEER_TTL_MS after its last beat, and
 * lists itself in one set. Every beat it reads which processes are alive; when one it saw alive is
 * gone (killed: its key expired), it calls `onGone`, which re-sends the roster of every session
 * whose instructor console is connected to this process. A process that only stalled past the TTL
 * is taken for gone once: the roster is re-sent, which is harmless.
 *
 * A clean stop deletes its key at once, so a process that started and stopped between two of
 * another's beats would never be seen alive, hence never seen gone (this happened: the second
 * process of a test lived less than a beat). So a stopping process also counts itself in a
 * departures counter, and any change of that counter since the last beat means "someone left".
 */
import { randomUUID } from "node:crypto";
import type { RedisClient } from "../redis";
import { PEER_HEARTBEAT_MS, PEER_TTL_MS } from "../limits";

const MEMBERS = "rnn:servers";
const DEPARTURES = "rnn:servers:departures";
const keyOf = (id: string) => `rnn:server:${id}`;

export class PeerWatch {
  readonly id = randomUUID();
  private alive = new Set<string>();
  /** The departures counter as last read; undefined before the first beat. */
  private departures: string | null | undefined;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly onGone: () => void,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.schedule();
  }

  /** The next beat after this one ended (a slow Redis never piles beats up). */
  private schedule(): void {
    this.timer = setTimeout(() => {
      this.beating = this.beat()
        .catch((error: Error) => console.error(`[peers] heartbeat failed: ${error.message}`))
        .finally(() => this.stopped || this.schedule());
    }, PEER_HEARTBEAT_MS);
  }

  /** Leaves the list at once and counts the departure, so the others re-send their rosters within one beat. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.beating;
    await Promise.all([this.redis.del(keyOf(this.id)), this.redis.sRem(MEMBERS, this.id)])
      .then(() => this.redis.incr(DEPARTURES))
      .catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.set(keyOf(this.id), String(process.pid), { PX: PEER_TTL_MS });
    await this.redis.sAdd(MEMBERS, this.id);
    const members = await this.redis.sMembers(MEMBERS);
    const present = members.length ? await this.redis.mGet(members.map(keyOf)) : [];
    const alive = new Set(members.filter((_, i) => present[i] !== null));
    const expired = members.filter((id) => !alive.has(id));
    if (expired.length) await this.redis.sRem(MEMBERS, expired);
    const departures = await this.redis.get(DEPARTURES);
    const killed = [...this.alive].some((id) => !alive.has(id));
    const stopped = this.departures !== undefined && departures !== this.departures;
    this.alive = alive;
    this.departures = departures;
    if (killed || stopped) this.onGone();
  }
}
