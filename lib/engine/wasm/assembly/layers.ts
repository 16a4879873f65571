/**
 * The engine's recurrent layers and its output layer over a whole window, forward and backward, in
 * WebAssembly SIMD (AssemblyScript: `f32`, `v128` and `load<T>(address)` are WebAssembly's own types
 * and memory instructions). Each cell's equations are cells.ts's (lecture 02), written again above
 * its passes below; tanh(x) is 2σ(2x) − 1, as in cells.ts.
 *
 * Why a module of its own: on tfjs' WASM backend the same window takes ≈ 700–2,000 small kernels (each
 * with its own bookkeeping) plus XNNPACK products that repack their operands every call; here it is
 * two calls per layer and one for the output layer. The caller (lib/engine/wasm/layer.ts) lays out
 * all of this module's memory from address 16 and passes the address of one record (Window, Head)
 * of sizes and array addresses; rows are time-major (row t·B + b), every matrix row-major. The module
 * keeps no data of its own: scripts/engineWasm.ts refuses a build with a data segment.
 */

// ── Matrix product ──────────────────────────────────────────────────────────────────────────
/**
 * C[M, N] = A·B, or C += A·B when `accumulate`. A's element (m, k) is at a + 4·(m·sam + k·sak), so
 * the same code reads A or Aᵀ; B and C are row-major with row lengths ldb, ldc.
 * Blocks of 4 rows × 8 columns of C stay in eight SIMD registers while k runs; the block's 8 columns
 * of B (one 32-byte line per k) stay in the first-level cache while the rows run.
 */
