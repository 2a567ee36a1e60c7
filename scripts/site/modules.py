"""Modules as building blocks: one record per module, its facets, and related modules computed from data.

Staff borrow a module more often than a whole project, so each module gets a page
and a catalogue of its own. "Comparable modules" are never typed: two modules are
comparable when they are of the same kind, belong to different fiches, both have
content and their own themes, share at least one theme and a format (intensity band,
frequency) or a goal topic, and their similarity (Jaccard over the module's themes and
format; never the fiche-level target-group profiles) is at least SIMILARITY_THRESHOLD;
each shows at most its RELATED_PER_MODULE closest matches (symmetric by construction)
and the page says what the two share. No link rather than a weak one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import Fiche
from scripts.lang import languages, ui_text, wording
from scripts.site import module_setup, similarity, urls

RELATED_PER_MODULE = 5
# Minimum Jaccard similarity of two modules' features (themes, profiles, intensity band) to be shown as
# comparable. 0.4 keeps e.g. two collective modules sharing half their themes and the same public, and drops a
# 21-hour programme next to a small occasional action that shares one theme (documented in README).
SIMILARITY_THRESHOLD = 0.4

UNKNOWN = "unknown"  # the band of a module whose source gives no figure
CONTRADICTED = "contradicted"  # the band of a module whose source gives two figures: never bucketed as one


class _Bands(Mapping):
    """Band code → label per language: the wording is interface text (ui_text `<prefix>_<code>`), so a language
    added as data brings its own, looked up when used (the languages of the build); a band without a figure
    reads "not given"."""

    def __init__(self, prefix: str, codes: tuple[str, ...]) -> None:
        self.keys_by_code = {code: f"{prefix}_{code}" for code in codes} | {UNKNOWN: "not_given"}
        if prefix == "intensity":  # a module may give a frequency without hours: it is the hours that are unknown
            self.keys_by_code |= {UNKNOWN: "intensity_unknown", CONTRADICTED: "source_contradicts"}

    def __getitem__(self, code: str) -> dict[str, str]:
        return {lang: ui_text.t(self.keys_by_code[code], lang) for lang in languages.codes()}

    def __iter__(self):
        return iter(self.keys_by_code)

    def __len__(self) -> int:
        return len(self.keys_by_code)


def _bands(prefix: str, codes: tuple[str, ...]) -> _Bands:
    return _Bands(prefix, codes)


# Bands of the module facets (codes as intensity_bucket and group_bucket give them).
INTENSITY = _bands("intensity", ("lt2", "2to5", "5to10", "gt10"))
GROUP_SIZE = _bands("group", ("upto6", "7to10", "11to15", "gt15"))
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
        """The module's own themes only: the fiche's themes say nothing about a module the source does not
        describe (a module without themes has none, and is not compared by theme)."""
        return list(self.data.get("themes", []))


def all_modules(fiches: list[Fiche]) -> list[Module]:
    return [Module(f, m) for f in fiches for m in f.data.get("modules", [])]


def hours_record(module: Module, lang: str | None = None) -> dict:
    """The module's weekly hours from the fact record, with their basis and the source's contradictions."""
    lang = lang or languages.current().default
    return module_setup.module_hours_facts(module.data.get("setup", {}), lang, _conflicts(module, lang))


def _conflicts(module: Module, lang: str) -> list[dict]:
    return module_setup.module_setup_conflicts(module.fiche.data, module.data["id"], lang)


def intensity_band(module: Module) -> str:
    record = hours_record(module)
    return CONTRADICTED if record["basis"] == "contradicted" else intensity_bucket(record["value"])


def intensity_bucket(hours: float | None) -> str:
    if hours is None:
        return UNKNOWN
    if hours < 2:
        return "lt2"
    if hours < 5:
        return "2to5"
    return "5to10" if hours <= 10 else "gt10"


def group_bucket(size: int | None) -> str:
    if size is None:
        return UNKNOWN
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
        "intensity": [intensity_band(module)],
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
    record = module_setup.setup_facts(setup, lang, _conflicts(module, lang))  # the fact record's words
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
        "weekly_hours": record["weekly_hours"],  # to sort by: None when not stated or contradicted
        "intensity_text": record["intensity_text"],  # what the card and the module page say
        "max_group_size": setup.get("max_group_size"),
        "path": module.path,
        "last_reviewed": module.fiche.data["last_reviewed"],
        "search": " ".join(" ".join([title, fiche_title, organisation] + goals +
                                    [v for values in labels.values() for v in values]).lower().split()),
    }


def has_content(module: Module) -> bool:
    """A module says what it does: a content text or phase, or set-up notes, in some language."""
    content = module.data.get("content") or {}
    texts = [content.get("text")] + list((content.get("phases") or {}).values())
    texts += list(module.data.get("setup", {}).get("notes", []))
    return any(isinstance(t, dict) and any(str(v).strip() for v in t.values()) for t in texts)


GOAL_STEM = 6  # letters compared: "netwerk" and "netwerken" are one topic


def _stems(text: str, general: frozenset[str]) -> set[str]:
    """`general`: words too general to make two goals one goal ("verhogen", "ontwikkelen" …): a link needs a
    shared topic (`words.general_goal_words` of the language's wording file)."""
    words = "".join(c if c.isalpha() else " " for c in text.lower()).split()
    return {w[:GOAL_STEM] for w in words if len(w) > GOAL_STEM and w not in general}


def goal_topics(module: Module) -> set[str]:
    """The topics a module's goals name (stems of their words, in the site's first language)."""
    lang = languages.codes()[0]
    general = frozenset(wording.words(lang, "general_goal_words"))
    return {stem for goal in module.data.get("goals", [])
            for stem in _stems(richtext.plain(goal.get(lang, "")), general)}


def format_features(module: Module) -> frozenset[str]:
    """How a module runs: its intensity band (when one number is known) and how often it meets."""
    found = set()
    band = intensity_band(module)
    if band not in (UNKNOWN, CONTRADICTED):
        found.add(f"intensity:{band}")
    frequency = module.data.get("setup", {}).get("frequency")
    if frequency:
        found.add(f"per:{frequency['per']}")
    return frozenset(found)


def features(module: Module) -> frozenset[str]:
    """What two modules are compared by: the module's own themes and its format. Fiche-level profiles are left
    out: every AMIF fiche shares them, so they made unrelated modules look alike."""
    return frozenset({f"theme:{t}" for t in module.themes} | format_features(module))


def comparable(a: Module, b: Module) -> bool:
    """Besides the score: a shared theme, and a shared format or goal topic. Nothing rather than a weak link."""
    return bool(set(a.themes) & set(b.themes)) and bool(
        format_features(a) & format_features(b) or goal_topics(a) & goal_topics(b))


def score(a: Module, b: Module) -> float:
    return similarity.jaccard(features(a), features(b))


def related_modules(modules: list[Module], k: int = RELATED_PER_MODULE,
                    threshold: float = SIMILARITY_THRESHOLD) -> dict[str, list[str]]:
    """Comparable modules: same kind, other fiche, both with content and with their own themes, a similarity of
    at least `threshold`, and `comparable`; each module's k best, made symmetric."""
    shown = [m for m in modules if has_content(m) and m.themes]
    found = similarity.related(
        [similarity.Item(m.key, m.fiche.id, m.data["kind"], features(m)) for m in shown], k, threshold - 1e-9)
    by_key = {m.key: m for m in shown}
    out = {m.key: [] for m in modules}
    for key, others in found.items():
        out[key] = [o for o in others if comparable(by_key[key], by_key[o])]
    return out


def shared(a: Module, b: Module, lang: str) -> list[str]:
    """Why two modules are shown as comparable, in words: same kind, shared themes, format and goal topics."""
    out = [f"{ui_text.t('shared_kind', lang)} ({s.MODULE_KINDS[a.data['kind']][lang]})"]
    out += [s.THEMES[t][lang] for t in a.themes if t in b.themes]
    band = intensity_band(a)
    if band not in (UNKNOWN, CONTRADICTED) and band == intensity_band(b):
        out.append(f"{ui_text.t('shared_intensity', lang)} ({INTENSITY[band][lang]})")
    frequency = a.data.get("setup", {}).get("frequency")
    if frequency and f"per:{frequency['per']}" in format_features(b):
        out.append(f"{ui_text.t('shared_frequency', lang)} ({s.FREQUENCY_UNITS[frequency['per']][lang]})")
    topics_b = goal_topics(b)
    first = languages.codes()[0]
    general = frozenset(wording.words(first, "general_goal_words"))
    names = [richtext.plain(g[lang]) for g in a.data.get("goals", [])
             if _stems(richtext.plain(g.get(first, "")), general) & topics_b]
    if names:
        out.append(f"{ui_text.t('shared_goal', lang)} ({(ui_text.t('semicolon', lang) + ' ').join(names)})")
    return out
