// The LSTM block, one memory cell at one time step, with its numbers:
//   c_t = f * c_prev + i * z,   h_t = o * tanh(c_t)   (h_t = o * c_t without the cell's tanh)
// The reader sets c_prev, z and the gates with sliders (or a model sets them) and
// watches c_t and h_t change in a diagram and in the equations beside it.
// Functions only; lstm/widgets.py puts this file after ui.js.

const BLOCK_INPUTS = ["c_prev", "z", "i", "f", "o"];

// text: the widget's strings; options: {cellTanh, learned: {i, f, o}, cMax, onInput(name, value)}.
function createBlock(text, options) {
  const values = {c_prev: 0, z: 0, i: 1, f: 1, o: 1};
  const sliders = {}, outputs = {};
  const range = {c_prev: [-options.cMax, options.cMax], z: [-1, 1], i: [0, 1], f: [0, 1], o: [0, 1]};
  const controls = el("div", {class: "lstm-block-controls"});
  for (const name of BLOCK_INPUTS) {
    const held = name in options.learned && !options.learned[name];
    const id = `lstm-block-${name}-${Math.random().toString(36).slice(2, 9)}`;
    const input = el("input", {
      type: "range", id, min: range[name][0], max: range[name][1], step: 0.01, value: values[name],
      disabled: held, "aria-label": text[`block_${name}`],
      oninput: () => { values[name] = +input.value; update(); if (options.onInput) options.onInput(name, +input.value); },
    });
    sliders[name] = input;
    outputs[name] = el("output", {for: id, class: "lstm-num"});
    controls.append(el("div", {class: "lstm-block-control"}, [
      el("label", {for: id, text: text[`block_${name}`]}), input, outputs[name],
      held ? el("span", {class: "lstm-note", text: text.block_held}) : null,
    ]));
  }

  // The diagram: the memory line along the top, the output path down the right.
  const picture = svg("svg", {viewBox: "0 0 480 236", class: "lstm-block-diagram", "aria-hidden": "true"});
  const line = (x1, y1, x2, y2, cls = "") => svg("line", {x1, y1, x2, y2, class: `lstm-wire ${cls}`});
  const op = (x, y, label) => svg("g", {}, [svg("circle", {cx: x, cy: y, r: 14, class: "lstm-op"}),
    svg("text", {x, y: y + 5, "text-anchor": "middle", class: "lstm-op-label", text: label})]);
  const box = (x, y, width, label, cls = "") => svg("g", {}, [
    svg("rect", {x, y, width, height: 26, rx: 4, class: `lstm-gate ${cls}`}),
    svg("text", {x: x + width / 2, y: y + 18, "text-anchor": "middle", class: "lstm-op-label", text: label})]);
  const valueText = (x, y, anchor = "middle") => svg("text", {x, y, "text-anchor": anchor, class: "lstm-value"});
  const memoryIn = line(20, 40, 136, 40, "lstm-memory"), memoryMid = line(164, 40, 246, 40, "lstm-memory");
  const memoryOut = line(274, 40, 470, 40, "lstm-memory");
  const labels = {
    c_prev: valueText(8, 28, "start"), f: valueText(150, 134), i: valueText(230, 222), z: valueText(290, 222),
    iz: valueText(272, 82, "start"), c: valueText(472, 28, "end"), squashed: valueText(410, 104, "start"),
    o: valueText(410, 210, "start"), h: valueText(472, 150, "end"),
  };
  picture.append(
    memoryIn, op(150, 40, "\u00d7"), memoryMid, op(260, 40, "+"), memoryOut,
    line(150, 90, 150, 54), box(128, 90, 44, "f"),
    line(260, 54, 260, 86), op(260, 100, "\u00d7"), line(230, 170, 252, 112), line(290, 170, 268, 112),
    box(208, 170, 44, "i"), box(268, 170, 44, "z", "lstm-candidate"),
    line(380, 40, 380, 86), box(356, 86, 48, options.cellTanh ? "tanh" : "\u2014", "lstm-candidate"),
    line(380, 112, 380, 146), op(380, 160, "\u00d7"), line(380, 174, 380, 190), box(358, 190, 44, "o"),
    line(394, 160, 470, 160, "lstm-output"),
    ...Object.values(labels),
  );

  const cellEq = el("p", {class: "lstm-equation"}), outEq = el("p", {class: "lstm-equation"});
  const root = el("div", {class: "lstm-block"}, [
    el("div", {class: "lstm-block-figure"}, [picture, el("div", {class: "lstm-block-equations"}, [cellEq, outEq])]),
    controls,
  ]);

  function result() {
    const c = values.f * values.c_prev + values.i * values.z;
    const squashed = options.cellTanh ? Math.tanh(c) : c;
    return {c, squashed, h: values.o * squashed};
  }

  function update() {
    const {c, squashed, h} = result();
    for (const name of BLOCK_INPUTS) outputs[name].textContent = num(values[name]);
    labels.c_prev.textContent = `c\u209c\u208b\u2081 = ${num(values.c_prev)}`;
    labels.f.textContent = num(values.f);
    labels.i.textContent = num(values.i);
    labels.z.textContent = num(values.z);
    labels.iz.textContent = `i\u00b7z = ${num(values.i * values.z)}`;
    labels.c.textContent = `c\u209c = ${num(c)}`;
    labels.squashed.textContent = options.cellTanh ? num(squashed) : "";
    labels.o.textContent = num(values.o);
    labels.h.textContent = `h\u209c = ${num(h)}`;
    const width = (v) => 1.5 + 5 * Math.min(1, Math.abs(v) / options.cMax);
    memoryIn.style.strokeWidth = width(values.c_prev);
    memoryMid.style.strokeWidth = width(values.f * values.c_prev);
    memoryOut.style.strokeWidth = width(c);
    cellEq.textContent = fmt(text.block_cell_equation, {
      f: num(values.f), c_prev: paren(values.c_prev), i: num(values.i), z: paren(values.z), c: num(c)});
    outEq.textContent = fmt(options.cellTanh ? text.block_output_equation : text.block_output_equation_linear,
      {o: num(values.o), c: options.cellTanh ? num(c) : paren(c), h: num(h)});
  }

  const paren = (x) => (x < 0 ? `(${num(x)})` : num(x));

  function set(newValues) {
    for (const name of BLOCK_INPUTS) {
      if (newValues[name] === undefined) continue;
      values[name] = newValues[name];
      sliders[name].value = newValues[name];
    }
    update();
  }

  update();
  return {el: root, set, values: () => ({...values, ...result()})};
}