function gemm(M: i32, N: i32, K: i32, a: usize, sam: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, accumulate: bool): void {
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
        let s = v128.load32_splat(a0 + ak);
        c00 = f32x4.add(c00, f32x4.mul(s, b0));
        c01 = f32x4.add(c01, f32x4.mul(s, b1));
        s = v128.load32_splat(a1 + ak);
        c10 = f32x4.add(c10, f32x4.mul(s, b0));
        c11 = f32x4.add(c11, f32x4.mul(s, b1));
        s = v128.load32_splat(a2 + ak);
        c20 = f32x4.add(c20, f32x4.mul(s, b0));
        c21 = f32x4.add(c21, f32x4.mul(s, b1));
        s = v128.load32_splat(a3 + ak);
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
 * C [M, N] = Aᵀ·B for A [K, M] and B [K, N] (row lengths lda, ldb, ldc): a sum over K rows (all N = T·B time
 * steps), cut into chunks whose rows of A and B stay in the second-level cache.
 */
function gemmTransposedA(M: i32, N: i32, K: i32, a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32): void {
  const CHUNK = 128;
  for (let k0 = 0; k0 < K; k0 += CHUNK) {
    const k = min(CHUNK, K - k0);
    gemm(M, N, k, a + ((<usize>(k0 * lda)) << 2), 1, lda, b + ((<usize>(k0 * ldb)) << 2), ldb, c, ldc, k0 > 0);
  }
}

/** dst [cols, rows] = srcᵀ, src [rows, cols]. */
function transpose(src: usize, rows: i32, cols: i32, dst: usize): void {
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

// ── The layers ──────────────────────────────────────────────────────────────────────────────
// Every cell has two entry points, forward(at) and backward(at), that read their sizes and the
// addresses of their arrays from a Window the caller wrote at `at` (H a multiple of 4):
//   forward: input dense x [N, D] with W [D, G] (D > 0), or one-hot ids [N] (int32) with W [V, G]
//     (D = 0); bias [G], U [H, G] (G = gates · H, Keras layout and gate order); hs holds h_{−1} in its
//     first B rows, cs c_{−1} (LSTM). Writes hs rows B … B + N − 1 = h_0 … h_{T−1} (cs likewise), and
//     what the backward pass needs: gates [N, G] (each gate's activation) and aux [N, H].
//   backward: after forward with the same arrays; dY [N, H] = ∂loss/∂h_t. Turns `gates` into δ [N, G],
//     the gradient of the pre-activations, and writes dU [H, G], db [G], dW [D or vocab, G], and
//     dx [N, D] when dx ≠ 0. UT [G, H], dh, dc [B, H] and WT [G, D] are scratch.
// Nothing flows back into h_{−1} or c_{−1}: the window's start state is a constant (truncated BPTT).

/** One window: its sizes, then the byte addresses of its arrays (layer.ts writes the fields in this order, as 32-bit integers). */
@unmanaged
class Window {
  T: i32;
  B: i32;
  H: i32;
  /** Input width; 0 for one-hot input. */
  D: i32;
  /** Rows of W for one-hot input. */
  vocab: i32;
  x: usize;
  ids: usize;
  W: usize;
  bias: usize;
  U: usize;
  hs: usize;
  cs: usize;
  gates: usize;
  aux: usize;
  dY: usize;
  UT: usize;
  dh: usize;
  dc: usize;
  dU: usize;
  db: usize;
  dW: usize;
  dx: usize;
  WT: usize;
}

/** Pre-activations' input part of step t's B rows of z: b + x_t·W, or b + row id_t of W (one-hot). */
function projectInputs(t: i32, B: i32, G: i32, D: i32, x: usize, ids: usize, W: usize, bias: usize, z: usize): void {
  const gateRow = (<usize>G) << 2;
  const r0 = t * B;
  for (let b = 0; b < B; b++) {
    const zb = z + <usize>b * gateRow;
    memory.copy(zb, bias, gateRow);
    if (D === 0) {
      const row = W + <usize>load<i32>(ids + ((<usize>(r0 + b)) << 2)) * gateRow;
      for (let k: usize = 0; k < gateRow; k += 16) v128.store(zb + k, f32x4.add(v128.load(zb + k), v128.load(row + k)));
    }
  }
  if (D > 0) gemm(B, G, D, x + ((<usize>(r0 * D)) << 2), D, 1, W, G, z, G, true);
}

/** From δ [N, G]: ∂b = Σ_rows δ, ∂W = xᵀ·δ (one-hot: row id_r of ∂W += δ_r), ∂x = δ·Wᵀ when dx ≠ 0. */
function inputGradients(N: i32, G: i32, D: i32, vocab: i32, x: usize, ids: usize, W: usize, delta: usize, db: usize, dW: usize, dx: usize, WT: usize): void {
  const gateRow = (<usize>G) << 2;
  memory.fill(db, 0, gateRow);
  for (let r = 0; r < N; r++) {
    const dr = delta + <usize>r * gateRow;
    for (let k: usize = 0; k < gateRow; k += 16) v128.store(db + k, f32x4.add(v128.load(db + k), v128.load(dr + k)));
  }
  if (D === 0) {
    memory.fill(dW, 0, <usize>vocab * gateRow);
    for (let r = 0; r < N; r++) {
      const dr = delta + <usize>r * gateRow;
      const wr = dW + <usize>load<i32>(ids + ((<usize>r) << 2)) * gateRow;
      for (let k: usize = 0; k < gateRow; k += 16) v128.store(wr + k, f32x4.add(v128.load(wr + k), v128.load(dr + k)));
    }
    return;
  }
  gemmTransposedA(D, G, N, x, D, delta, G, dW, G);
  if (dx !== 0) {
    transpose(W, D, G, WT);
    gemm(N, D, G, delta, G, 1, WT, D, dx, D, false);
  }
}

/**
 * LSTM, gates [i, f, g, o]:
 *   z_t = x_t·W + b + h_{t−1}·U      i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)                     aux = tanh(c_t)
 */
export function lstmForward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, x = w.x, ids = w.ids, W = w.W, bias = w.bias, U = w.U, hs = w.hs, cs = w.cs, gates = w.gates, aux = w.aux;
  const G = 4 * H;
  const gateRow = (<usize>G) << 2;
  const hRow = (<usize>H) << 2;
  for (let t = 0; t < T; t++) {
    const r0 = t * B;
    const z = gates + <usize>r0 * gateRow;
    projectInputs(t, B, G, D, x, ids, W, bias, z);
    gemm(B, G, H, hs + <usize>r0 * hRow, H, 1, U, G, z, G, true);
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const prev = <usize>(r0 + b) * hRow; // row of step t − 1 in hs and cs, of step t in aux
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
        v128.store(aux + prev + j, tc);
        v128.store(hs + next + j, f32x4.mul(o, tc));
      }
    }
  }
}

