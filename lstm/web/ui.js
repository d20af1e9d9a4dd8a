// Small helpers shared by the widgets: elements, text templates, numbers, colours.
// Functions only; lstm/widgets.py puts this file after forward.js.

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

// "{name} is {value:.2f}" with values.name and values.value (Python's str.format, the cases used).
function fmt(template, values) {
  return template.replace(/\{(\w+)(?::\.(\d)([f%]))?\}/g, (_, key, digits, kind) => {
    const v = values[key];
    if (digits === undefined) return String(v);
    return kind === "%" ? num(100 * v, +digits) + "%" : num(v, +digits);
  });
}

// A number with `digits` decimals and a true minus sign.
function num(x, digits = 2) {
  const s = Number(x).toFixed(digits);
  return (/^-0\.?0*$/.test(s) ? s.slice(1) : s).replace("-", "\u2212");
}

// Colour maps: linear interpolation between stops (Matplotlib's viridis and RdBu_r).
const VIRIDIS = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37]];
const RDBU_R = [[5, 48, 97], [33, 102, 172], [67, 147, 195], [146, 197, 222], [209, 229, 240],
  [247, 247, 247], [253, 219, 199], [244, 165, 130], [214, 96, 77], [178, 24, 43], [103, 0, 31]];

function colour(stops, t) {
  const x = (Number.isNaN(t) ? 0.5 : Math.min(1, Math.max(0, t))) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(x)), w = x - k;
  const [a, b] = [stops[k], stops[k + 1]];
  return a.map((v, j) => Math.round(v + w * (b[j] - v)));
}

// The colour [r, g, b] of a value of quantity q: gates on viridis over [0, 1];
// z and h on RdBu_r over [-1, 1]; c on RdBu_r over [-cMax, cMax].
function quantityColour(q, value, cMax) {
  if (q === "i" || q === "f" || q === "o") return colour(VIRIDIS, value);
  const bound = q === "c" ? cMax : 1;
  return colour(RDBU_R, (value / bound + 1) / 2);
}

function grey(value, ink) {
  const g = Math.round(255 * (1 - Math.min(1, Math.max(0, value / ink))));
  return `rgb(${g},${g},${g})`;
}
