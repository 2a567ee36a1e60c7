"""One synthetic fiche: a walk of the schema (fiche_schema.FICHE) that fills every field it knows, with realistic
values for a few paths, then its YAML text (scripts/bench/synthetic.py writes the files)."""

from __future__ import annotations

import random
import re

import yaml

from scripts.bench.words import NL_NOUNS, Identity, Writer, slug, wrap
from scripts.fiche import schema as s

MIN_BYTES = 20_000  # AMIE-sized: ≈ 20-30 KB of YAML per fiche
MAX_BYTES = 30_000


# --- the schema walk --------------------------------------------------------------------------------------

LONG_TEXTS = {"problem", "approach"}  # several paragraphs, sometimes a list
MEDIUM_TEXTS = {"target_group.text", "inspiration.text", "objectives.text", "staffing.text", "support.text",
                "vision.text", "target_group.referral"}
LIST_SIZES = {  # (min, max) items; other lists 2-5 (modules: Identity.modules; related, see_also: SPECIAL)
    "staffing.roles": (1, 5), "vision.pillars": (2, 5), "vision.pillars[].points": (2, 4),
    "sources": (1, 3), "themes": (1, 4), "target_group.profiles": (2, 5),
    "funding": (1, 2), "objectives.groups": (1, 3), "objectives.groups[].goals": (2, 5), "modules[].themes": (1, 3),
    "modules[].goals": (2, 5), "modules[].setup.notes": (1, 4), "modules[].languages": (1, 2), "peers": (1, 3),
    "pros": (3, 10), "cons": (2, 6), "future": (1, 4), "what_works": (2, 5), "inspiration.strengths": (2, 4),
    "target_group.criteria": (3, 6), "target_group.intake_questions": (1, 3),
    "conflicts": (1, 1), "conflicts[].statements": (2, 2), "conflicts[].applies_to": (1, 1),
    "sources[].languages": (1, 1),
}