/**
 *   ∂h = dY_t + δ_{t+1}·Uᵀ           ∂c = ∂h ⊙ o ⊙ (1 − tanh²c_t) + ∂c_{t+1} ⊙ f_{t+1}
 *   δ_t = [∂c ⊙ g ⊙ i(1 − i),  ∂c ⊙ c_{t−1} ⊙ f(1 − f),  ∂c ⊙ i ⊙ (1 − g²),  ∂h ⊙ tanh(c_t) ⊙ o(1 − o)]
 *   ∂U = Σ_t h_{t−1}ᵀ·δ_t
 */
export function lstmBackward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, vocab = w.vocab, x = w.x, ids = w.ids, W = w.W, U = w.U, hs = w.hs, cs = w.cs, gates = w.gates, aux = w.aux, dY = w.dY, UT = w.UT, dh = w.dh, dc = w.dc, dU = w.dU, db = w.db, dW = w.dW, dx = w.dx, WT = w.WT;
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
        const tc = v128.load(aux + row + j);
        const dht = f32x4.add(v128.load(dY + row + j), v128.load(dh + carried + j));
        const dct = f32x4.add(f32x4.mul(f32x4.mul(dht, o), tanhSlope4(tc)), v128.load(dc + carried + j));
        v128.store(dc + carried + j, f32x4.mul(dct, f));
        v128.store(zb + j, f32x4.mul(f32x4.mul(dct, g), sigmoidSlope4(i)));
        v128.store(zb + hRow + j, f32x4.mul(f32x4.mul(dct, v128.load(cs + row + j)), sigmoidSlope4(f)));
        v128.store(zb + 2 * hRow + j, f32x4.mul(f32x4.mul(dct, i), tanhSlope4(g)));
        v128.store(zb + 3 * hRow + j, f32x4.mul(f32x4.mul(dht, tc), sigmoidSlope4(o)));
      }
    }
    if (t > 0) gemm(B, H, G, gates + <usize>r0 * gateRow, G, 1, UT, H, dh, H, false);
  }
  gemmTransposedA(H, G, N, hs, H, gates, G, dU, G);
  inputGradients(N, G, D, vocab, x, ids, W, gates, db, dW, dx, WT);
}

/**
 * GRU, gates [z, r, h̃], the reset gate before the recurrent product (Keras reset_after = false):
 *   z = σ(x_t·W_z + b_z + h_{t−1}·U_z)     r = σ(x_t·W_r + b_r + h_{t−1}·U_r)      aux = r ⊙ h_{t−1}
 *   h̃ = tanh(x_t·W_h + b_h + (r ⊙ h_{t−1})·U_h)                 h_t = h̃ + z ⊙ (h_{t−1} − h̃)
 */
export function gruForward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, x = w.x, ids = w.ids, W = w.W, bias = w.bias, U = w.U, hs = w.hs, gates = w.gates, aux = w.aux;
  const G = 3 * H;
  const gateRow = (<usize>G) << 2;
  const hRow = (<usize>H) << 2;
  for (let t = 0; t < T; t++) {
    const r0 = t * B;
    const z = gates + <usize>r0 * gateRow;
    const hPrev = hs + <usize>r0 * hRow;
    const rh = aux + <usize>r0 * hRow;
    projectInputs(t, B, G, D, x, ids, W, bias, z);
    gemm(B, 2 * H, H, hPrev, H, 1, U, G, z, G, true); // z and r see h_{t−1}
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const row = <usize>b * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const zt = sigmoid4(v128.load(zb + j));
        const r = sigmoid4(v128.load(zb + hRow + j));
        v128.store(zb + j, zt);
        v128.store(zb + hRow + j, r);
        v128.store(rh + row + j, f32x4.mul(r, v128.load(hPrev + row + j)));
      }
    }
    gemm(B, H, H, rh, H, 1, U + 2 * hRow, G, z + 2 * hRow, G, true); // h̃ sees r ⊙ h_{t−1}
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const row = <usize>b * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const n = tanh4(v128.load(zb + 2 * hRow + j));
        v128.store(zb + 2 * hRow + j, n);
        const h = f32x4.add(n, f32x4.mul(v128.load(zb + j), f32x4.sub(v128.load(hPrev + row + j), n)));
        v128.store(hPrev + <usize>B * hRow + row + j, h);
      }
    }
  }
}

