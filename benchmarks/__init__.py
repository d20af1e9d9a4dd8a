"""Measurements behind the book's claims (not tests): run them by hand.

- `python -m benchmarks.tune_modern`: chooses `lstm.recipes.MODERN` on a
  validation split carved from the training set.
- `python -m benchmarks.train_speed`: the scratch LSTM against
  `tf.keras.layers.LSTM`, trained with the same recipe.
"""
