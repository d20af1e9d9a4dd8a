"""The words of the two explorers, in both languages (message-major): the live
explorer of `lstm.explorers.anywidgets` (`LIVE`) and the experiment explorer of
`lstm.explorers.experiment` (`EXPERIMENT`)."""

LIVE = {  # lstm/explorers/anywidgets.py
    "z": {
        "en": "z  cell input",
        "ja": "z  セル入力",
    },
    "i": {
        "en": "i  input gate",
        "ja": "i  入力ゲート",
    },
    "f": {
        "en": "f  forget gate",
        "ja": "f  忘却ゲート",
    },
    "o": {
        "en": "o  output gate",
        "ja": "o  出力ゲート",
    },
    "c": {
        "en": "c  memory cell",
        "ja": "c  記憶セル",
    },
    "h": {
        "en": "h  output",
        "ja": "h  出力",
    },
    "model": {
        "en": "model",
        "ja": "モデル",
    },
    "chooser": {
        "en": "digit",
        "ja": "数字",
    },
    "choose": {
        "en": "choose…",
        "ja": "選択…",
    },
    "option": {
        "en": "{label} (image #{index})",
        "ja": "{label}（画像 {index} 番）",
    },
    "drawing": {
        "en": "your drawing",
        "ja": "自分で描いた数字",
    },
    "index": {
        "en": "image #",
        "ja": "画像番号",
    },
    "index_label": {
        "en": "test image number, 0 to {last}",
        "ja": "テスト画像の番号（0〜{last}）",
    },
    "index_error": {
        "en": "Type a whole number from 0 to {last} (got “{value}”).",
        "ja": "0 から {last} までの整数を入力してください（入力値：「{value}」）。",
    },
    "play": {
        "en": "Play the rows one by one",
        "ja": "1 行ずつ再生",
    },
    "pause": {
        "en": "Pause",
        "ja": "一時停止",
    },
    "slider": {
        "en": "row",
        "ja": "行",
    },
    "row_of": {
        "en": "row {t} of {rows}",
        "ja": "{t} 行目（全 {rows} 行）",
    },
    "draw_title": {
        "en": "Draw a digit",
        "ja": "数字を描く",
    },
    "pen": {
        "en": "pen",
        "ja": "ペン",
    },
    "clear": {
        "en": "Clear",
        "ja": "消去",
    },
    "draw_help": {
        "en": "Click or drag on the grid to paint with the pen; with the keyboard, move with the arrow keys, paint with Space, erase with Delete.",
        "ja": "マスをクリックまたはドラッグすると、ペンの濃さで塗れます。キーボードでは矢印キーで移動し、スペースキーで塗り、Delete キーで消します。",
    },
    "probs": {
        "en": "P(class) after row {t}",
        "ja": "{t} 行目まで読んだ後の各クラスの確率",
    },
    "maps_help": {
        "en": "One column per row read (grey: not read yet), one line per hidden unit; the current row is framed, the selected unit outlined in orange. Click a line to select its unit.",
        "ja": "1 列が読んだ 1 行（灰色はまだ読んでいない行）、横の線 1 本が隠れユニット 1 つです。いまの行を黒枠で、選んだユニットをオレンジの枠で示します。横の線をクリックすると、そのユニットを選べます。",
    },
    "unit": {
        "en": "unit",
        "ja": "ユニット",
    },
    "sort": {
        "en": "sort units by selectivity",
        "ja": "選択性の高い順に並べる",
    },
    "unit_option": {
        "en": "unit {unit}",
        "ja": "ユニット {unit}",
    },
    "unit_option_score": {
        "en": "unit {unit} (selectivity {score:.2f})",
        "ja": "ユニット {unit}（選択性 {score:.2f}）",
    },
    "unit_values": {
        "en": "Unit {unit} at row {t}: z = {z}, i = {i}, f = {f}, o = {o}, c = {c}, h = {h}.",
        "ja": "{t} 行目のユニット {unit}：z = {z}、i = {i}、f = {f}、o = {o}、c = {c}、h = {h}。",
    },
    "block_open": {
        "en": "Step through the block (row {t}, unit {unit})",
        "ja": "ブロックを開く（{t} 行目、ユニット {unit}）",
    },
    "block_close": {
        "en": "Hide the block",
        "ja": "ブロックを閉じる",
    },
    "block_title": {
        "en": "The block at row {t}, unit {unit}: move a slider to set a value by hand.",
        "ja": "{t} 行目、ユニット {unit} のブロック：スライダーを動かすと値を手で設定できます。",
    },
    "describe": {
        "en": "{who}: rows 1 to {t} read; the model predicts {pred} with probability {p:.2f}.",
        "ja": "{who}：1 行目から {t} 行目まで読んだ時点で、モデルの予測は {pred}（確率 {p:.2f}）です。",
    },
    "describe_first": {
        "en": "{who}: row 1 read; the model predicts {pred} with probability {p:.2f}.",
        "ja": "{who}：1 行目を読んだ時点で、モデルの予測は {pred}（確率 {p:.2f}）です。",
    },
    "list_separator": {
        "en": ", ",
        "ja": "、",
    },
    "who": {
        "en": "Image #{index}",
        "ja": "画像 {index} 番",
    },
    "who_label": {
        "en": "Image #{index} (digit {label})",
        "ja": "画像 {index} 番（正解は {label}）",
    },
    "who_drawing": {
        "en": "Your drawing",
        "ja": "自分で描いた数字",
    },
    "cell": {
        "en": "row {r}, column {c}: {v}",
        "ja": "{r} 行 {c} 列：{v}",
    },
    "block_c_prev": {
        "en": "cₜ₋₁ previous memory",
        "ja": "cₜ₋₁ 直前の記憶",
    },
    "block_z": {
        "en": "z cell input",
        "ja": "z セル入力",
    },
    "block_i": {
        "en": "i input gate",
        "ja": "i 入力ゲート",
    },
    "block_f": {
        "en": "f forget gate",
        "ja": "f 忘却ゲート",
    },
    "block_o": {
        "en": "o output gate",
        "ja": "o 出力ゲート",
    },
    "block_held": {
        "en": "held at 1 (no gate)",
        "ja": "1 に固定（ゲートなし）",
    },
    "block_cell_equation": {
        "en": "cₜ = f · cₜ₋₁ + i · z = {f} × {c_prev} + {i} × {z} = {c}",
        "ja": "cₜ = f · cₜ₋₁ + i · z = {f} × {c_prev} + {i} × {z} = {c}",
    },
    "block_output_equation": {
        "en": "hₜ = o · tanh(cₜ) = {o} × tanh({c}) = {h}",
        "ja": "hₜ = o · tanh(cₜ) = {o} × tanh({c}) = {h}",
    },
    "block_output_equation_linear": {
        "en": "hₜ = o · cₜ = {o} × {c} = {h}",
        "ja": "hₜ = o · cₜ = {o} × {c} = {h}",
    },
    "block_pixel": {
        "en": "row xₜ, column {c}",
        "ja": "行 xₜ の {c} 列目",
    },
    "block_row": {
        "en": "xₜ (the row read):",
        "ja": "xₜ（読んでいる行）：",
    },
    "block_reset": {
        "en": "Back to the model's values",
        "ja": "モデルの値に戻す",
    },
    "block_source": {
        "en": "{who}, row {t}, unit {unit}: every value comes from the model.",
        "ja": "{who}、{t} 行目、ユニット {unit}：すべての値はモデルが計算したものです。",
    },
    "block_source_manual": {
        "en": "{who}, row {t}, unit {unit}: set by hand: {names}.",
        "ja": "{who}、{t} 行目、ユニット {unit}：{names}を手で設定しています。",
    },
}

