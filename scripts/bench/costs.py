"""Cost of one text and of "similar modules" (issue 14: both must stay linear / sub-quadratic)."""

from __future__ import annotations

import time

from scripts.bench.report import Row

WORST_TEXTS = {  # shapes that make Markdown scan to the end of the block for each bracket, 20,000 characters
    "[ ": "[ " * 9_999, "[a](": "[a](" * 5_000, "[x][": "[x][" * 5_000, "![ ": "![ " * 6_666,
    "[b [a](https://x/]y) ": "[b [a](https://x/]y) " * 952, "- [ (list items)": "- [ \n" * 5_000,
}


def _ordinary_text(size: int) -> str:
    """Ordinary fiche prose with a link now and then, as long as the worst texts: the linear baseline."""
    sentence = ("De trajectbegeleider bespreekt met de deelnemer de volgende stap (zie ook "
                "[de gids](https://www.mi-is.be/nl/gids)) en noteert *afspraken* in het dossier. ")
    return (sentence * (size // len(sentence) + 1))[:size]


def _module_items(count: int, seed: int = 1) -> list:
    """Modules like the synthetic fiches': 3.5 per fiche, one of 3 kinds, 1-3 of the 12 themes."""
    import random

    from scripts.fiche import schema as fiche_schema
    from scripts.site import similarity

    rng = random.Random(seed)
    themes = sorted(fiche_schema.THEMES)
    return [similarity.Item(f"f{i // 3.5:.0f}--m{i}", int(i // 3.5), rng.choice("abc"),
                            frozenset(rng.sample(themes, rng.randint(1, 3)))) for i in range(count)]


def bench_render_and_similarity(modules_n: int = 10_000) -> list[Row]:
    """Rows: the worst text shape against ordinary text of the same length, and similar modules at
    `modules_n` against a linear pass over the same modules and against a tenth of them (ratios in one run)."""
    from scripts.fiche import richtext
    from scripts.site import similarity

    def seconds(func, runs: int = 3) -> float:
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
        return best

    ordinary = _ordinary_text(20_000)
    base = seconds(lambda: (richtext.to_html(ordinary), richtext.plain(ordinary)))
    worst_shape, worst = max(((shape, seconds(lambda t=text: (richtext.to_html(t), richtext.plain(t)))) for
                              shape, text in WORST_TEXTS.items()), key=lambda pair: pair[1])
    items = _module_items(modules_n)
    tenth = items[: modules_n // 10]
    related = seconds(lambda: similarity.related(items, 5), runs=1)
    related_tenth = seconds(lambda: similarity.related(tenth, 5), runs=1)
    linear = seconds(lambda: sorted((item.block, sorted(item.features), item.key) for item in items))
    return [
        Row("render_worst_s", "render: worst text shape, 20,000 chars", "s", worst, base,
            f"ordinary 20,000-char text; worst of {len(WORST_TEXTS)} shapes: {worst_shape!r} × n"),
        Row("similar_s", f"similar modules at {modules_n:,} modules", "s", related, linear,
            "one sort of the modules' features (n log n)"),
        Row("similar_growth", f"similar modules: {modules_n:,} vs {modules_n // 10:,} modules", "s", related,
            related_tenth, "10x the modules: ~10x linear, ~100x quadratic"),
    ]

