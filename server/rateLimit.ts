/**
 * Rate limiting: a token bucket per key (socket id, IP, email), in memory of this process.
 * Limits with their units and reasons live in server/limits.ts.
 */
export interface BucketLimit {
  /** Tokens the bucket holds when full: the burst allowed. */
  burst: number;
  /** Tokens added per second: the sustained rate allowed. */
  perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: BucketLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty (the request should be refused). */
  take(key: string): boolean {
    const bucket = this.refill(key);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return allowed;
  }

  /** Whether `take` would succeed now, without taking (for limits charged only on failure). */
  hasToken(key: string): boolean {
    return this.refill(key).tokens >= 1;
  }

  private refill(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    return bucket;
  }

  /** Gives back a token taken for a request that turned out not to count (a login reserved before hashing, then correct). */
  refund(key: string): void {
    const bucket = this.refill(key);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + 1);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Drop buckets that have refilled completely: they carry no information. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
