"""Quiet TensorFlow before it is imported.

TensorFlow reads these variables once, when it is first imported, so this
module must run before any ``import tensorflow``. ``lstm/__init__.py`` imports
it first; chapters import ``lstm`` before TensorFlow. Values that a user has
already set are kept.

- ``TF_CPP_MIN_LOG_LEVEL=3`` hides the C++ INFO/WARNING/ERROR start-up lines.
- ``TF_ENABLE_ONEDNN_OPTS=0`` is the only switch that silences the
  ``oneDNN custom operations are on`` line (measured: no speed difference for
  these small models).
- TensorFlow's "N out of the last M calls ... triggered tf.function
  retracing" warning is dropped: `lstm.train` traces fresh graphs for every
  model by design, so training several models in one process (an ablation)
  set it off, and in Jupyter it went to stdout, into the page.
"""

import logging
import os
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

# The Python side of TensorFlow and Keras logs through `absl`; keep it to errors.
try:
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)
except ImportError:  # absl ships with TensorFlow; nothing to quiet without it
    pass


class _NoRetracingWarning(logging.Filter):
    def filter(self, record):
        return "triggered tf.function retracing" not in record.getMessage()


# TensorFlow configures this same logger when it is imported; the filter stays.
logging.getLogger("tensorflow").addFilter(_NoRetracingWarning())

# Protobuf version skew warnings are irrelevant to a reader.
warnings.filterwarnings("ignore", module="google.protobuf")
