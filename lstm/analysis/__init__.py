"""What the chapters measure on trained models, apart from drawing it.

Arrays in, arrays out: no module here imports Matplotlib. `lstm.figures`
draws what these modules measure.

- `trace_measures`: quantities of a trace (`tanh(c)`, the write `i * z`), the
  strongest reset, how much of a write survives, the principal axes of `c`;
- `class_measures`: a gate or the memory per class (the digit being read);
- `row_measures`: the gates and the prediction after each row;
- `observations`: the numbers the chapter "Looking inside" quotes;
- `streams`: the memory cell along streams that are never reset;
- `surgery`: copies of a cell with one thing changed (a gate held at 1);
- `gate_measures`: what the trained models of the gate studies do on their tasks;
- `keep_gates`: the gate that keeps the state (f of an LSTM, z of a GRU) and its product over rows.
"""
