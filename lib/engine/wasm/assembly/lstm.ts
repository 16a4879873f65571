/**
 * One LSTM layer over a whole window, forward and backward, in WebAssembly SIMD (AssemblyScript:
 * `f32`, `v128` and `load<T>(address)` are WebAssembly's own types and memory instructions).
 *
 * The equations are cells.ts's (lecture 02, "LSTM"), gates [i, f, g, o], Keras layout:
 *   z_t = x_t·W + b + h_{t−1}·U                     [B, 4H]   (one-hot x_t: row id_t of W)
 *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
 * and backpropagation through time, t = T−1 … 0, from ∂loss/∂h_t arriving from above (dY):
 *   ∂h = dY_t + δ_{t+1}·Uᵀ           ∂c = ∂h ⊙ o ⊙ (1 − tanh²c_t) + ∂c_{t+1} ⊙ f_{t+1}
 *   δ_t = [∂c ⊙ g ⊙ i(1 − i),  ∂c ⊙ c_{t−1} ⊙ f(1 − f),  ∂c ⊙ i ⊙ (1 − g²),  ∂h ⊙ tanh(c_t) ⊙ o(1 − o)]
 *   ∂U = Σ_t h_{t−1}ᵀ·δ_t    ∂b = Σ_t Σ_rows δ_t    ∂W = Σ_t x_tᵀ·δ_t (one-hot: row id_t += δ_t)    ∂x_t = δ_t·Wᵀ
 * tanh(x) is 2σ(2x) − 1, as in cells.ts.
 *
 * Why a module of its own: on tfjs' WASM backend the same window takes ≈ 2,000 small kernels (each
 * with its own bookkeeping) plus XNNPACK products that repack their operands every call; here it is
 * two calls. The caller (lib/engine/wasm/layer.ts) lays the arrays out in this module's memory and
 * passes their byte addresses; rows are time-major (row t·B + b), every matrix row-major.
 */

// ── Matrix product ──────────────────────────────────────────────────────────────────────────
/**
 * C[M, N] = A·B, or C += A·B when `accumulate`. A's element (m, k) is at a + 4·(m·sam + k·sak), so
 * the same code reads A or Aᵀ; B and C are row-major with row lengths ldb, ldc.
 * Blocks of 4 rows × 8 columns of C stay in eight SIMD registers while k runs; the block's 8 columns
 * of B (one 32-byte line per k) stay in the first-level cache while the rows run.
 */
export function gemm(M: i32, N: i32, K: i32, a: usize, sam: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, accumulate: bool): void {
  const M4 = M & ~3;
  const N8 = N & ~7;
  const sk = (<usize>sak) << 2;
  const sb = (<usize>ldb) << 2;
  const sc = (<usize>ldc) << 2;
  for (let j = 0; j < N8; j += 8) {
    for (let i = 0; i < M4; i += 4) {
      const a0 = a + ((<usize>(i * sam)) << 2);
      const a1 = a0 + ((<usize>sam) << 2);
      const a2 = a1 + ((<usize>sam) << 2);
      const a3 = a2 + ((<usize>sam) << 2);
      let c00 = f32x4.splat(0);
      let c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0);
      let c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0);
      let c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0);
      let c31 = f32x4.splat(0);
      let bp = b + ((<usize>j) << 2);
      let ak: usize = 0;
      for (let k = 0; k < K; k++) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let s = f32x4.splat(load<f32>(a0 + ak));
        c00 = f32x4.add(c00, f32x4.mul(s, b0));
        c01 = f32x4.add(c01, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(a1 + ak));
        c10 = f32x4.add(c10, f32x4.mul(s, b0));
        c11 = f32x4.add(c11, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(a2 + ak));
        c20 = f32x4.add(c20, f32x4.mul(s, b0));
        c21 = f32x4.add(c21, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(a3 + ak));
        c30 = f32x4.add(c30, f32x4.mul(s, b0));
        c31 = f32x4.add(c31, f32x4.mul(s, b1));
        bp += sb;
        ak += sk;
      }
      const cp = c + ((<usize>(i * ldc + j)) << 2);
      storeBlock(cp, c00, c01, accumulate);
      storeBlock(cp + sc, c10, c11, accumulate);
      storeBlock(cp + 2 * sc, c20, c21, accumulate);
      storeBlock(cp + 3 * sc, c30, c31, accumulate);
    }
  }
  // Rows past the last block of 4, and columns past the last block of 8: one element at a time.
  for (let i = 0; i < M; i++) {
    for (let j = i < M4 ? N8 : 0; j < N; j++) {
      let sum: f32 = 0;
      for (let k = 0; k < K; k++) sum += load<f32>(a + ((<usize>(i * sam + k * sak)) << 2)) * load<f32>(b + ((<usize>(k * ldb + j)) << 2));
      const cp = c + ((<usize>(i * ldc + j)) << 2);
      store<f32>(cp, accumulate ? load<f32>(cp) + sum : sum);
    }
  }
}

