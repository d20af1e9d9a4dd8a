"""The progress bar in Jupyter is one display that updates in place."""

import nbformat
import pytest
from nbclient import NotebookClient

CODE = """\
import dataclasses, lstm
d = lstm.load_digits()
d = dataclasses.replace(d, x_train=d.x_train[:100], y_train=d.y_train[:100])
h = lstm.train(lstm.RowClassifier(hidden_size=4, seed=0), d, epochs=3)
"""


@pytest.mark.slow  # starts other processes or trains several models
def test_notebook_progress_keeps_one_final_line():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CODE)])
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"]
    data = outputs[0]["data"]
    assert data["text/plain"].startswith("3/3 loss ")
    assert '<progress value="3" max="3"' in data["text/html"]
    assert "\r" not in data["text/plain"]