class FicheMaker:
    def __init__(self, seed: int, index: int, scale: float, attempt: int):
        self.seed = seed
        self.rng = random.Random(f"{seed}:fiche:{index}:{attempt}")
        self.scale = scale
        self.me = Identity(seed, index)
        self.index = index
        self.writers = {lang: Writer(self.rng, lang, scale) for lang in s.LANGS}

    # texts in both languages
    def text(self, path: str, schema: s.Text) -> dict[str, str]:
        both = self.writers.items()
        if schema.inline:
            return {lang: w.phrase() for lang, w in both}
        if path == "summary":
            return {lang: wrap(" ".join(w.sentence(12, 24) for _ in range(self.rng.randint(2, 4))))
                    for lang, w in both}
        if path in LONG_TEXTS:
            return {lang: w.block(2, 4) for lang, w in both}
        if path in MEDIUM_TEXTS:
            return {lang: w.block(1, 2) for lang, w in both}
        if path == "modules[].content.text" or (path.startswith("modules[].content.phases")
                                                and self.rng.random() < 0.6):
            return {lang: wrap(w.sentence()) + "\n\n" + w.bullets(2, 6) for lang, w in both}
        if path.endswith("[]"):
            return {lang: w.item() for lang, w in both}
        if self.rng.random() < 0.3:
            return {lang: wrap(w.sentence()) + "\n\n" + w.bullets(2, 5) for lang, w in both}
        return {lang: wrap(w.paragraph(1, 3)) for lang, w in both}

    def value(self, path: str, schema: s.Node):
        special = self.SPECIAL.get(path)
        return special(self, schema) if special is not None else self.walk(path, schema)

    def walk(self, path: str, schema: s.Node):
        """The generic value for a schema node."""
        kind = type(schema).__name__
        if kind == "Obj":
            out = {}
            for f in schema.fields:
                value = self.value(f"{path}.{f.name}" if path else f.name, f.node)
                if value is not None:
                    out[f.name] = value
            return out
        if kind == "List":
            low, high = LIST_SIZES.get(path, (2, 5))
            low, high = max(low, schema.min_items), min(high, schema.max_items)
            if isinstance(schema.item, s.Enum) and schema.unique:
                codes = list(schema.item.values)
                return self.rng.sample(codes, min(len(codes), self.rng.randint(low, high)))
            count = self.rng.randint(low, high)
            if isinstance(schema.item, s.Text):  # lists of texts grow and shrink with the size target
                count = min(high, max(low, round(count * self.scale)))
            items = [self.value(path + "[]", schema.item) for _ in range(count)]
            return [i for i in items if i is not None] or None
        if kind == "Text":
            return self.text(path, schema)
        if kind == "Enum":
            return self.rng.choice(list(schema.values))
        if kind == "Number":
            return self.number(schema)
        if kind == "Date":
            return self.date(2012, 2025, partial=schema.partial)
        if kind == "Url":
            return f"https://www.{slug(self.me.place[0])}.be/{slug(self.rng.choice(NL_NOUNS))}"
        if kind == "Email":
            return f"info@{slug(self.me.organisation['nl'])[:30].strip('-')}.be"
        if kind == "Str":
            if schema.example and (not schema.pattern or re.match(schema.pattern, schema.example)):
                return schema.example
            raise ValueError(f"synthetic.py: no value for {path} (a Str without a usable example)")
        if kind == "FicheRef":
            return None
        raise ValueError(f"synthetic.py: unknown schema node {kind} at {path}; teach synthetic.py about it")

    def number(self, schema: s.Number, low: float | None = None, high: float | None = None):
        low = schema.minimum if low is None else low
        high = min(schema.maximum, 100) if high is None else high
        if schema.integer:
            return self.rng.randint(max(int(low), 1 if schema.exclusive_minimum else int(low)), int(high))
        value = round(self.rng.uniform(low, high), 1)
        if schema.exclusive_minimum and value <= schema.minimum:
            value = round(schema.minimum + 0.5, 1)
        return int(value) if value.is_integer() else value

    def date(self, first: int, last: int, partial: bool = False) -> str:
        year = self.rng.randint(first, last)
        if partial and self.rng.random() < 0.5:
            return str(year) if self.rng.random() < 0.5 else f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    # -- paths with realistic values of their own (see SPECIAL) -------------------------------------------
    def _id(self, schema):
        return self.me.id

    def _status(self, schema):
        return "published"

    def _title(self, schema):
        return dict(self.me.title)

    def _organisation_name(self, schema):
        return dict(self.me.organisation)

    def _organisation_type(self, schema):
        return self.me.org_type

    def _contact_organisation(self, schema):
        return dict(self.me.organisation)

    def _municipality(self, schema):
        return {"nl": self.me.place[0], "fr": self.me.place[1]}

    def _region(self, schema):
        return self.me.place[2]

    def _coordinates(self, schema):
        lat = min(51.5, max(49.5, self.me.place[3] + self.rng.uniform(-0.02, 0.02)))
        lon = min(6.4, max(2.6, self.me.place[4] + self.rng.uniform(-0.02, 0.02)))
        return {"lat": round(lat, 4), "lon": round(lon, 4), "approximate": "yes"}

    def _period(self, schema):
        start = self.rng.randint(2012, 2023)
        period = {"start": str(start) if self.rng.random() < 0.6 else f"{start}-{self.rng.randint(1, 12):02d}"}
        if self.rng.random() < 0.6:
            period["end"] = str(self.rng.randint(start + 1, 2027))
        period["source"] = {"ref": 1}
        return period

    def _last_reviewed(self, schema):
        return self.date(2024, 2025)

    def _review_by(self, schema):
        return self.date(2027, 2029)

    def _contact_address(self, schema):
        street = self.rng.choice(["Markt", "Grote Markt", "Kerkstraat", "Stationsstraat", "Dorpsplein"])
        rue = self.rng.choice(["Place communale", "Rue de la Station", "Rue de l'Église", "Grand-Place"])
        number, postcode = self.rng.randint(1, 120), self.me.place[5]
        return {"nl": f"{street} {number}, {postcode} {self.me.place[0]}",
                "fr": f"{rue} {number}, {postcode} {self.me.place[1]}"}

    def _contact_phone(self, schema):
        return f"+32 {self.rng.randint(2, 89)} {self.rng.randint(100, 999)} {self.rng.randint(10, 99)} " \
               f"{self.rng.randint(10, 99)}"

    def _related(self, schema):
        if self.index == 0:
            return []
        others = sorted({self.rng.randrange(self.index) for _ in range(self.rng.randint(0, 3))})
        return [Identity(self.seed, j).id for j in others]

    def _see_also(self, schema):
        # the benchmark's project has the catalogue page in both languages
        return [{"page": "fiches/index.md", "label": {"nl": "Catalogus van de fiches", "fr": "Catalogue des fiches"}}]

    def _sources_pages(self, schema):
        first = self.rng.randint(1, 60)
        return f"{first}-{first + self.rng.randint(2, 12)}"

    def _sources_date(self, schema):
        return self.date(2016, 2024, partial=True)

    def _modules(self, schema):
        count = self.me.modules  # fixed per fiche, so that the size target is met by the texts
        modules = []
        for number in range(count):
            module = self.value("modules[]", schema.item)
            module["id"] = f"module-{number + 1}-{slug(self.rng.choice(NL_NOUNS))}"[:60].strip("-")
            modules.append(module)
        return modules

    def _modules_setup(self, schema):
        setup = self.walk("modules[].setup", schema)  # the generic walk, then realistic numbers

        def put(key: str, value) -> None:
            if schema.get(key) is not None:
                setup[key] = value

        put("frequency", {"times": self.rng.choice([1, 1, 1, 2, 2, 3, 4]),
                          "per": self.rng.choice(list(s.FREQUENCY_UNITS))})
        put("hours_per_session", self.rng.choice([1, 1.5, 2, 2.5, 3, 3.5, 4]))
        if self.rng.random() < 0.5:
            setup.pop("hours_per_week", None)  # most sources give frequency × hours per session only
        else:
            hours = self.rng.choice([2, 4, 6, 8, 12, 16, 21, 24])
            put("hours_per_week", {"min": hours} if self.rng.random() < 0.3 else {"value": hours})
        duration = {"amount": self.rng.randint(1, 12), "unit": self.rng.choice(["week", "month", "month"])}
        if self.rng.random() < 0.3:
            duration["approximate"] = "yes"
        put("duration", duration)
        low = self.rng.randint(3, 8)
        put("min_group_size", low)
        put("max_group_size", low + self.rng.randint(2, 12))
        return setup

    def _staffing_roles(self, schema):
        role = self.walk("staffing.roles[]", schema)
        role["role"] = {lang: w.phrase(1, 4) for lang, w in self.writers.items()}
        role["count"] = self.rng.choice([1, 1, 1, 2, 2, 3])
        role["fte"] = self.rng.choice([0.2, 0.5, 0.5, 0.8, 1, 1, 1])
        return role

    def _budget_personnel_fte(self, schema):
        return self.rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 4, 5.5])

    def _modules_content(self, schema):
        content = self.walk("modules[].content", schema)
        if "text" in content and self.rng.random() < 0.6:  # most sources describe a module without phases
            content.pop("phases", None)
        return content

    SPECIAL = {
        "modules[].content": _modules_content,
        "id": _id,
        "status": _status,
        "title": _title,
        "organisation.name": _organisation_name,
        "organisation.type": _organisation_type,
        "contact.organisation": _contact_organisation,
        "municipality": _municipality,
        "region": _region,
        "coordinates": _coordinates,
        "period": _period,
        "last_reviewed": _last_reviewed,
        "review_by": _review_by,
        "contact.address": _contact_address,
        "contact.phone": _contact_phone,
        "related": _related,
        "see_also": _see_also,
        "sources[].pages": _sources_pages,
        "sources[].date": _sources_date,
        "modules": _modules,
        "modules[].setup": _modules_setup,
        "staffing.roles[]": _staffing_roles,
        "budget.personnel_fte": _budget_personnel_fte,
    }


def make_fiche(seed: int, index: int) -> tuple[dict, str]:
    """Fiche `index` of the series `seed`: its data and its YAML text (20-30 KB)."""
    rng = random.Random(f"{seed}:size:{index}")
    target = rng.uniform(MIN_BYTES + 1500, MAX_BYTES - 1500)
    scale = target / (36_000 + 3_000 * Identity(seed, index).modules)  # measured: the size at scale 1
    for attempt in range(8):
        data = FicheMaker(seed, index, scale, attempt).value("", s.FICHE)
        text = to_yaml(data)
        size = len(text.encode("utf-8"))
        if MIN_BYTES <= size <= MAX_BYTES:
            return data, text
        scale *= (target / size) ** 0.9
    raise RuntimeError(f"synthetic.py: fiche {index} stays at {size} bytes, outside {MIN_BYTES}-{MAX_BYTES}")


# --- YAML out -----------------------------------------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data) -> bool:  # the validator refuses anchors and aliases
        return True


def _str(dumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def to_yaml(data: dict) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110,
                     default_flow_style=None)
    return "# Synthetic fiche for the scale benchmark (scripts/bench/bench.py); not a real project.\n" + body
