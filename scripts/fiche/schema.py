"""The one definition of a fiche.

The validator, the scaffold (new_fiche.py) and the schema reference page all walk
this tree, so a field is added here once and appears everywhere with its NL/FR
description.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scripts.lang import languages
from scripts.lang.typography import LABELS as TYPOGRAPHY  # each language's rules, defined once there
from scripts.lang.typography import TEXTS as TEXT_TYPOGRAPHY  # noqa: F401  (check.py reads it here)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LEN = 60  # fiche and module ids: the file name and the page address
# TYPOGRAPHY: applied once to every label of a language (French: no-break spaces before : ; ! ?). TEXT_TYPOGRAPHY:
# the same rules applied to the texts of a fiche when it is read (the checker's data), so that every view and the
# open data carry them and a contributor never has to type a no-break space.


def __getattr__(name: str):
    """`LANGS`: the site's languages (mkdocs.yml), read when used, not when the schema is imported."""
    if name == "LANGS":
        return languages.codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SiteLanguages(Mapping):
    """The codes of the site's languages as an Enum's values (code → {lang: code in capitals}), looked up when
    used: a document's languages are those the site is built in."""

    def __getitem__(self, code: str) -> dict[str, str]:
        codes = languages.codes()
        if code not in codes:
            raise KeyError(code)
        return {lang: code.upper() for lang in codes}

    def __iter__(self):
        return iter(languages.codes())

    def __len__(self) -> int:
        return len(languages.codes())

    def __eq__(self, other) -> bool:
        return isinstance(other, SiteLanguages)

    def __hash__(self) -> int:
        return hash(SiteLanguages)


def d(**texts: str) -> dict[str, str]:
    """A text in each language, by language code: `d(nl="…", fr="…")`; any set of languages."""
    return {lang: TYPOGRAPHY.get(lang, str)(text) for lang, text in texts.items()}


@dataclass(frozen=True)
class Node:
    description: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Text(Node):
    """Bilingual text in the documented Markdown subset (paragraphs, lists, emphasis, links)."""

    inline: bool = False  # single line, no block Markdown (names, labels)
    max_len: int = 20000


@dataclass(frozen=True)
class Str(Node):
    """A code written once for both languages (ids, phone numbers, page ranges)."""

    pattern: str | None = None
    max_len: int = 200
    example: str = ""


@dataclass(frozen=True)
class Number(Node):
    minimum: float = 0
    maximum: float = 1_000_000
    integer: bool = False
    exclusive_minimum: bool = False
    money: bool = False  # amounts in euro: warn when `45.000` (a Belgian thousands separator) is read as 45


@dataclass(frozen=True)
class Enum(Node):
    values: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Date(Node):
    """ISO date; `partial` also accepts YYYY and YYYY-MM (project periods)."""

    partial: bool = False


@dataclass(frozen=True)
class Url(Node):
    schemes: tuple[str, ...] = ("http", "https")


@dataclass(frozen=True)
class Email(Node):
    """A plain address (name@domain.tld): no `mailto:`, no `?cc=…&subject=…` that a link would act on."""

    organisation_only: bool = False  # refuse what looks like a person's address (firstname.lastname@…)


# Words of a mailbox that names a service, not a person (info@, integratie@, cpas.activation@): an address whose
# name part is two or more words, none of them one of these, looks like a person's (jan.peeters@, j.peeters@).
MAILBOX_WORDS = frozenset("""
    info infos information informatie contact contacts onthaal accueil secretariaat secretariat administratie
    administration admin dienst diensten service services sociaal sociale social sociales welzijn bienetre
    integratie integration inburgering activering activation socialeactivering ocmw cpas gemeente commune stad
    ville werk emploi taal langue langues vrijwilligers vrijwilliger benevoles benevolat nieuwkomers nieuwkomer
    primo primoarrivants arrivants team equipe project projet projects projets communicatie communication
    noreply reply no post mail bureau cel cellule maatschappelijk maatschappelijke actie action insertion
    participatie participation cultuur culture sport jeugd jeunesse onderwijs enseignement opleiding formation
    begeleiding accompagnement wonen logement huisvesting asiel asile migratie migration diversiteit diversite
    kb lerend netwerk reseau mi is pod spp be vl brussel bruxelles wallonie vlaanderen
""".split())


EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"  # the whole value (fullmatch)


@dataclass(frozen=True)
class FicheRef(Node):
    """The id of another fiche; checked across files."""


@dataclass(frozen=True)
class List(Node):
    item: Node = field(default_factory=Node)
    min_items: int = 0
    max_items: int = 500
    unique: bool = False


@dataclass(frozen=True)
class F:
    """A field of an object."""

    name: str
    node: Node
    required: bool = False
    # Provenance: when this field is given, one of these sibling fields must be given too (its source, or the
    # flag that the editors inferred it). The validator, the scaffold and the schema page read it from here.
    needs_one_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Obj(Node):
    fields: tuple[F, ...] = ()
    min_fields: int = 0
    needs_one_of: tuple[str, ...] = ()  # provenance of the whole object (see F.needs_one_of)

    def get(self, name: str) -> F | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


# --- controlled vocabularies -------------------------------------------------

REGIONS = {
    "vlaanderen": d(nl="Vlaanderen", fr="Flandre"),
    "wallonie": d(nl="Wallonië", fr="Wallonie"),
    "brussel": d(nl="Brussel", fr="Bruxelles"),
}

