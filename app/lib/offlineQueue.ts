/**
 * What a student does while their seat is not live (the socket is down, or back but not rejoined
 * yet): answers and votes wait here, one per key — a newer action with the same key replaces the
 * older one — and go out in order right after the next successful rejoin. Sent before the rejoin
 * they were refused (issue 16 §3: an unbound socket may not answer). A request that got no reply
 * because the connection dropped under it waits for the rejoin too; the server makes the resend
 * harmless (an answer sent twice counts once, lib/quiz/SPEC.md Q8a; a vote is an upsert, L8).
 */
import type { Reply } from "../../lib/protocol/errors";
import { NO_ANSWER } from "./socket";

type Send = () => Promise<Reply<unknown>>;

interface Waiting {
  send: Send;
  resolvers: ((reply: Reply<unknown>) => void)[];
}

/** The reply `request()` gives when no acknowledgement came back (app/lib/socket.ts). */
const isLost = (reply: Reply<unknown>) => reply === NO_ANSWER;

export class OfflineQueue {
  private readonly waiting = new Map<string, Waiting>();
  private seated = false;

  /** `onChange` gets the keys waiting (the page says "will be sent when reconnected" for them). */
  constructor(private readonly onChange: (keys: string[]) => void) {}

  /** Sends now when seated; otherwise (or when the connection dropped under it) after the next rejoin. */
  send<T>(key: string, send: () => Promise<Reply<T>>): Promise<Reply<T>> {
    return new Promise((resolve) => {
      const resolver = resolve as (reply: Reply<unknown>) => void;
      if (this.seated) void this.attempt(key, send, [resolver]);
      else this.wait(key, send, [resolver]);
    });
  }

  /** The seat is live again (a rejoin succeeded): send everything that waited, in order. */
  seatedAgain(): void {
    this.seated = true;
    const due = [...this.waiting];
    this.waiting.clear();
    this.changed();
    for (const [key, { send, resolvers }] of due) void this.attempt(key, send, resolvers);
  }

  /** The connection dropped: new actions wait. */
  unseated(): void {
    this.seated = false;
  }

  private async attempt(key: string, send: Send, resolvers: Waiting["resolvers"]) {
    const reply = await send();
    if (isLost(reply) && !this.seated) return this.wait(key, send, resolvers);
    for (const resolve of resolvers) resolve(reply);
  }

  private wait(key: string, send: Send, resolvers: Waiting["resolvers"]) {
    const earlier = this.waiting.get(key);
    this.waiting.delete(key); // re-inserted last: the newest action goes out last
    this.waiting.set(key, { send, resolvers: [...(earlier?.resolvers ?? []), ...resolvers] });
    this.changed();
  }

  private changed() {
    this.onChange([...this.waiting.keys()]);
  }
}
