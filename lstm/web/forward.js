// The LSTM's forward pass in the browser: the same arithmetic as lstm/cell.py and
// lstm/model.py (RowClassifier.trace), in float64, for one image at a time.
//
// A model arrives from Python (lstm/widgets.py, `model_spec`) as plain JSON:
//   {input_size I, hidden_size H, num_classes K, gates: subset of ["i","f","o"],
//    cell_tanh, head: "linear" | "tanh",
//    W: base64 float32 (I + H) x 4H, row-major, applied to concat([x, h]),
//       column blocks z, i, f, o (the gate layout of lstm/cell.py);
//    b: base64 float32 4H;  W_v: base64 float32 H x K;  b_v: base64 float32 K}
// This file defines functions only; lstm/widgets.py puts it before the widgets' code.

const QUANTITIES = ["z", "i", "f", "o", "c", "h"];  // what one step computes, in order

function decodeFloat32(base64) {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  return new Float64Array(new Float32Array(bytes.buffer));
}

function prepareModel(spec) {
  const m = {
    I: spec.input_size, H: spec.hidden_size, K: spec.num_classes,
    W: decodeFloat32(spec.W), b: decodeFloat32(spec.b),
    Wv: decodeFloat32(spec.W_v), bv: decodeFloat32(spec.b_v),
    learned: {i: spec.gates.includes("i"), f: spec.gates.includes("f"), o: spec.gates.includes("o")},
    cellTanh: spec.cell_tanh, tanhHead: spec.head === "tanh", spec,
  };
  const rowsW = m.I + m.H, cols = 4 * m.H;
  if (m.W.length !== rowsW * cols || m.b.length !== cols || m.Wv.length !== m.H * m.K || m.bv.length !== m.K) {
    throw new Error(`model ${spec.name}: weights do not match sizes I=${m.I}, H=${m.H}, K=${m.K}`);
  }
  return m;
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// One step: x (I), hPrev and cPrev (H) -> {z, i, f, o, c, h}, each a Float64Array(H).
function lstmStep(m, x, hPrev, cPrev) {
  const {I, H, W, b} = m, cols = 4 * H;
  const pre = Float64Array.from(b);               // (4H): [x, h] W + b
  for (let r = 0; r < I + H; r++) {
    const v = r < I ? x[r] : hPrev[r - I];
    if (v === 0) continue;
    const base = r * cols;
    for (let j = 0; j < cols; j++) pre[j] += v * W[base + j];
  }
  const out = {};
  for (const q of QUANTITIES) out[q] = new Float64Array(H);
  for (let u = 0; u < H; u++) {
    const z = Math.tanh(pre[u]);
    const i = m.learned.i ? sigmoid(pre[H + u]) : 1;
    const f = m.learned.f ? sigmoid(pre[2 * H + u]) : 1;
    const o = m.learned.o ? sigmoid(pre[3 * H + u]) : 1;
    const c = f * cPrev[u] + i * z;
    out.z[u] = z; out.i[u] = i; out.f[u] = f; out.o[u] = o; out.c[u] = c;
    out.h[u] = o * (m.cellTanh ? Math.tanh(c) : c);
  }
  return out;
}

// The head and softmax: h (H) -> class probabilities (K).
function classProbabilities(m, h) {
  const {H, K, Wv, bv} = m;
  const s = Float64Array.from(bv);
  for (let u = 0; u < H; u++) {
    if (h[u] === 0) continue;
    for (let k = 0; k < K; k++) s[k] += h[u] * Wv[u * K + k];
  }
  if (m.tanhHead) for (let k = 0; k < K; k++) s[k] = Math.tanh(s[k]);
  const top = Math.max(...s);
  let total = 0;
  for (let k = 0; k < K; k++) { s[k] = Math.exp(s[k] - top); total += s[k]; }
  for (let k = 0; k < K; k++) s[k] /= total;
  return s;
}

// Read an image (rows x I values, row-major) from a zero state.
// Returns {rows, z, i, f, o, c, h: Float64Array(rows * H), probs: Float64Array(rows * K)}.
function traceImage(m, image, rows) {
  const {I, H, K} = m;
  const trace = {rows, probs: new Float64Array(rows * K)};
  for (const q of QUANTITIES) trace[q] = new Float64Array(rows * H);
  let h = new Float64Array(H), c = new Float64Array(H);
  for (let t = 0; t < rows; t++) {
    const a = lstmStep(m, image.subarray(t * I, (t + 1) * I), h, c);
    for (const q of QUANTITIES) trace[q].set(a[q], t * H);
    trace.probs.set(classProbabilities(m, a.h), t * K);
    h = a.h; c = a.c;
  }
  return trace;
}

// The value of quantity q for unit u after row t.
const at = (trace, q, t, u, H) => trace[q][t * H + u];