THEMES = {
    "taal": d(nl="Taal", fr="Langue"),
    "wonen": d(nl="Wonen", fr="Logement"),
    "werk": d(nl="Werk", fr="Emploi"),
    "diversiteit": d(nl="Diversiteit", fr="Diversité"),
    "gezondheid": d(nl="Gezondheid", fr="Santé"),
    "psychosociaal": d(nl="Psychosociaal welzijn", fr="Bien-être psychosocial"),
    "vrijwilligerswerk": d(nl="Vrijwilligerswerk", fr="Volontariat"),
    "digitaal": d(nl="Digitale vaardigheden", fr="Compétences numériques"),
    "cultuur-creativiteit": d(nl="Cultuur en creativiteit", fr="Culture et créativité"),
    "gezin": d(nl="Gezin", fr="Famille"),
    "samenleving": d(nl="Kennis van de samenleving", fr="Connaissance de la société"),
    "financien": d(nl="Budget en financiën", fr="Budget et finances"),
}

ORG_TYPES = {
    "ocmw": d(nl="OCMW", fr="CPAS"),
    "gemeente": d(nl="Gemeente", fr="Commune"),
    "samenwerkingsverband": d(nl="Samenwerkingsverband van besturen", fr="Partenariat de pouvoirs locaux"),
    "vzw": d(nl="Vzw", fr="ASBL"),
    "overheid": d(nl="Andere overheid", fr="Autre administration"),
}

FUNDING = {
    "amif": d(nl="AMIF (Europees Fonds voor Asiel, Migratie en Integratie)",
              fr="FAMI (Fonds européen Asile, Migration et Intégration)"),
    "vlaamse-integratiesubsidie": d(nl="Vlaamse subsidie integratie", fr="Subside flamand pour l'intégration"),
    "eigen-middelen": d(nl="Eigen middelen", fr="Fonds propres"),
}

STATUS = {
    "published": d(nl="Gepubliceerd", fr="Publiée"),
    "draft": d(nl="Ontwerp", fr="Brouillon"),
}

LIFECYCLE = {
    "pilot": d(nl="Proefproject", fr="Projet pilote"),
    "running": d(nl="Lopend", fr="En cours"),
    "ended": d(nl="Afgelopen", fr="Terminé"),
    "absorbed": d(nl="Opgenomen in de reguliere werking", fr="Intégré aux services ordinaires"),
}

MODULE_KINDS = {
    "individual": d(nl="Individuele begeleiding", fr="Accompagnement individuel"),
    "collective": d(nl="Collectieve begeleiding", fr="Accompagnement collectif"),
    "orientation": d(nl="Oriëntering", fr="Orientation"),
}

PROFILES = {
    "erkende-vluchtelingen": d(nl="Erkende vluchtelingen en subsidiair beschermden",
                               fr="Réfugiés reconnus et bénéficiaires de la protection subsidiaire"),
    "derdelanders": d(nl="Derdelanders (van buiten de EU)", fr="Ressortissants de pays tiers (hors UE)"),
    "anderstaligen": d(nl="Anderstaligen", fr="Allophones"),
    "laaggeletterd": d(nl="Laagtaalvaardig of laaggeschoold", fr="Faible maîtrise de la langue ou peu scolarisés"),
    "leefloners": d(nl="Leefloongerechtigden", fr="Bénéficiaires du revenu d'intégration"),
    "volwassenen": d(nl="Volwassenen (18+)", fr="Adultes (18+)"),
    "asielzoekers": d(nl="Asielzoekers", fr="Demandeurs d'asile"),
    "gezinnen": d(nl="Gezinnen", fr="Familles"),
}

FREQUENCY_UNITS = {
    "day": d(nl="per dag", fr="par jour"),
    "week": d(nl="per week", fr="par semaine"),
    "fortnight": d(nl="om de twee weken", fr="toutes les deux semaines"),
    "three-weeks": d(nl="om de drie weken", fr="toutes les trois semaines"),
    "month": d(nl="per maand", fr="par mois"),
    "two-months": d(nl="om de twee maanden", fr="tous les deux mois"),
}
# Occurrences per week of one "per" unit: used to compute weekly intensity.
PER_WEEK = {"day": 5, "week": 1, "fortnight": 0.5, "three-weeks": 1 / 3,
            "month": 12 / 52, "two-months": 6 / 52}

ACTIVITY_LANGUAGES = {
    "nl": d(nl="Nederlands", fr="Néerlandais"),
    "fr": d(nl="Frans", fr="Français"),
    "moedertaal": d(nl="Moedertaal", fr="Langue maternelle"),
    "contacttaal": d(nl="Contacttaal", fr="Langue de contact"),
}

ORIGINS = {
    "praktijk": d(nl="Uit de praktijk", fr="Issue de la pratique"),
    "wetenschappelijk": d(nl="Met wetenschappelijke onderbouwing", fr="Fondée sur des données scientifiques"),
}

DURATION_UNITS = {
    "day": d(nl="dagen", fr="jours"),
    "week": d(nl="weken", fr="semaines"),
    "month": d(nl="maanden", fr="mois"),
    "year": d(nl="jaren", fr="années"),
}

# Singular and plural of the duration units, for views that write "1 dag" / "3 dagen" (no "dag(en)").
DURATION_UNIT_FORMS = {
    "day": {"nl": ("dag", "dagen"), "fr": ("jour", "jours")},
    "week": {"nl": ("week", "weken"), "fr": ("semaine", "semaines")},
    "month": {"nl": ("maand", "maanden"), "fr": ("mois", "mois")},
    "year": {"nl": ("jaar", "jaar"), "fr": ("an", "ans")},
}

YES = {"yes": d(nl="ja", fr="oui")}

