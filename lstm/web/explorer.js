// The gate explorer and the block stepper, as one anywidget module.
//
// Python (lstm/widgets.py) sends the trained weights and the test images once;
// everything else happens here: the forward pass (forward.js), the frame, the
// drawing grid, the unit's trajectory and the block (block.js). The same module
// runs live in Jupyter (anywidget's front end) and in the built HTML book, where
// book/_static/anywidget-static.js plays the front end from the saved state.
//
// Traits read here (see lstm/widgets.py): view ("explorer" | "block"), text, models,
// model_index, images (base64 float32), shape [n, rows, features], labels, ink,
// examples, pen_levels; and the reader's choices, written back: index (-1 = the
// drawing), row (0-based), unit, drawing (rows * features values).

const HEATMAP_WIDTH = 112, HEATMAP_HEIGHT = 150, SPARK_WIDTH = 200, SPARK_HEIGHT = 26;

function imageOf(state, index) {
  const [, rows, I] = state.shape;
  return index < 0 ? state.drawing : state.images.subarray(index * rows * I, (index + 1) * rows * I);
}

function readState(model) {
  const shape = model.get("shape");
  return {
    text: model.get("text"), shape, ink: model.get("ink"),
    images: decodeFloat32(model.get("images")), labels: model.get("labels"),
    specs: model.get("models"), prepared: [], traces: [], selectivity: new Map(),
    drawing: Float64Array.from(model.get("drawing")),
  };
}

function currentModel(state, model) {
  const k = model.get("model_index");
  if (!state.prepared[k]) state.prepared[k] = prepareModel(state.specs[k]);
  return state.prepared[k];
}

// Every test image read by model k (for the units' selectivity), computed once.
function allTraces(state, k, m) {
  if (!state.traces[k]) {
    const [n, rows] = state.shape;
    state.traces[k] = Array.from({length: n}, (_, j) => traceImage(m, imageOf(state, j), rows));
  }
  return state.traces[k];
}

// How selectively each unit's h responds to the class at row t: the share of its
// variance over the test images that lies between the classes (the correlation
// ratio eta squared). The units are ranked by it (LSTMVis, by contrast, filters the
// units that are on over a stretch the user selects and off just before it).
function selectivity(state, k, m, t) {
  const key = `${k}:${t}`;
  if (state.selectivity.has(key)) return state.selectivity.get(key);
  const traces = allTraces(state, k, m), labels = state.labels, H = m.H;
  const scores = new Float64Array(H);
  for (let u = 0; u < H; u++) {
    const sums = new Map(), counts = new Map();
    let mean = 0;
    traces.forEach((tr, j) => {
      const v = at(tr, "h", t, u, H);
      mean += v;
      sums.set(labels[j], (sums.get(labels[j]) || 0) + v);
      counts.set(labels[j], (counts.get(labels[j]) || 0) + 1);
    });
    mean /= traces.length;
    let total = 0, between = 0;
    for (const tr of traces) total += (at(tr, "h", t, u, H) - mean) ** 2;
    for (const [label, s] of sums) between += counts.get(label) * (s / counts.get(label) - mean) ** 2;
    scores[u] = total > 0 ? between / total : 0;
  }
  state.selectivity.set(key, scores);
  return scores;
}

function describe(state, model, trace, m) {
  const t = model.get("row"), index = model.get("index"), K = m.K;
  const probs = trace.probs.subarray(t * K, (t + 1) * K);
  let pred = 0;
  for (let k = 1; k < K; k++) if (probs[k] > probs[pred]) pred = k;
  const label = index >= 0 && state.labels.length ? state.labels[index] : null;
  const who = index < 0 ? state.text.who_drawing
    : fmt(state.text[label === null ? "who" : "who_label"], {index, label});
  const template = t === 0 ? state.text.describe_first : state.text.describe;
  return {pred, probs, sentence: fmt(template, {who, t: t + 1, pred, p: probs[pred]})};
}

