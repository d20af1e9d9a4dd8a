"""The words of the figures, in both languages: one entry per label, its English
and its Japanese side by side (message-major). Each figure module reads its table
(`lstm.figures.gates` reads `GATES`) through `lstm.i18n.text`."""

SHARED = {  # lstm/plotting.py
    "epoch": {
        "en": "epoch",
        "ja": "エポック",
    },
    "accuracy": {
        "en": "accuracy",
        "ja": "正解率",
    },
    "acc": {
        "en": "acc (train)",
        "ja": "acc（訓練）",
    },
    "val_acc_test": {
        "en": "val_acc (test)",
        "ja": "val_acc（テスト）",
    },
    "val_acc_validation": {
        "en": "val_acc (validation)",
        "ja": "val_acc（検証）",
    },
    "row": {
        "en": "row read (time step)",
        "ja": "読み込んだ行（時刻）",
    },
    "unit": {
        "en": "hidden unit",
        "ja": "隠れユニット",
    },
    "class": {
        "en": "class",
        "ja": "クラス",
    },
}

ABLATION = {  # lstm/figures/ablation.py
    "variant": {
        "en": "Variant",
        "ja": "変種",
    },
    "cell": {
        "en": "The cell",
        "ja": "セル",
    },
    "score": {
        "en": "Test accuracy, mean ± sd",
        "ja": "テスト正解率（平均 ± 標準偏差）",
    },
    "seeds": {
        "en": "Each seed",
        "ja": "シードごと",
    },
    "epoch": {
        "en": "epoch",
        "ja": "エポック",
    },
    "test": {
        "en": "test accuracy",
        "ja": "テスト正解率",
    },
    "full": {
        "en": "full LSTM",
        "ja": "完全な LSTM",
    },
    "no_i": {
        "en": "no input gate",
        "ja": "入力ゲートなし",
    },
    "no_f": {
        "en": "no forget gate",
        "ja": "忘却ゲートなし",
    },
    "no_o": {
        "en": "no output gate",
        "ja": "出力ゲートなし",
    },
    "no_tanh": {
        "en": "no tanh on c",
        "ja": "c の tanh なし",
    },
    "carousel": {
        "en": "ungated carousel",
        "ja": "ゲートのないカルーセル",
    },
    "coupled": {
        "en": "coupled (CIFG)",
        "ja": "結合（CIFG）",
    },
    "peepholes": {
        "en": "peepholes",
        "ja": "ピープホール結合",
    },
    "gru": {
        "en": "GRU",
        "ja": "GRU",
    },
    "rnn": {
        "en": "plain RNN",
        "ja": "単純な RNN",
    },
    "rnn_x3": {
        "en": "plain RNN, W_h × 3",
        "ja": "単純な RNN（W_h × 3）",
    },
    "rnn_x3_clip": {
        "en": "plain RNN, W_h × 3, clipped",
        "ja": "単純な RNN（W_h × 3、クリップ）",
    },
    "coupled.cell": {
        "en": "$i = 1 - f$",
        "ja": "$i = 1 - f$",
    },
    "peepholes.cell": {
        "en": "$i$, $f$ read $c_{t-1}$; $o$ reads $c_t$",
        "ja": "$i$ と $f$ が $c_{t-1}$ を、$o$ が $c_t$ を読む",
    },
    "gru.cell": {
        "en": "update and reset gates, no memory cell",
        "ja": "更新ゲートとリセットゲート、記憶セルなし",
    },
    "rnn.cell": {
        "en": "$h_t = \\tanh([x_t, h_{t-1}] W + b)$",
        "ja": "$h_t = \\tanh([x_t, h_{t-1}] W + b)$",
    },
    "rnn_x3.cell": {
        "en": "the plain RNN, its recurrent weights × 3 at the start",
        "ja": "単純な RNN、再帰の重みを最初に 3 倍",
    },
    "rnn_x3_clip.cell": {
        "en": "the same, gradient norm clipped to 1",
        "ja": "同じモデル、勾配のノルムを 1 にクリップ",
    },
    "full.cell": {
        "en": "the standard LSTM",
        "ja": "標準の LSTM",
    },
    "no_i.cell": {
        "en": "$i = 1$",
        "ja": "$i = 1$",
    },
    "no_f.cell": {
        "en": "$f = 1$ (the 1997 LSTM)",
        "ja": "$f = 1$（1997 年の LSTM）",
    },
    "carousel.cell": {
        "en": "$i = f = 1$",
        "ja": "$i = f = 1$",
    },
    "no_o.cell": {
        "en": "$o = 1$",
        "ja": "$o = 1$",
    },
    "no_tanh.cell": {
        "en": "$h = o \\odot c$ (the article's cell)",
        "ja": "$h = o \\odot c$（記事のセル）",
    },
    "step": {
        "en": "row of the stream",
        "ja": "ストリームの行",
    },
    "abs_c": {
        "en": "mean |c|",
        "ja": "|c| の平均",
    },
    "f": {
        "en": "mean f",
        "ja": "f の平均",
    },
    "row": {
        "en": "row",
        "ja": "行",
    },
    "row_acc": {
        "en": "accuracy of the readout at this row",
        "ja": "この行での出力層の正解率",
    },
}