/**
 *   ∂h = dY_t + (what step t + 1 sent back)
 *   δz = ∂h ⊙ (h_{t−1} − h̃) ⊙ z(1 − z)      δh̃ = ∂h ⊙ (1 − z) ⊙ (1 − h̃²)
 *   ∂(r ⊙ h_{t−1}) = δh̃·U_hᵀ                 δr = ∂(r ⊙ h_{t−1}) ⊙ h_{t−1} ⊙ r(1 − r)
 *   sent back to step t − 1: ∂h ⊙ z + ∂(r ⊙ h_{t−1}) ⊙ r + [δz, δr]·U_zrᵀ
 *   ∂U_zr = Σ_t h_{t−1}ᵀ·[δz, δr]             ∂U_h = Σ_t (r ⊙ h_{t−1})ᵀ·δh̃
 * dc holds ∂(r ⊙ h_{t−1}).
 */
export function gruBackward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, vocab = w.vocab, x = w.x, ids = w.ids, W = w.W, U = w.U, hs = w.hs, gates = w.gates, aux = w.aux, dY = w.dY, UT = w.UT, dh = w.dh, dc = w.dc, dU = w.dU, db = w.db, dW = w.dW, dx = w.dx, WT = w.WT;
  const G = 3 * H;
  const N = T * B;
  const gateRow = (<usize>G) << 2;
  const hRow = (<usize>H) << 2;
  transpose(U, H, G, UT); // rows 0 … 2H − 1: U_zrᵀ; rows 2H … 3H − 1: U_hᵀ
  memory.fill(dh, 0, <usize>B * hRow);
  for (let t = T - 1; t >= 0; t--) {
    const r0 = t * B;
    const z = gates + <usize>r0 * gateRow;
    const hPrev = hs + <usize>r0 * hRow;
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const row = <usize>b * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const zt = v128.load(zb + j);
        const n = v128.load(zb + 2 * hRow + j);
        const dht = f32x4.add(v128.load(dY + <usize>r0 * hRow + row + j), v128.load(dh + row + j));
        v128.store(zb + j, f32x4.mul(f32x4.mul(dht, f32x4.sub(v128.load(hPrev + row + j), n)), sigmoidSlope4(zt)));
        v128.store(zb + 2 * hRow + j, f32x4.mul(f32x4.mul(dht, f32x4.sub(f32x4.splat(1), zt)), tanhSlope4(n)));
        v128.store(dh + row + j, f32x4.mul(dht, zt));
      }
    }
    gemm(B, H, H, z + 2 * hRow, G, 1, UT + <usize>(2 * H) * hRow, H, dc, H, false);
    for (let b = 0; b < B; b++) {
      const zb = z + <usize>b * gateRow;
      const row = <usize>b * hRow;
      for (let j: usize = 0; j < hRow; j += 16) {
        const r = v128.load(zb + hRow + j);
        const dRH = v128.load(dc + row + j);
        v128.store(zb + hRow + j, f32x4.mul(f32x4.mul(dRH, v128.load(hPrev + row + j)), sigmoidSlope4(r)));
        v128.store(dh + row + j, f32x4.add(v128.load(dh + row + j), f32x4.mul(dRH, r)));
      }
    }
    if (t > 0) gemm(B, H, 2 * H, z, G, 1, UT, H, dh, H, true);
  }
  gemmTransposedA(H, 2 * H, N, hs, H, gates, G, dU, G);
  gemmTransposedA(H, H, N, aux, H, gates + 2 * hRow, G, dU + 2 * hRow, G);
  inputGradients(N, G, D, vocab, x, ids, W, gates, db, dW, dx, WT);
}