function storeBlock(cp: usize, lo: v128, hi: v128, accumulate: bool): void {
  if (accumulate) {
    lo = f32x4.add(lo, v128.load(cp));
    hi = f32x4.add(hi, v128.load(cp, 16));
  }
  v128.store(cp, lo);
  v128.store(cp, hi, 16);
}

/**
 * C [M, N] = Aᵀ·B for A [K, M] (row length lda) and B [K, N]: a sum over K rows (all N = T·B time
 * steps), cut into chunks whose rows of A and B stay in the second-level cache.
 */
function gemmTransposedA(M: i32, N: i32, K: i32, a: usize, lda: i32, b: usize, ldb: i32, c: usize): void {
  const CHUNK = 128;
  for (let k0 = 0; k0 < K; k0 += CHUNK) {
    const k = min(CHUNK, K - k0);
    gemm(M, N, k, a + ((<usize>(k0 * lda)) << 2), 1, lda, b + ((<usize>(k0 * ldb)) << 2), ldb, c, N, k0 > 0);
  }
}

/** dst [cols, rows] = srcᵀ, src [rows, cols]. */
export function transpose(src: usize, rows: i32, cols: i32, dst: usize): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) store<f32>(dst + ((<usize>(c * rows + r)) << 2), load<f32>(src + ((<usize>(r * cols + c)) << 2)));
  }
}

// ── Activations, four lanes at a time ─────────────────────────────────────────────────────────
/**
 * eˣ (Cephes' expf: x = n·ln 2 + r, |r| ≤ ½ ln 2, a degree-6 polynomial in r, scaled by 2ⁿ through
 * the exponent bits); x is clamped to [−87.3, 88.3], where 2ⁿ is a normal float.
 */
function exp4(x: v128): v128 {
  x = f32x4.min(f32x4.max(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.add(r, f32x4.mul(n, f32x4.splat(2.1219444e-4)));
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.mul(f32x4.mul(p, r), r), f32x4.add(r, f32x4.splat(1)));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

/** σ(x) = 1 / (1 + e^−x). */
function sigmoid4(x: v128): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), exp4(f32x4.neg(x))));
}

/** tanh(x) = 2σ(2x) − 1. */
function tanh4(x: v128): v128 {
  return f32x4.sub(f32x4.mul(sigmoid4(f32x4.add(x, x)), f32x4.splat(2)), f32x4.splat(1));
}

/** v(1 − v): σ′ through σ's output. */
function sigmoidSlope4(v: v128): v128 {
  return f32x4.mul(v, f32x4.sub(f32x4.splat(1), v));
}

/** 1 − v²: tanh′ through tanh's output. */
function tanhSlope4(v: v128): v128 {
  return f32x4.sub(f32x4.splat(1), f32x4.mul(v, v));
}

// ── The layer ───────────────────────────────────────────────────────────────────────────────
/**
 * Forward over T steps (H a multiple of 4). Inputs: dense x [N, D] with W [D, 4H] (D > 0), or one-hot
 * ids [N] (int32) with W [V, 4H] (D = 0); bias [4H]; U [H, 4H]; hs and cs hold h_{−1}, c_{−1} in
 * their first B rows. Outputs: hs rows B … B + N − 1 = h_0 … h_{T−1} (cs likewise), gates [N, 4H] =
 * the activations [i, f, g, o], tanhC [N, H] = tanh(c_t) (kept for the backward pass).
 */
export function lstmForward(
  T: i32,
  B: i32,
  H: i32,
  D: i32,
  x: usize,
  ids: usize,
  W: usize,
  bias: usize,
  U: usize,
  hs: usize,
  cs: usize,
  gates: usize,
  tanhC: usize,
): void {
  const G = 4 * H;
  const gateRow = (<usize>G) << 2;
  const hRow = (<usize>H) << 2;
  for (let t = 0; t < T; t++) {
    const r0 = t * B;
    const z = gates + <usize>r0 * gateRow;
    // z = b (+ row id of W), then + x_t·W, then + h_{t−1}·U
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      memory.copy(zb, bias, gateRow);
      if (D === 0) {
        const row = W + <usize>load<i32>(ids + ((<usize>(r0 + b)) << 2)) * gateRow;
        for (let k: usize = 0; k < gateRow; k += 16) v128.store(zb + k, f32x4.add(v128.load(zb + k), v128.load(row + k)));
      }
    }
    if (D > 0) gemm(B, G, D, x + ((<usize>(r0 * D)) << 2), D, 1, W, G, z, G, true);
    gemm(B, G, H, hs + <usize>r0 * hRow, H, 1, U, G, z, G, true);
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const prev = <usize>(r0 + b) * hRow;
      const next = prev + <usize>B * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const i = sigmoid4(v128.load(zb + j));
        const f = sigmoid4(v128.load(zb + hRow + j));
        const g = tanh4(v128.load(zb + 2 * hRow + j));
        const o = sigmoid4(v128.load(zb + 3 * hRow + j));
        const c = f32x4.add(f32x4.mul(f, v128.load(cs + prev + j)), f32x4.mul(i, g));
        const tc = tanh4(c);
        v128.store(zb + j, i);
        v128.store(zb + hRow + j, f);
        v128.store(zb + 2 * hRow + j, g);
        v128.store(zb + 3 * hRow + j, o);
        v128.store(cs + next + j, c);
        v128.store(tanhC + prev + j, tc);
        v128.store(hs + next + j, f32x4.mul(o, tc));
      }
    }
  }
}