# Dates that describe the editorial process or a document itself, not the project: they need no source.
EDITORIAL_DATES = ("last_reviewed", "review_by", "sources[].date")

# --- building blocks ----------------------------------------------------------


def flag(nl: str, fr: str) -> Enum:
    """A yes-flag (`approximate: yes`); absent means no."""
    return Enum(description=d(nl=nl, fr=fr), values=YES)


SOURCE_REF = Obj(
    description=d(nl="Waar de bron dit zegt: het nummer van de bron in `sources` (1 = de eerste) en de plaats "
                  "erin (pagina of deel).",
                  fr="Où la source le dit : le numéro de la source dans `sources` (1 = la première) et l'endroit "
                  "(page ou section)."),
    fields=(
        F("ref", Number(description=d(nl="Nummer van de bron in `sources` (1 = de eerste).",
                                      fr="Numéro de la source dans `sources` (1 = la première)."),
                        integer=True, minimum=1, maximum=50), required=True),
        F("at", Str(description=d(nl="Pagina of deel van de bron, bv. `p. 2` of `p. 26, 1.5`.",
                                  fr="Page ou section de la source, p. ex. `p. 2` ou `p. 26, 1.5`."),
                    max_len=80, example="p. 2")),
    ),
)


def source_ref(nl: str, fr: str) -> Obj:
    return Obj(description=d(nl=nl, fr=fr), fields=SOURCE_REF.fields)


def inferred_flag(what_nl: str, what_fr: str) -> Enum:
    return flag(f"`yes` als de bron {what_nl} niet zegt en de redactie het afleidde; de site toont het zo.",
                f"`yes` si la source ne dit pas {what_fr} et que la rédaction l'a déduit ; le site l'indique.")


def quantity(nl: str, fr: str, maximum: float, integer: bool = False) -> Obj:
    """A number with the qualifier the source gives: exact, at least, at most, about."""
    def number(nl_: str, fr_: str) -> Number:
        return Number(description=d(nl=nl_, fr=fr_), maximum=maximum, integer=integer, exclusive_minimum=True)
    return Obj(
        description=d(nl=nl + " Schrijf wat de bron zegt: `value` (precies), `min` (minstens), `max` (hoogstens), "
                           "`approximate: yes` (ongeveer), bv. `{min: 21}`.",
                      fr=fr + " Écrivez ce que dit la source : `value` (exact), `min` (au moins), `max` (au plus), "
                           "`approximate: yes` (environ), p. ex. `{min: 21}`."),
        fields=(
            F("value", number("Precies dit aantal.", "Exactement ce nombre.")),
            F("min", number("Minstens dit aantal.", "Au moins ce nombre.")),
            F("max", number("Hoogstens dit aantal.", "Au plus ce nombre.")),
            F("approximate", flag("`yes` als de bron 'ongeveer' zegt.", "`yes` si la source dit « environ ».")),
        ),
        min_fields=1,
    )


TEXT_LIST = List(item=Text(), description=d(nl="Lijst van teksten.", fr="Liste de textes."))


def text(inline: bool = False, **description: str) -> Text:
    return Text(description=description, inline=inline)


def texts(min_items: int = 0, **description: str) -> List:
    return List(item=Text(), description=description, min_items=min_items)


PHASES = Obj(
    description=d(nl="Fasen van de inhoud, zoals de gids ze beschrijft.",
                  fr="Phases du contenu, telles que décrites dans le guide."),
    fields=(
        F("begin", text(nl="Beginfase.", fr="Phase de démarrage.")),
        F("middle", text(nl="Middenfase.", fr="Phase intermédiaire.")),
        F("end", text(nl="Eindfase.", fr="Phase finale.")),
    ),
    min_fields=1,
)

FREQUENCY = Obj(
    description=d(nl="Hoe vaak een sessie plaatsvindt: `times` keer `per` eenheid.",
                  fr="Fréquence des séances : `times` fois par unité `per`."),
    fields=(
        F("times", Number(description=d(nl="Aantal keer.", fr="Nombre de fois."),
                          exclusive_minimum=True, maximum=50), required=True),
        F("per", Enum(description=d(nl="Eenheid.", fr="Unité."), values=FREQUENCY_UNITS), required=True),
    ),
)

DURATION = Obj(
    description=d(nl="Duur van de module of het traject.", fr="Durée du module ou du parcours."),
    fields=(
        F("amount", Number(description=d(nl="Hoeveelheid.", fr="Quantité."), exclusive_minimum=True,
                           maximum=1000), required=True),
        F("unit", Enum(description=d(nl="Eenheid.", fr="Unité."), values=DURATION_UNITS), required=True),
        F("approximate", Enum(description=d(nl="`yes` als de bron 'ongeveer' zegt.",
                                            fr="`yes` si la source dit « environ »."),
                              values={"yes": d(nl="ongeveer", fr="environ")})),
    ),
)

SETUP = Obj(
    description=d(nl="Opzet: praktische organisatie. Cijfers alleen waar de bron ze geeft.",
                  fr="Organisation pratique. Des chiffres uniquement quand la source en donne."),
    fields=(
        F("notes", texts(nl="De opzet zoals de bron hem beschrijft (opsomming).",
                         fr="L'organisation telle que la source la décrit (énumération).")),
        F("frequency", FREQUENCY),
        F("hours_per_session", Number(description=d(nl="Uren per sessie.", fr="Heures par séance."),
                                      exclusive_minimum=True, maximum=24)),
        F("hours_per_week", quantity("Uren per week, als de bron dat zo zegt.",
                                     "Heures par semaine, si la source le dit ainsi.", maximum=60)),
        F("duration", DURATION),
        F("min_group_size", Number(description=d(nl="Minimale groepsgrootte.", fr="Taille minimale du groupe."),
                                   integer=True, minimum=1, maximum=200)),
        F("max_group_size", Number(description=d(nl="Maximale groepsgrootte.", fr="Taille maximale du groupe."),
                                   integer=True, minimum=1, maximum=200)),
    ),
)

