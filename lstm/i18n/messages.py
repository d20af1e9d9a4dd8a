"""The self-checks' messages, in both languages (message-major): what a student
reads after `lstm.checks.check_...`. `{fields}` are filled by the check."""

MESSAGES = {  # lstm/checks/messages.py
    "head_passed": {
        "en": "✅ Correct!",
        "ja": "✅ 正解です！",
    },
    "head_wrong": {
        "en": "❌ Not yet right.",
        "ja": "❌ まだ正しくありません。",
    },
    "head_unanswered": {
        "en": "✏️ Not yet answered.",
        "ja": "✏️ まだ解答されていません。",
    },
    "sep": {
        "en": " ",
        "ja": "",
    },
    "hint": {
        "en": "💡 Hint: ",
        "ja": "💡 ヒント：",
    },
    "unanswered_raises": {
        "en": "{name} still raises `NotImplementedError`. Replace `raise NotImplementedError` with your code, run that cell, then run this check again.",
        "ja": "{name} はまだ `NotImplementedError` を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセルを実行し、もう一度このチェックを実行してください。",
    },
    "unanswered_none": {
        "en": "{name} returns `None`: write the body of the function and end it with `return`.",
        "ja": "{name} が `None` を返しています。関数の中身を書き、最後に `return` で結果を返してください。",
    },
    "unanswered_ellipsis": {
        "en": "{name} returns `...`, the placeholder: replace it with your answer.",
        "ja": "{name} がプレースホルダーの `...` を返しています。あなたの解答に置き換えてください。",
    },
    "returned_none_later": {
        "en": "{name} returned `None` {where}, although it returned a value for the earlier cases.",
        "ja": "{name} は前のケースでは値を返しましたが、{where}では `None` を返しました。",
    },
    "returned_none_later_hint": {
        "en": "Is there a `return` inside an `if` that this case does not reach?",
        "ja": "`if` の中にだけ `return` があり、このケースではそこを通らない、ということはありませんか。",
    },
    "raised": {
        "en": "{name} raised an exception {where}: {error}",
        "ja": "{where}で {name} が例外を送出しました：{error}",
    },
    "error_hint": {
        "en": "Run your function on small arrays and print the shape of every intermediate value: `concat([x, h])` should be {xh}, the pre-activations {gates}, each gate and the new state {state}.",
        "ja": "小さな配列で関数を実行し、途中の値の形をひとつずつ表示してみましょう。`concat([x, h])` は {xh}、線形和は {gates}、各ゲートと新しい状態は {state} になるはずです。",
    },
    "error_signature_hint": {
        "en": "The check calls your function as {call}: make it take exactly these arguments, in this order.",
        "ja": "チェックはあなたの関数を {call} のように呼び出します。引数をちょうどこの順番で受け取るようにしてください。",
    },
    "error_split_hint": {
        "en": "The pre-activations are {gates}: split them into four blocks along the *last* axis, `tf.split(gates, 4, axis=-1)` (or `axis=1`), not along the batch axis.",
        "ja": "線形和の形は {gates} です。4 つのブロックへの分割はバッチの軸ではなく最後の軸に沿って行います：`tf.split(gates, 4, axis=-1)`（または `axis=1`）。",
    },
    "error_concat_hint": {
        "en": "`x` and `h` have the same batch size but different widths: join them along the last axis, `tf.concat([x, h], axis=1)`, which gives {xh}.",
        "ja": "`x` と `h` はバッチの大きさが同じで幅が違います。最後の軸に沿って `tf.concat([x, h], axis=1)` と連結すると {xh} になります。",
    },
    "error_matmul_hint": {
        "en": "`concat([x, h], axis=1)` is {xh} and `W` is {W}: multiply them in that order, `concat([x, h]) @ W`. If you split `W` first, split its columns (`axis=1`).",
        "ja": "`concat([x, h], axis=1)` は {xh}、`W` は {W} です。この順に `concat([x, h]) @ W` と掛けてください。先に `W` を分割するなら、列（`axis=1`）で分割します。",
    },
    "error_broadcast_hint": {
        "en": "Each of z, i, f, o and the cell state must be {state} before they are combined.",
        "ja": "z, i, f, o と記憶セルは、組み合わせる前にどれも {state} の形になっている必要があります。",
    },
    "error_dtype_hint": {
        "en": "TensorFlow refuses to mix float64 and float32. The inputs are float32: do not create float64 arrays (`np.zeros(...)` without `dtype=np.float32`).",
        "ja": "TensorFlow は float64 と float32 を混ぜて計算できません。入力は float32 なので、float64 の配列（`dtype=np.float32` を付けない `np.zeros(...)` など）を作らないようにしましょう。",
    },
    "error_none_hint": {
        "en": "Something in your code is `None`: a helper function without `return`, perhaps.",
        "ja": "コードのどこかで値が `None` になっています。`return` を忘れた補助関数はありませんか。",
    },
    "element_none": {
        "en": "{label} is `None`.",
        "ja": "{label} が `None` です。",
    },
    "element_none_hint": {
        "en": "Return both values: `return h_next, c_next`.",
        "ja": "2 つの値を両方返してください：`return h_next, c_next`。",
    },
    "element_ellipsis": {
        "en": "{label} is still the placeholder `...`.",
        "ja": "{label} がまだプレースホルダーの `...` のままです。",
    },
    "element_not_numeric": {
        "en": "{label} is not an array of numbers: got {got}.",
        "ja": "{label} が数値の配列ではありません（{got} が返されました）。",
    },
    "element_not_numeric_hint": {
        "en": "Return NumPy arrays or TensorFlow tensors.",
        "ja": "NumPy の配列か TensorFlow のテンソルを返してください。",
    },
    "nonfinite": {
        "en": "{label} contains NaN or infinity {where}.",
        "ja": "{where}で {label} に NaN または無限大が含まれています。",
    },
    "nonfinite_hint": {
        "en": "Look for a division or a logarithm that can meet 0; `tf.sigmoid` and `tf.tanh` never produce NaN.",
        "ja": "0 になりうる割り算や対数がないか確認しましょう。`tf.sigmoid` と `tf.tanh` が NaN を出すことはありません。",
    },
    "nonfinite_large_hint": {
        "en": "Your function works for ordinary inputs but overflows for large ones: an `exp` of a large number is infinite. Use `tf.sigmoid`/`tf.tanh` (or `np.tanh`) instead of building them from `exp`.",
        "ja": "普通の入力では動いていますが、大きな入力であふれています。大きな数の `exp` は無限大になります。`exp` から自作せず、`tf.sigmoid` や `tf.tanh`（または `np.tanh`）を使いましょう。",
    },
    "dtype": {
        "en": "The values are right in every case, but the result has dtype {dtype} instead of float32.",
        "ja": "どのケースでも値は正しいのですが、結果の dtype が float32 ではなく {dtype} です。",
    },
    "dtype_hint": {
        "en": "The inputs are float32, as in the model; a float64 result means a float64 array crept in (`np.zeros(...)` or `np.array(...)` without `dtype=np.float32`).",
        "ja": "入力はモデルと同じ float32 です。float64 になるのは、途中で float64 の配列（`dtype=np.float32` を付けない `np.zeros(...)` や `np.array(...)`）が混ざったためです。",
    },
    "case_random": {
        "en": "for random inputs ({shapes})",
        "ja": "ランダムな入力（{shapes}）",
    },
    "case_batch1": {
        "en": "for a batch of 1 ({shapes})",
        "ja": "バッチの大きさが 1 のケース（{shapes}）",
    },
    "case_hidden1": {
        "en": "for hidden size 1 ({shapes})",
        "ja": "隠れ層の大きさが 1 のケース（{shapes}）",
    },
    "case_large": {
        "en": "for large inputs, |x| about 100 ({shapes})",
        "ja": "|x| が 100 程度の大きな入力（{shapes}）",
    },
    "not_a_pair": {
        "en": "{name} should return a pair `(h_next, c_next)`, but it returned {got}.",
        "ja": "{name} はペア `(h_next, c_next)` を返す必要がありますが、{got} が返されました。",
    },
    "not_a_pair_hint": {
        "en": "End the function with `return h_next, c_next`.",
        "ja": "関数の最後を `return h_next, c_next` にしてください。",
    },
    "shape": {
        "en": "{label} has shape {got} {where}; expected {expected}, that is `(batch, hidden)`.",
        "ja": "{where}で {label} の形が {got} になっています。期待される形は {expected}、つまり `(batch, hidden)` です。",
    },
    "shape_hint": {
        "en": "Print the shapes of the intermediate values: each gate and the new state are `(batch, hidden)`.",
        "ja": "途中の値の形を表示してみましょう。各ゲートと新しい状態の形はどれも `(batch, hidden)` です。",
    },
    "shape_not_split": {
        "en": "{label} has shape {got} {where}, four times too wide; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、幅が 4 倍あります。期待される形は {expected} です。",
    },
    "shape_not_split_hint": {
        "en": "The pre-activations `concat([x, h]) @ W + b` hold four blocks side by side: split them, `z, i, f, o = tf.split(gates, 4, axis=-1)`, before using them.",
        "ja": "線形和 `concat([x, h]) @ W + b` には 4 つのブロックが横に並んでいます。使う前に `z, i, f, o = tf.split(gates, 4, axis=-1)` と分割しましょう。",
    },
    "shape_transposed": {
        "en": "{label} has shape {got} {where}: transposed; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、転置されています。期待される形は {expected} です。",
    },
    "shape_transposed_hint": {
        "en": "Rows are examples of the batch and columns are units: compute `concat([x, h]) @ W`, not `W.T @ ...`.",
        "ja": "行がバッチの各例、列がユニットです。`W.T @ ...` ではなく `concat([x, h]) @ W` と計算しましょう。",
    },
    "shape_squeezed": {
        "en": "{label} has shape {got} {where}: an axis is missing; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、軸がひとつ消えています。期待される形は {expected} です。",
    },
    "shape_squeezed_hint": {
        "en": "Do not `squeeze` or flatten: keep `(batch, hidden)` even when one of them is 1.",
        "ja": "`squeeze` や平坦化はしないでください。どちらかが 1 のときも `(batch, hidden)` の形のままにします。",
    },
    "hc_swapped": {
        "en": "Both values are right, but in the wrong order: you returned `(c_next, h_next)`.",
        "ja": "2 つの値はどちらも正しいのですが、順番が逆です。`(c_next, h_next)` の順で返しています。",
    },
    "hc_swapped_hint": {
        "en": "Return `h_next, c_next`, in the order of the state `(h, c)`.",
        "ja": "状態 `(h, c)` と同じ順に `h_next, c_next` を返してください。",
    },
    "gate_order": {
        "en": "The outputs are right up to the order of the gates: check z, i, f, o. Your code reads the four blocks of `W` as {order}.",
        "ja": "ゲートの順番を除けば出力は正しいようです。z, i, f, o の順を確かめてください。あなたのコードは `W` の 4 つのブロックを {order} の順に読んでいます。",
    },
    "gate_order_hint": {
        "en": "In this book the blocks of `W` and `b` are z, i, f, o: `z, i, f, o = tf.split(gates, 4, axis=-1)`.",
        "ja": "本書では `W` と `b` のブロックは z, i, f, o の順です：`z, i, f, o = tf.split(gates, 4, axis=-1)`。",
    },
    "gate_order_keras_hint": {
        "en": "That is Keras's order (i, f, c, o, where Keras's c is our z). In this book the blocks are z, i, f, o: `z, i, f, o = tf.split(gates, 4, axis=-1)`.",
        "ja": "それは Keras の順番（i, f, c, o。Keras の c は本書の z）です。本書のブロックは z, i, f, o の順です：`z, i, f, o = tf.split(gates, 4, axis=-1)`。",
    },
    "forget_on_input": {
        "en": "The forget gate seems to multiply the new input rather than the old cell state.",
        "ja": "忘却ゲートが古い記憶セルではなく、新しい入力に掛かっているようです。",
    },
    "forget_on_input_hint": {
        "en": "The forget gate decides how much of the old memory to keep, the input gate how much of the new input to write: `c_next = f * c + i * tanh(z)` (and the blocks are z, i, f, o).",
        "ja": "忘却ゲートは古い記憶をどれだけ残すかを、入力ゲートは新しい入力をどれだけ書き込むかを決めます：`c_next = f * c + i * tanh(z)`（ブロックの順は z, i, f, o）。",
    },
    "old_cell_missing": {
        "en": "The new cell state does not contain the old one: `c_next` is only `i * tanh(z)`.",
        "ja": "新しい記憶セルに古い記憶セルの内容が入っていません。`c_next` が `i * tanh(z)` だけになっています。",
    },
    "old_cell_missing_hint": {
        "en": "The memory cell carries its content forward: `c_next = f * c + i * tanh(z)`.",
        "ja": "記憶セルは内容を次の時刻へ運びます：`c_next = f * c + i * tanh(z)`。",
    },
    "input_gate_missing": {
        "en": "The input gate is missing: the new input `z` is added to the cell unfiltered.",
        "ja": "入力ゲートが抜けています。新しい入力 `z` が、ゲートを通らずにそのまま記憶セルへ足されています。",
    },
    "input_gate_missing_hint": {
        "en": "`c_next = f * c + i * tanh(z)`: the input gate decides how much of `tanh(z)` to write.",
        "ja": "`c_next = f * c + i * tanh(z)` です。`tanh(z)` をどれだけ書き込むかは入力ゲートが決めます。",
    },
    "z_no_tanh": {
        "en": "The cell input `z` is used without its `tanh`.",
        "ja": "セルへの入力 `z` に `tanh` が掛かっていません。",
    },
    "z_no_tanh_hint": {
        "en": "`z` is a small network of its own with a `tanh`: `c_next = f * c + i * tanh(z)`.",
        "ja": "`z` はそれ自体が `tanh` を持つ小さなネットワークです：`c_next = f * c + i * tanh(z)`。",
    },
    "z_sigmoid": {
        "en": "The cell input `z` goes through a sigmoid, like the gates.",
        "ja": "セルへの入力 `z` に、ゲートと同じシグモイドが掛かっています。",
    },
    "z_sigmoid_hint": {
        "en": "Only the three gates use a sigmoid (values from 0 to 1); `z` uses `tanh` (from -1 to 1), so that the cell can also be decreased.",
        "ja": "シグモイド（0 から 1）を使うのは 3 つのゲートだけです。`z` は `tanh`（-1 から 1）を使うので、記憶セルの値を減らすこともできます。",
    },
    "activations_swapped": {
        "en": "The sigmoid and the `tanh` are swapped: `z` goes through a sigmoid and the gates through `tanh`.",
        "ja": "シグモイドと `tanh` が入れ替わっています。`z` にシグモイドが、ゲートに `tanh` が掛かっています。",
    },
    "activations_swapped_hint": {
        "en": "The gates i, f, o are sigmoids, so that they open from 0 to 1; `z` is a `tanh`.",
        "ja": "ゲート i, f, o は 0 から 1 の間で開閉するのでシグモイド、`z` は `tanh` です。",
    },
    "article_variant": {
        "en": "You computed `h_next = o * c_next`, without `tanh`. That is the article's variant: it leaves out the `tanh` before the output gate.",
        "ja": "`h_next = o * c_next` と `tanh` なしで計算しています。これは記事の変種で、出力ゲートの前の `tanh` を省いています。",
    },
    "article_variant_hint": {
        "en": "This exercise asks for the standard LSTM: `h_next = o * tanh(c_next)`.",
        "ja": "この練習では標準の LSTM を求めています：`h_next = o * tanh(c_next)`。",
    },
    "tanh_not_removed": {
        "en": "You still apply `tanh` to the cell state before the output gate.",
        "ja": "出力ゲートの前で、まだ記憶セルに `tanh` を掛けています。",
    },
    "tanh_not_removed_hint": {
        "en": "The article's cell leaves it out: `h_next = o * c_next`.",
        "ja": "記事のセルはこの `tanh` を省きます：`h_next = o * c_next`。",
    },
    "output_gate_missing": {
        "en": "The output gate is missing: `h_next` shows the whole cell state.",
        "ja": "出力ゲートが抜けています。`h_next` が記憶セルの内容をそのまま出しています。",
    },
    "output_gate_missing_hint": {
        "en": "The output gate decides how much of the cell to show: multiply by `o`.",
        "ja": "記憶セルの内容をどれだけ外に出すかは出力ゲートが決めます。`o` を掛けましょう。",
    },
    "output_from_old_cell": {
        "en": "`h_next` is computed from the old cell state `c`, not from the new one.",
        "ja": "`h_next` が新しい記憶セルではなく、古い記憶セル `c` から計算されています。",
    },
    "output_from_old_cell_hint": {
        "en": "Update the cell first, then compute `h_next` from `c_next`.",
        "ja": "先に記憶セルを更新し、その `c_next` から `h_next` を計算します。",
    },
    "returned_old_state": {
        "en": "The function returns the old state `(h, c)` unchanged.",
        "ja": "関数が古い状態 `(h, c)` をそのまま返しています。",
    },
    "returned_old_state_hint": {
        "en": "Return the new values you computed: `return h_next, c_next`.",
        "ja": "計算した新しい値を返してください：`return h_next, c_next`。",
    },
    "concat_order": {
        "en": "The input and the previous output are joined in the wrong order: `[h, x]` instead of `[x, h]`.",
        "ja": "入力と前の時刻の出力を逆の順番で連結しています。`[x, h]` ではなく `[h, x]` になっています。",
    },
    "concat_order_hint": {
        "en": "The first rows of `W` read `x`, the last rows read `h`: `tf.concat([x, h], axis=1)`.",
        "ja": "`W` の最初の行が `x` を、残りの行が `h` を読みます：`tf.concat([x, h], axis=1)`。",
    },
    "bias_missing": {
        "en": "The bias `b` is missing.",
        "ja": "バイアス `b` が抜けています。",
    },
    "bias_missing_hint": {
        "en": "Add it to the weighted sum: `concat([x, h]) @ W + b`.",
        "ja": "重み付き線形和に足してください：`concat([x, h]) @ W + b`。",
    },
    "recurrence_missing": {
        "en": "The result does not depend on the previous output `h`.",
        "ja": "結果が前の時刻の出力 `h` に依存していません。",
    },
    "recurrence_missing_hint": {
        "en": "The gates read both the input and the previous output: `concat([x, h]) @ W`.",
        "ja": "ゲートは入力と前の時刻の出力の両方を読みます：`concat([x, h]) @ W`。",
    },
    "step_interleaved": {
        "en": "Each gate takes every fourth column of the pre-activations instead of a block of neighbouring columns.",
        "ja": "各ゲートが、隣り合う列のブロックではなく、線形和の 4 列おきの列を取っています。",
    },
    "step_interleaved_hint": {
        "en": "The four blocks sit side by side: `tf.split(gates, 4, axis=-1)`, or `reshape(batch, 4, hidden)`, not `reshape(batch, hidden, 4)`.",
        "ja": "4 つのブロックは横に並んでいます。`tf.split(gates, 4, axis=-1)`、または `reshape(batch, hidden, 4)` ではなく `reshape(batch, 4, hidden)` を使いましょう。",
    },
    "h_wrong": {
        "en": "`c_next` is right, but `h_next` is not {where}: it differs by up to {diff}.",
        "ja": "{where}で `c_next` は正しいのですが、`h_next` が最大 {diff} ずれています。",
    },
    "h_wrong_hint": {
        "en": "`h_next = o * tanh(c_next)`, with `o = sigmoid(...)` from the fourth block.",
        "ja": "`h_next = o * tanh(c_next)` です。`o` は 4 番目のブロックのシグモイドです。",
    },
    "h_wrong_article_hint": {
        "en": "The article's cell computes `h_next = o * c_next`, with `o = sigmoid(...)` from the fourth block.",
        "ja": "記事のセルは `h_next = o * c_next` です。`o` は 4 番目のブロックのシグモイドです。",
    },
    "c_wrong": {
        "en": "`h_next` is right but `c_next` is not {where}: it differs by up to {diff}.",
        "ja": "{where}で `h_next` は正しいのに、`c_next` が最大 {diff} ずれています。",
    },
    "c_wrong_hint": {
        "en": "Return the new cell state that you used to compute `h_next`.",
        "ja": "`h_next` の計算に使った新しい記憶セルを返してください。",
    },
    "both_wrong": {
        "en": "`h_next` and `c_next` differ from the reference {where} (by up to {diff} for `h_next`), and the difference matches none of the usual mistakes.",
        "ja": "{where}で `h_next` と `c_next` がどちらも参照実装と違い（`h_next` で最大 {diff}）、よくある間違いのどれとも一致しません。",
    },
    "both_wrong_hint": {
        "en": "Go line by line: `gates = concat([x, h]) @ W + b`; split into z, i, f, o; `tanh` on z, sigmoid on the gates; `c_next = f * c + i * z`; `h_next = o * tanh(c_next)`.",
        "ja": "1 行ずつ確かめましょう：`gates = concat([x, h]) @ W + b`、z, i, f, o に分割、z に `tanh`、ゲートにシグモイド、`c_next = f * c + i * z`、`h_next = o * tanh(c_next)`。",
    },
    "both_wrong_article_hint": {
        "en": "Go line by line: `gates = concat([x, h]) @ W + b`; split into z, i, f, o; `tanh` on z, sigmoid on the gates; `c_next = f * c + i * z`; `h_next = o * c_next`.",
        "ja": "1 行ずつ確かめましょう：`gates = concat([x, h]) @ W + b`、z, i, f, o に分割、z に `tanh`、ゲートにシグモイド、`c_next = f * c + i * z`、`h_next = o * c_next`。",
    },
    "edge_batch1": {
        "en": "Your step is right for the general cases but not {where} (off by up to {diff}).",
        "ja": "一般的なケースでは正しいのですが、{where}で最大 {diff} ずれています。",
    },
    "edge_batch1_hint": {
        "en": "Did you `squeeze` an axis or use a fixed batch size? Keep every array 2-D, `(batch, ...)`.",
        "ja": "軸を `squeeze` したり、バッチの大きさを固定したりしていませんか。配列はすべて 2 次元 `(batch, ...)` のままにしましょう。",
    },
    "edge_hidden1": {
        "en": "Your step is right for the general cases but not {where} (off by up to {diff}).",
        "ja": "一般的なケースでは正しいのですが、{where}で最大 {diff} ずれています。",
    },
    "edge_hidden1_hint": {
        "en": "Did you write the hidden size as a number? Take it from the arrays, `H = h.shape[1]`.",
        "ja": "隠れ層の大きさを数値で書いていませんか。配列から `H = h.shape[1]` のように取り出しましょう。",
    },
    "edge_large": {
        "en": "Your step is right for ordinary inputs but not {where} (off by up to {diff}).",
        "ja": "普通の入力では正しいのですが、{where}で最大 {diff} ずれています。",
    },
    "edge_large_hint": {
        "en": "A sigmoid or `tanh` built from `exp` loses precision or overflows for large arguments: use `tf.sigmoid` and `tf.tanh`.",
        "ja": "`exp` から作ったシグモイドや `tanh` は、引数が大きいと精度を失ったりあふれたりします。`tf.sigmoid` と `tf.tanh` を使いましょう。",
    },
    "step_passed": {
        "en": "Your LSTM step matches `lstm.LSTMCell` on all {n} cases: random inputs, a batch of 1, hidden size 1 and large inputs.",
        "ja": "あなたの LSTM の 1 ステップは、ランダムな入力、バッチの大きさ 1、隠れ層の大きさ 1、大きな入力の {n} ケースすべてで `lstm.LSTMCell` と一致しました。",
    },
    "article_passed": {
        "en": "Your step matches the article's cell, `lstm.LSTMCell(cell_tanh=False)`, on all {n} cases: random inputs, a batch of 1, hidden size 1 and large inputs.",
        "ja": "あなたの 1 ステップは、ランダムな入力、バッチの大きさ 1、隠れ層の大きさ 1、大きな入力の {n} ケースすべてで記事のセル `lstm.LSTMCell(cell_tanh=False)` と一致しました。",
    },
    "split_case": {
        "en": "for `W` {W} and `b` {b}",
        "ja": "`W` が {W}、`b` が {b} のケース",
    },
    "split_error_hint": {
        "en": "`W` is {gates}: its four gates are four blocks of columns, so split along the last axis, `np.split(W, 4, axis=1)`; `b` is 1-D, `np.split(b, 4)`.",
        "ja": "`W` は {gates} で、4 つのゲートは列のブロックです。最後の軸に沿って `np.split(W, 4, axis=1)` と分割します。`b` は 1 次元なので `np.split(b, 4)` です。",
    },
    "split_format": {
        "en": "{name} should return `(W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)`, but it returned {got}.",
        "ja": "{name} は `(W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)` を返す必要がありますが、{got} が返されました。",
    },
    "split_format_hint": {
        "en": "Return the four blocks of `W` and the four blocks of `b`, each in the order z, i, f, o (a dict `{{\"z\": (W_z, b_z), ...}}` works too).",
        "ja": "`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, f, o の順に返してください（辞書 `{{\"z\": (W_z, b_z), ...}}` でもかまいません）。",
    },
    "split_four": {
        "en": "{name} returned four things ({got}): the blocks of `W` only?",
        "ja": "{name} が 4 つの値（{got}）を返しました。`W` のブロックだけではありませんか。",
    },
    "split_four_hint": {
        "en": "Split `b` too and return both: `return (W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)`.",
        "ja": "`b` も分割して両方を返してください：`return (W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)`。",
    },
    "split_dict_keys": {
        "en": "The dict should have the keys `z`, `i`, `f`, `o`; it has {keys}.",
        "ja": "辞書のキーは `z`, `i`, `f`, `o` である必要がありますが、{keys} になっています。",
    },
    "split_dict_keys_hint": {
        "en": "Use the book's names: z (cell input), i, f, o.",
        "ja": "本書の名前 z（セルへの入力）, i, f, o を使ってください。",
    },
    "split_rows": {
        "en": "{label} has shape {got} {where}: you split the rows of `W`; expected {expected}.",
        "ja": "{where}で {label} の形が {got} です。`W` を行で分割しています。期待される形は {expected} です。",
    },
    "split_rows_hint": {
        "en": "The rows of `W` are the inputs `[x, h]`, its columns the four gates: split the columns, `np.split(W, 4, axis=1)`.",
        "ja": "`W` の行は入力 `[x, h]` に、列は 4 つのゲートに対応します。列で分割しましょう：`np.split(W, 4, axis=1)`。",
    },
    "split_transposed_hint": {
        "en": "Each gate's block keeps all the rows of `W`: `(input + hidden, hidden)`. Do not transpose it.",
        "ja": "各ゲートのブロックは `W` の行をすべて持ち、形は `(input + hidden, hidden)` です。転置しないでください。",
    },
    "split_not_split": {
        "en": "{label} has shape {got} {where}: the whole `W`, not one gate's block; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、1 つのゲートのブロックではなく `W` 全体になっています。期待される形は {expected} です。",
    },
    "split_not_split_hint": {
        "en": "`np.split(W, 4, axis=1)` returns the four blocks.",
        "ja": "`np.split(W, 4, axis=1)` で 4 つのブロックが得られます。",
    },
    "split_b_not_split": {
        "en": "{label} has shape {got} {where}: the whole `b`; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、`b` 全体になっています。期待される形は {expected} です。",
    },
    "split_b_not_split_hint": {
        "en": "Split `b` into four blocks as well: `np.split(b, 4)`.",
        "ja": "`b` も 4 つのブロックに分割しましょう：`np.split(b, 4)`。",
    },
    "split_shape_hint": {
        "en": "Each `W_g` is `(input + hidden, hidden)` and each `b_g` is `(hidden,)`.",
        "ja": "各 `W_g` の形は `(input + hidden, hidden)`、各 `b_g` の形は `(hidden,)` です。",
    },
    "split_order": {
        "en": "The blocks of {what} are right but in the wrong order: you return them as {order}. The outputs are right up to the order of the gates: check z, i, f, o.",
        "ja": "{what} のブロックの中身は正しいのですが、順番が違います（{order} の順で返しています）。ゲートの順番を除けば正しいので、z, i, f, o の順を確かめてください。",
    },
    "split_interleaved": {
        "en": "Each block of {what} takes every fourth column instead of neighbouring columns.",
        "ja": "{what} の各ブロックが、隣り合う列ではなく 4 列おきの列を取っています。",
    },
    "split_interleaved_hint": {
        "en": "The blocks sit side by side: block k is columns `k*H:(k+1)*H`, which `np.split(..., 4, axis=-1)` gives.",
        "ja": "ブロックは横に並んでいます。k 番目のブロックは列 `k*H:(k+1)*H` で、`np.split(..., 4, axis=-1)` で得られます。",
    },
    "split_values": {
        "en": "{label} has the right shape but not the right values {where}.",
        "ja": "{where}で {label} の形は正しいのですが、値が違います。",
    },
    "split_values_hint": {
        "en": "Block {k} of {what} is its columns {cols}, in the order z, i, f, o.",
        "ja": "{what} の {k} 番目のブロックは列 {cols} です（順番は z, i, f, o）。",
    },
    "split_passed": {
        "en": "The four blocks of `W` and `b` are those `lstm.LSTMCell` uses for z, i, f, o, in all {n} cases (including hidden size 1).",
        "ja": "`W` と `b` の 4 つのブロックは、隠れ層の大きさ 1 を含む {n} ケースすべてで、`lstm.LSTMCell` が z, i, f, o に使うブロックと一致しました。",
    },
    "params_case": {
        "en": "for input size {I} and hidden size {H}",
        "ja": "入力の大きさ {I}、隠れ層の大きさ {H} のケース",
    },
    "params_unanswered": {
        "en": "The answer is still `None` or `...`: replace it with your count.",
        "ja": "解答がまだ `None` か `...` のままです。数えた値に置き換えてください。",
    },
    "params_error_hint": {
        "en": "The function receives two integers, `input_size` and `hidden_size`, and returns one integer.",
        "ja": "関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を 1 つ返します。",
    },
    "params_not_number": {
        "en": "The answer should be a whole number, but it is {got}.",
        "ja": "解答は整数である必要がありますが、{got} になっています。",
    },
    "params_not_number_hint": {
        "en": "Give the count as an integer, e.g. `10_400`, not as a string or a list.",
        "ja": "文字列やリストではなく、`10_400` のような整数で答えてください。",
    },
    "params_not_whole": {
        "en": "A number of parameters is a whole number, but the answer is {got}.",
        "ja": "パラメータの数は整数のはずですが、解答が {got} になっています。",
    },
    "params_not_whole_hint": {
        "en": "Use integer arithmetic: `*` and `+` (and `//` if you divide), not `/`.",
        "ja": "整数の演算 `*` と `+`（割るなら `//`）を使い、`/` は使わないでください。",
    },
    "params_wrong": {
        "en": "{got} is not the number of parameters of a cell with input size {I} and hidden size {H}.",
        "ja": "{got} は、入力の大きさ {I}、隠れ層の大きさ {H} のセルのパラメータ数ではありません。",
    },
    "params_wrong_hint": {
        "en": "Count the entries of `W` (rows: input and previous output; columns: four gates) and of `b`.",
        "ja": "`W`（行：入力と前の時刻の出力、列：4 つのゲート）と `b` の要素数を数えましょう。",
    },
    "params_no_bias": {
        "en": "{got} counts the weights `W` but not the bias `b` (input size {I}, hidden size {H}).",
        "ja": "{got} は重み `W` だけを数えていて、バイアス `b` が入っていません（入力 {I}、隠れ層 {H}）。",
    },
    "params_no_bias_hint": {
        "en": "Each of the four small networks also has a bias of `hidden_size` values.",
        "ja": "4 つの小さなネットワークは、それぞれ `hidden_size` 個のバイアスも持っています。",
    },
    "params_one_bias": {
        "en": "{got} counts one bias vector of `hidden_size` values for the whole cell (input size {I}, hidden size {H}).",
        "ja": "{got} はセル全体でバイアスを `hidden_size` 個しか数えていません（入力 {I}、隠れ層 {H}）。",
    },
    "params_one_bias_hint": {
        "en": "Each of the four small networks has its own bias: `b` has `4 * hidden_size` values.",
        "ja": "4 つの小さなネットワークがそれぞれバイアスを持つので、`b` の要素数は `4 * hidden_size` です。",
    },
    "params_two_biases": {
        "en": "{got} counts two bias vectors (input size {I}, hidden size {H}).",
        "ja": "{got} はバイアスを 2 組数えています（入力 {I}、隠れ層 {H}）。",
    },
    "params_two_biases_hint": {
        "en": "PyTorch keeps two biases per gate; this cell, like Keras, has one `b` of `4 * hidden_size` values.",
        "ja": "PyTorch はゲートごとにバイアスを 2 つ持ちますが、このセルは Keras と同じく `4 * hidden_size` 個の `b` を 1 つだけ持ちます。",
    },
    "params_one_gate": {
        "en": "{got} is the count of one gate only (input size {I}, hidden size {H}).",
        "ja": "{got} は 1 つのゲートの分しか数えていません（入力 {I}、隠れ層 {H}）。",
    },
    "params_one_gate_hint": {
        "en": "The cell is four small networks, z, i, f and o, each with its own weights and bias.",
        "ja": "セルは z, i, f, o の 4 つの小さなネットワークからなり、それぞれが重みとバイアスを持ちます。",
    },
    "params_three_networks": {
        "en": "{got} counts three networks (input size {I}, hidden size {H}): the three gates without z?",
        "ja": "{got} は 3 つのネットワークしか数えていません（入力 {I}、隠れ層 {H}）。3 つのゲートだけで z を忘れていませんか。",
    },
    "params_three_networks_hint": {
        "en": "The cell input z is a small network too, with the same shape of weights as a gate.",
        "ja": "セルへの入力 z も、ゲートと同じ形の重みを持つ小さなネットワークです。",
    },
    "params_no_recurrent": {
        "en": "{got} leaves out the weights that read the previous output `h` (input size {I}, hidden size {H}).",
        "ja": "{got} には前の時刻の出力 `h` を読む重みが入っていません（入力 {I}、隠れ層 {H}）。",
    },
    "params_no_recurrent_hint": {
        "en": "`W` reads `concat([x, h])`: it has `input_size + hidden_size` rows.",
        "ja": "`W` は `concat([x, h])` を読むので、行の数は `input_size + hidden_size` です。",
    },
    "params_no_input": {
        "en": "{got} leaves out the weights that read the input `x` (input size {I}, hidden size {H}).",
        "ja": "{got} には入力 `x` を読む重みが入っていません（入力 {I}、隠れ層 {H}）。",
    },
    "params_no_input_hint": {
        "en": "`W` reads `concat([x, h])`: it has `input_size + hidden_size` rows.",
        "ja": "`W` は `concat([x, h])` を読むので、行の数は `input_size + hidden_size` です。",
    },
    "params_swapped": {
        "en": "{got} looks like the right formula with input size and hidden size swapped (input size {I}, hidden size {H}).",
        "ja": "{got} は、正しい式で入力の大きさと隠れ層の大きさを入れ替えた値のようです（入力 {I}、隠れ層 {H}）。",
    },
    "params_swapped_hint": {
        "en": "`W` has `input_size + hidden_size` rows and `4 * hidden_size` columns.",
        "ja": "`W` は `input_size + hidden_size` 行、`4 * hidden_size` 列です。",
    },
    "params_passed_number": {
        "en": "A cell with input size {I} and hidden size {H} has {count} parameters.",
        "ja": "入力の大きさ {I}、隠れ層の大きさ {H} のセルのパラメータは {count} 個です。",
    },
    "params_passed_fn": {
        "en": "{name} gives the right count for all {n} sizes tried (e.g. {count} for input size {I}, hidden size {H}).",
        "ja": "{name} は試した {n} 通りの大きさすべてで正しい数を返しました（例：入力 {I}、隠れ層 {H} で {count} 個）。",
    },
    "bias_case": {
        "en": "for hidden size {H} and `forget_bias={value}` (`b` {b})",
        "ja": "隠れ層の大きさ {H}、`forget_bias={value}`（`b` は {b}）のケース",
    },
    "bias_in_place": {
        "en": "{name} changed `b` in place but returned `None`.",
        "ja": "{name} は `b` をその場で書き換えましたが、`None` を返しています。",
    },
    "bias_in_place_hint": {
        "en": "End the function with `return b` (or work on a copy, `b = b.copy()`, and return it).",
        "ja": "関数の最後に `return b` を書きましょう（コピー `b = b.copy()` を作って書き換え、それを返してもかまいません）。",
    },
    "bias_error_hint": {
        "en": "`b` has `4 * H` entries in the blocks z, i, f, o; the hidden size is `H = len(b) // 4` (an integer: `//`, not `/`).",
        "ja": "`b` は z, i, f, o のブロックからなる `4 * H` 個の要素を持ちます。隠れ層の大きさは `H = len(b) // 4` です（`/` ではなく整数の `//`）。",
    },
    "bias_format_hint": {
        "en": "Return the whole bias vector, a NumPy array or a TensorFlow tensor.",
        "ja": "バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返してください。",
    },
    "bias_only_f": {
        "en": "The result has shape {got} {where}: only the f block? Expected the whole vector, {expected}.",
        "ja": "{where}で結果の形が {got} です。f のブロックだけではありませんか。ベクトル全体 {expected} が期待されています。",
    },
    "bias_only_f_hint": {
        "en": "Return all of `b`, with its f block replaced.",
        "ja": "f のブロックを置き換えた `b` 全体を返してください。",
    },
    "bias_shape_hint": {
        "en": "The result has the shape of `b`: `(4 * hidden,)`.",
        "ja": "結果の形は `b` と同じ `(4 * hidden,)` です。",
    },
    "bias_unchanged": {
        "en": "`b` comes back unchanged {where}.",
        "ja": "{where}で `b` がそのまま返されています。",
    },
    "bias_unchanged_hint": {
        "en": "Write `forget_bias` into the f block, entries `2*H:3*H`, before returning `b`.",
        "ja": "`b` を返す前に、f のブロック（要素 `2*H:3*H`）へ `forget_bias` を書き込みましょう。",
    },
    "bias_all_blocks": {
        "en": "Every entry of `b` was set to {value}, not only the forget gate's block.",
        "ja": "忘却ゲートのブロックだけでなく、`b` のすべての要素が {value} になっています。",
    },
    "bias_all_blocks_hint": {
        "en": "Only the third block (f) changes; z, i and o keep their values.",
        "ja": "変えるのは 3 番目のブロック（f）だけです。z, i, o の値はそのまま残します。",
    },
    "bias_added": {
        "en": "The f block became its old value plus {value} ({where}): `forget_bias` should replace the block, not be added to it.",
        "ja": "f のブロックが元の値に {value} を足した値になっています（{where}）。`forget_bias` は足すのではなく、ブロックの値と置き換えます。",
    },
    "bias_added_hint": {
        "en": "Set the block, `b[2*H:3*H] = forget_bias`; `+=` only agrees when the block starts at 0.",
        "ja": "`b[2*H:3*H] = forget_bias` と代入します。`+=` で同じ結果になるのは、ブロックが 0 から始まるときだけです。",
    },
    "bias_wrong_block": {
        "en": "You set block {block} ({gate}), entries {cols}; the forget gate is the third block.",
        "ja": "{block} 番目のブロック（{gate}）、要素 {cols} を設定しています。忘却ゲートは 3 番目のブロックです。",
    },
    "bias_wrong_block_hint": {
        "en": "The blocks are z, i, f, o, each `H` long: f is `b[2*H:3*H]`.",
        "ja": "ブロックは z, i, f, o の順で、それぞれ長さ `H` です。f は `b[2*H:3*H]` です。",
    },
    "bias_interleaved": {
        "en": "Every fourth entry was set instead of one block of neighbouring entries.",
        "ja": "隣り合う要素のブロックではなく、4 つおきの要素を設定しています。",
    },
    "bias_interleaved_hint": {
        "en": "The blocks sit one after the other: f is `b[2*H:3*H]`, not `b[2::4]`.",
        "ja": "ブロックは順に並んでいます。f は `b[2::4]` ではなく `b[2*H:3*H]` です。",
    },
    "bias_others_changed": {
        "en": "The f block is right, but the other blocks were set to 0 {where}.",
        "ja": "{where}で f のブロックは正しいのですが、ほかのブロックが 0 になっています。",
    },
    "bias_others_changed_hint": {
        "en": "Start from `b` (a copy of it), not from zeros, and change only `b[2*H:3*H]`.",
        "ja": "0 のベクトルからではなく `b`（のコピー）から始め、`b[2*H:3*H]` だけを変えましょう。",
    },
    "bias_values": {
        "en": "Entries {entries} of the result are wrong {where}.",
        "ja": "{where}で結果の要素 {entries} が違います。",
    },
    "bias_values_hint": {
        "en": "Only the f block, entries {cols}, becomes `forget_bias`; check the ends of your slice.",
        "ja": "`forget_bias` にするのは f のブロック、要素 {cols} だけです。スライスの両端を確かめましょう。",
    },
    "bias_passed": {
        "en": "Your function sets the forget gate's block of `b` and leaves z, i and o untouched, in all {n} cases.",
        "ja": "{n} ケースすべてで、`b` の忘却ゲートのブロックだけが設定され、z, i, o はそのまま残っています。",
    },
    "columns_case": {
        "en": "for images of shape {shape}",
        "ja": "形が {shape} の画像",
    },
    "columns_error_hint": {
        "en": "The function receives `(n, rows, cols)` and returns `(n, cols, rows)`: keep the batch axis first and exchange the last two. Do not assume 8×8.",
        "ja": "関数は `(n, rows, cols)` を受け取り `(n, cols, rows)` を返します。バッチの軸は先頭のまま、最後の 2 つの軸を入れ替えます。8×8 を前提にしないでください。",
    },
    "columns_format_hint": {
        "en": "Return the images as a NumPy array or a TensorFlow tensor.",
        "ja": "画像を NumPy の配列か TensorFlow のテンソルで返してください。",
    },
    "columns_all_axes": {
        "en": "The result has shape {got} {where}: every axis was reversed, the batch axis too; expected {expected}.",
        "ja": "{where}で結果の形が {got} です。バッチの軸も含めてすべての軸が逆になっています。期待される形は {expected} です。",
    },
    "columns_all_axes_hint": {
        "en": "`images.T` reverses all axes. Keep axis 0 (the batch) and exchange axes 1 and 2.",
        "ja": "`images.T` はすべての軸を逆にします。軸 0（バッチ）はそのままにして、軸 1 と 2 を入れ替えましょう。",
    },
    "columns_flattened": {
        "en": "The result has shape {got} {where}: the images were flattened; expected {expected}.",
        "ja": "{where}で結果の形が {got} で、画像が平坦化されています。期待される形は {expected} です。",
    },
    "columns_flattened_hint": {
        "en": "The scan needs `(n, time steps, features)`: one column per step, one pixel of that column per feature.",
        "ja": "スキャンには `(n, 時刻, 特徴量)` の形が必要です。1 時刻に 1 列、その列の各画素が特徴量です。",
    },
    "columns_batch_moved": {
        "en": "The result has shape {got} {where}: the batch axis is no longer first; expected {expected}.",
        "ja": "{where}で結果の形が {got} で、バッチの軸が先頭でなくなっています。期待される形は {expected} です。",
    },
    "columns_batch_moved_hint": {
        "en": "Exchange only the last two axes (rows and columns); the images stay along axis 0.",
        "ja": "入れ替えるのは最後の 2 つの軸（行と列）だけです。画像の並びは軸 0 のままです。",
    },
    "columns_shape_hint": {
        "en": "Rows and columns change places: `(n, rows, cols)` becomes `(n, cols, rows)`.",
        "ja": "行と列が入れ替わるので、`(n, rows, cols)` は `(n, cols, rows)` になります。",
    },
    "columns_unchanged": {
        "en": "The images come back unchanged {where}: time step t is still row t.",
        "ja": "{where}で画像が変わらずに返ってきています。時刻 t はまだ行 t のままです。",
    },
    "columns_unchanged_hint": {
        "en": "Column t must become row t: exchange the last two axes.",
        "ja": "列 t が行 t になるように、最後の 2 つの軸を入れ替えましょう。",
    },
    "columns_reshaped": {
        "en": "The result has the right shape {where} but its pixels are scrambled: a reshape is not a transpose.",
        "ja": "{where}で結果の形は正しいのですが、画素の並びが崩れています。reshape は転置ではありません。",
    },
    "columns_reshaped_hint": {
        "en": "`reshape` keeps the pixels in reading order and only regroups them; exchange the axes instead (`np.swapaxes`, `np.transpose` with an axis order, or `tf.transpose` with `perm`).",
        "ja": "`reshape` は画素を読む順番のまま区切り直すだけです。軸そのものを入れ替えましょう（`np.swapaxes`、軸の順を指定した `np.transpose`、`perm` を指定した `tf.transpose`）。",
    },
    "columns_rows_reversed": {
        "en": "You reversed the order of the rows {where}: the scan reads rows bottom to top, not columns.",
        "ja": "{where}で行の順番を逆にしています。これでは列ではなく、行を下から上へ読むことになります。",
    },
    "columns_rows_reversed_hint": {
        "en": "Reading columns means that step t sees column t: exchange the last two axes instead of flipping.",
        "ja": "列を読むとは、時刻 t に列 t を見ることです。反転ではなく、最後の 2 つの軸を入れ替えましょう。",
    },
    "columns_mirrored": {
        "en": "You mirrored each image left to right {where}: the scan still reads rows.",
        "ja": "{where}で各画像を左右に反転しています。スキャンはまだ行を読んでいます。",
    },
    "columns_mirrored_hint": {
        "en": "A flip keeps rows as rows; exchange the last two axes instead.",
        "ja": "反転しても行は行のままです。最後の 2 つの軸を入れ替えましょう。",
    },
    "columns_rotated_180": {
        "en": "You turned each image upside down {where}: the scan still reads rows, from the bottom.",
        "ja": "{where}で各画像を上下逆さまにしています。スキャンは下から行を読むだけです。",
    },
    "columns_rotated_180_hint": {
        "en": "Exchange the last two axes instead of flipping.",
        "ja": "反転ではなく、最後の 2 つの軸を入れ替えましょう。",
    },
    "columns_reversed": {
        "en": "The steps are columns {where}, but read from right to left: a rotation (`np.rot90`) also reverses the order.",
        "ja": "{where}で時刻は列になっていますが、右から左へ読んでいます。回転（`np.rot90`）は順番も逆にします。",
    },
    "columns_reversed_hint": {
        "en": "Use a plain transpose of the last two axes, so that step t is column t from the left.",
        "ja": "最後の 2 つの軸の単純な転置を使い、時刻 t が左から t 番目の列になるようにしましょう。",
    },
    "columns_upside_down": {
        "en": "The steps are columns {where}, but each column is read from the bottom up (`np.rot90` with `k=-1` does this).",
        "ja": "{where}で時刻は列になっていますが、各列を下から上へ読んでいます（`k=-1` の `np.rot90` がこうなります）。",
    },
    "columns_upside_down_hint": {
        "en": "Use a plain transpose of the last two axes: no rotation, no flip.",
        "ja": "回転も反転もせず、最後の 2 つの軸を単純に転置しましょう。",
    },
    "columns_non_square": {
        "en": "Your function works for 8×8 images but not {where}.",
        "ja": "8×8 の画像では正しく動きますが、{where}では正しくありません。",
    },
    "columns_non_square_hint": {
        "en": "Do not write 8 in the code: exchange the last two axes whatever their sizes.",
        "ja": "コードに 8 を書かないでください。大きさに関係なく、最後の 2 つの軸を入れ替えましょう。",
    },
    "columns_values": {
        "en": "The result has the right shape {where} but the wrong pixels.",
        "ja": "{where}で結果の形は正しいのですが、画素の値が違います。",
    },
    "columns_values_hint": {
        "en": "Step t, feature r must be pixel `images[k, r, t]`: `out[k, t, r] == images[k, r, t]`.",
        "ja": "時刻 t の特徴量 r は画素 `images[k, r, t]` です：`out[k, t, r] == images[k, r, t]`。",
    },
    "columns_passed": {
        "en": "Step t is column t, read top to bottom, in all {n} cases (a batch, a single image, a non-square image).",
        "ja": "バッチ、1 枚の画像、正方形でない画像の {n} ケースすべてで、時刻 t が列 t（上から下へ）になっています。",
    },
    "bwd_not_five": {
        "en": "{name} should return five arrays `(dx, dh_prev, dc_prev, dW, db)`, but it returned {got}.",
        "ja": "{name} は 5 つの配列 `(dx, dh_prev, dc_prev, dW, db)` を返す必要がありますが、{got} が返されました。",
    },
    "bwd_not_five_hint": {
        "en": "End the function with `return dx, dh_prev, dc_prev, dW, db`, in this order.",
        "ja": "関数の最後を `return dx, dh_prev, dc_prev, dW, db` にしてください（この順番です）。",
    },
    "bwd_error_hint": {
        "en": "Print the shape of every intermediate value: `dh`, `dc` and each gate are {state}, the four blocks of `da` joined {da}, `xh = concat([x, h_prev])` {xh} and `W` {W}; `xh.T @ da` is then {W} and `da @ W.T` is {xh}.",
        "ja": "途中の値の形をひとつずつ表示してみましょう。`dh`、`dc` と各ゲートは {state}、4 つのブロックをつなげた `da` は {da}、`xh = concat([x, h_prev])` は {xh}、`W` は {W} です。`xh.T @ da` は {W}、`da @ W.T` は {xh} になります。",
    },
    "bwd_error_matmul_hint": {
        "en": "`da` is {da} and `W` is {W}: the gradient for `concat([x, h_prev])` is `da @ W.T`, {xh} (not `da @ W`), and the weights' gradient is `xh.T @ da`, {W}.",
        "ja": "`da` は {da}、`W` は {W} です。`concat([x, h_prev])` の勾配は `da @ W.T`（形は {xh}）で、`da @ W` ではありません。重みの勾配は `xh.T @ da`（形は {W}）です。",
    },
    "bwd_shape": {
        "en": "{label} has shape {got} {where}; expected {expected}.",
        "ja": "{where}で {label} の形が {got} になっています。期待される形は {expected} です。",
    },
    "bwd_shape_hint": {
        "en": "A gradient has the shape of what it is the gradient of: `dx` that of `x`, `dh_prev` and `dc_prev` those of `h_prev` and `c_prev`, `dW` that of `W`, `db` that of `b`.",
        "ja": "勾配の形は、微分する相手と同じです。`dx` は `x`、`dh_prev` と `dc_prev` は `h_prev` と `c_prev`、`dW` は `W`、`db` は `b` と同じ形になります。",
    },
    "bwd_transposed": {
        "en": "{label} has shape {got} {where}: transposed; expected {expected}.",
        "ja": "{where}で {label} の形が {got} で、転置されています。期待される形は {expected} です。",
    },
    "bwd_transposed_hint": {
        "en": "Rows are the examples of the batch, as in the forward step: `dxh = da @ W.T` is `(batch, input + hidden)`.",
        "ja": "順伝播と同じく、行がバッチの各例です。`dxh = da @ W.T` の形は `(batch, input + hidden)` です。",
    },
    "bwd_dW_transposed": {
        "en": "`dW` has shape {got} {where}: transposed; expected {expected}, the shape of `W`.",
        "ja": "{where}で `dW` の形が {got} で、転置されています。期待される形は `W` と同じ {expected} です。",
    },
    "bwd_dW_transposed_hint": {
        "en": "The forward step computes `xh @ W` with `xh = concat([x, h_prev])`, so the gradient of `W` is `xh.T @ da`, not `da.T @ xh`.",
        "ja": "順伝播では `xh = concat([x, h_prev])` として `xh @ W` を計算しているので、`W` の勾配は `da.T @ xh` ではなく `xh.T @ da` です。",
    },
    "bwd_db_not_summed": {
        "en": "`db` has shape {got} {where}, one row per example; expected {expected}.",
        "ja": "{where}で `db` の形が {got} で、バッチの例ごとに 1 行ずつあります。期待される形は {expected} です。",
    },
    "bwd_db_not_summed_hint": {
        "en": "The same `b` is added to every example of the batch, so its gradient is the sum over the batch: `db = da.sum(axis=0)`.",
        "ja": "同じ `b` がバッチのすべての例に足されるので、その勾配はバッチ全体の和です：`db = da.sum(axis=0)`。",
    },
    "bwd_dc_prev_no_f": {
        "en": "`dc_prev` is missing the forget gate: the gradient goes on to the previous cell state without being multiplied by `f`.",
        "ja": "`dc_prev` に忘却ゲートが掛かっていません。勾配が `f` を掛けられないまま 1 時刻前のセル状態へ渡っています。",
    },
    "bwd_dc_prev_no_f_hint": {
        "en": "The forward step is `c = f * c_prev + i * z`, so `∂c/∂c_prev = f`: `dc_prev = dc_total * f`, with `dc_total = dc + dh * o * (1 - tanh(c)**2)`.",
        "ja": "順伝播は `c = f * c_prev + i * z` なので `∂c/∂c_prev = f` です：`dc_prev = dc_total * f`（`dc_total = dc + dh * o * (1 - tanh(c)**2)`）。",
    },
    "bwd_dc_prev_missing": {
        "en": "`dc_prev` is zero: no gradient reaches the previous cell state.",
        "ja": "`dc_prev` が 0 です。1 時刻前のセル状態に勾配がまったく届いていません。",
    },
    "bwd_dc_prev_missing_hint": {
        "en": "This is the path along which the memory cell carries the gradient back in time: `dc_prev = dc_total * f`, with `dc_total = dc + dh * o * (1 - tanh(c)**2)`.",
        "ja": "これは、記憶セルが勾配を前の時刻へ運ぶ経路です：`dc_prev = dc_total * f`（`dc_total = dc + dh * o * (1 - tanh(c)**2)`）。",
    },
    "bwd_h_path_missing": {
        "en": "The gradient that arrives through `h` never reaches the cell state: you used `dc` alone where `dc + dh * o * (1 - tanh(c)**2)` belongs.",
        "ja": "`h` を通って届く勾配がセル状態に入っていません。`dc + dh * o * (1 - tanh(c)**2)` を使うべきところで、`dc` だけを使っています。",
    },
    "bwd_h_path_missing_hint": {
        "en": "`c` reaches the loss along two paths: through the later time steps (`dc`) and through this step's output `h = o * tanh(c)`. Add both before using them: `dc_total = dc + dh * o * (1 - tanh(c)**2)`.",
        "ja": "`c` から損失へは 2 つの経路があります。後の時刻を通る経路（`dc`）と、この時刻の出力 `h = o * tanh(c)` を通る経路です。使う前に両方を足します：`dc_total = dc + dh * o * (1 - tanh(c)**2)`。",
    },
    "bwd_tanh_slope_missing": {
        "en": "The derivative of `tanh(c)` is missing: the gradient from `h` enters the cell state as `dh * o`.",
        "ja": "`tanh(c)` の微分が抜けています。`h` からの勾配が `dh * o` のままセル状態に入っています。",
    },
    "bwd_tanh_slope_missing_hint": {
        "en": "`h = o * tanh(c)`, so `∂h/∂c = o * (1 - tanh(c)**2)`: `dc_total = dc + dh * o * (1 - tanh(c)**2)`.",
        "ja": "`h = o * tanh(c)` なので `∂h/∂c = o * (1 - tanh(c)**2)` です：`dc_total = dc + dh * o * (1 - tanh(c)**2)`。",
    },
    "bwd_tanh_not_slope": {
        "en": "You multiplied by `tanh(c)` where its derivative, `1 - tanh(c)**2`, belongs.",
        "ja": "`tanh(c)` の微分 `1 - tanh(c)**2` を掛けるべきところで、`tanh(c)` そのものを掛けています。",
    },
    "bwd_tanh_not_slope_hint": {
        "en": "The derivative of `tanh` is `1 - tanh**2`: `dc_total = dc + dh * o * (1 - tanh(c)**2)`. `tanh(c)` itself belongs in the output gate's gradient, `do = dh * tanh(c)`.",
        "ja": "`tanh` の微分は `1 - tanh**2` です：`dc_total = dc + dh * o * (1 - tanh(c)**2)`。`tanh(c)` そのものを使うのは出力ゲートの勾配 `do = dh * tanh(c)` のほうです。",
    },
    "bwd_sigmoid_as_value": {
        "en": "The gates' derivative is wrong: you multiplied by the gate `σ(a)` itself instead of its derivative `σ(a) * (1 - σ(a))`.",
        "ja": "ゲートの微分が違います。微分 `σ(a) * (1 - σ(a))` ではなく、ゲートの値 `σ(a)` そのものを掛けています。",
    },
    "bwd_sigmoid_as_value_hint": {
        "en": "For a gate `g = σ(a)`, `dg/da = g * (1 - g)`, and `g` is already in the cache: `da_i = di * i * (1 - i)`, and the same for `f` and `o`.",
        "ja": "ゲート `g = σ(a)` では `dg/da = g * (1 - g)` で、`g` はキャッシュにもう入っています：`da_i = di * i * (1 - i)`。`f` と `o` も同じです。",
    },
    "bwd_sigmoid_tanh_prime": {
        "en": "The gates use the derivative of `tanh`, `1 - g**2`, but they are sigmoids.",
        "ja": "ゲートに `tanh` の微分 `1 - g**2` を使っていますが、ゲートはシグモイドです。",
    },
    "bwd_sigmoid_tanh_prime_hint": {
        "en": "Only the cell input `z` is a `tanh` (`da_z = dz * (1 - z**2)`); the input, forget and output gates are sigmoids: `da_i = di * i * (1 - i)`, and the same for `f` and `o`.",
        "ja": "`tanh` なのはセル入力 `z` だけです（`da_z = dz * (1 - z**2)`）。入力ゲート、忘却ゲート、出力ゲートはシグモイドなので `da_i = di * i * (1 - i)` です。`f` と `o` も同じです。",
    },
    "bwd_sigmoid_twice": {
        "en": "The sigmoid is applied twice: `i`, `f` and `o` in the cache are already the gates' values, and you computed `σ(i) * (1 - σ(i))`.",
        "ja": "シグモイドが 2 回掛かっています。キャッシュの `i`、`f`、`o` はすでにゲートの値なのに、`σ(i) * (1 - σ(i))` を計算しています。",
    },
    "bwd_sigmoid_twice_hint": {
        "en": "Use the cached values as they are: `da_i = di * i * (1 - i)`.",
        "ja": "キャッシュの値をそのまま使います：`da_i = di * i * (1 - i)`。",
    },
    "bwd_z_sigmoid_prime": {
        "en": "The cell input `z` uses the sigmoid's derivative `z * (1 - z)`, but `z` is a `tanh`.",
        "ja": "セル入力 `z` にシグモイドの微分 `z * (1 - z)` を使っていますが、`z` は `tanh` です。",
    },
    "bwd_z_sigmoid_prime_hint": {
        "en": "`z = tanh(a_z)`, so `da_z = dz * (1 - z**2)`.",
        "ja": "`z = tanh(a_z)` なので `da_z = dz * (1 - z**2)` です。",
    },
    "bwd_z_slope_missing": {
        "en": "The derivative of the cell input's `tanh` is missing: `da_z` is just `dz`.",
        "ja": "セル入力の `tanh` の微分が抜けています。`da_z` が `dz` のままです。",
    },
    "bwd_z_slope_missing_hint": {
        "en": "The pre-activation `a_z` goes through a `tanh` on the way forward, so on the way back: `da_z = dz * (1 - z**2)`.",
        "ja": "線形和 `a_z` は順伝播で `tanh` を通るので、逆伝播では `da_z = dz * (1 - z**2)` となります。",
    },
    "bwd_z_tanh_twice": {
        "en": "`tanh` is applied twice: `z` in the cache is already `tanh(a_z)`, and you computed `1 - tanh(z)**2`.",
        "ja": "`tanh` が 2 回掛かっています。キャッシュの `z` はすでに `tanh(a_z)` なのに、`1 - tanh(z)**2` を計算しています。",
    },
    "bwd_z_tanh_twice_hint": {
        "en": "Use the cached value as it is: `da_z = dz * (1 - z**2)`.",
        "ja": "キャッシュの値をそのまま使います：`da_z = dz * (1 - z**2)`。",
    },
    "bwd_df_new_c": {
        "en": "`df` uses the new cell state `c`, but the forget gate multiplies the previous one.",
        "ja": "`df` に新しいセル状態 `c` を使っていますが、忘却ゲートが掛かるのは 1 時刻前のセル状態です。",
    },
    "bwd_df_new_c_hint": {
        "en": "`c = f * c_prev + i * z`, so `df = dc_total * c_prev`.",
        "ja": "`c = f * c_prev + i * z` なので `df = dc_total * c_prev` です。",
    },
    "bwd_do_no_tanh": {
        "en": "The output gate's gradient uses `c` where `tanh(c)` belongs.",
        "ja": "出力ゲートの勾配で、`tanh(c)` ではなく `c` を使っています。",
    },
    "bwd_do_no_tanh_hint": {
        "en": "`h = o * tanh(c)`, so `do = dh * tanh(c)`.",
        "ja": "`h = o * tanh(c)` なので `do = dh * tanh(c)` です。",
    },
    "bwd_gate_order": {
        "en": "The gradients are right up to the order of the blocks: your `da` joins them as {order}, but the columns of `W` are z, i, f, o.",
        "ja": "ブロックの順番を除けば勾配は正しいようです。あなたの `da` は {order} の順につながっていますが、`W` の列は z, i, f, o の順です。",
    },
    "bwd_gate_order_hint": {
        "en": "Join the four blocks in the order of the columns of `W`: `da = np.concatenate([da_z, da_i, da_f, da_o], axis=1)`.",
        "ja": "`W` の列と同じ順に 4 つのブロックをつなげます：`da = np.concatenate([da_z, da_i, da_f, da_o], axis=1)`。",
    },
    "bwd_values": {
        "en": "These gradients differ from the reference {where}: {wrong} (by up to {diff}). The difference matches none of the usual slips.",
        "ja": "{where}で次の勾配が参照実装と違います：{wrong}（差は最大 {diff}）。よくある間違いのどれとも一致しません。",
    },
    "bwd_values_hint": {
        "en": "Go line by line: `dc_total = dc + dh * o * (1 - tanh(c)**2)`; `do = dh * tanh(c)`, `di = dc_total * z`, `df = dc_total * c_prev`, `dz = dc_total * i`; `da_z = dz * (1 - z**2)`, `da_i = di * i * (1 - i)` (and the same for `f`, `o`); `da` joins the blocks z, i, f, o; `dW = xh.T @ da`, `db = da.sum(axis=0)`, `dxh = da @ W.T`; `dc_prev = dc_total * f`.",
        "ja": "1 行ずつ確かめましょう：`dc_total = dc + dh * o * (1 - tanh(c)**2)`、`do = dh * tanh(c)`、`di = dc_total * z`、`df = dc_total * c_prev`、`dz = dc_total * i`、`da_z = dz * (1 - z**2)`、`da_i = di * i * (1 - i)`（`f`、`o` も同じ）、`da` はブロック z, i, f, o をつなげたもの、`dW = xh.T @ da`、`db = da.sum(axis=0)`、`dxh = da @ W.T`、`dc_prev = dc_total * f`。",
    },
    "bwd_values_dc_prev_hint": {
        "en": "Only `dc_prev` is wrong: it is `dc_total * f`, with the same `dc_total = dc + dh * o * (1 - tanh(c)**2)` that you used for the gates.",
        "ja": "違うのは `dc_prev` だけです。ゲートの計算に使ったのと同じ `dc_total = dc + dh * o * (1 - tanh(c)**2)` を使って `dc_prev = dc_total * f` とします。",
    },
    "bwd_values_split_hint": {
        "en": "`dW` and `db` are right, so `da` is right: `dxh = da @ W.T` is {xh}; its first {I} columns are `dx` and its last {H} columns are `dh_prev`.",
        "ja": "`dW` と `db` は正しいので、`da` も正しいはずです。`dxh = da @ W.T` の形は {xh} で、最初の {I} 列が `dx`、最後の {H} 列が `dh_prev` です。",
    },
    "bwd_values_weights_hint": {
        "en": "`dx` and `dh_prev` are right, so `da` is right: `dW = concat([x, h_prev]).T @ da` and `db = da.sum(axis=0)`.",
        "ja": "`dx` と `dh_prev` は正しいので、`da` も正しいはずです：`dW = concat([x, h_prev]).T @ da`、`db = da.sum(axis=0)`。",
    },
    "bwd_passed": {
        "en": "Your backward step matches `lstm.bptt.step_backward` on all {n} cases: random inputs, a batch of 1 and hidden size 1.",
        "ja": "あなたの 1 時刻ぶんの逆伝播は、ランダムな入力、バッチの大きさ 1、隠れ層の大きさ 1 の {n} ケースすべてで `lstm.bptt.step_backward` と一致しました。",
    },
}