BACKPROP = {  # lstm/figures/backprop.py
    "cell_path": {
        "en": "along the memory cell only (products of $f$)",
        "ja": "記憶セルだけを通る経路（$f$ の積）",
    },
    "h_path": {
        "en": "through $h$ and the gates of later steps",
        "ja": "$h$ と後の時刻のゲートを通る経路",
    },
    "share": {
        "en": "share of $\\delta c_t$: $\\langle$part$,\\, \\delta c_t\\rangle \\,/\\, \\|\\delta c_t\\|^2$",
        "ja": "$\\delta c_t$ に占める割合：$\\langle$成分$,\\, \\delta c_t\\rangle \\,/\\, \\|\\delta c_t\\|^2$",
    },
    "row": {
        "en": "row $t$ of the digit (the answer is read after row 8)",
        "ja": "数字の $t$ 行目（答えは 8 行目を読んだあと）",
    },
    "total": {
        "en": "$\\|\\delta c_t\\|$, every path",
        "ja": "$\\|\\delta c_t\\|$（すべての経路）",
    },
    "cell_path_norm": {
        "en": "$\\|\\delta c_t\\|$ along the memory cell only",
        "ja": "$\\|\\delta c_t\\|$（記憶セルだけを通る経路）",
    },
    "forget": {
        "en": "$f_{t+1} \\odot \\cdots \\odot f_T$ (mean over images and cells)",
        "ja": "$f_{t+1} \\odot \\cdots \\odot f_T$（画像と記憶セルについての平均）",
    },
    "x": {
        "en": "$\\|\\partial L / \\partial x_t\\|$, as measured in the plain-RNN chapter",
        "ja": "$\\|\\partial L / \\partial x_t\\|$（単純な RNN の章の測り方）",
    },
    "relative": {
        "en": "mean over images, relative to the last step",
        "ja": "画像についての平均の、最後の時刻の値に対する比",
    },
    "time": {
        "en": "time step $t$",
        "ja": "時刻 $t$",
    },
    "digit": {
        "en": "rows of the digit",
        "ja": "数字の行",
    },
    "blank": {
        "en": "blank rows",
        "ja": "空白の行",
    },
}

BLOCK = {  # lstm/figures/block.py
    "z": {
        "en": "cell input",
        "ja": "セル入力",
    },
    "i": {
        "en": "input gate",
        "ja": "入力ゲート",
    },
    "f": {
        "en": "forget gate",
        "ja": "忘却ゲート",
    },
    "o": {
        "en": "output gate",
        "ja": "出力ゲート",
    },
    "cell": {
        "en": "memory cell",
        "ja": "記憶セル",
    },
    "concat": {
        "en": "concat$([x_t,\\ h_{t-1}])$, one fused $W$ and $b$, split into 4 blocks",
        "ja": "concat$([x_t,\\ h_{t-1}])$：1 つにまとめた $W$ と $b$ で計算し、4 つに分割",
    },
    "times": {
        "en": "elementwise product",
        "ja": "要素ごとの積",
    },
    "plus": {
        "en": "elementwise sum",
        "ja": "要素ごとの和",
    },
}