MODULE = Obj(
    description=d(nl="Een module van de aanpak.", fr="Un module de l'approche."),
    fields=(
        F("id", Str(description=d(nl="Stabiele id van de module, uniek binnen de fiche (kebab-case).",
                                  fr="Identifiant stable du module, unique dans la fiche (kebab-case)."),
                    pattern=ID_PATTERN, max_len=ID_MAX_LEN, example="groepssessies"), required=True),
        F("name", text(nl="Naam van de module.", fr="Nom du module.", inline=True), required=True),
        F("kind", Enum(description=d(nl="Soort begeleiding.", fr="Type d'accompagnement."), values=MODULE_KINDS),
          required=True),
        F("themes", List(item=Enum(values=THEMES), unique=True,
                         description=d(nl="Thema's van deze module.", fr="Thèmes de ce module."))),
        F("languages", List(item=Enum(values=ACTIVITY_LANGUAGES), unique=True,
                            description=d(nl="Taal van de activiteit, alleen als de bron die noemt.",
                                          fr="Langue de l'activité, uniquement si la source la mentionne."))),
        F("origin", Enum(description=d(nl="Basis van de aanpak van deze module: uit de praktijk of met "
                                       "wetenschappelijke onderbouwing. Alleen wat de bron over deze module zegt (een "
                                       "uitspraak over het hele project geldt niet voor elke module), met "
                                       "`origin_source` (waar de bron het zegt) of `origin_inferred: yes`.",
                                       fr="Fondement de l'approche de ce module : issue de la pratique ou fondée sur "
                                       "des données scientifiques. Uniquement ce que la source dit de ce module (un "
                                       "constat sur l'ensemble du projet ne vaut pas pour chaque module), avec "
                                       "`origin_source` (où la source le dit) ou `origin_inferred: yes`."),
                         values=ORIGINS), needs_one_of=("origin_source", "origin_inferred")),
        F("origin_source", source_ref("Waar de bron de basis van de aanpak van deze module vermeldt.",
                                      "Où la source mentionne le fondement de l'approche de ce module.")),
        F("origin_inferred", inferred_flag("de basis van de aanpak", "le fondement de l'approche")),
        F("goals", texts(nl="Doelen (Doel).", fr="Objectifs.", min_items=1), required=True),
        F("content", Obj(
            description=d(nl="Inhoud.", fr="Contenu."),
            fields=(
                F("text", text(nl="Inhoud buiten de fasen.", fr="Contenu hors phases.")),
                F("phases", PHASES),
            ),
            min_fields=1,
        ), required=True),
        F("setup", SETUP),
    ),
)

ROLE = Obj(
    description=d(nl="Een functie in het team.", fr="Une fonction dans l'équipe."),
    fields=(
        F("role", text(nl="Functie, zoals de bron ze noemt.", fr="Fonction, telle que la source la nomme.",
                       inline=True), required=True),
        F("count", Number(description=d(nl="Aantal personen in deze functie (standaard 1).",
                                        fr="Nombre de personnes dans cette fonction (1 par défaut)."),
                          integer=True, minimum=1, maximum=100)),
        F("fte", Number(description=d(nl="VTE per persoon (1 = voltijds, 0.5 = halftijds).",
                                      fr="ETP par personne (1 = temps plein, 0.5 = mi-temps)."),
                        exclusive_minimum=True, maximum=1), required=True),
    ),
)

