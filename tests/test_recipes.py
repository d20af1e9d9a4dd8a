import pytest

import lstm


@pytest.mark.slow
def test_article_recipe_reproduces_the_article():
    """The article's program reaches about 0.99 on this split after 100 epochs."""
    model, history = lstm.recipes.ARTICLE.run(progress=False)
    assert len(history.acc) == 100
    assert history.test_acc[-1] >= 0.98
    assert model.head == "tanh" and not model.cell.cell_tanh and model.cell.init == "zeros"


def test_article_recipe_says_what_the_article_does():
    r = lstm.recipes.ARTICLE
    assert r.scale is False
    assert r.model == dict(hidden_size=50, head="tanh", head_std=0.01, init="zeros", forget_bias=0.0,
                           cell_tanh=False)
    assert r.fit == dict(epochs=100, batch_size=100, learning_rate=1e-3, reduction="sum",
                         shuffle=False, drop_remainder=True)
    assert 1437 // r.fit["batch_size"] == 14  # the article's 14 batches


def test_recipes_reject_data_scaled_the_other_way():
    with pytest.raises(ValueError, match="`data`, expected digits loaded with scale=False for the article recipe"):
        lstm.recipes.ARTICLE.run(lstm.load_digits(scale=True))
    with pytest.raises(ValueError, match="`data`, expected an lstm.Digits record"):
        lstm.recipes.MODERN.run("digits")


def test_build_gives_an_untrained_model_of_the_recipe():
    model = lstm.recipes.MODERN.build(seed=3)
    assert model.hidden_size == lstm.recipes.MODERN.model.get("hidden_size", 50)
    assert model.seed == 3
