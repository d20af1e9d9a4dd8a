"""The book's interactive explorers, live in Jupyter and in the web book.

- `anywidgets`: the gate explorer and the block stepper, anywidgets whose
  model runs in JavaScript (`lstm/web/`): nothing is drawn in Python;
- `experiment`: the experiment explorer, ipywidgets over an ablation's
  precomputed frames, with a panel that runs it again (with a kernel);
- `frames`: the experiment explorer's pictures as HTML (`<figure>`s of small PNGs).

Each takes `lang="en"` or `lang="ja"` for every label. They need the
`widgets` extra (`pip install "lstm-from-scratch[widgets]"`).
"""
