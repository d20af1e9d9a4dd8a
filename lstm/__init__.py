"""An LSTM written from scratch in TensorFlow 2, for the book "LSTM from scratch".

Import this package before TensorFlow: it quiets TensorFlow's start-up log
lines first (see `lstm/_env.py`).
"""

from . import _env  # noqa: F401  (must run before TensorFlow is imported)
from . import checks, recipes  # checks: the exercises' self-checks (lstm.checks.check_...)
from . import ablation, experiments, tasks  # the gate experiments: tasks, runner, the chapters' specs
from . import sources, stats, studies  # cache keys; paired statistics; the recorded gate studies
from . import bptt, gru  # the backward pass by hand (NumPy); the GRU, a relative of the LSTM
from .cache import cache_dir
from .cell import GATE_NAMES, GATE_ORDER, TRACED, Activations, LSTMCell
from .data import Digits, load_digits
from .gru import GRUCell
from .keras_interop import from_keras, keras_weights
from .model import RowClassifier, Trace, scan
from .store import load, save
from .train import History, accuracy, train

__version__ = "0.1.0"

__all__ = [
    "Activations", "Digits", "GATE_NAMES", "GATE_ORDER", "GRUCell", "History", "LSTMCell", "RowClassifier",
    "TRACED", "Trace", "ablation", "accuracy", "bptt", "cache_dir", "checks", "experiments", "from_keras", "gru",
    "keras_weights",
    "load", "load_digits", "recipes", "save", "scan", "sources", "stats", "studies", "tasks", "train",
]