DIGITS = {  # lstm/figures/digits.py
    "image": {
        "en": "the image: row $t$ is read at time step $t$",
        "ja": "画像：行 $t$ を時刻 $t$ に読む",
    },
    "sequence": {
        "en": "the sequence the network reads",
        "ja": "ネットワークが読む系列",
    },
    "time": {
        "en": "time step $t$ →",
        "ja": "時刻 $t$ →",
    },
    "features": {
        "en": "8 features (pixels of the row)",
        "ja": "8 個の特徴量（その行の画素）",
    },
    "label": {
        "en": "label {label}",
        "ja": "ラベル {label}",
    },
}

GATES = {  # lstm/figures/gates.py
    "z": {
        "en": "$z$: what the cell input proposes to write",
        "ja": "$z$：セル入力が書き込もうとする値",
    },
    "i": {
        "en": "$i$: input gate",
        "ja": "$i$：入力ゲート",
    },
    "iz": {
        "en": "$i \\odot z$: what is written to $c$",
        "ja": "$i \\odot z$：$c$ に実際に書き込まれる値",
    },
    "f": {
        "en": "$f$: forget gate",
        "ja": "$f$：忘却ゲート",
    },
    "c": {
        "en": "$c$: memory cell",
        "ja": "$c$：記憶セル",
    },
    "o": {
        "en": "$o$: output gate",
        "ja": "$o$：出力ゲート",
    },
    "tanh_c": {
        "en": "$\\tanh(c)$: the memory, squashed",
        "ja": "$\\tanh(c)$：押しつぶした記憶",
    },
    "h": {
        "en": "$h = o \\odot \\tanh(c)$: what the cell shows",
        "ja": "$h = o \\odot \\tanh(c)$：セルの出力",
    },
    "row": {
        "en": "row $t$ (time step)",
        "ja": "行 $t$（時刻）",
    },
    "unit": {
        "en": "memory cell (unit)",
        "ja": "記憶セル（ユニット）",
    },
    "image": {
        "en": "the digit",
        "ja": "数字",
    },
    "class": {
        "en": "digit",
        "ja": "数字",
    },
    "gate_of_unit": {
        "en": "mean {gate} of memory cell {unit}",
        "ja": "記憶セル {unit} の {gate} の平均",
    },
    "stream_step": {
        "en": "row of the stream (time step); a new digit every {rows} rows",
        "ja": "ストリームの行（時刻）：{rows} 行ごとに次の数字",
    },
    "with_f": {
        "en": "with the forget gate (as trained)",
        "ja": "忘却ゲートあり（学習したまま）",
    },
    "held_f": {
        "en": "same weights, $f$ held at 1",
        "ja": "同じ重みで $f$ を 1 に固定",
    },
    "mean_abs_c": {
        "en": "mean $|c|$",
        "ja": "$|c|$ の平均",
    },
    "saturated": {
        "en": "share of cells with $|\\tanh(c)| > 0.99$",
        "ja": "$|\\tanh(c)| > 0.99$ のセルの割合",
    },
    "written_row": {
        "en": "row $s$ that wrote",
        "ja": "書き込んだ行 $s$",
    },
    "survives": {
        "en": "share of row $s$'s write left after the last row",
        "ja": "行 $s$ の書き込みが最終行の後に残る割合",
    },
    "bias0": {
        "en": "at initialisation, forget bias 0",
        "ja": "初期化直後、忘却バイアス 0",
    },
    "bias1": {
        "en": "at initialisation, forget bias 1",
        "ja": "初期化直後、忘却バイアス 1",
    },
    "trained": {
        "en": "after training",
        "ja": "学習後",
    },
    "one_unit": {
        "en": "memory cell {unit}",
        "ja": "記憶セル {unit}",
    },
    "bar.o": {
        "en": "output gate $o$",
        "ja": "出力ゲート $o$",
    },
    "bar.tanh_c": {
        "en": "memory $\\tanh(c)$",
        "ja": "記憶 $\\tanh(c)$",
    },
    "bar.h": {
        "en": "output $h$",
        "ja": "出力 $h$",
    },
    "last_row_of_unit": {
        "en": "memory cell {unit} after the last row (mean over the images of each digit)",
        "ja": "最終行を読んだ後の記憶セル {unit}（数字ごとの画像の平均）",
    },
}