// One pixel per (row, unit) in a small image, scaled up without smoothing.
function drawHeatmap(canvas, trace, q, row, unit, m, cMax) {
  const ctx = canvas.getContext("2d"), {rows} = trace, H = m.H;
  const small = new ImageData(rows, H);
  for (let t = 0; t < rows; t++) {
    for (let u = 0; u < H; u++) {
      const rgb = t <= row ? quantityColour(q, at(trace, q, t, u, H), cMax) : [217, 217, 217];
      const p = 4 * (u * rows + t);
      small.data[p] = rgb[0]; small.data[p + 1] = rgb[1]; small.data[p + 2] = rgb[2]; small.data[p + 3] = 255;
    }
  }
  if (!canvas.lstmSmall || canvas.lstmSmall.width !== rows || canvas.lstmSmall.height !== H) {
    canvas.lstmSmall = Object.assign(document.createElement("canvas"), {width: rows, height: H});
  }
  canvas.lstmSmall.getContext("2d").putImageData(small, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas.lstmSmall, 0, 0, canvas.width, canvas.height);
  const w = canvas.width / rows, h = canvas.height / H;
  ctx.strokeStyle = "#000"; ctx.lineWidth = 2;
  ctx.strokeRect(row * w + 1, 1, w - 2, canvas.height - 2);
  ctx.strokeStyle = "#e8590c"; ctx.lineWidth = 1.5;
  ctx.strokeRect(0.75, unit * h + 0.75, canvas.width - 1.5, Math.max(h, 2) - 1.5);
}

function drawProbabilities(canvas, probs, pred) {
  const ctx = canvas.getContext("2d"), K = probs.length, W = canvas.width, Hc = canvas.height;
  const bar = W / K, base = Hc - 16;
  ctx.clearRect(0, 0, W, Hc);
  ctx.font = "11px sans-serif"; ctx.textAlign = "center";
  for (let k = 0; k < K; k++) {
    ctx.fillStyle = k === pred ? "#1f4e79" : "#9dc3e6";
    const height = probs[k] * (base - 4);
    ctx.fillRect(k * bar + 3, base - height, bar - 6, height);
    ctx.fillStyle = "#222"; ctx.fillText(String(k), k * bar + bar / 2, Hc - 3);
  }
  ctx.strokeStyle = "#666"; ctx.beginPath(); ctx.moveTo(0, base + 0.5); ctx.lineTo(W, base + 0.5); ctx.stroke();
}

// One small line chart per quantity: the selected unit's value at every row read so far.
function drawTrajectories(canvas, trace, row, unit, m, cMax) {
  const ctx = canvas.getContext("2d"), {rows} = trace, H = m.H;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.font = "11px sans-serif";
  QUANTITIES.forEach((q, k) => {
    const top = k * SPARK_HEIGHT + 3, height = SPARK_HEIGHT - 8, left = 22, width = canvas.width - 30;
    const [lo, hi] = q === "c" ? [-cMax, cMax] : (q === "z" || q === "h") ? [-1, 1] : [0, 1];
    const y = (v) => top + height * (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo));
    const x = (t) => left + (rows === 1 ? 0 : (width * t) / (rows - 1));
    ctx.fillStyle = "#222"; ctx.textAlign = "left"; ctx.fillText(q, 4, top + height / 2 + 4);
    ctx.strokeStyle = "#ccc"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(left, y(lo < 0 ? 0 : lo) + 0.5); ctx.lineTo(left + width, y(lo < 0 ? 0 : lo) + 0.5); ctx.stroke();
    ctx.strokeStyle = "#1f4e79"; ctx.lineWidth = 1.6; ctx.beginPath();
    for (let t = 0; t <= row; t++) {
      const p = [x(t), y(at(trace, q, t, unit, H))];
      if (t === 0) ctx.moveTo(...p); else ctx.lineTo(...p);
    }
    ctx.stroke();
    ctx.fillStyle = "#e8590c"; ctx.beginPath();
    ctx.arc(x(row), y(at(trace, q, row, unit, H)), 2.8, 0, 2 * Math.PI); ctx.fill();
  });
}