FICHE = Obj(
    description=d(nl="Een projectfiche.", fr="Une fiche projet."),
    fields=(
        F("id", Str(description=d(nl="Id in kebab-case, gelijk aan de bestandsnaam.",
                                  fr="Identifiant en kebab-case, identique au nom du fichier."),
                    pattern=ID_PATTERN, max_len=ID_MAX_LEN, example="ocmw-voorbeeld-project"), required=True),
        F("status", Enum(description=d(nl="Publicatiestatus: `draft` verschijnt alleen in de preview.",
                                       fr="Statut de publication : `draft` n'apparaît qu'en aperçu."),
                         values=STATUS), required=True),
        F("title", text(nl="Naam van het project.", fr="Nom du projet.", inline=True), required=True),
        F("organisation", Obj(
            description=d(nl="De organisatie die het project draagt.", fr="L'organisation qui porte le projet."),
            fields=(
                F("name", text(nl="Naam van de organisatie.", fr="Nom de l'organisation.", inline=True),
                  required=True),
                F("type", Enum(description=d(nl="Soort organisatie.", fr="Type d'organisation."), values=ORG_TYPES),
                  required=True),
            ),
        ), required=True),
        F("municipality", text(nl="Gemeente of regio, in de taal van de lezer (Gent/Gand).",
                               fr="Commune ou région, dans la langue du lecteur (Gent/Gand).", inline=True),
          required=True),
        F("region", Enum(description=d(nl="Gewest.", fr="Région."), values=REGIONS), required=True),
        F("coordinates", Obj(
            description=d(nl="Ligging op de kaart (WGS84).", fr="Position sur la carte (WGS84)."),
            fields=(
                F("lat", Number(description=d(nl="Breedtegraad.", fr="Latitude."), minimum=49.4, maximum=51.6),
                  required=True),
                F("lon", Number(description=d(nl="Lengtegraad.", fr="Longitude."), minimum=2.5, maximum=6.5),
                  required=True),
                F("source", source_ref("Waar de bron het adres geeft.", "Où la source donne l'adresse.")),
                F("approximate", flag("`yes` als de punt bij benadering is (bv. het centrum van de gemeente).",
                                      "`yes` si le point est approximatif (p. ex. le centre de la commune).")),
                F("basis", text(nl="Waarop de ligging berust (bv. 'centrum van de gemeente; de bron geeft geen "
                                "adres').",
                                fr="Sur quoi repose la position (p. ex. « centre de la commune ; la source ne donne "
                                "pas d'adresse »).")),
            ),
            needs_one_of=("source", "approximate"),
        )),
        F("period", Obj(
            description=d(nl="Looptijd van het project.", fr="Durée du projet."),
            fields=(
                F("start", Date(description=d(nl="Begin (JJJJ, JJJJ-MM of JJJJ-MM-DD).",
                                              fr="Début (AAAA, AAAA-MM ou AAAA-MM-JJ)."), partial=True),
                  required=True),
                F("end", Date(description=d(nl="Einde, als gekend.", fr="Fin, si elle est connue."), partial=True)),
                F("end_planned", flag("`yes` als de bron het einde als gepland vermeldt (\"lopen nog tot eind "
                                      "2021\"): na die datum is de stand niet bekend.",
                                      "`yes` si la source mentionne la fin comme prévue (« jusqu'à la fin de "
                                      "2021 ») : après cette date, la situation n'est pas connue.")),
                F("source", source_ref("Waar de bron de looptijd vermeldt.", "Où la source mentionne la durée.")),
                F("inferred", inferred_flag("de looptijd", "la durée")),
            ),
            needs_one_of=("source", "inferred"),
        )),
        F("lifecycle", Enum(description=d(nl="Levensfase van de praktijk (los van de publicatiestatus), alleen als "
                                          "de bron ze vermeldt (`lifecycle_source`). Anders weglaten.",
                                          fr="Stade de vie de la pratique (distinct du statut de publication), "
                                          "uniquement si la source l'indique (`lifecycle_source`). Sinon, "
                                          "omettre."),
                            values=LIFECYCLE), needs_one_of=("lifecycle_source",)),
        F("lifecycle_source", source_ref("Waar de bron de levensfase vermeldt.",
                                         "Où la source indique le stade de vie.")),
        F("as_of", Date(description=d(nl="De datum of het jaar waarop de informatie van de fiche slaat, volgens de "
                                      "bron (bv. 2020 voor de gids van maart 2020). De site schrijft: 'situatie "
                                      "volgens de bron van 2020'.",
                                      fr="La date ou l'année que décrivent les informations de la fiche, selon la "
                                      "source (p. ex. 2020 pour le guide de mars 2020). Le site écrit : "
                                      "« situation selon la source de 2020 »."), partial=True),
          required=True),
        F("as_of_source", source_ref("De bron waarop de datum berust.", "La source sur laquelle repose la date."),
          required=True),
        F("as_of_inferred", flag("`yes` als de bron niet gedateerd is en de redactie de datum uit haar inhoud "
                                 "afleidde; de site toont het zo.",
                                 "`yes` si la source n'est pas datée et que la rédaction a déduit la date de son "
                                 "contenu ; le site l'indique.")),
        F("intensity", Obj(
            description=d(nl="Hoe intensief het traject voor een deelnemer is, als de bron dat over het geheel zegt "
                          "(niet per module). Zonder cijfer in de bron: alleen `text`; dan rangschikt de site "
                          "niet op uren (niet vermeld is niet nul) en toont ze de intensiteit van elke module, bij "
                          "naam: de uren van één module zijn nooit die van het project.",
                          fr="L'intensité du parcours pour un participant, si la source la donne pour l'ensemble "
                          "(et non par module). Sans chiffre dans la source : seulement `text` ; le site ne classe "
                          "alors pas selon les heures (l'absence d'indication n'est pas zéro) et montre l'intensité de "
                          "chaque module, nommé : les heures d'un module ne sont jamais celles du projet."),
            fields=(
                F("hours_per_week", quantity("Uren activiteiten per week.", "Heures d'activités par semaine.",
                                             maximum=60)),
                F("days_per_week", quantity("Dagen per week.", "Jours par semaine.", maximum=7)),
                F("text", text(nl="Wat de bron zegt, in woorden.", fr="Ce que dit la source, en mots.")),
                F("source", source_ref("Waar de bron het zegt.", "Où la source le dit."), required=True),
            ),
            min_fields=1,
        )),
        F("review_by", Date(description=d(nl="Na te kijken tegen: daarna toont de pagina een melding.",
                                          fr="À revoir avant le : ensuite, la page affiche un avertissement."))),
        F("funding", List(item=Enum(values=FUNDING), unique=True,
                          description=d(nl="Financiering.", fr="Financement."))),
        F("themes", List(item=Enum(values=THEMES), unique=True, min_items=1,
                         description=d(nl="Thema's uit de vaste lijst.", fr="Thèmes de la liste fixe.")),
          required=True),
        F("summary", text(nl="Korte samenvatting (2 à 4 zinnen) voor de catalogus.",
                          fr="Résumé court (2 à 4 phrases) pour le catalogue."), required=True),
        F("inspiration", Obj(
            description=d(nl="Waarom met dit project aan de slag? Sterktes en toelichting.",
                          fr="Pourquoi s'en inspirer ? Points forts et explication."),
            fields=(
                F("strengths", texts(nl="Sterktes.", fr="Points forts.")),
                F("text", text(nl="Toelichting.", fr="Explication.")),
            ),
            min_fields=1,
        )),
        F("problem", text(nl="Het probleem: gebrek aan zelfredzaamheid, risico op isolement.",
                          fr="Le problème : manque d'autonomie, risque d'isolement.")),
        F("objectives", Obj(
            description=d(nl="Doelstellingen van sociale activering.", fr="Objectifs d'activation sociale."),
            fields=(
                F("text", text(nl="Inleiding.", fr="Introduction.")),
                F("groups", List(
                    description=d(nl="Doelen per soort begeleiding.", fr="Objectifs par type d'accompagnement."),
                    item=Obj(fields=(
                        F("kind", Enum(values=MODULE_KINDS, description=d(nl="Soort.", fr="Type.")), required=True),
                        F("name", text(nl="Naam (optioneel).", fr="Nom (facultatif).", inline=True)),
                        F("goals", texts(nl="Doelen.", fr="Objectifs.", min_items=1), required=True),
                    )),
                )),
            ),
            min_fields=1,
        )),
        F("target_group", Obj(
            description=d(nl="Doelgroep, toeleiding en intake.", fr="Public cible, orientation et accueil."),
            fields=(
                F("profiles", List(item=Enum(values=PROFILES), unique=True,
                                   description=d(nl="Profielen uit de vaste lijst (voor de filters).",
                                                 fr="Profils de la liste fixe (pour les filtres)."))),
                F("criteria", texts(nl="Criteria, zoals in de bron.", fr="Critères, tels que dans la source.")),
                F("text", text(nl="Toelichting bij de doelgroep.", fr="Explication du public cible.")),
                F("referral", text(nl="Toeleiding en intake.", fr="Orientation et accueil.")),
                F("intake_questions", texts(nl="Centrale vragen bij de intake.",
                                            fr="Questions centrales de l'accueil.")),
            ),
            min_fields=1,
        )),
        F("staffing", Obj(
            description=d(nl="Uitvoering: het team. Het totaal aantal VTE wordt berekend.",
                          fr="Mise en œuvre : l'équipe. Le total en ETP est calculé."),
            fields=(
                F("roles", List(item=ROLE, min_items=1, description=d(nl="Functies.", fr="Fonctions.")),
                  required=True),
                F("text", text(nl="Toelichting.", fr="Explication.")),
            ),
        )),
        F("approach", text(nl="De aanpak in het algemeen, vóór de modules.",
                           fr="L'approche en général, avant les modules.")),
        F("modules", List(item=MODULE, description=d(nl="Modules van de aanpak.", fr="Modules de l'approche."))),
        F("competences", Obj(
            description=d(nl="Competenties van de projectmedewerkers.", fr="Compétences du personnel du projet."),
            fields=(
                F("required", texts(nl="Benodigde competenties.", fr="Compétences requises.")),
                F("training", texts(nl="Beroepsopleiding.", fr="Formation professionnelle.")),
                F("knowledge", texts(nl="Kennis.", fr="Connaissances.")),
                F("traits", texts(nl="Persoonskenmerken.", fr="Qualités personnelles.")),
                F("further_training", texts(nl="Nascholing.", fr="Formation continue.")),
                F("supervision", texts(nl="Supervisie en intervisie.", fr="Supervision et intervision.")),
            ),
            min_fields=1,
        )),
        F("support", Obj(
            description=d(nl="Vertrouwen in het project binnen de organisatie.",
                          fr="Soutien au projet au sein de l'organisation."),
            fields=(
                F("text", text(nl="Toelichting.", fr="Explication.")),
                F("organisation", text(nl="Draagvlak binnen de organisatie.",
                                       fr="Adhésion au sein de l'organisation.")),
                F("management", text(nl="Rol van het management.", fr="Rôle de la direction.")),
                F("cooperation", text(nl="Samenwerking met andere organisaties.",
                                      fr="Collaboration avec d'autres organisations.")),
                F("location", text(nl="Locatie.", fr="Lieu.")),
                F("quality", text(nl="Kwaliteitsbewaking.", fr="Suivi de la qualité.")),
            ),
            min_fields=1,
        )),
        F("budget", Obj(
            description=d(nl="Budget, zoals de bron het vermeldt.", fr="Budget, tel qu'indiqué par la source."),
            fields=(
                F("personnel", text(nl="Personeelskost, letterlijk zoals in de bron.",
                                    fr="Frais de personnel, tels que dans la source.")),
                F("personnel_fte", Number(
                    description=d(nl="VTE die de budgetlijn vermeldt; verschilt dit van het team, dan toont de "
                                  "site beide.",
                                  fr="ETP mentionnés par la ligne budgétaire ; si cela diffère de l'équipe, le "
                                  "site montre les deux."),
                    exclusive_minimum=True, maximum=500)),
                F("amount_eur", Number(
                    description=d(nl="Bedrag in euro, alleen als de bron een bedrag geeft; zonder "
                                  "duizendtalscheiding (45000, niet 45.000).",
                                  fr="Montant en euros, uniquement si la source en donne un ; sans séparateur des "
                                  "milliers (45000, et non 45.000)."),
                    exclusive_minimum=True, maximum=100_000_000, money=True)),
                F("amount_source", source_ref("Waar de bron het bedrag geeft.", "Où la source donne le montant.")),
                F("material", text(nl="Materiaalkost.", fr="Frais de matériel.")),
            ),
            min_fields=1,
        )),
        F("vision", Obj(
            description=d(nl="De visie achter het project.", fr="La vision du projet."),
            fields=(
                F("text", text(nl="Samenvatting van de visie.", fr="Résumé de la vision.")),
                F("pillars", List(
                    description=d(nl="Pijlers.", fr="Piliers."),
                    item=Obj(fields=(
                        F("name", text(nl="Naam van de pijler.", fr="Nom du pilier.", inline=True), required=True),
                        F("points", texts(nl="Punten.", fr="Points.", min_items=1), required=True),
                    )),
                )),
            ),
            min_fields=1,
        )),
        F("pros", texts(nl="Pluspunten.", fr="Points forts.")),
        F("cons", texts(nl="Minpunten.", fr="Points faibles.")),
        F("future", texts(nl="Toekomst.", fr="Perspectives.")),
        F("what_works", texts(nl="Wat werkt er in het project?", fr="Qu'est-ce qui fonctionne ?")),
        F("contact", Obj(
            description=d(nl="Contact op organisatieniveau; nooit namen van personeelsleden.",
                          fr="Contact au niveau de l'organisation ; jamais de noms de membres du personnel."),
            fields=(
                F("organisation", text(nl="Organisatie of dienst.", fr="Organisation ou service.", inline=True),
                  required=True),
                F("address", text(nl="Adres, zoals het geschreven wordt: een postadres wordt niet vertaald (Grote "
                                     "Markt 1, 2000 Antwerpen ook in het Frans); alleen in het tweetalige Brussel "
                                     "heeft het twee officiële vormen.",
                                  fr="Adresse, telle qu'elle s'écrit : une adresse postale ne se traduit pas (Place "
                                     "Saint-Jacques 13, 4000 Liège aussi en néerlandais) ; seule Bruxelles, "
                                     "bilingue, en a deux formes officielles.", inline=True)),
                F("website", Url(description=d(nl="Website (http/https).", fr="Site web (http/https)."))),
                F("email", Email(description=d(nl="Algemeen e-mailadres van de organisatie (geen persoonlijk "
                                                  "adres zoals voornaam.naam@).",
                                               fr="Adresse e-mail générale de l'organisation (pas d'adresse "
                                                  "personnelle comme prenom.nom@)."),
                                 organisation_only=True)),
                F("phone", Str(description=d(nl="Algemeen telefoonnummer.", fr="Numéro de téléphone général."),
                               pattern=r"^\+?[0-9 ./()-]{6,20}$", example="+32 2 508 85 85")),
                F("contact_page", Url(description=d(nl="Publiek contactpunt of contactformulier van de organisatie.",
                                                    fr="Point de contact public ou formulaire de l'organisation."))),
            ),
        ), required=True),
        F("peers", List(
            description=d(nl="Andere organisaties met een gelijkaardige module (organisatieniveau, geen namen).",
                          fr="Autres organisations menant un module similaire (niveau organisation, sans noms)."),
            item=Obj(fields=(
                F("organisation", text(nl="Organisatie.", fr="Organisation.", inline=True), required=True),
                F("note", text(nl="Wat ze gelijkaardig doen.", fr="Ce qu'elles font de similaire.")),
            )),
        )),
        F("sources", List(
            description=d(nl="Bronnen.", fr="Sources."),
            min_items=1,
            item=Obj(fields=(
                F("document", text(nl="Titel van het document.", fr="Titre du document.", inline=True), required=True),
                F("publisher", text(nl="Uitgever.", fr="Éditeur.", inline=True)),
                F("date", Date(description=d(nl="Datum van het document.", fr="Date du document."), partial=True),
                  required=True),
                F("date_inferred", flag("`yes` als het document niet gedateerd is en de redactie de datum "
                                        "afleidde (zeg waaruit in `note`).",
                                        "`yes` si le document n'est pas daté et que la rédaction a déduit la date "
                                        "(dites d'où dans `note`).")),
                F("languages", List(item=Enum(values=SiteLanguages()),
                                    unique=True, min_items=1,
                                    description=d(nl="Talen waarin het document bestaat; een titel in een andere "
                                                  "taal is een vertaling van de redactie.",
                                                  fr="Langues dans lesquelles le document existe ; un titre dans "
                                                  "une autre langue est une traduction de la rédaction."))),
                F("note", text(nl="Opmerking over de bron (bv. waaruit de datum afgeleid is).",
                               fr="Remarque sur la source (p. ex. d'où la date est déduite).")),
                F("pages", Str(description=d(nl="Pagina's (bv. 6-12).", fr="Pages (p. ex. 6-12)."),
                               pattern=r"^[0-9]+(?:-[0-9]+)?$", example="6-12")),
                F("url", Url(description=d(nl="Link naar het document.", fr="Lien vers le document."))),
            )),
        ), required=True),
        F("see_also", List(
            description=d(nl="Verwante pagina's van de site (pad in docs/, zonder taalsuffix).",
                          fr="Pages liées du site (chemin dans docs/, sans suffixe de langue)."),
            item=Obj(fields=(
                F("page", Str(description=d(nl="Pad, bv. netwerk/uitwisseling-luik-2019.md.",
                                            fr="Chemin, p. ex. netwerk/uitwisseling-luik-2019.md."),
                              pattern=r"^[a-z0-9/_-]+\.md$", example="netwerk/pagina.md"), required=True),
                F("label", text(nl="Titel van de link.", fr="Titre du lien.", inline=True), required=True),
            )),
        )),
        F("related", List(item=FicheRef(), unique=True,
                          description=d(nl="Ids van verwante fiches.", fr="Identifiants des fiches liées."))),
        F("conflicts", List(
            description=d(nl="Tegenstrijdigheden in de bron: de bron geeft voor hetzelfde gegeven twee waarden. Beide "
                          "blijven staan, met de plaats waar ze staan; de site toont ze overal waar het gegeven "
                          "verschijnt.",
                          fr="Contradictions de la source : elle donne deux valeurs pour la même donnée. Les deux "
                          "sont conservées, avec l'endroit où elles figurent ; le site les montre partout où la "
                          "donnée apparaît."),
            item=Obj(fields=(
                F("applies_to", List(item=Str(pattern=r"^[a-z0-9_.\[\]-]+$", max_len=120,
                                              example="budget.personnel_fte",
                                              description=d(nl="Pad van het veld (modules[id] voor een module).",
                                                            fr="Chemin du champ (modules[id] pour un module).")),
                                     min_items=1, unique=True,
                                     description=d(nl="Velden waarop de tegenstrijdigheid slaat, bv. "
                                                   "`budget.personnel_fte` of `modules[collectieve-coaching].setup`.",
                                                   fr="Champs concernés, p. ex. `budget.personnel_fte` ou "
                                                   "`modules[collectieve-coaching].setup`.")), required=True),
                F("statements", List(
                    min_items=2,
                    description=d(nl="Wat de bron op elke plaats zegt.", fr="Ce que dit la source à chaque endroit."),
                    item=Obj(fields=(
                        F("says", text(nl="Wat de bron hier zegt.", fr="Ce que la source dit ici."), required=True),
                        F("number", Number(description=d(nl="Het getal dat de bron hier geeft, als het een getal is.",
                                                         fr="Le nombre que la source donne ici, s'il s'agit d'un "
                                                         "nombre."), maximum=10_000)),
                        F("source", source_ref("Waar.", "Où."), required=True),
                    )),
                ), required=True),
                F("note", text(nl="Toelichting.", fr="Explication.")),
            )),
        )),
        F("last_reviewed", Date(description=d(nl="Datum waarop de redactie de fiche het laatst naast haar bronnen "
                                              "legde. Zegt niets over de huidige stand van het project: die "
                                              "geldt op de datum van `as_of`.",
                                              fr="Date à laquelle la rédaction a comparé la fiche à ses sources pour "
                                              "la dernière fois. Ne dit rien de la situation actuelle du projet : "
                                              "celle-ci vaut à la date de `as_of`.")), required=True),
    ),
)


