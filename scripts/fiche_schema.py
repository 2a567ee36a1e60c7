"""The one definition of a fiche.

The validator, the scaffold (new_fiche.py) and the schema reference page all walk
this tree, so a field is added here once and appears everywhere with its NL/FR
description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typography import fix as french

LANGS = ("nl", "fr")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def d(nl: str, fr: str) -> dict[str, str]:
    """NL and FR labels; French typography (no-break spaces before : ; ! ?) is applied here once."""
    return {"nl": nl, "fr": french(fr)}


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
    pass


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
    "vlaanderen": d("Vlaanderen", "Flandre"),
    "wallonie": d("Wallonië", "Wallonie"),
    "brussel": d("Brussel", "Bruxelles"),
}

THEMES = {
    "taal": d("Taal", "Langue"),
    "wonen": d("Wonen", "Logement"),
    "werk": d("Werk", "Emploi"),
    "diversiteit": d("Diversiteit", "Diversité"),
    "gezondheid": d("Gezondheid", "Santé"),
    "psychosociaal": d("Psychosociaal welzijn", "Bien-être psychosocial"),
    "vrijwilligerswerk": d("Vrijwilligerswerk", "Volontariat"),
    "digitaal": d("Digitale vaardigheden", "Compétences numériques"),
    "cultuur-creativiteit": d("Cultuur en creativiteit", "Culture et créativité"),
    "gezin": d("Gezin", "Famille"),
    "samenleving": d("Kennis van de samenleving", "Connaissance de la société"),
    "financien": d("Budget en financiën", "Budget et finances"),
}

ORG_TYPES = {
    "ocmw": d("OCMW", "CPAS"),
    "gemeente": d("Gemeente", "Commune"),
    "samenwerkingsverband": d("Samenwerkingsverband van besturen", "Partenariat de pouvoirs locaux"),
    "vzw": d("Vzw", "ASBL"),
    "overheid": d("Andere overheid", "Autre administration"),
}

FUNDING = {
    "amif": d("AMIF (Europees Fonds voor Asiel, Migratie en Integratie)",
              "FAMI (Fonds européen Asile, Migration et Intégration)"),
    "vlaamse-integratiesubsidie": d("Vlaamse subsidie integratie", "Subside flamand pour l'intégration"),
    "eigen-middelen": d("Eigen middelen", "Fonds propres"),
}

STATUS = {
    "published": d("Gepubliceerd", "Publiée"),
    "draft": d("Ontwerp", "Brouillon"),
}

LIFECYCLE = {
    "pilot": d("Proefproject", "Projet pilote"),
    "running": d("Lopend", "En cours"),
    "ended": d("Afgelopen", "Terminé"),
    "absorbed": d("Opgenomen in de reguliere werking", "Intégré au fonctionnement régulier"),
}

MODULE_KINDS = {
    "individual": d("Individuele begeleiding", "Accompagnement individuel"),
    "collective": d("Collectieve begeleiding", "Accompagnement collectif"),
    "orientation": d("Oriëntering", "Orientation"),
}

PROFILES = {
    "erkende-vluchtelingen": d("Erkende vluchtelingen en subsidiair beschermden",
                               "Réfugiés reconnus et bénéficiaires de la protection subsidiaire"),
    "derdelanders": d("Derdelanders (van buiten de EU)", "Ressortissants de pays tiers (hors UE)"),
    "anderstaligen": d("Anderstaligen", "Allophones"),
    "laaggeletterd": d("Laagtaalvaardig of laaggeschoold", "Faible maîtrise de la langue ou peu scolarisés"),
    "leefloners": d("Leefloongerechtigden", "Bénéficiaires du revenu d'intégration"),
    "volwassenen": d("Volwassenen (18+)", "Adultes (18+)"),
    "asielzoekers": d("Asielzoekers", "Demandeurs d'asile"),
    "gezinnen": d("Gezinnen", "Familles"),
}

FREQUENCY_UNITS = {
    "day": d("per dag", "par jour"),
    "week": d("per week", "par semaine"),
    "fortnight": d("om de twee weken", "toutes les deux semaines"),
    "three-weeks": d("om de drie weken", "toutes les trois semaines"),
    "month": d("per maand", "par mois"),
    "two-months": d("om de twee maanden", "tous les deux mois"),
}
# Occurrences per week of one "per" unit: used to compute weekly intensity.
PER_WEEK = {"day": 5, "week": 1, "fortnight": 0.5, "three-weeks": 1 / 3,
            "month": 12 / 52, "two-months": 6 / 52}

ACTIVITY_LANGUAGES = {
    "nl": d("Nederlands", "Néerlandais"),
    "fr": d("Frans", "Français"),
    "moedertaal": d("Moedertaal", "Langue maternelle"),
    "contacttaal": d("Contacttaal", "Langue de contact"),
}

ORIGINS = {
    "praktijk": d("Uit de praktijk", "Issue de la pratique"),
    "wetenschappelijk": d("Met wetenschappelijke onderbouwing", "Fondée sur des données scientifiques"),
}

DURATION_UNITS = {
    "day": d("dag(en)", "jour(s)"),
    "week": d("week/weken", "semaine(s)"),
    "month": d("maand(en)", "mois"),
    "year": d("jaar", "an(s)"),
}

# Singular and plural of the duration units, for views that write "1 dag" / "3 dagen" (no "dag(en)").
DURATION_UNIT_FORMS = {
    "day": {"nl": ("dag", "dagen"), "fr": ("jour", "jours")},
    "week": {"nl": ("week", "weken"), "fr": ("semaine", "semaines")},
    "month": {"nl": ("maand", "maanden"), "fr": ("mois", "mois")},
    "year": {"nl": ("jaar", "jaar"), "fr": ("an", "ans")},
}

YES = {"yes": d("ja", "oui")}

# Dates that describe the editorial process or a document itself, not the project: they need no source.
EDITORIAL_DATES = ("last_reviewed", "review_by", "sources[].date")

# --- building blocks ----------------------------------------------------------


def flag(nl: str, fr: str) -> Enum:
    """A yes-flag (`approximate: yes`); absent means no."""
    return Enum(description=d(nl, fr), values=YES)


SOURCE_REF = Obj(
    description=d("Waar de bron dit zegt: het nummer van de bron in `sources` (1 = de eerste) en de plaats "
                  "erin (pagina of deel).",
                  "Où la source le dit : le numéro de la source dans `sources` (1 = la première) et l'endroit "
                  "(page ou section)."),
    fields=(
        F("ref", Number(description=d("Nummer van de bron in `sources` (1 = de eerste).",
                                      "Numéro de la source dans `sources` (1 = la première)."),
                        integer=True, minimum=1, maximum=50), required=True),
        F("at", Str(description=d("Pagina of deel van de bron, bv. `p. 2` of `p. 26, 1.5`.",
                                  "Page ou section de la source, p. ex. `p. 2` ou `p. 26, 1.5`."),
                    max_len=80, example="p. 2")),
    ),
)


def source_ref(nl: str, fr: str) -> Obj:
    return Obj(description=d(nl, fr), fields=SOURCE_REF.fields)


def inferred_flag(what_nl: str, what_fr: str) -> Enum:
    return flag(f"`yes` als de bron {what_nl} niet zegt en de redactie het afleidde; de site toont het zo.",
                f"`yes` si la source ne dit pas {what_fr} et que la rédaction l'a déduit ; le site l'indique.")


def quantity(nl: str, fr: str, maximum: float, integer: bool = False) -> Obj:
    """A number with the qualifier the source gives: exact, at least, at most, about."""
    def number(nl_: str, fr_: str) -> Number:
        return Number(description=d(nl_, fr_), maximum=maximum, integer=integer, exclusive_minimum=True)
    return Obj(
        description=d(nl + " Schrijf wat de bron zegt: `value` (precies), `min` (minstens), `max` (hoogstens), "
                           "`approximate: yes` (ongeveer), bv. `{min: 21}`.",
                      fr + " Écrivez ce que dit la source : `value` (exact), `min` (au moins), `max` (au plus), "
                           "`approximate: yes` (environ), p. ex. `{min: 21}`."),
        fields=(
            F("value", number("Precies dit aantal.", "Exactement ce nombre.")),
            F("min", number("Minstens dit aantal.", "Au moins ce nombre.")),
            F("max", number("Hoogstens dit aantal.", "Au plus ce nombre.")),
            F("approximate", flag("`yes` als de bron 'ongeveer' zegt.", "`yes` si la source dit « environ ».")),
        ),
        min_fields=1,
    )


TEXT_LIST = List(item=Text(), description=d("Lijst van teksten.", "Liste de textes."))


def text(nl: str, fr: str, inline: bool = False) -> Text:
    return Text(description=d(nl, fr), inline=inline)


def texts(nl: str, fr: str, min_items: int = 0) -> List:
    return List(item=Text(), description=d(nl, fr), min_items=min_items)


PHASES = Obj(
    description=d("Fasen van de inhoud, zoals de gids ze beschrijft.",
                  "Phases du contenu, telles que décrites dans le guide."),
    fields=(
        F("begin", text("Beginfase.", "Phase de démarrage.")),
        F("middle", text("Middenfase.", "Phase intermédiaire.")),
        F("end", text("Eindfase.", "Phase finale.")),
    ),
    min_fields=1,
)

FREQUENCY = Obj(
    description=d("Hoe vaak een sessie plaatsvindt: `times` keer `per` eenheid.",
                  "Fréquence des séances : `times` fois par unité `per`."),
    fields=(
        F("times", Number(description=d("Aantal keer.", "Nombre de fois."),
                          exclusive_minimum=True, maximum=50), required=True),
        F("per", Enum(description=d("Eenheid.", "Unité."), values=FREQUENCY_UNITS), required=True),
    ),
)

DURATION = Obj(
    description=d("Duur van de module of het traject.", "Durée du module ou du parcours."),
    fields=(
        F("amount", Number(description=d("Hoeveelheid.", "Quantité."), exclusive_minimum=True,
                           maximum=1000), required=True),
        F("unit", Enum(description=d("Eenheid.", "Unité."), values=DURATION_UNITS), required=True),
        F("approximate", Enum(description=d("`yes` als de bron 'ongeveer' zegt.",
                                            "`yes` si la source dit « environ »."),
                              values={"yes": d("ongeveer", "environ")})),
    ),
)

SETUP = Obj(
    description=d("Opzet: praktische organisatie. Cijfers alleen waar de bron ze geeft.",
                  "Organisation pratique. Des chiffres uniquement quand la source en donne."),
    fields=(
        F("notes", texts("De opzet zoals de bron hem beschrijft (opsomming).",
                         "L'organisation telle que la source la décrit (énumération).")),
        F("frequency", FREQUENCY),
        F("hours_per_session", Number(description=d("Uren per sessie.", "Heures par séance."),
                                      exclusive_minimum=True, maximum=24)),
        F("hours_per_week", quantity("Uren per week, als de bron dat zo zegt.",
                                     "Heures par semaine, si la source le dit ainsi.", maximum=60)),
        F("duration", DURATION),
        F("min_group_size", Number(description=d("Minimale groepsgrootte.", "Taille minimale du groupe."),
                                   integer=True, minimum=1, maximum=200)),
        F("max_group_size", Number(description=d("Maximale groepsgrootte.", "Taille maximale du groupe."),
                                   integer=True, minimum=1, maximum=200)),
    ),
)

MODULE = Obj(
    description=d("Een module van de aanpak.", "Un module de l'approche."),
    fields=(
        F("id", Str(description=d("Stabiele id van de module, uniek binnen de fiche (kebab-case).",
                                  "Identifiant stable du module, unique dans la fiche (kebab-case)."),
                    pattern=ID_PATTERN, max_len=60, example="groepssessies"), required=True),
        F("name", text("Naam van de module.", "Nom du module.", inline=True), required=True),
        F("kind", Enum(description=d("Soort begeleiding.", "Type d'accompagnement."), values=MODULE_KINDS),
          required=True),
        F("themes", List(item=Enum(values=THEMES), unique=True,
                         description=d("Thema's van deze module.", "Thèmes de ce module."))),
        F("languages", List(item=Enum(values=ACTIVITY_LANGUAGES), unique=True,
                            description=d("Taal van de activiteit, alleen als de bron die noemt.",
                                          "Langue de l'activité, uniquement si la source la mentionne."))),
        F("origin", Enum(description=d("Herkomst: uit de praktijk of met wetenschappelijke onderbouwing. Alleen "
                                       "met `origin_source` (waar de bron het zegt) of `origin_inferred: yes`.",
                                       "Origine : issue de la pratique ou fondée sur des données scientifiques. "
                                       "Uniquement avec `origin_source` (où la source le dit) ou "
                                       "`origin_inferred: yes`."),
                         values=ORIGINS), needs_one_of=("origin_source", "origin_inferred")),
        F("origin_source", source_ref("Waar de bron de herkomst van de module vermeldt.",
                                      "Où la source mentionne l'origine du module.")),
        F("origin_inferred", inferred_flag("de herkomst", "l'origine")),
        F("goals", texts("Doelen (Doel).", "Objectifs.", min_items=1), required=True),
        F("content", Obj(
            description=d("Inhoud.", "Contenu."),
            fields=(
                F("text", text("Inhoud buiten de fasen.", "Contenu hors phases.")),
                F("phases", PHASES),
            ),
            min_fields=1,
        ), required=True),
        F("setup", SETUP),
    ),
)

ROLE = Obj(
    description=d("Een functie in het team.", "Une fonction dans l'équipe."),
    fields=(
        F("role", text("Functie, zoals de bron ze noemt.", "Fonction, telle que la source la nomme.",
                       inline=True), required=True),
        F("count", Number(description=d("Aantal personen in deze functie (standaard 1).",
                                        "Nombre de personnes dans cette fonction (1 par défaut)."),
                          integer=True, minimum=1, maximum=100)),
        F("fte", Number(description=d("VTE per persoon (1 = voltijds, 0.5 = halftijds).",
                                      "ETP par personne (1 = temps plein, 0.5 = mi-temps)."),
                        exclusive_minimum=True, maximum=1), required=True),
    ),
)

FICHE = Obj(
    description=d("Een projectfiche.", "Une fiche projet."),
    fields=(
        F("id", Str(description=d("Id in kebab-case, gelijk aan de bestandsnaam.",
                                  "Identifiant en kebab-case, identique au nom du fichier."),
                    pattern=ID_PATTERN, max_len=60, example="ocmw-voorbeeld-project"), required=True),
        F("status", Enum(description=d("Publicatiestatus: `draft` verschijnt alleen in de preview.",
                                       "Statut de publication : `draft` n'apparaît qu'en aperçu."),
                         values=STATUS), required=True),
        F("title", text("Naam van het project.", "Nom du projet.", inline=True), required=True),
        F("organisation", Obj(
            description=d("De organisatie die het project draagt.", "L'organisation qui porte le projet."),
            fields=(
                F("name", text("Naam van de organisatie.", "Nom de l'organisation.", inline=True),
                  required=True),
                F("type", Enum(description=d("Soort organisatie.", "Type d'organisation."), values=ORG_TYPES),
                  required=True),
            ),
        ), required=True),
        F("municipality", text("Gemeente of regio, in de taal van de lezer (Gent/Gand).",
                               "Commune ou région, dans la langue du lecteur (Gent/Gand).", inline=True),
          required=True),
        F("region", Enum(description=d("Gewest.", "Région."), values=REGIONS), required=True),
        F("coordinates", Obj(
            description=d("Ligging op de kaart (WGS84).", "Position sur la carte (WGS84)."),
            fields=(
                F("lat", Number(description=d("Breedtegraad.", "Latitude."), minimum=49.4, maximum=51.6),
                  required=True),
                F("lon", Number(description=d("Lengtegraad.", "Longitude."), minimum=2.5, maximum=6.5),
                  required=True),
                F("source", source_ref("Waar de bron het adres geeft.", "Où la source donne l'adresse.")),
                F("approximate", flag("`yes` als de punt bij benadering is (bv. het centrum van de gemeente).",
                                      "`yes` si le point est approximatif (p. ex. le centre de la commune).")),
                F("basis", text("Waarop de ligging berust (bv. 'centrum van de gemeente; de bron geeft geen "
                                "adres').",
                                "Sur quoi repose la position (p. ex. « centre de la commune ; la source ne donne "
                                "pas d'adresse »).")),
            ),
            needs_one_of=("source", "approximate"),
        )),
        F("period", Obj(
            description=d("Looptijd van het project.", "Durée du projet."),
            fields=(
                F("start", Date(description=d("Begin (JJJJ, JJJJ-MM of JJJJ-MM-DD).",
                                              "Début (AAAA, AAAA-MM ou AAAA-MM-JJ)."), partial=True),
                  required=True),
                F("end", Date(description=d("Einde, als gekend.", "Fin, si elle est connue."), partial=True)),
                F("end_planned", flag("`yes` als de bron het einde als gepland vermeldt (\"lopen nog tot eind "
                                      "2021\"): na die datum is de stand niet bekend.",
                                      "`yes` si la source mentionne la fin comme prévue (« jusqu'à la fin de "
                                      "2021 ») : après cette date, la situation n'est pas connue.")),
                F("source", source_ref("Waar de bron de looptijd vermeldt.", "Où la source mentionne la durée.")),
                F("inferred", inferred_flag("de looptijd", "la durée")),
            ),
            needs_one_of=("source", "inferred"),
        )),
        F("lifecycle", Enum(description=d("Levensfase van de praktijk (los van de publicatiestatus), alleen als "
                                          "de bron ze vermeldt (`lifecycle_source`). Anders weglaten.",
                                          "Stade de vie de la pratique (distinct du statut de publication), "
                                          "uniquement si la source l'indique (`lifecycle_source`). Sinon, "
                                          "omettre."),
                            values=LIFECYCLE), needs_one_of=("lifecycle_source",)),
        F("lifecycle_source", source_ref("Waar de bron de levensfase vermeldt.",
                                         "Où la source indique le stade de vie.")),
        F("as_of", Date(description=d("De datum of het jaar waarop de informatie van de fiche slaat, volgens de "
                                      "bron (bv. 2020 voor de gids van maart 2020). De site schrijft: 'situatie "
                                      "volgens de bron van 2020'.",
                                      "La date ou l'année que décrivent les informations de la fiche, selon la "
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
            description=d("Hoe intensief het traject voor een deelnemer is, als de bron dat over het geheel zegt "
                          "(niet per module). Zonder cijfer in de bron: alleen `text`; dan rangschikt de site "
                          "niet op uren (niet vermeld is niet nul).",
                          "L'intensité du parcours pour un participant, si la source la donne pour l'ensemble "
                          "(et non par module). Sans chiffre dans la source : seulement `text` ; le site ne classe "
                          "alors pas selon les heures (non précisé n'est pas zéro)."),
            fields=(
                F("hours_per_week", quantity("Uren activiteiten per week.", "Heures d'activités par semaine.",
                                             maximum=60)),
                F("days_per_week", quantity("Dagen per week.", "Jours par semaine.", maximum=7)),
                F("text", text("Wat de bron zegt, in woorden.", "Ce que dit la source, en mots.")),
                F("source", source_ref("Waar de bron het zegt.", "Où la source le dit."), required=True),
            ),
            min_fields=1,
        )),
        F("review_by", Date(description=d("Na te kijken tegen: daarna toont de pagina een melding.",
                                          "À revoir avant le : ensuite, la page affiche un avertissement."))),
        F("funding", List(item=Enum(values=FUNDING), unique=True,
                          description=d("Financiering.", "Financement."))),
        F("themes", List(item=Enum(values=THEMES), unique=True, min_items=1,
                         description=d("Thema's uit de vaste lijst.", "Thèmes de la liste fixe.")),
          required=True),
        F("summary", text("Korte samenvatting (2 à 4 zinnen) voor de catalogus.",
                          "Résumé court (2 à 4 phrases) pour le catalogue."), required=True),
        F("inspiration", Obj(
            description=d("Waarom met dit project aan de slag? Sterktes en toelichting.",
                          "Pourquoi s'en inspirer ? Points forts et explication."),
            fields=(
                F("strengths", texts("Sterktes.", "Points forts.")),
                F("text", text("Toelichting.", "Explication.")),
            ),
            min_fields=1,
        )),
        F("problem", text("Het probleem: gebrek aan zelfredzaamheid, risico op isolement.",
                          "Le problème : manque d'autonomie, risque d'isolement.")),
        F("objectives", Obj(
            description=d("Doelstellingen van sociale activering.", "Objectifs d'activation sociale."),
            fields=(
                F("text", text("Inleiding.", "Introduction.")),
                F("groups", List(
                    description=d("Doelen per soort begeleiding.", "Objectifs par type d'accompagnement."),
                    item=Obj(fields=(
                        F("kind", Enum(values=MODULE_KINDS, description=d("Soort.", "Type.")), required=True),
                        F("name", text("Naam (optioneel).", "Nom (facultatif).", inline=True)),
                        F("goals", texts("Doelen.", "Objectifs.", min_items=1), required=True),
                    )),
                )),
            ),
            min_fields=1,
        )),
        F("target_group", Obj(
            description=d("Doelgroep, toeleiding en intake.", "Public cible, orientation et accueil."),
            fields=(
                F("profiles", List(item=Enum(values=PROFILES), unique=True,
                                   description=d("Profielen uit de vaste lijst (voor de filters).",
                                                 "Profils de la liste fixe (pour les filtres)."))),
                F("criteria", texts("Criteria, zoals in de bron.", "Critères, tels que dans la source.")),
                F("text", text("Toelichting bij de doelgroep.", "Explication du public cible.")),
                F("referral", text("Toeleiding en intake.", "Orientation et accueil.")),
                F("intake_questions", texts("Centrale vragen bij de intake.", "Questions centrales de l'accueil.")),
            ),
            min_fields=1,
        )),
        F("staffing", Obj(
            description=d("Uitvoering: het team. Het totaal aantal VTE wordt berekend.",
                          "Mise en œuvre : l'équipe. Le total en ETP est calculé."),
            fields=(
                F("roles", List(item=ROLE, min_items=1, description=d("Functies.", "Fonctions.")),
                  required=True),
                F("text", text("Toelichting.", "Explication.")),
            ),
        )),
        F("approach", text("De aanpak in het algemeen, vóór de modules.",
                           "L'approche en général, avant les modules.")),
        F("modules", List(item=MODULE, description=d("Modules van de aanpak.", "Modules de l'approche."))),
        F("competences", Obj(
            description=d("Competenties van de projectmedewerkers.", "Compétences du personnel du projet."),
            fields=(
                F("required", texts("Benodigde competenties.", "Compétences requises.")),
                F("training", texts("Beroepsopleiding.", "Formation professionnelle.")),
                F("knowledge", texts("Kennis.", "Connaissances.")),
                F("traits", texts("Persoonskenmerken.", "Qualités personnelles.")),
                F("further_training", texts("Nascholing.", "Formation continue.")),
                F("supervision", texts("Supervisie en intervisie.", "Supervision et intervision.")),
            ),
            min_fields=1,
        )),
        F("support", Obj(
            description=d("Vertrouwen in het project binnen de organisatie.",
                          "Soutien au projet au sein de l'organisation."),
            fields=(
                F("text", text("Toelichting.", "Explication.")),
                F("organisation", text("Draagvlak binnen de organisatie.", "Adhésion au sein de l'organisation.")),
                F("management", text("Rol van het management.", "Rôle de la direction.")),
                F("cooperation", text("Samenwerking met andere organisaties.",
                                      "Collaboration avec d'autres organisations.")),
                F("location", text("Locatie.", "Lieu.")),
                F("quality", text("Kwaliteitsbewaking.", "Suivi de la qualité.")),
            ),
            min_fields=1,
        )),
        F("budget", Obj(
            description=d("Budget, zoals de bron het vermeldt.", "Budget, tel qu'indiqué par la source."),
            fields=(
                F("personnel", text("Personeelskost, letterlijk zoals in de bron.",
                                    "Frais de personnel, tels que dans la source.")),
                F("personnel_fte", Number(
                    description=d("VTE die de budgetlijn vermeldt; verschilt dit van het team, dan toont de "
                                  "site beide.",
                                  "ETP mentionnés par la ligne budgétaire ; si cela diffère de l'équipe, le "
                                  "site montre les deux."),
                    exclusive_minimum=True, maximum=500)),
                F("amount_eur", Number(
                    description=d("Bedrag in euro, alleen als de bron een bedrag geeft; zonder "
                                  "duizendtalscheiding (45000, niet 45.000).",
                                  "Montant en euros, uniquement si la source en donne un ; sans séparateur des "
                                  "milliers (45000, et non 45.000)."),
                    exclusive_minimum=True, maximum=100_000_000, money=True)),
                F("amount_source", source_ref("Waar de bron het bedrag geeft.", "Où la source donne le montant.")),
                F("material", text("Materiaalkost.", "Frais de matériel.")),
            ),
            min_fields=1,
        )),
        F("vision", Obj(
            description=d("De visie achter het project.", "La vision du projet."),
            fields=(
                F("text", text("Samenvatting van de visie.", "Résumé de la vision.")),
                F("pillars", List(
                    description=d("Pijlers.", "Piliers."),
                    item=Obj(fields=(
                        F("name", text("Naam van de pijler.", "Nom du pilier.", inline=True), required=True),
                        F("points", texts("Punten.", "Points.", min_items=1), required=True),
                    )),
                )),
            ),
            min_fields=1,
        )),
        F("pros", texts("Pluspunten.", "Points forts.")),
        F("cons", texts("Minpunten.", "Points faibles.")),
        F("future", texts("Toekomst.", "Perspectives.")),
        F("what_works", texts("Wat werkt er in het project?", "Qu'est-ce qui fonctionne ?")),
        F("contact", Obj(
            description=d("Contact op organisatieniveau; nooit namen van personeelsleden.",
                          "Contact au niveau de l'organisation ; jamais de noms de membres du personnel."),
            fields=(
                F("organisation", text("Organisatie of dienst.", "Organisation ou service.", inline=True),
                  required=True),
                F("address", text("Adres.", "Adresse.", inline=True)),
                F("website", Url(description=d("Website (http/https).", "Site web (http/https)."))),
                F("email", Email(description=d("Algemeen e-mailadres van de organisatie.",
                                               "Adresse e-mail générale de l'organisation."))),
                F("phone", Str(description=d("Algemeen telefoonnummer.", "Numéro de téléphone général."),
                               pattern=r"^\+?[0-9 ./()-]{6,20}$", example="+32 2 508 85 85")),
                F("contact_page", Url(description=d("Publiek contactpunt of contactformulier van de organisatie.",
                                                    "Point de contact public ou formulaire de l'organisation."))),
            ),
        ), required=True),
        F("peers", List(
            description=d("Andere organisaties met een gelijkaardige module (organisatieniveau, geen namen).",
                          "Autres organisations menant un module similaire (niveau organisation, sans noms)."),
            item=Obj(fields=(
                F("organisation", text("Organisatie.", "Organisation.", inline=True), required=True),
                F("note", text("Wat ze gelijkaardig doen.", "Ce qu'elles font de similaire.")),
            )),
        )),
        F("sources", List(
            description=d("Bronnen.", "Sources."),
            min_items=1,
            item=Obj(fields=(
                F("document", text("Titel van het document.", "Titre du document.", inline=True), required=True),
                F("publisher", text("Uitgever.", "Éditeur.", inline=True)),
                F("date", Date(description=d("Datum van het document.", "Date du document."), partial=True),
                  required=True),
                F("date_inferred", flag("`yes` als het document niet gedateerd is en de redactie de datum "
                                        "afleidde (zeg waaruit in `note`).",
                                        "`yes` si le document n'est pas daté et que la rédaction a déduit la date "
                                        "(dites d'où dans `note`).")),
                F("languages", List(item=Enum(values={lang: d(lang.upper(), lang.upper()) for lang in LANGS}),
                                    unique=True, min_items=1,
                                    description=d("Talen waarin het document bestaat; een titel in een andere "
                                                  "taal is een vertaling van de redactie.",
                                                  "Langues dans lesquelles le document existe ; un titre dans "
                                                  "une autre langue est une traduction de la rédaction."))),
                F("note", text("Opmerking over de bron (bv. waaruit de datum afgeleid is).",
                               "Remarque sur la source (p. ex. d'où la date est déduite).")),
                F("pages", Str(description=d("Pagina's (bv. 6-12).", "Pages (p. ex. 6-12)."),
                               pattern=r"^[0-9]+(?:-[0-9]+)?$", example="6-12")),
                F("url", Url(description=d("Link naar het document.", "Lien vers le document."))),
            )),
        ), required=True),
        F("see_also", List(
            description=d("Verwante pagina's van de site (pad in docs/, zonder taalsuffix).",
                          "Pages liées du site (chemin dans docs/, sans suffixe de langue)."),
            item=Obj(fields=(
                F("page", Str(description=d("Pad, bv. netwerk/uitwisseling-luik-2019.md.",
                                            "Chemin, p. ex. netwerk/uitwisseling-luik-2019.md."),
                              pattern=r"^[a-z0-9/_-]+\.md$", example="netwerk/pagina.md"), required=True),
                F("label", text("Titel van de link.", "Titre du lien.", inline=True), required=True),
            )),
        )),
        F("related", List(item=FicheRef(), unique=True,
                          description=d("Ids van verwante fiches.", "Identifiants des fiches liées."))),
        F("conflicts", List(
            description=d("Tegenstrijdigheden in de bron: de bron geeft voor hetzelfde gegeven twee waarden. Beide "
                          "blijven staan, met de plaats waar ze staan; de site toont ze overal waar het gegeven "
                          "verschijnt.",
                          "Contradictions de la source : elle donne deux valeurs pour la même donnée. Les deux "
                          "sont conservées, avec l'endroit où elles figurent ; le site les montre partout où la "
                          "donnée apparaît."),
            item=Obj(fields=(
                F("applies_to", List(item=Str(pattern=r"^[a-z0-9_.\[\]-]+$", max_len=120,
                                              example="budget.personnel_fte",
                                              description=d("Pad van het veld (modules[id] voor een module).",
                                                            "Chemin du champ (modules[id] pour un module).")),
                                     min_items=1, unique=True,
                                     description=d("Velden waarop de tegenstrijdigheid slaat, bv. "
                                                   "`budget.personnel_fte` of `modules[collectieve-coaching].setup`.",
                                                   "Champs concernés, p. ex. `budget.personnel_fte` ou "
                                                   "`modules[collectieve-coaching].setup`.")), required=True),
                F("statements", List(
                    min_items=2,
                    description=d("Wat de bron op elke plaats zegt.", "Ce que dit la source à chaque endroit."),
                    item=Obj(fields=(
                        F("says", text("Wat de bron hier zegt.", "Ce que la source dit ici."), required=True),
                        F("number", Number(description=d("Het getal dat de bron hier geeft, als het een getal is.",
                                                         "Le nombre que la source donne ici, s'il s'agit d'un "
                                                         "nombre."), maximum=10_000)),
                        F("source", source_ref("Waar.", "Où."), required=True),
                    )),
                ), required=True),
                F("note", text("Toelichting.", "Explication.")),
            )),
        )),
        F("last_reviewed", Date(description=d("Datum waarop de redactie de fiche het laatst naast haar bronnen "
                                              "legde. Zegt niets over de huidige stand van het project: die "
                                              "geldt op de datum van `as_of`.",
                                              "Date à laquelle la rédaction a comparé la fiche à ses sources pour "
                                              "la dernière fois. Ne dit rien de la situation actuelle du projet : "
                                              "celle-ci vaut à la date de `as_of`.")), required=True),
    ),
)
