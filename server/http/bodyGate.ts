/**
 * How many large request bodies one IP may be sending at once (W14 in SECURITY.md). Each large
 * body holds up to several megabytes in memory while it is read, so one machine opening many
 * uploads at once could exhaust the server; a class behind one school NAT still gets
 * LARGE_BODIES_PER_IP in parallel (an upload takes well under a second on a school LAN).
 */
export class BodyGate {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly perIp: number) {}

  /** Reserves a slot for `ip`; returns its release (call once, when the body is read), or null at the limit. */
  enter(ip: string): (() => void) | null {
    const count = this.inFlight.get(ip) ?? 0;
    if (count >= this.perIp) return null;
    this.inFlight.set(ip, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(ip) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(ip);
      else this.inFlight.set(ip, left);
    };
  }
}