# value lists whose labels a language may bring as data: filled in when the languages are known (languages.use)
languages.register_choices({name: value for name, value in globals().items() if name.isupper() and
                            isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())})

# Short field names for forms (the web editor), by field name, where a description's first clause is too long for a
# label; every other field is named by that first clause (scripts/editor/config.py). Each in every language.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "id": d(nl="Id (bestandsnaam)", fr="Identifiant (nom du fichier)"),
    "municipality": d(nl="Gemeente of regio", fr="Commune ou région"),
    "ref": d(nl="Nummer van de bron", fr="Numéro de la source"),
    "at": d(nl="Pagina of deel van de bron", fr="Page ou section de la source"),
    "approximate": d(nl="Bij benadering", fr="Approximatif"),
    "basis": d(nl="Waarop de ligging berust", fr="Base de la position"),
    "end_planned": d(nl="Einde gepland", fr="Fin prévue"),
    "inferred": d(nl="Afgeleid door de redactie", fr="Déduit par la rédaction"),
    "lifecycle": d(nl="Levensfase van de praktijk", fr="Stade de vie de la pratique"),
    "as_of": d(nl="Stand van de informatie", fr="Date de l'information"),
    "as_of_inferred": d(nl="Datum afgeleid door de redactie", fr="Date déduite par la rédaction"),
    "intensity": d(nl="Intensiteit van het traject", fr="Intensité du parcours"),
    "summary": d(nl="Korte samenvatting", fr="Résumé court"),
    "count": d(nl="Aantal personen", fr="Nombre de personnes"),
    "fte": d(nl="VTE per persoon", fr="ETP par personne"),
    "languages": d(nl="Taal van de activiteit", fr="Langue de l'activité"),
    "origin_source": d(nl="Bron van de basis van de aanpak", fr="Source du fondement de l'approche"),
    "origin_inferred": d(nl="Basis afgeleid door de redactie", fr="Fondement déduit par la rédaction"),
    "phases": d(nl="Fasen van de inhoud", fr="Phases du contenu"),
    "notes": d(nl="Opzet volgens de bron", fr="Organisation selon la source"),
    "amount_eur": d(nl="Bedrag in euro", fr="Montant en euros"),
    "email": d(nl="Algemeen e-mailadres", fr="Adresse e-mail générale"),
    "contact_page": d(nl="Contactpagina", fr="Page de contact"),
    "peers": d(nl="Andere organisaties", fr="Autres organisations"),
    "date_inferred": d(nl="Datum afgeleid door de redactie", fr="Date déduite par la rédaction"),
    "note": d(nl="Opmerking over de bron", fr="Remarque sur la source"),
    "see_also": d(nl="Verwante pagina's", fr="Pages liées"),
    "applies_to": d(nl="Betrokken velden", fr="Champs concernés"),
    "number": d(nl="Getal volgens de bron", fr="Nombre selon la source"),
    "last_reviewed": d(nl="Laatst nagekeken", fr="Dernière vérification"),
}

# Site folder of the fiche pages: a fiche id may not be the name of a hand-written page there
# (read from docs/ by the validator), and a module id may not be `index` (fiches/<id>/index.md is the
# fiche page itself).
FICHE_PAGE_DIR = "fiches"
RESERVED_MODULE_IDS = ("index",)