/**
 * Backward over T steps, after lstmForward with the same arrays. dY [N, H] = ∂loss/∂h_t; UT [4H, H],
 * dh and dc [B, H] are scratch. Turns `gates` into δ [N, 4H] (the gradient of the pre-activations z)
 * and writes dU [H, 4H], db [4H], dW ([D, 4H], or [V, 4H] for one-hot with V = vocab), and dx [N, D]
 * when dx ≠ 0 (dense input; WT [4H, D] is scratch then).
 */
export function lstmBackward(
  T: i32,
  B: i32,
  H: i32,
  D: i32,
  vocab: i32,
  x: usize,
  ids: usize,
  W: usize,
  U: usize,
  hs: usize,
  cs: usize,
  gates: usize,
  tanhC: usize,
  dY: usize,
  UT: usize,
  dh: usize,
  dc: usize,
  dU: usize,
  db: usize,
  dW: usize,
  dx: usize,
  WT: usize,
): void {
  const G = 4 * H;
  const N = T * B;
  const gateRow = (<usize>G) << 2;
  const hRow = (<usize>H) << 2;
  transpose(U, H, G, UT);
  memory.fill(dh, 0, <usize>B * hRow);
  memory.fill(dc, 0, <usize>B * hRow);
  for (let t = T - 1; t >= 0; t--) {
    const r0 = t * B;
    for (let b = 0; b < B; b++) {
      const zb = gates + <usize>(r0 + b) * gateRow;
      const row = <usize>(r0 + b) * hRow;
      const carried = <usize>b * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const i = v128.load(zb + j);
        const f = v128.load(zb + hRow + j);
        const g = v128.load(zb + 2 * hRow + j);
        const o = v128.load(zb + 3 * hRow + j);
        const tc = v128.load(tanhC + row + j);
        const dht = f32x4.add(v128.load(dY + row + j), v128.load(dh + carried + j));
        const dct = f32x4.add(f32x4.mul(f32x4.mul(dht, o), tanhSlope4(tc)), v128.load(dc + carried + j));
        v128.store(dc + carried + j, f32x4.mul(dct, f));
        v128.store(zb + j, f32x4.mul(f32x4.mul(dct, g), sigmoidSlope4(i)));
        v128.store(zb + hRow + j, f32x4.mul(f32x4.mul(dct, v128.load(cs + row + j)), sigmoidSlope4(f)));
        v128.store(zb + 2 * hRow + j, f32x4.mul(f32x4.mul(dct, i), tanhSlope4(g)));
        v128.store(zb + 3 * hRow + j, f32x4.mul(f32x4.mul(dht, tc), sigmoidSlope4(o)));
      }
    }
    // ∂h carried to step t − 1: δ_t·Uᵀ
    if (t > 0) gemm(B, H, G, gates + <usize>r0 * gateRow, G, 1, UT, H, dh, H, false);
  }
  gemmTransposedA(H, G, N, hs, H, gates, G, dU);
  memory.fill(db, 0, gateRow);
  for (let r = 0; r < N; r++) {
    const zr = gates + <usize>r * gateRow;
    for (let k: usize = 0; k < gateRow; k += 16) v128.store(db + k, f32x4.add(v128.load(db + k), v128.load(zr + k)));
  }
  if (D === 0) {
    memory.fill(dW, 0, <usize>vocab * gateRow);
    for (let r = 0; r < N; r++) {
      const zr = gates + <usize>r * gateRow;
      const wr = dW + <usize>load<i32>(ids + ((<usize>r) << 2)) * gateRow;
      for (let k: usize = 0; k < gateRow; k += 16) v128.store(wr + k, f32x4.add(v128.load(wr + k), v128.load(zr + k)));
    }
    return;
  }
  gemmTransposedA(D, G, N, x, D, gates, G, dW);
  if (dx !== 0) {
    transpose(W, D, G, WT);
    gemm(N, D, G, gates, G, 1, WT, D, dx, D, false);
  }
}
