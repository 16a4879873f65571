/**
 * A small seeded pseudo-random generator (mulberry32, Tommy Ettinger 2017).
 *
 * Every random choice of the engine — weight initialisation, batch windows,
 * dropout masks, sampling — draws from one of these, so a seed reproduces a
 * run bit for bit in the browser and in Node. Plain 32-bit integer arithmetic:
 * no dependence on the tfjs backend or on Math.random.
 */

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform float in [-limit, limit). */
  uniform(limit: number): number {
    return (this.next() * 2 - 1) * limit;
  }

  /**
   * Independent generator for one purpose (initialisation, batching, dropout…) of a seeded run,
   * so that adding draws to one purpose never shifts the random numbers of another.
   */
  static forStream(seed: number, stream: number): Rng {
    return new Rng(Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35));
  }
}