function renderExplorer({model, el: host}) {
  const state = readState(model), text = state.text;
  const [n, rows, I] = state.shape;
  let trace = null, playing = null, blockPanel = null;
  const root = el("div", {class: "lstm-explorer", lang: model.get("lang"), tabindex: -1});
  host.append(root);

  // Controls: model, digit, image number.
  const modelSelect = el("select", {"aria-label": text.model, class: "lstm-model-select"});
  state.specs.forEach((spec, k) => modelSelect.append(el("option", {value: k, text: spec.label})));
  const digitSelect = el("select", {"aria-label": text.chooser, class: "lstm-digit-select"});
  digitSelect.append(el("option", {value: "", text: text.choose}));
  for (const index of model.get("examples")) {
    digitSelect.append(el("option", {value: index, text: fmt(text.option, {label: state.labels[index], index})}));
  }
  digitSelect.append(el("option", {value: -1, text: text.drawing}));
  const indexInput = el("input", {type: "number", min: 0, max: n - 1, step: 1, class: "lstm-index",
                                   "aria-label": fmt(text.index_label, {last: n - 1})});
  const indexError = el("span", {class: "lstm-error", role: "status"});
  const top = el("div", {class: "lstm-controls"}, [
    state.specs.length > 1 ? el("label", {}, [text.model + " ", modelSelect]) : null,
    el("label", {}, [text.chooser + " ", digitSelect]),
    el("label", {}, [text.index + " ", indexInput]), indexError,
  ]);

  // Rows: Play, slider, the row read.
  const play = el("button", {type: "button", class: "lstm-play", "aria-label": text.play, text: "\u25b6"});
  const slider = el("input", {type: "range", min: 1, max: rows, step: 1, class: "lstm-row", "aria-label": text.slider});
  const rowOut = el("output", {class: "lstm-row-out"});
  const rowBar = el("div", {class: "lstm-rows"}, [play, el("label", {}, [text.slider + " ", slider]), rowOut]);

  // Left: the drawing grid (the image itself), the pen, the class probabilities.
  const grid = el("div", {role: "grid", class: "lstm-grid", "aria-label": text.draw_title,
                          style: `grid-template-columns: repeat(${I}, 1fr)`});
  const cells = [];
  for (let r = 0; r < rows; r++) {
    const line = el("div", {role: "row", class: "lstm-grid-row"});
    for (let c = 0; c < I; c++) {
      const cell = el("div", {role: "gridcell", class: "lstm-cell", tabindex: r === 0 && c === 0 ? 0 : -1,
                              "data-r": r, "data-c": c});
      cells.push(cell); line.append(cell);
    }
    grid.append(line);
  }
  const penSelect = el("select", {"aria-label": text.pen});
  model.get("pen_levels").forEach((level) => penSelect.append(el("option", {value: level, text: num(level, 2)})));
  penSelect.value = model.get("pen_levels").at(-1);
  const clear = el("button", {type: "button", class: "lstm-clear", text: text.clear});
  const probs = el("canvas", {width: 220, height: 110, class: "lstm-probs", "aria-hidden": "true"});
  const left = el("div", {class: "lstm-left"}, [
    el("p", {class: "lstm-caption", text: text.draw_title}), grid,
    el("div", {class: "lstm-pen"}, [el("label", {}, [text.pen + " ", penSelect]), clear]),
    el("p", {class: "lstm-note", text: text.draw_help}),
    el("p", {class: "lstm-caption lstm-probs-title"}), probs,
  ]);

  // Right: six heatmaps, then the selected unit.
  const heatmaps = {};
  const maps = el("div", {class: "lstm-heatmaps"});
  for (const q of QUANTITIES) {
    heatmaps[q] = el("canvas", {width: HEATMAP_WIDTH, height: HEATMAP_HEIGHT, class: "lstm-heatmap", "data-q": q,
                                "aria-hidden": "true"});
    maps.append(el("figure", {class: "lstm-map"}, [el("figcaption", {text: text[q]}), heatmaps[q]]));
  }
  const unitSelect = el("select", {"aria-label": text.unit, class: "lstm-unit-select"});
  const sortBox = el("input", {type: "checkbox", class: "lstm-sort"});
  const unitValues = el("p", {class: "lstm-unit-values"});
  const spark = el("canvas", {width: SPARK_WIDTH, height: SPARK_HEIGHT * QUANTITIES.length, class: "lstm-spark",
                              "aria-hidden": "true"});
  const blockButton = el("button", {type: "button", class: "lstm-open-block", "aria-expanded": "false"});
  const blockHost = el("div", {class: "lstm-block-host", hidden: true});
  const right = el("div", {class: "lstm-right"}, [
    el("p", {class: "lstm-note", text: text.maps_help}), maps,
    el("div", {class: "lstm-unit"}, [
      el("label", {}, [text.unit + " ", unitSelect]), el("label", {}, [sortBox, " " + text.sort]),
    ]),
    el("div", {class: "lstm-unit-body"}, [spark, unitValues]), blockButton,
  ]);
  const description = el("p", {class: "lstm-description", "aria-live": "polite"});
  root.append(top, rowBar, el("div", {class: "lstm-main"}, [left, right]), blockHost, description);

  // --- drawing -----------------------------------------------------------
  function startDrawing() {
    if (model.get("index") >= 0) {
      const copy = Array.from(imageOf(state, model.get("index")));
      model.set({drawing: copy, index: -1}); model.save_changes();
    }
  }
  function paint(cell, value) {
    startDrawing();
    const drawing = Array.from(model.get("drawing"));
    const k = +cell.dataset.r * I + +cell.dataset.c;
    if (drawing[k] === value) return;
    drawing[k] = value;
    model.set("drawing", drawing); model.save_changes();
  }
  const penValue = () => +penSelect.value * state.ink;
  let pressed = false;
  grid.addEventListener("pointerdown", (e) => {
    const cell = e.target.closest(".lstm-cell");
    if (!cell) return;
    e.preventDefault(); pressed = true; focusCell(cell); paint(cell, penValue());
  });
  grid.addEventListener("pointermove", (e) => {
    if (!pressed) return;
    const cell = document.elementFromPoint(e.clientX, e.clientY)?.closest?.(".lstm-cell");
    if (cell && grid.contains(cell)) paint(cell, penValue());
  });
  for (const type of ["pointerup", "pointercancel", "pointerleave"]) grid.addEventListener(type, () => { pressed = false; });
  function focusCell(cell) {
    for (const other of cells) other.tabIndex = -1;
    cell.tabIndex = 0; cell.focus();
  }
  grid.addEventListener("keydown", (e) => {
    const cell = e.target.closest(".lstm-cell");
    if (!cell) return;
    let r = +cell.dataset.r, c = +cell.dataset.c;
    const moves = {ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
    if (moves[e.key]) {
      r = Math.min(rows - 1, Math.max(0, r + moves[e.key][0])); c = Math.min(I - 1, Math.max(0, c + moves[e.key][1]));
    } else if (e.key === "Home") c = 0;
    else if (e.key === "End") c = I - 1;
    else if (e.key === " " || e.key === "Enter") paint(cell, penValue());
    else if (e.key === "Delete" || e.key === "Backspace") paint(cell, 0);
    else return;
    e.preventDefault(); e.stopPropagation();
    focusCell(cells[r * I + c]);
  });
  clear.addEventListener("click", () => {
    model.set({drawing: new Array(rows * I).fill(0), index: -1}); model.save_changes();
  });

  // --- choosing ------------------------------------------------------------
  modelSelect.addEventListener("change", () => { model.set("model_index", +modelSelect.value); model.save_changes(); });
  digitSelect.addEventListener("change", () => {
    if (digitSelect.value === "") return;
    model.set("index", +digitSelect.value); model.save_changes();
  });
  function chooseIndex() {
    const value = indexInput.value.trim(), k = Number(value);
    if (!Number.isInteger(k) || k < 0 || k >= n || value === "") {
      indexError.textContent = fmt(text.index_error, {last: n - 1, value});
      indexInput.setAttribute("aria-invalid", "true");
      return;
    }
    indexError.textContent = ""; indexInput.removeAttribute("aria-invalid");
    model.set("index", k); model.save_changes();
  }
  indexInput.addEventListener("change", chooseIndex);
  indexInput.addEventListener("keydown", (e) => { if (e.key === "Enter") chooseIndex(); });
  const setRow = (t) => { model.set("row", Math.min(rows - 1, Math.max(0, t))); model.save_changes(); };
  slider.addEventListener("input", () => setRow(+slider.value - 1));
  function stop() {
    if (playing === null) return;
    clearInterval(playing); playing = null;
    play.textContent = "\u25b6"; play.setAttribute("aria-label", text.play);
  }
  play.addEventListener("click", () => {
    if (playing !== null) { stop(); return; }
    if (model.get("row") >= rows - 1) setRow(0);
    play.textContent = "\u23f8"; play.setAttribute("aria-label", text.pause);
    playing = setInterval(() => {
      if (model.get("row") >= rows - 1) stop(); else setRow(model.get("row") + 1);
    }, 700);
  });
  root.addEventListener("keydown", (e) => {
    const target = e.target;
    if (target.closest(".lstm-grid, .lstm-block-host") || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
    const steps = {ArrowLeft: -1, ArrowRight: 1};
    if (steps[e.key]) { setRow(model.get("row") + steps[e.key]); e.preventDefault(); }
    else if (e.key === "Home") { setRow(0); e.preventDefault(); }
    else if (e.key === "End") { setRow(rows - 1); e.preventDefault(); }
  });
  unitSelect.addEventListener("change", () => { model.set("unit", +unitSelect.value); model.save_changes(); });
  sortBox.addEventListener("change", () => refresh());
  for (const q of QUANTITIES) {
    heatmaps[q].addEventListener("click", (e) => {
      const box = heatmaps[q].getBoundingClientRect();
      const m = currentModel(state, model);
      const u = Math.floor(((e.clientY - box.top) / box.height) * m.H);
      model.set("unit", Math.min(m.H - 1, Math.max(0, u))); model.save_changes();
    });
  }
  blockButton.addEventListener("click", () => {
    const open = blockHost.hidden;
    blockHost.hidden = !open;
    blockButton.setAttribute("aria-expanded", String(open));
    refresh();
  });

  // --- drawing the frame -------------------------------------------------------
  let unitsShown = "";
  function fillUnits(m, t) {
    const order = Array.from({length: m.H}, (_, u) => u);
    let scores = null;
    if (sortBox.checked) {
      scores = selectivity(state, model.get("model_index"), m, t);
      order.sort((a, b) => scores[b] - scores[a]);
    }
    const signature = `${m.H}:${sortBox.checked}:${sortBox.checked ? model.get("model_index") + ":" + t : ""}`;
    if (signature !== unitsShown) {
      unitSelect.replaceChildren(...order.map((u) => el("option", {value: u,
        text: scores ? fmt(text.unit_option_score, {unit: u + 1, score: scores[u]}) : fmt(text.unit_option, {unit: u + 1})})));
      unitsShown = signature;
    }
    unitSelect.value = model.get("unit");
  }

  function refresh() {
    const start = performance.now();
    const m = currentModel(state, model), spec = state.specs[model.get("model_index")];
    if (model.get("unit") >= m.H) { model.set("unit", 0); }
    const index = model.get("index"), t = model.get("row"), u = model.get("unit");
    state.drawing = Float64Array.from(model.get("drawing"));
    const image = imageOf(state, index);
    trace = traceImage(m, image, rows);
    modelSelect.value = model.get("model_index");
    digitSelect.value = model.get("examples").includes(index) || index < 0 ? index : "";
    if (document.activeElement !== indexInput) indexInput.value = index >= 0 ? index : "";
    slider.value = t + 1;
    rowOut.textContent = fmt(text.row_of, {t: t + 1, rows});
    cells.forEach((cell, k) => {
      const r = Math.floor(k / I), c = k % I, v = image[k];
      cell.style.background = grey(v, state.ink);
      cell.classList.toggle("lstm-unread", r > t);
      cell.classList.toggle("lstm-current", r === t);
      cell.setAttribute("aria-label", fmt(text.cell, {r: r + 1, c: c + 1, v: num(v / state.ink, 2)}));
    });
    for (const q of QUANTITIES) drawHeatmap(heatmaps[q], trace, q, t, u, m, spec.c_max);
    const said = describe(state, model, trace, m);
    left.querySelector(".lstm-probs-title").textContent = fmt(text.probs, {t: t + 1});
    drawProbabilities(probs, said.probs, said.pred);
    fillUnits(m, t);
    drawTrajectories(spark, trace, t, u, m, spec.c_max);
    const value = (q) => num(at(trace, q, t, u, m.H), 2);
    unitValues.textContent = fmt(text.unit_values, {unit: u + 1, t: t + 1, z: value("z"), i: value("i"),
      f: value("f"), o: value("o"), c: value("c"), h: value("h")});
    blockButton.textContent = fmt(blockHost.hidden ? text.block_open : text.block_close, {t: t + 1, unit: u + 1});
    if (!blockHost.hidden) {
      if (!blockPanel || blockPanel.modelIndex !== model.get("model_index")) {
        blockPanel = createBlock(text, {cellTanh: m.cellTanh, learned: m.learned, cMax: spec.c_max});
        blockPanel.modelIndex = model.get("model_index");
        blockHost.replaceChildren(el("p", {class: "lstm-caption lstm-block-title"}), blockPanel.el);
      }
      blockHost.querySelector(".lstm-block-title").textContent = fmt(text.block_title, {t: t + 1, unit: u + 1});
      blockPanel.set({c_prev: t > 0 ? at(trace, "c", t - 1, u, m.H) : 0, z: at(trace, "z", t, u, m.H),
                      i: at(trace, "i", t, u, m.H), f: at(trace, "f", t, u, m.H), o: at(trace, "o", t, u, m.H)});
    }
    if (description.textContent !== said.sentence) description.textContent = said.sentence;
    api.redrawMs = performance.now() - start;
    if (api.firstFrameAt === null) api.firstFrameAt = performance.now();
    api.frames += 1;
  }

  // For tests and benchmarks: the frame's numbers at full precision, and timings.
  const api = {
    redrawMs: null, firstFrameAt: null, frames: 0,
    frame: () => ({index: model.get("index"), row: model.get("row"), unit: model.get("unit"),
                   trace: Object.fromEntries([...QUANTITIES, "probs"].map((q) => [q, Array.from(trace[q])]))}),
    image: () => Array.from(imageOf(state, model.get("index"))),
    traceOf: (values) => {
      const tr = traceImage(currentModel(state, model), Float64Array.from(values), rows);
      return Object.fromEntries([...QUANTITIES, "probs"].map((q) => [q, Array.from(tr[q])]));
    },
  };
  Object.defineProperty(root, "lstmExplorer", {value: api});

  const events = ["index", "row", "unit", "drawing", "model_index"].map((name) => `change:${name}`);
  for (const event of events) model.on(event, refresh);
  refresh();
  return () => { stop(); for (const event of events) model.off(event, refresh); };
}

// The block on its own (chapter on the LSTM block): choose an image, a row and a
// unit; edit the row x_t; the model computes z, i, f, o for that unit from x_t and
// h_{t-1}, and the reader may set any of them (or c_{t-1}) by hand.
function renderBlockView({model, el: host}) {
  const state = readState(model), text = state.text;
  const [n, rows, I] = state.shape;
  const m = currentModel(state, model), spec = state.specs[model.get("model_index")];
  const manual = new Set();
  const root = el("div", {class: "lstm-block-view", lang: model.get("lang")});
  host.append(root);
  const indexInput = el("input", {type: "number", min: 0, max: n - 1, step: 1, class: "lstm-index",
                                   "aria-label": fmt(text.index_label, {last: n - 1})});
  const indexError = el("span", {class: "lstm-error", role: "status"});
  const rowSlider = el("input", {type: "range", min: 1, max: rows, step: 1, class: "lstm-row", "aria-label": text.slider});
  const rowOut = el("output", {class: "lstm-row-out"});
  const unitInput = el("input", {type: "number", min: 1, max: m.H, step: 1, class: "lstm-unit-input",
                                  "aria-label": text.unit});
  const pixels = Array.from({length: I}, (_, c) => el("input", {type: "number", min: 0, max: state.ink, step: state.ink / 16,
    class: "lstm-pixel", "aria-label": fmt(text.block_pixel, {c: c + 1})}));
  const reset = el("button", {type: "button", class: "lstm-reset", text: text.block_reset});
  const source = el("p", {class: "lstm-description", "aria-live": "polite"});
  const block = createBlock(text, {cellTanh: m.cellTanh, learned: m.learned, cMax: spec.c_max,
                                   onInput: (name) => { manual.add(name); refresh(); }});
  let row = null;  // the edited x_t, or null for the image's own row
  root.append(
    el("div", {class: "lstm-controls"}, [
      el("label", {}, [text.index + " ", indexInput]), indexError,
      el("label", {}, [text.slider + " ", rowSlider]), rowOut,
      el("label", {}, [text.unit + " ", unitInput]),
    ]),
    el("div", {class: "lstm-block-row"}, [el("span", {class: "lstm-caption", text: text.block_row}), ...pixels]),
    block.el, el("div", {class: "lstm-controls"}, [reset]), source,
  );

  function refresh() {
    const index = model.get("index"), t = model.get("row"), u = model.get("unit");
    const image = Float64Array.from(imageOf(state, Math.max(0, index)));
    if (row) image.set(row, t * I);
    const before = traceImage(m, image, t);             // rows 1 .. t-1 (0-based: 0 .. t-1)
    const hPrev = t > 0 ? before.h.subarray((t - 1) * m.H, t * m.H) : new Float64Array(m.H);
    const cPrev = t > 0 ? before.c.subarray((t - 1) * m.H, t * m.H) : new Float64Array(m.H);
    const a = lstmStep(m, image.subarray(t * I, (t + 1) * I), hPrev, cPrev);
    const fromModel = {c_prev: cPrev[u], z: a.z[u], i: a.i[u], f: a.f[u], o: a.o[u]};
    const current = block.values(), values = {};
    for (const name of BLOCK_INPUTS) values[name] = manual.has(name) ? current[name] : fromModel[name];
    block.set(values);
    if (document.activeElement !== indexInput) indexInput.value = Math.max(0, index);
    rowSlider.value = t + 1; rowOut.textContent = fmt(text.row_of, {t: t + 1, rows});
    if (document.activeElement !== unitInput) unitInput.value = u + 1;
    pixels.forEach((p, c) => { if (document.activeElement !== p) p.value = Math.round(image[t * I + c] * 100) / 100; });
    const who = state.labels.length ? fmt(text.who_label, {index: Math.max(0, index), label: state.labels[Math.max(0, index)]})
      : fmt(text.who, {index: Math.max(0, index)});
    source.textContent = fmt(manual.size ? text.block_source_manual : text.block_source,
      {who, t: t + 1, unit: u + 1, names: [...manual].map((name) => text[`block_${name}`]).join(text.list_separator)});
  }
  indexInput.addEventListener("change", () => {
    const k = Number(indexInput.value);
    if (!Number.isInteger(k) || k < 0 || k >= n) {
      indexError.textContent = fmt(text.index_error, {last: n - 1, value: indexInput.value});
      return;
    }
    indexError.textContent = ""; row = null; model.set("index", k); model.save_changes();
  });
  rowSlider.addEventListener("input", () => { row = null; model.set("row", +rowSlider.value - 1); model.save_changes(); });
  unitInput.addEventListener("change", () => {
    const k = Number(unitInput.value);
    if (Number.isInteger(k) && k >= 1 && k <= m.H) { model.set("unit", k - 1); model.save_changes(); }
  });
  pixels.forEach((p) => p.addEventListener("input", () => {
    const value = Number(p.value);
    if (!Number.isFinite(value)) return;
    row = pixels.map((q) => Math.min(state.ink, Math.max(0, Number(q.value) || 0)));
    refresh();
  }));
  reset.addEventListener("click", () => { manual.clear(); row = null; refresh(); });
  const events = ["index", "row", "unit"].map((name) => `change:${name}`);
  for (const event of events) model.on(event, refresh);
  refresh();
  Object.defineProperty(root, "lstmBlock", {value: {values: () => block.values()}});
  return () => { for (const event of events) model.off(event, refresh); };
}

function render(context) {
  return context.model.get("view") === "block" ? renderBlockView(context) : renderExplorer(context);
}

export default { render };
export { prepareModel, traceImage, decodeFloat32 };
