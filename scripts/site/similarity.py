"""Nearest neighbours by Jaccard similarity of small feature sets, without comparing every pair.

"Also done by" links compare every module with every other module of its kind: at 10,000 modules that was
706 s. Items with the same block and the same feature set score alike against everyone, so they are compared once
as one *signature*; signatures meet through an inverted index (feature → signatures), so only signatures that
share a feature are ever scored; and each signature's candidates are ranked once and shared by all its items.
Cost: O(D² + N·(k + s)) for N items, D distinct (block, feature set) signatures and s items per group, instead
of O(N²) — D stays small while features are a few codes from fixed lists (12 themes × 3 kinds: at most a few
hundred in practice).

The result is exactly that of the pairwise definition (tested against it): for each item, the k items of the same
block and another group with the highest score above `threshold`, ties broken by key; then made symmetric.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    key: str  # unique; also the tie-breaker
    group: Hashable  # items of one group are never related (modules of one fiche)
    block: Hashable  # only items of one block are compared (modules of one kind)
    features: frozenset  # compared by Jaccard similarity


def jaccard(a: frozenset, b: frozenset) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def related(items: Iterable[Item], k: int, threshold: float = 0.0) -> dict[str, list[str]]:
    """Each item's k best matches (score > threshold, ties by key), made symmetric; every key present."""
    items = list(items)
    links: dict[str, set[str]] = {item.key: set() for item in items}
    members: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        members[(item.block, item.features)].append(item)
    for group in members.values():
        group.sort(key=lambda item: item.key)
    index: dict[tuple, list[tuple]] = defaultdict(list)  # (block, feature) → signatures holding it
    for signature in members:
        block, features = signature
        for feature in features:
            index[(block, feature)].append(signature)

    for signature, own in members.items():
        ranking = _Ranking(signature, members, index, threshold)
        for item in own:
            found = 0
            for other in ranking:
                if other.group == item.group or other.key == item.key:
                    continue
                links[item.key].add(other.key)
                links[other.key].add(item.key)
                found += 1
                if found == k:
                    break
    return {key: sorted(values) for key, values in links.items()}


class _Ranking:
    """The items of every other signature, best score first and by key within a score; computed lazily once
    and replayed for each item of the signature (each item skips only its own group)."""

    def __init__(self, signature: tuple, members: dict, index: dict, threshold: float):
        block, features = signature
        scores: dict[tuple, float] = {}
        for feature in features:
            for other in index[(block, feature)]:
                if other not in scores:
                    scores[other] = jaccard(features, other[1])
        levels: dict[float, list[tuple]] = defaultdict(list)
        for other, score in scores.items():
            if score > threshold:
                levels[score].append(other)
        self._levels = [levels[score] for score in sorted(levels, reverse=True)]
        self._members = members
        self._seen: list[Item] = []
        self._source = self._generate()

    def _generate(self) -> Iterator[Item]:
        for signatures in self._levels:  # one score: merge the key-sorted member lists
            yield from heapq.merge(*(self._members[sig] for sig in signatures), key=lambda item: item.key)

    def __iter__(self) -> Iterator[Item]:
        yield from self._seen
        for item in self._source:
            self._seen.append(item)
            yield item
