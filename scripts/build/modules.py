"""Modules as building blocks: one record per module, its facets, and related modules computed from data.

Staff borrow a module more often than a whole project, so each module gets a page
and a catalogue of its own. "Also done by" links are never typed: two modules are
related when they are of the same kind, share a theme, belong to different fiches,
and one is among the other's closest matches, which keeps the lists short and
the relation symmetric by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts import fiche_schema as s
from scripts import languages, richtext, similarity
from scripts.build import urls
from scripts.fiche_collection import Fiche, weekly_hours

RELATED_PER_MODULE = 5

INTENSITY = {
    "lt2": s.d(nl="minder dan 2 uur per week", fr="moins de 2 heures par semaine"),
    "2to5": s.d(nl="2 tot 5 uur per week", fr="de 2 à 5 heures par semaine"),
    "5to10": s.d(nl="5 tot 10 uur per week", fr="de 5 à 10 heures par semaine"),
    "gt10": s.d(nl="meer dan 10 uur per week", fr="plus de 10 heures par semaine"),
    "unknown": s.d(nl="niet vermeld", fr="non précisé"),
}
GROUP_SIZE = {
    "upto6": s.d(nl="tot 6 personen", fr="jusqu'à 6 personnes"),
    "7to10": s.d(nl="7 tot 10 personen", fr="de 7 à 10 personnes"),
    "11to15": s.d(nl="11 tot 15 personen", fr="de 11 à 15 personnes"),
    "gt15": s.d(nl="meer dan 15 personen", fr="plus de 15 personnes"),
    "unknown": s.d(nl="niet vermeld", fr="non précisé"),
}
languages.add_choices({"INTENSITY": INTENSITY, "GROUP_SIZE": GROUP_SIZE})
MODULE_FACETS = (
    ("kind", "module_kinds", s.MODULE_KINDS),
    ("theme", "themes", s.THEMES),
    ("intensity", "intensity", INTENSITY),
    ("group", "group_size", GROUP_SIZE),
    ("language", "activity_language", s.ACTIVITY_LANGUAGES),
    ("origin", "origin", s.ORIGINS),
)


@dataclass(frozen=True)
class Module:
    fiche: Fiche
    data: dict

    @property
    def key(self) -> str:
        return f"{self.fiche.id}--{self.data['id']}"

    @property
    def path(self) -> str:
        return urls.path_for("module", (self.fiche.id, self.data["id"]))

    @property
    def themes(self) -> list[str]:
        """The module's own themes, or its fiche's when the module names none."""
        return list(self.data.get("themes") or self.fiche.data.get("themes", []))


def all_modules(fiches: list[Fiche]) -> list[Module]:
    return [Module(f, m) for f in fiches for m in f.data.get("modules", [])]


def intensity_bucket(hours: float | None) -> str:
    if hours is None:
        return "unknown"
    if hours < 2:
        return "lt2"
    if hours < 5:
        return "2to5"
    return "5to10" if hours <= 10 else "gt10"


def group_bucket(size: int | None) -> str:
    if size is None:
        return "unknown"
    if size <= 6:
        return "upto6"
    if size <= 10:
        return "7to10"
    return "11to15" if size <= 15 else "gt15"


def facet_codes(module: Module) -> dict[str, list[str]]:
    setup = module.data.get("setup", {})
    return {
        "kind": [module.data["kind"]],
        "theme": module.themes,
        "intensity": [intensity_bucket(weekly_hours(setup))],
        "group": [group_bucket(setup.get("max_group_size"))],
        "language": list(module.data.get("languages", [])),
        "origin": [module.data["origin"]] if "origin" in module.data else [],
    }


def module_item(module: Module, lang: str) -> dict:
    setup = module.data.get("setup", {})
    codes = facet_codes(module)
    facet_values = {key: values for key, _, values in MODULE_FACETS}
    labels = {key: [facet_values[key][c][lang] for c in found] for key, found in codes.items()}
    title = richtext.plain(module.data["name"][lang])
    fiche_title = richtext.plain(module.fiche.data["title"][lang])
    organisation = richtext.plain(module.fiche.data["organisation"]["name"][lang])
    goals = [richtext.plain(g[lang]) for g in module.data["goals"]]
    return {
        "id": module.key,
        "fiche_id": module.fiche.id,
        "module_id": module.data["id"],
        "title": title,
        "fiche_title": fiche_title,
        "organisation": organisation,
        "codes": codes,
        "labels": labels,
        "goals": goals,
        "weekly_hours": weekly_hours(setup),
        "max_group_size": setup.get("max_group_size"),
        "path": module.path,
        "last_reviewed": module.fiche.data["last_reviewed"],
        "search": " ".join(" ".join([title, fiche_title, organisation] + goals +
                                    [v for values in labels.values() for v in values]).lower().split()),
    }


def related_modules(modules: list[Module], k: int = RELATED_PER_MODULE) -> dict[str, list[str]]:
    """Modules of the same kind in other fiches, ranked by theme overlap (Jaccard, a symmetric score).

    A and B are related when either is among the other's k best matches, so the relation is symmetric by
    construction and each list stays short."""
    return similarity.related(
        [similarity.Item(m.key, m.fiche.id, m.data["kind"], frozenset(m.themes)) for m in modules], k)