EXPERIMENT = {  # lstm/explorers/experiment.py
    "variant": {
        "en": "variant",
        "ja": "変種",
    },
    "caption": {
        "en": "{variant}, seed {seed}: at the last row (row {rows}) the model gives the true digit, {digit}, a probability of {p:.2f}; {score}.",
        "ja": "{variant}、シード {seed}：最後の行（{rows} 行目）で、モデルが正解の数字 {digit} に与える確率は {p:.2f} です（{score}）。",
    },
    "score_many": {
        "en": "its test accuracy over {n} seeds is {mean:.3f} ± {sd:.3f}",
        "ja": "テスト正解率は {n} シードで {mean:.3f} ± {sd:.3f}",
    },
    "score_one": {
        "en": "its test accuracy is {mean:.3f} (one seed)",
        "ja": "テスト正解率は {mean:.3f}、1 シード",
    },
    "alt": {
        "en": "Heatmaps over the {rows} rows of one test sequence ({what}): the input, then the input gate i, the forget gate f, the output gate o, the memory cell c and the output h of the model ({variant}), one line per hidden unit; below them, a line of the probability the model gives the true digit after every row. The colour scale of c runs from -{c_max} to {c_max}.{held}",
        "ja": "テスト系列 1 本（{what}）の {rows} 行にわたるヒートマップ。上から入力、モデル（{variant}）の入力ゲート i、忘却ゲート f、出力ゲート o、記憶セル c、出力 h（隠れユニットごとに 1 行）。その下に、各行を読んだ後にモデルが正解の数字に与える確率の折れ線。c の色の範囲は -{c_max} から {c_max} です。{held}",
    },
    "held": {
        "en": " The {gate} panel is uniform: this variant holds its {gate} gate at 1.",
        "ja": "この変種は {gate} ゲートを 1 に固定しているため、{gate} のパネルは一色です。",
    },
    "what_stream": {
        "en": "{n} digits in a row, {digits}, of {side} rows each",
        "ja": "{n} 個の数字 {digits} が {side} 行ずつ続く",
    },
    "what_digit": {
        "en": "rows {a} to {b} are the digit {digit}",
        "ja": "{a} 行目から {b} 行目が数字 {digit}",
    },
    "what_noise": {
        "en": "rows {a} to {b} are noise",
        "ja": "{a} 行目から {b} 行目がノイズ",
    },
    "and": {
        "en": " and ",
        "ja": "、",
    },
    "title": {
        "en": "Run it again",
        "ja": "もう一度実行する",
    },
    "note": {
        "en": "Training runs in Python: this panel is here because the chapter runs as a notebook with a kernel (the web book hides it and shows the precomputed results above).",
        "ja": "学習は Python で行うため、このパネルは章をノートブックとしてカーネル付きで実行しているときだけ表示されます（ウェブ版の本ではパネルを隠し、事前に計算した結果を上に示しています）。",
    },
    "task": {
        "en": "task",
        "ja": "タスク",
    },
    "tasks": {
        "en": {'distractors': 'digit + noise rows', 'stream': 'stream of digits', 'delayed': 'answer after a delay', 'plain': 'plain digits'},
        "ja": {'distractors': '数字＋ノイズの行', 'stream': '数字のストリーム', 'delayed': '待ってから答える', 'plain': '数字だけ'},
    },
    "size": {
        "en": {'k': 'k (noise rows)', 'digits_per_stream': 'digits', 'delay': 'delay', None: 'size'},
        "ja": {'k': 'k（ノイズ行）', 'digits_per_stream': '数字の個数', 'delay': '待ち時間', None: '大きさ'},
    },
    "seeds": {
        "en": "seeds",
        "ja": "シード数",
    },
    "epochs": {
        "en": "epochs",
        "ja": "エポック",
    },
    "run": {
        "en": "Run",
        "ja": "実行",
    },
    "variants": {
        "en": "variants:",
        "ja": "変種：",
    },
    "others": {
        "en": "Other settings as above: {hidden_size} hidden units, batch size {batch_size}, learning rate {learning_rate:g}.",
        "ja": "そのほかの設定は上と同じです：隠れユニット {hidden_size}、バッチサイズ {batch_size}、学習率 {learning_rate:g}。",
    },
    "running": {
        "en": "Training {n} models… (runs trained before come from the cache)",
        "ja": "{n} 個のモデルを学習しています…（学習済みの組み合わせはキャッシュから読み込みます）",
    },
    "done": {
        "en": "Done in {seconds:.1f} s ({cached} of {n} runs from the cache).",
        "ja": "{seconds:.1f} 秒で完了しました（{n} 件中 {cached} 件はキャッシュから）。",
    },
    "curves_alt": {
        "en": "The test accuracy after every epoch of each variant, mean over the seeds.",
        "ja": "各変種のエポックごとのテスト正解率（シードの平均）。",
    },
}