/** Vanilla RNN:   h_t = tanh(x_t·W + b + h_{t−1}·U)   (gates holds h_t again; cs and aux unused). */
export function rnnForward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, x = w.x, ids = w.ids, W = w.W, bias = w.bias, U = w.U, hs = w.hs, gates = w.gates;
  const hRow = (<usize>H) << 2;
  for (let t = 0; t < T; t++) {
    const r0 = t * B;
    const z = gates + <usize>r0 * hRow;
    projectInputs(t, B, H, D, x, ids, W, bias, z);
    gemm(B, H, H, hs + <usize>r0 * hRow, H, 1, U, H, z, H, true);
    const next = hs + <usize>(r0 + B) * hRow;
    for (let k: usize = 0; k < <usize>B * hRow; k += 16) {
      const h = tanh4(v128.load(z + k));
      v128.store(z + k, h);
      v128.store(next + k, h);
    }
  }
}

/**   δ_t = (dY_t + δ_{t+1}·Uᵀ) ⊙ (1 − h_t²)      ∂U = Σ_t h_{t−1}ᵀ·δ_t */
export function rnnBackward(at: usize): void {
  const w = changetype<Window>(at);
  // prettier-ignore
  const T = w.T, B = w.B, H = w.H, D = w.D, vocab = w.vocab, x = w.x, ids = w.ids, W = w.W, U = w.U, hs = w.hs, gates = w.gates, dY = w.dY, UT = w.UT, dh = w.dh, dU = w.dU, db = w.db, dW = w.dW, dx = w.dx, WT = w.WT;
  const N = T * B;
  const hRow = (<usize>H) << 2;
  transpose(U, H, H, UT);
  memory.fill(dh, 0, <usize>B * hRow);
  for (let t = T - 1; t >= 0; t--) {
    const z = gates + <usize>(t * B) * hRow;
    const dYt = dY + <usize>(t * B) * hRow;
    for (let k: usize = 0; k < <usize>B * hRow; k += 16) {
      v128.store(z + k, f32x4.mul(f32x4.add(v128.load(dYt + k), v128.load(dh + k)), tanhSlope4(v128.load(z + k))));
    }
    if (t > 0) gemm(B, H, H, z, H, 1, UT, H, dh, H, false);
  }
  gemmTransposedA(H, H, N, hs, H, gates, H, dU, H);
  inputGradients(N, H, D, vocab, x, ids, W, gates, db, dW, dx, WT);
}

// ── The output layer and the loss ───────────────────────────────────────────────────────────
/** One output-layer pass: sizes, then byte addresses (layer.ts writes the fields in this order, as 32-bit integers). */
@unmanaged
class Head {
  /** Positions (T·B), hidden size, vocabulary. */
  N: i32;
  H: i32;
  V: i32;
  /** 1: also the gradients. */
  wantGradients: i32;
  /** The floor of a probability whose log is taken (model.ts's MIN_PROBABILITY). */
  minProbability: f32;
  top: usize;
  W: usize;
  bias: usize;
  targets: usize;
  logits: usize;
  logProbs: usize;
  WT: usize;
  dW: usize;
  db: usize;
  dTop: usize;
}

/** eˣ of one number, through the four-lane exp4 (the same rounding as the lanes). */
function exp1(x: f32): f32 {
  return f32x4.extract_lane(exp4(f32x4.splat(x)), 0);
}

/**
 * ln x for x > 0 (Cephes' logf: x = m·2ᵉ with m in [√½, √2), ln m from a degree-9 polynomial in
 * m − 1). Not the standard library's Mathf.log: that reads tables from the module's data segment,
 * and this module has none (its caller lays out all of memory from address 16).
 */
function log1(x: f32): f32 {
  const bits = reinterpret<i32>(x);
  let e = <f32>((bits >> 23) - 127);
  let m = reinterpret<f32>((bits & 0x007fffff) | 0x3f800000); // in [1, 2)
  if (m > <f32>1.41421356) {
    m *= 0.5;
    e += 1;
  }
  const z = m - 1;
  let p: f32 = 7.0376836292e-2;
  p = p * z - 1.151461031e-1;
  p = p * z + 1.167699874e-1;
  p = p * z - 1.2420140846e-1;
  p = p * z + 1.4249322787e-1;
  p = p * z - 1.6668057665e-1;
  p = p * z + 2.0000714765e-1;
  p = p * z - 2.4999993993e-1;
  p = p * z + 3.3333331174e-1;
  const z2 = z * z;
  return z + z2 * (z * p - 0.5) + e * <f32>0.693147180559945;
}

