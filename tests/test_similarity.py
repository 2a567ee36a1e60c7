"""similarity.related gives exactly the pairwise definition's result (every pair scored, sorted, top k),
on the real fiches' modules and on random data with many ties, duplicates, empty sets and thresholds."""

from __future__ import annotations

import random

import pytest
from conftest import ROOT

from scripts.fiche.collection import load_collection
from scripts.site import modules as mod
from scripts.site import similarity


def pairwise(items: list[similarity.Item], k: int, threshold: float = 0.0) -> dict[str, list[str]]:
    """The definition, quadratic: score every pair of one block and two groups, keep each item's top k."""
    links: dict[str, set[str]] = {item.key: set() for item in items}
    for item in items:
        scores = {other.key: similarity.jaccard(item.features, other.features) for other in items
                  if other.block == item.block and other.group != item.group and item.features & other.features}
        ranked = sorted(((key, score) for key, score in scores.items() if score > threshold),
                        key=lambda pair: (-pair[1], pair[0]))
        for key, _ in ranked[:k]:
            links[item.key].add(key)
            links[key].add(item.key)
    return {key: sorted(values) for key, values in links.items()}


def module_items(modules: list[mod.Module]) -> list[similarity.Item]:
    return [similarity.Item(m.key, m.fiche.id, m.data["kind"], mod.features(m)) for m in modules
            if mod.has_content(m) and m.themes]


def test_real_fiches_give_the_pairwise_result():
    """related_modules = the pairwise top k above the threshold, then only pairs that share a theme and a
    format or goal topic."""
    collection = load_collection(sorted((ROOT / "fiches").glob("*.yml")))
    modules = mod.all_modules(collection.fiches)
    assert modules
    for k in (1, 2, 5, 50):
        assert mod.related_modules(modules, k) == expected_related(modules, k)


def expected_related(modules: list[mod.Module], k: int) -> dict[str, list[str]]:
    by_key = {m.key: m for m in modules}
    found = pairwise(module_items(modules), k, mod.SIMILARITY_THRESHOLD - 1e-9)
    found = {key: [o for o in others if mod.comparable(by_key[key], by_key[o])] for key, others in found.items()}
    return {m.key: found.get(m.key, []) for m in modules}


def random_items(seed: int, count: int, features: int, groups: int) -> list[similarity.Item]:
    rng = random.Random(seed)
    items = []
    for index in range(count):
        chosen = frozenset(rng.sample(range(features), rng.randint(0, min(4, features))))
        items.append(similarity.Item(f"m{rng.randint(0, 10 ** 6):07d}-{index}", rng.randrange(groups),
                                     rng.choice("abc"), chosen))
    return items


@pytest.mark.parametrize("seed", range(12))
def test_random_data_gives_the_pairwise_result(seed):
    rng = random.Random(seed)
    items = random_items(seed, rng.randint(1, 300), rng.choice([2, 5, 12, 40]), rng.choice([1, 3, 20, 300]))
    for k in (1, 3, 5):
        for threshold in (0.0, 0.25, 0.5, 0.99):
            assert similarity.related(items, k, threshold) == pairwise(items, k, threshold), (k, threshold)


def test_related_modules_is_the_pairwise_result_on_synthetic_fiches():
    """Modules built like the real ones (Module objects; some without themes of their own, which are never
    compared; goals and frequencies that sometimes meet)."""
    from scripts.fiche.collection import Fiche

    rng = random.Random(3)
    themes = ["taal", "werk", "wonen", "gezin", "samenleving", "digitaal"]
    fiches = []
    for index in range(60):
        fiche_themes = rng.sample(themes, rng.randint(1, 3))
        fiches.append(Fiche(data={"id": f"f{index:02d}", "themes": fiche_themes, "modules": [
            {"id": f"m{j}", "kind": rng.choice(["individual", "collective", "orientation"]),
             **({"themes": rng.sample(themes, rng.randint(1, 3))} if rng.random() < 0.7 else {}),
             **({"content": {"text": {"nl": "Inhoud", "fr": "Contenu"}}} if rng.random() < 0.9 else {}),
             "goals": [{"nl": rng.choice(["Sociaal netwerk uitbouwen", "Zelfvertrouwen verhogen", "Taal leren"]),
                        "fr": "But"}],
             **({"setup": {"frequency": {"times": 1, "per": rng.choice(["week", "month"])}}}
                if rng.random() < 0.5 else {})}
            for j in range(rng.randint(0, 5))]}, path=ROOT, display=f"f{index}"))
    modules = mod.all_modules(fiches)
    related = mod.related_modules(modules, 5)
    assert related == expected_related(modules, 5)
    assert any(related.values())  # the synthetic data does produce comparable modules
