"""`check_column_scan`: reading columns is a transpose of the last two axes."""

import numpy as np
import pytest

import lstm
import tensorflow as tf

from lstm.checks import check_column_scan
from lstm.checks.columns import reference_columns


def read_columns(images):
    """The model answer."""
    return np.transpose(images, (0, 2, 1))


def test_reference_puts_column_t_at_step_t():
    images = np.arange(2 * 3 * 4, dtype=np.float32).reshape(2, 3, 4)  # (n, rows, cols)
    out = reference_columns(images)
    assert out.shape == (2, 4, 3)
    for t in range(4):
        np.testing.assert_array_equal(out[:, t, :], images[:, :, t])


def test_columns_feed_the_scan():
    cell = lstm.LSTMCell(8, 3, seed=0)
    digits = lstm.load_digits().x_test[:4]
    a = lstm.scan(cell, read_columns(digits))
    first = cell.activations(cell.zero_state(4), digits[:, :, 0])  # step 0 reads column 0
    np.testing.assert_allclose(a.h[:, 0], first.h, atol=1e-6)


@pytest.mark.parametrize("fn", [read_columns, lambda im: tf.transpose(im, [0, 2, 1]),
                                lambda im: np.swapaxes(im, -1, -2), lambda im: tf.linalg.matrix_transpose(im)])
@pytest.mark.parametrize("lang, text", [("en", "Step t is column t, read top to bottom, in all 3 cases"),
                                        ("ja", "時刻 t が列 t（上から下へ）になっています")])
def test_column_right_answers_pass(fn, lang, text):
    result = check_column_scan(fn, lang=lang)
    assert result and text in str(result)


@pytest.mark.parametrize("answer, key, en, ja", [
    (lambda im: im[:, ::-1, :], "columns_rows_reversed", "You reversed the order of the rows", "行を下から上へ"),
    (lambda im: np.flip(im, axis=2), "columns_mirrored", "mirrored each image left to right", "左右に反転"),
    (lambda im: im[:, ::-1, ::-1], "columns_rotated_180", "upside down", "上下逆さま"),
    (lambda im: np.rot90(im, axes=(1, 2)), "columns_reversed", "read from right to left", "右から左へ"),
    (lambda im: np.rot90(im, -1, axes=(1, 2)), "columns_upside_down", "from the bottom up", "下から上へ"),
    (lambda im: im.T, "columns_all_axes", "every axis was reversed, the batch axis too", "バッチの軸も含めて"),
    (lambda im: np.rot90(im), "columns_batch_moved", "the batch axis is no longer first", "先頭でなく"),
    (lambda im: im, "columns_unchanged", "time step t is still row t", "行 t のまま"),
    (lambda im: im.reshape(len(im), -1), "columns_flattened", "flattened", "平坦化"),
    (lambda im: im.reshape(len(im), im.shape[2], im.shape[1]) if im.shape[1] != im.shape[2]
     else np.swapaxes(im, 1, 2), "columns_reshaped", "a reshape is not a transpose", "reshape は転置ではありません"),
    (lambda im: np.swapaxes(im, 1, 2) if im.shape[1] == im.shape[2] else im[:, :3], "shape",
     "expected `(3, 6, 4)`", "期待される形は `(3, 6, 4)`"),
    (lambda im: np.swapaxes(im, 1, 2) * 2, "columns_values", "the wrong pixels", "画素の値が違います"),
])
def test_column_mistakes(answer, key, en, ja):
    result = check_column_scan(answer)
    assert not result and result.key == key and en in str(result), str(result)
    result_ja = check_column_scan(answer, lang="ja")
    assert result_ja.key == key and ja in str(result_ja)


def test_hard_coded_8_is_caught_on_the_non_square_case():
    result = check_column_scan(lambda im: im.reshape(-1, 8, 8).transpose(0, 2, 1))
    assert result.key == "raised" and "(3, 4, 6)" in result.problem and "Do not assume 8×8" in result.hint

    def only_8x8(im):
        out = np.swapaxes(im, 1, 2)
        return out if im.shape[1:] == (8, 8) else out[:, ::-1][:, ::-1] + 1.0
    result = check_column_scan(only_8x8, lang="ja")
    assert result.key == "columns_non_square" and "8×8 の画像では正しく動きますが" in result.problem


def test_column_dtype():
    result = check_column_scan(lambda im: np.swapaxes(im, 1, 2).astype(np.float64))
    assert result.key == "dtype"


def test_column_exception_and_unanswered():
    def broken(images):
        return images.transpose(0, 2)  # ValueError: axes don't match array
    result = check_column_scan(broken)
    assert not result and result.key == "raised" and "ValueError" in result.problem

    def stub(images):
        raise NotImplementedError
    result = check_column_scan(stub, lang="ja")
    assert result.status == "unanswered" and "まだ解答されていません" in str(result)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_single_number_is_a_wrong_shape_not_a_crash(lang):
    result = lstm.checks.check_column_scan(lambda images: 2.5, lang=lang)
    assert not result
    assert result.key == "shape"
    assert "()" in str(result)