/**
 * The output layer over all N positions (top [N, H], W [H, V], bias [V], targets [N] int32):
 *   logits = top·W + b       p = softmax(logits) = e^(l − max l) / Σ e^(l − max l)     [N, V]
 *   logProbs_r = log max(p_r[target_r], minProbability)                                [N]
 * and with wantGradients, for loss = −(1/N) Σ_r logProbs_r:
 *   ∂logits = (p − onehot(target)) / N      ∂W = topᵀ·∂logits    ∂b = Σ_r ∂logits_r    ∂top = ∂logits·Wᵀ
 * (the floor is not differentiated, as in model.ts). `logits` [N, V] holds p, then ∂logits; WT [V, H] is scratch.
 */
export function outputLayer(at: usize): void {
  const o = changetype<Head>(at);
  // prettier-ignore
  const N = o.N, H = o.H, V = o.V, top = o.top, W = o.W, bias = o.bias, targets = o.targets, logits = o.logits, logProbs = o.logProbs;
  const row = (<usize>V) << 2;
  const V4 = (<usize>(V & ~3)) << 2;
  for (let r = 0; r < N; r++) memory.copy(logits + <usize>r * row, bias, row);
  gemm(N, V, H, top, H, 1, W, V, logits, V, true);
  const scale: f32 = 1 / <f32>N;
  for (let r = 0; r < N; r++) {
    const lr = logits + <usize>r * row;
    let largest = load<f32>(lr);
    for (let k: usize = 4; k < row; k += 4) largest = max(largest, load<f32>(lr + k));
    const m = f32x4.splat(largest);
    let sums = f32x4.splat(0);
    for (let k: usize = 0; k < V4; k += 16) {
      const e = exp4(f32x4.sub(v128.load(lr + k), m));
      v128.store(lr + k, e);
      sums = f32x4.add(sums, e);
    }
    let sum = f32x4.extract_lane(sums, 0) + f32x4.extract_lane(sums, 1) + f32x4.extract_lane(sums, 2) + f32x4.extract_lane(sums, 3);
    for (let k = V4; k < row; k += 4) {
      const e = exp1(load<f32>(lr + k) - largest);
      store<f32>(lr + k, e);
      sum += e;
    }
    const inverse = f32x4.splat(1 / sum);
    for (let k: usize = 0; k < V4; k += 16) v128.store(lr + k, f32x4.mul(v128.load(lr + k), inverse));
    for (let k = V4; k < row; k += 4) store<f32>(lr + k, load<f32>(lr + k) / sum);
    const target = lr + ((<usize>load<i32>(targets + ((<usize>r) << 2))) << 2);
    store<f32>(logProbs + ((<usize>r) << 2), log1(max(load<f32>(target), o.minProbability)));
    if (o.wantGradients === 0) continue;
    store<f32>(target, load<f32>(target) - 1);
    const s = f32x4.splat(scale);
    for (let k: usize = 0; k < V4; k += 16) v128.store(lr + k, f32x4.mul(v128.load(lr + k), s));
    for (let k = V4; k < row; k += 4) store<f32>(lr + k, load<f32>(lr + k) * scale);
  }
  if (o.wantGradients === 0) return;
  // prettier-ignore
  const WT = o.WT, dW = o.dW, db = o.db, dTop = o.dTop;
  gemmTransposedA(H, V, N, top, H, logits, V, dW, V);
  memory.fill(db, 0, row);
  for (let r = 0; r < N; r++) {
    const lr = logits + <usize>r * row;
    for (let k: usize = 0; k < V4; k += 16) v128.store(db + k, f32x4.add(v128.load(db + k), v128.load(lr + k)));
    for (let k = V4; k < row; k += 4) store<f32>(db + k, load<f32>(db + k) + load<f32>(lr + k));
  }
  transpose(W, H, V, WT);
  gemm(N, H, V, logits, V, 1, WT, H, dTop, H, false);
}