GRADIENTS = {  # lstm/figures/gradients.py
    "rnn": {
        "en": "plain RNN (tanh)",
        "ja": "単純な RNN（tanh）",
    },
    "lstm": {
        "en": "LSTM with a forget gate",
        "ja": "LSTM（忘却ゲートあり）",
    },
    "lstm_no_forget": {
        "en": "LSTM without a forget gate ($f = 1$)",
        "ja": "LSTM（忘却ゲートなし、$f = 1$）",
    },
    "rnn_x3": {
        "en": "plain RNN, recurrent weights × 3",
        "ja": "単純な RNN（再帰の重み × 3）",
    },
    "time": {
        "en": "time step $t$ (the answer is given after the last step)",
        "ja": "時刻 $t$（最後の時刻を読んだあとに答える）",
    },
    "norm_x": {
        "en": "$\\| \\partial L / \\partial x_t \\|$ (mean over images)",
        "ja": "$\\| \\partial L / \\partial x_t \\|$（画像についての平均）",
    },
    "norm_h": {
        "en": "$\\| \\partial L / \\partial h_t \\|$ (mean over images)",
        "ja": "$\\| \\partial L / \\partial h_t \\|$（画像についての平均）",
    },
    "digit": {
        "en": "rows of the digit",
        "ja": "数字の行",
    },
    "blank": {
        "en": "blank rows",
        "ja": "空白の行",
    },
}

INSIDE = {  # lstm/figures/inside.py
    "row": {
        "en": "row $t$ (time step)",
        "ja": "行 $t$（時刻）",
    },
    "mean_f": {
        "en": "mean forget gate $f$ over the units",
        "ja": "忘却ゲート $f$ のユニット平均",
    },
    "reset": {
        "en": "share of units with $f < 0.5$",
        "ja": "$f < 0.5$ のユニットの割合",
    },
    "digit": {
        "en": "digit {k}",
        "ja": "数字 {k}",
    },
    "all": {
        "en": "all test digits",
        "ja": "テスト画像全体",
    },
    "pc": {
        "en": "principal component {k} of $c$",
        "ja": "$c$ の第 {k} 主成分",
    },
    "start": {
        "en": "all digits start here",
        "ja": "どの数字もここから",
    },
    "accuracy": {
        "en": "accuracy of the prediction after row $t$",
        "ja": "行 $t$ まで読んだ時点の予測の正解率",
    },
    "p_true": {
        "en": "mean probability of the true class",
        "ja": "正解クラスの確率の平均",
    },
    "p_top": {
        "en": "mean probability of the top class",
        "ja": "最も高いクラスの確率の平均",
    },
    "fraction": {
        "en": "fraction",
        "ja": "割合",
    },
}

SCRATCH = {  # lstm/figures/scratch.py
    "standard": {
        "en": "standard cell, $h = o \\odot \\tanh(c)$",
        "ja": "標準のセル $h = o \\odot \\tanh(c)$",
    },
    "article": {
        "en": "the article's cell, $h = o \\odot c$",
        "ja": "記事のセル $h = o \\odot c$",
    },
    "h": {
        "en": "value of $h$ (every unit, row and test digit)",
        "ja": "$h$ の値（全ユニット・全行・全テスト画像）",
    },
    "count": {
        "en": "count (log scale)",
        "ja": "個数（対数目盛）",
    },
    "bound": {
        "en": "$\\pm 1$, the bound of $\\tanh$",
        "ja": "$\\tanh$ の範囲 $\\pm 1$",
    },
}

SEQUENCE = {  # lstm/figures/sequence.py
    "x": {
        "en": "x\ninput",
        "ja": "x\n入力",
    },
    "i": {
        "en": "i\ninput gate",
        "ja": "i\n入力ゲート",
    },
    "f": {
        "en": "f\nforget gate",
        "ja": "f\n忘却ゲート",
    },
    "o": {
        "en": "o\noutput gate",
        "ja": "o\n出力ゲート",
    },
    "c": {
        "en": "c\nmemory cell",
        "ja": "c\n記憶セル",
    },
    "h": {
        "en": "h\noutput",
        "ja": "h\n出力",
    },
    "held": {
        "en": "{gate} = 1\n(no gate)",
        "ja": "{gate} = 1\n（ゲートなし）",
    },
    "h_no_tanh": {
        "en": "h = o·c\n(no tanh)",
        "ja": "h = o·c\n（tanh なし）",
    },
    "p": {
        "en": "P(true\ndigit)",
        "ja": "正解の\n確率",
    },
    "digit": {
        "en": "digit {d}",
        "ja": "数字 {d}",
    },
    "noise": {
        "en": "noise",
        "ja": "ノイズ",
    },
}

STUDIES = {  # lstm/figures/studies.py
    "variant": {
        "en": "Variant",
        "ja": "変種",
    },
    "setting": {
        "en": "Chosen setting (lr, forget bias)",
        "ja": "選ばれた設定（学習率, 忘却バイアス）",
    },
    "median": {
        "en": "Median",
        "ja": "中央値",
    },
    "mean": {
        "en": "Mean ± sd",
        "ja": "平均 ± 標準偏差",
    },
    "seeds": {
        "en": "Each seed",
        "ja": "シードごと",
    },
    "comparison": {
        "en": "Comparison",
        "ja": "比較",
    },
    "diff_median": {
        "en": "Median difference",
        "ja": "差の中央値",
    },
    "diff_mean": {
        "en": "Mean difference",
        "ja": "差の平均",
    },
    "interval": {
        "en": "95 % interval",
        "ja": "95% 区間",
    },
    "words": {
        "en": "Verdict",
        "ja": "判定",
    },
    "vs": {
        "en": "vs",
        "ja": "対",
    },
    "point": {
        "en": "Learning rate, forget bias",
        "ja": "学習率, 忘却バイアス",
    },
    "val": {
        "en": "Validation accuracy, mean",
        "ja": "検証正解率（平均）",
    },
    "val_seeds": {
        "en": "Each search seed",
        "ja": "探索シードごと",
    },
    "rows_all": {
        "en": "all scored rows",
        "ja": "採点するすべての行",
    },
    "rows_short": {
        "en": "each digit's own answer",
        "ja": "各数字の答え",
    },
    "rows_query": {
        "en": "the query",
        "ja": "問いの行",
    },
    "rows_first": {
        "en": "first segment",
        "ja": "最初の区間",
    },
    "rows_later": {
        "en": "later segments",
        "ja": "2 番目以降の区間",
    },
    "score": {
        "en": "test accuracy",
        "ja": "テスト正解率",
    },
    "difference": {
        "en": "difference in test accuracy (paired by seed)",
        "ja": "テスト正解率の差（シードごとの対）",
    },
    "row": {
        "en": "row",
        "ja": "行",
    },
    "write": {
        "en": "mean $|i \\odot z|$",
        "ja": "$|i \\odot z|$ の平均",
    },
    "f": {
        "en": "forget gate f",
        "ja": "忘却ゲート f",
    },
    "unit": {
        "en": "memory cell",
        "ja": "記憶セル",
    },
    "offset": {
        "en": "rows from the marker",
        "ja": "区切りからの行数",
    },
    "abs_c": {
        "en": "mean |c|",
        "ja": "|c| の平均",
    },
    "saturated": {
        "en": "share of saturated cells",
        "ja": "飽和したセルの割合",
    },
    "o": {
        "en": "mean output gate o",
        "ja": "出力ゲート o の平均",
    },
    "memory": {
        "en": "cells holding the first digit",
        "ja": "最初の数字を保つセル",
    },
    "other": {
        "en": "other cells",
        "ja": "ほかのセル",
    },
    "helps": {
        "en": "helps",
        "ja": "改善する",
    },
    "hurts": {
        "en": "hurts",
        "ja": "悪化させる",
    },
    "no measurable difference": {
        "en": "no measurable difference",
        "ja": "測れるほどの差はない",
    },
    "no difference detected": {
        "en": "no difference detected",
        "ja": "差は検出されない",
    },
}

TRAINING = {  # lstm/figures/training.py
    "setting": {
        "en": "Setting",
        "ja": "設定",
    },
    "hidden_size": {
        "en": "memory cells (hidden size)",
        "ja": "記憶セルの数（隠れ層の大きさ）",
    },
    "init": {
        "en": "cell weights `W` at the start",
        "ja": "開始時のセルの重み `W`",
    },
    "init.zeros": {
        "en": "all zeros",
        "ja": "すべて 0",
    },
    "init.glorot": {
        "en": "Glorot uniform",
        "ja": "Glorot の一様分布",
    },
    "forget_bias": {
        "en": "forget-gate bias at the start",
        "ja": "開始時の忘却ゲートのバイアス",
    },
    "cell_tanh": {
        "en": "cell output",
        "ja": "セルの出力",
    },
    "cell_tanh.False": {
        "en": "`h = o * c`",
        "ja": "`h = o * c`",
    },
    "cell_tanh.True": {
        "en": "`h = o * tanh(c)`",
        "ja": "`h = o * tanh(c)`",
    },
    "gates": {
        "en": "learned gates",
        "ja": "学習するゲート",
    },
    "head": {
        "en": "head (scores before the softmax)",
        "ja": "出力層（softmax の手前のスコア）",
    },
    "head.tanh": {
        "en": "`tanh(h W_v + b_v)`, in [-1, 1]",
        "ja": "`tanh(h W_v + b_v)`（-1〜1）",
    },
    "head.linear": {
        "en": "`h W_v + b_v`, unbounded",
        "ja": "`h W_v + b_v`（範囲の制限なし）",
    },
    "head_std": {
        "en": "head weights at the start",
        "ja": "開始時の出力層の重み",
    },
    "head_std.None": {
        "en": "Glorot uniform, `b_v = 0`",
        "ja": "Glorot の一様分布、`b_v = 0`",
    },
    "head_std.value": {
        "en": "truncated normal, sd {}",
        "ja": "切断正規分布、標準偏差 {}",
    },
    "scale": {
        "en": "pixels fed to the cell",
        "ja": "セルに入れる画素値",
    },
    "scale.False": {
        "en": "raw, 0 to 16",
        "ja": "そのまま（0〜16）",
    },
    "scale.True": {
        "en": "divided by 16, 0 to 1",
        "ja": "16 で割る（0〜1）",
    },
    "reduction": {
        "en": "loss of a batch",
        "ja": "バッチの損失",
    },
    "reduction.sum": {
        "en": "sum over the images",
        "ja": "画像ごとの損失の合計",
    },
    "reduction.mean": {
        "en": "mean over the images",
        "ja": "画像ごとの損失の平均",
    },
    "learning_rate": {
        "en": "Adam learning rate",
        "ja": "Adam の学習率",
    },
    "schedule": {
        "en": "learning-rate schedule",
        "ja": "学習率のスケジュール",
    },
    "schedule.constant": {
        "en": "constant",
        "ja": "一定",
    },
    "schedule.cosine": {
        "en": "cosine decay to 0",
        "ja": "コサイン減衰で 0 まで",
    },
    "batch_size": {
        "en": "batch size",
        "ja": "バッチサイズ",
    },
    "epochs": {
        "en": "epochs",
        "ja": "エポック数",
    },
    "shuffle": {
        "en": "order of the images",
        "ja": "画像の順番",
    },
    "shuffle.False": {
        "en": "the same every epoch",
        "ja": "毎エポック同じ",
    },
    "shuffle.True": {
        "en": "reshuffled every epoch",
        "ja": "毎エポック並べ替える",
    },
    "batches": {
        "en": "batches per epoch (images used)",
        "ja": "1 エポックのバッチ数（使う画像）",
    },
    "batches.value": {
        "en": "{} ({} of {})",
        "ja": "{}（{} 枚中 {} 枚）",
    },
    "loss": {
        "en": "loss",
        "ja": "損失関数",
    },
    "loss.cross_entropy": {
        "en": "softmax cross-entropy",
        "ja": "softmax 交差エントロピー",
    },
    "label_smoothing": {
        "en": "label smoothing",
        "ja": "ラベル平滑化",
    },
    "weight_decay": {
        "en": "weight decay (AdamW)",
        "ja": "重み減衰（AdamW）",
    },
    "coupled": {
        "en": "input gate coupled to the forget gate (i = 1 − f)",
        "ja": "忘却ゲートに結合した入力ゲート（i = 1 − f）",
    },
    "peepholes": {
        "en": "peephole connections (gates read c)",
        "ja": "ピープホール結合（ゲートが c を読む）",
    },
    "clipnorm": {
        "en": "gradient clipping (global norm)",
        "ja": "勾配クリッピング（全体のノルム）",
    },
    "input_noise": {
        "en": "Gaussian noise on the pixels (sd)",
        "ja": "画素に加えるガウスノイズ（標準偏差）",
    },
    "none": {
        "en": "none",
        "ja": "なし",
    },
    "yes": {
        "en": "yes",
        "ja": "はい",
    },
    "no": {
        "en": "no",
        "ja": "いいえ",
    },
    "epoch": {
        "en": "epoch",
        "ja": "エポック",
    },
    "test_acc": {
        "en": "test accuracy",
        "ja": "テストデータの正解率",
    },
    "true": {
        "en": "true label",
        "ja": "正解のラベル",
    },
    "predicted": {
        "en": "predicted label",
        "ja": "予測したラベル",
    },
    "share": {
        "en": "share of the images",
        "ja": "画像の割合",
    },
    "mistake": {
        "en": "true {}, read as {}\n({:.0%} sure)",
        "ja": "正解 {} → 予測 {}\n（確率 {:.0%}）",
    },
    "no_mistakes": {
        "en": "no mistakes",
        "ja": "誤りなし",
    },
    "top_probability": {
        "en": "probability of the predicted class",
        "ja": "予測したクラスの確率",
    },
    "ceiling": {
        "en": "ceiling of a tanh head ({:.2f})",
        "ja": "tanh 出力層の上限（{:.2f}）",
    },
}

LAGS = {  # lstm/figures/lags.py
    "mean": {
        "en": "mean over the epoch",
        "ja": "エポック内の平均",
    },
    "max": {
        "en": "largest step",
        "ja": "最大のステップ",
    },
    "threshold": {
        "en": "clipping threshold",
        "ja": "クリップのしきい値",
    },
    "epoch": {
        "en": "epoch",
        "ja": "エポック",
    },
    "norm": {
        "en": "global gradient norm (median over seeds)",
        "ja": "勾配全体のノルム（シードの中央値）",
    },
    "model": {
        "en": "Model",
        "ja": "モデル",
    },
    "weights": {
        "en": "Weights",
        "ja": "重みの数",
    },
    "time": {
        "en": "Time per epoch ÷ LSTM's",
        "ja": "1 エポックの時間（LSTM 比）",
    },
    "task.relatives": {
        "en": "8 rows",
        "ja": "8 行",
    },
    "task.lags": {
        "en": "64 rows",
        "ja": "64 行",
    },
}
