"""The words, places and organisations of the synthetic fiches (scripts/bench/synthetic.py), and the seeded
writer that makes sentences, paragraphs and lists of them in one language."""

from __future__ import annotations

import random
import re
import textwrap
import unicodedata


def _words(text: str) -> list[str]:
    return sorted(set(text.split()))


# --- vocabulary: real words of the field, several hundred per language ---------------------------------------

NL_NOUNS = _words("""
nieuwkomer nieuwkomers deelnemer deelnemers begeleiding begeleider traject trajecten activering integratie
inburgering werking project projecten team medewerker medewerkers doelgroep netwerk netwerken samenwerking
vrijwilliger vrijwilligers vrijwilligerswerk taal taalles taalniveau cursus cursussen sessie sessies groep
groepen gesprek gesprekken intake intakegesprek onthaal huisvesting woning woningen huur huurcontract
gezondheid welzijn stress trauma isolement eenzaamheid vertrouwen zelfredzaamheid motivatie vaardigheden
competenties kennis opleiding opleidingen werk arbeidsmarkt vacature stage tewerkstelling inschakeling
uitkering ondersteuning hulpvraag hulpvragen dienst diensten organisatie vereniging verenigingen buurt wijk
stad gemeente bibliotheek school scholen kinderopvang gezin gezinnen ouders kinderen jongeren vrouwen mannen
cultuur samenleving burgerschap oriëntatie rechten plichten budget financiën schulden administratie brieven
formulieren computer smartphone internet vervoer fiets bus trein uitstap uitstappen museum sport activiteit
activiteiten workshop atelier kookles moestuin koor theater tolk tolken moedertaal oefenkansen praatgroep
buddy mentor coach partner partners evaluatie opvolging verslag rapport doel doelen resultaat resultaten
aanpak methode visie pijler fase module week maand jaar dag uur locatie lokaal ruimte materiaal subsidie
middelen personeel leidinggevende coördinator directie beleid regelgeving wet verblijfsstatuut asiel
vluchteling vluchtelingen migratie herkomst diversiteit discriminatie gelijkheid participatie engagement
aanwezigheid afspraak afspraken planning kalender ervaring ervaringsdeskundige psycholoog arts ziekenfonds
apotheek huisarts mutualiteit energie elektriciteit verzekering bank rekening doorverwijzing toeleiding
drempel laagdrempeligheid nabijheid bereikbaarheid flexibiliteit respect openheid luisterbereidheid
empathie geduld humor creativiteit zelfvertrouwen toekomst stap stappen kans kansen uitdaging probleem
oplossing noden behoefte wens verwachting verwachtingen tevredenheid feedback intervisie supervisie
nascholing vorming thema thema's spreekkamer huisbezoek wachtlijst aanbod kwaliteit draagvlak draaglast
draagkracht wijkwerker wijkwerking buurthuis dienstencentrum jeugdcentrum speelplein sportclub werkgever
werkgevers sollicitatie vaardigheid leefwereld identiteit veerkracht familie vriendschap contact contacten
agenda dossier maatschappelijk werker zorg zorgverlening veiligheid beweging voeding opvoeding
""")
NL_VERBS = _words("""
begeleiden ondersteunen versterken verhogen verbeteren leren oefenen ontdekken bespreken opvolgen organiseren
plannen evalueren doorverwijzen samenwerken deelnemen vertrekken stimuleren motiveren informeren oriënteren
zoeken vinden helpen luisteren vertellen delen bouwen uitbouwen verkennen aanbieden voorzien inzetten
bereiken opbouwen doorbreken voorbereiden afronden aanpassen vertalen uitleggen begrijpen bezoeken
ontmoeten werken wonen spreken schrijven lezen koken tuinieren sporten wandelen wordt worden is zijn heeft
hebben kan kunnen moet moeten zal zullen biedt krijgt gaat komt staat blijft maakt zoekt leert volgt werkt
helpt vraagt kiest toont geeft neemt brengt kent weet ziet voelt begint eindigt verloopt gebeurt
""")
NL_ADJECTIVES = _words("""
individueel individuele collectief collectieve wekelijks wekelijkse maandelijks intensief intensieve
persoonlijk persoonlijke sociaal sociale professioneel professionele praktisch praktische concreet concrete
kwetsbaar kwetsbare nieuw nieuwe eerste volgende laatste belangrijk belangrijke noodzakelijk flexibel
flexibele toegankelijk toegankelijke veilig veilige vertrouwd vertrouwde gezellig gezellige klein kleine
groot grote lang lange kort korte divers diverse verschillende meertalig meertalige anderstalig anderstalige
laaggeletterd erkend erkende lokaal lokale regionaal regionale Vlaams Vlaamse Brussels Brusselse Waals
Waalse federaal federale Europees Europese extra vaste duidelijke haalbare realistische positieve actieve
zelfstandige stabiele psychosociaal psychosociale maatschappelijk maatschappelijke digitaal digitale
financieel financiële administratief administratieve medisch medische open warm warme rustig rustige
creatief creatieve sterk sterke zwak zwakke moeilijk moeilijke eenvoudig eenvoudige samen zelf vaak soms
meestal telkens stilaan snel langzaam geleidelijk uitsluitend vooral
""")
NL_FUNCTION = _words("""
de het een en of maar want dus met voor naar in op aan bij van door over tijdens na zonder tussen per om te
dat die dit deze elke alle hun hen zij we ze er ook nog al niet geen meer minder eerst daarna vervolgens
daarom bovendien zo waar wanneer als zoals omdat zodat terwijl binnen buiten rond tot sinds vanuit
""")
FR_NOUNS = _words("""
primo-arrivant primo-arrivants participant participants participante accompagnement accompagnateur parcours
trajet trajets activation intégration insertion fonctionnement projet projets équipe collaborateur
collaborateurs public réseau réseaux collaboration bénévole bénévoles bénévolat langue cours niveau
formation formations séance séances groupe groupes entretien entretiens accueil logement logements loyer
bail santé bien-être stress traumatisme isolement solitude confiance autonomie motivation compétences
connaissances emploi travail marché offre stage insertion allocation soutien demande demandes service
services organisation association associations quartier ville commune bibliothèque école écoles crèche
famille familles parents enfants jeunes femmes hommes culture société citoyenneté orientation droits
devoirs budget finances dettes administration courriers formulaires ordinateur smartphone internet mobilité
vélo bus train sortie sorties musée sport activité activités atelier ateliers cuisine potager chorale
théâtre interprète interprètes maternelle occasions conversation parrain marraine mentor coach partenaire
partenaires évaluation suivi rapport objectif objectifs résultat résultats approche méthode vision pilier
phase module semaine mois année jour heure lieu local espace matériel subvention moyens personnel
responsable coordinateur direction politique réglementation loi séjour asile réfugié réfugiés migration
origine diversité discrimination égalité participation engagement présence rendez-vous planning calendrier
expérience expert psychologue médecin mutuelle pharmacie généraliste énergie électricité assurance banque
compte orientation seuil accessibilité proximité joignabilité flexibilité respect ouverture écoute empathie
patience humour créativité avenir étape étapes chance chances défi problème solution besoins besoin souhait
attentes satisfaction intervision supervision thème thèmes bureau visite domicile liste attente qualité
adhésion charge capacité antenne maison centre employeur employeurs candidature identité résilience amitié
contact contacts agenda dossier assistant social soins sécurité mouvement alimentation éducation
""")
FR_VERBS = _words("""
accompagner soutenir renforcer augmenter améliorer apprendre pratiquer découvrir discuter suivre organiser
planifier évaluer orienter collaborer participer partir stimuler motiver informer chercher trouver aider
écouter raconter partager construire développer explorer proposer prévoir mobiliser atteindre rompre
préparer clôturer adapter traduire expliquer comprendre visiter rencontrer travailler habiter parler écrire
lire cuisiner jardiner marcher est sont a ont peut peuvent doit doivent sera seront offre reçoit va vient
reste fait cherche apprend suit travaille aide demande choisit montre donne prend apporte connaît sait voit
sent commence termine déroule arrive permet favorise encourage facilite
""")
FR_ADJECTIVES = _words("""
individuel individuelle collectif collective hebdomadaire mensuel intensif intensive personnel personnelle
social sociale sociaux professionnel professionnelle pratique concret concrète vulnérable vulnérables
nouveau nouvelle nouveaux premier première suivant dernière important importante nécessaire flexible
accessible sûr familier familière convivial conviviale petit petite grand grande long longue court courte
divers diverses différents multilingue allophone allophones peu scolarisé reconnu reconnus local locale
régional régionale flamand flamande bruxellois bruxelloise wallon wallonne fédéral fédérale européen
européenne supplémentaire fixe claire réaliste positive active autonome stable psychosocial psychosociale
numérique financier financière administratif administrative médical médicale ouvert chaleureux chaleureuse
calme créatif créative fort forte faible difficile simple ensemble souvent parfois toujours progressivement
rapidement lentement exclusivement surtout
""")
FR_FUNCTION = _words("""
le la les un une des et ou mais car donc avec pour vers dans sur à chez de du par au aux pendant après sans
entre selon que qui ce cette ces chaque tous toutes leur leurs eux ils elles nous on aussi encore déjà ne
pas plus moins d'abord ensuite puis ainsi également où quand si comme parce afin tandis au-delà depuis
jusqu'à autour hors
""")
GLOSSARY_WORDS = {
    "nl": ["OCMW", "VDAB", "CAW", "leefloon", "artikel 60", "nieuwkomers", "erkende vluchtelingen", "AMIF",
           "sociale activering", "K&G", "SVK", "LOI", "GPMI", "derdelanders"],
    "fr": ["CPAS", "Forem", "Actiris", "revenu d'intégration", "article 60", "primo-arrivants", "FAMI", "ONE",
           "réfugiés reconnus", "activation sociale", "AIS", "ILA", "PIIS", "ressortissants de pays tiers"],
}
VOCAB = {
    "nl": (NL_NOUNS, NL_VERBS, NL_ADJECTIVES, NL_FUNCTION),
    "fr": (FR_NOUNS, FR_VERBS, FR_ADJECTIVES, FR_FUNCTION),
}
# Project names: paired words so that a title means the same in both languages.
TITLE_FIRST = [("Samen", "Ensemble"), ("Sterk", "Fort"), ("Nieuw", "Nouveau"), ("Open", "Ouvert"),
               ("Actief", "Actif"), ("Welkom", "Bienvenue"), ("Thuis", "Chez soi"), ("Buurt", "Quartier"),
               ("Taal", "Langue"), ("Stap", "Pas"), ("Brug", "Pont"), ("Kompas", "Boussole"), ("Horizon", "Horizon"),
               ("Wegwijs", "Repères"), ("Start", "Départ"), ("Vrij", "Libre"), ("Veilig", "Sûr"),
               ("Creatief", "Créatif"), ("Digitaal", "Numérique"), ("Gezond", "En santé")]
TITLE_SECOND = [("Traject", "Parcours"), ("Netwerk", "Réseau"), ("Atelier", "Atelier"), ("Kracht", "Force"),
                ("Plus", "Plus"), ("Wijs", "Malin"), ("Punt", "Point"), ("Huis", "Maison"), ("Tafel", "Table"),
                ("Route", "Route"), ("Team", "Équipe"), ("Lab", "Labo"), ("Tuin", "Jardin"), ("Club", "Club"),
                ("Gids", "Guide"), ("Stem", "Voix"), ("Kompas", "Boussole"), ("Sprong", "Élan"), ("Werf", "Chantier"),
                ("Deur", "Porte"), ("Markt", "Marché"), ("Pad", "Chemin")]

# Belgian municipalities: nl|fr|region|lat|lon|postcode.
_PLACES = """
Antwerpen|Anvers|vlaanderen|51.219|4.402|2000  Gent|Gand|vlaanderen|51.054|3.717|9000
Brugge|Bruges|vlaanderen|51.209|3.224|8000  Leuven|Louvain|vlaanderen|50.879|4.7|3000
Mechelen|Malines|vlaanderen|51.025|4.477|2800  Aalst|Alost|vlaanderen|50.937|4.04|9300
Kortrijk|Courtrai|vlaanderen|50.828|3.265|8500  Hasselt|Hasselt|vlaanderen|50.93|5.338|3500
Genk|Genk|vlaanderen|50.965|5.5|3600  Sint-Niklaas|Saint-Nicolas|vlaanderen|51.165|4.143|9100
Oostende|Ostende|vlaanderen|51.216|2.927|8400  Roeselare|Roulers|vlaanderen|50.946|3.123|8800
Turnhout|Turnhout|vlaanderen|51.322|4.945|2300  Lokeren|Lokeren|vlaanderen|51.104|3.993|9160
Beringen|Beringen|vlaanderen|51.049|5.226|3580  Vilvoorde|Vilvorde|vlaanderen|50.928|4.425|1800
Dendermonde|Termonde|vlaanderen|51.028|4.101|9200  Geel|Geel|vlaanderen|51.162|4.99|2440
Ieper|Ypres|vlaanderen|50.851|2.885|8900  Tienen|Tirlemont|vlaanderen|50.808|4.938|3300
Tongeren|Tongres|vlaanderen|50.78|5.464|3700  Heusden-Zolder|Heusden-Zolder|vlaanderen|51.032|5.281|3550
Lommel|Lommel|vlaanderen|51.23|5.313|3920  Halle|Hal|vlaanderen|50.734|4.234|1500
Ninove|Ninove|vlaanderen|50.828|4.024|9400  Zaventem|Zaventem|vlaanderen|50.884|4.473|1930
Beersel|Beersel|vlaanderen|50.766|4.302|1650  Menen|Menin|vlaanderen|50.797|3.121|8930
Maasmechelen|Maasmechelen|vlaanderen|50.965|5.694|3630  Herentals|Herentals|vlaanderen|51.176|4.836|2200
Charleroi|Charleroi|wallonie|50.411|4.444|6000  Luik|Liège|wallonie|50.633|5.567|4000
Namen|Namur|wallonie|50.467|4.867|5000  Bergen|Mons|wallonie|50.454|3.952|7000
La Louvière|La Louvière|wallonie|50.48|4.187|7100  Doornik|Tournai|wallonie|50.607|3.389|7500
Verviers|Verviers|wallonie|50.589|5.862|4800  Seraing|Seraing|wallonie|50.583|5.5|4100
Moeskroen|Mouscron|wallonie|50.744|3.214|7700  Aarlen|Arlon|wallonie|49.683|5.817|6700
Waver|Wavre|wallonie|50.717|4.601|1300  Nijvel|Nivelles|wallonie|50.598|4.328|1400
Hoei|Huy|wallonie|50.519|5.239|4500  Herstal|Herstal|wallonie|50.662|5.628|4040
Ottignies-Louvain-la-Neuve|Ottignies-Louvain-la-Neuve|wallonie|50.668|4.612|1340
Châtelet|Châtelet|wallonie|50.404|4.524|6200  Eupen|Eupen|wallonie|50.63|6.031|4700
Marche-en-Famenne|Marche-en-Famenne|wallonie|50.227|5.344|6900  Bastenaken|Bastogne|wallonie|50.0|5.716|6600
Dinant|Dinant|wallonie|50.261|4.912|5500  Sambreville|Sambreville|wallonie|50.437|4.617|5060
Binche|Binche|wallonie|50.411|4.165|7130  Brussel|Bruxelles|brussel|50.847|4.352|1000
Anderlecht|Anderlecht|brussel|50.836|4.308|1070  Schaarbeek|Schaerbeek|brussel|50.867|4.373|1030
Sint-Jans-Molenbeek|Molenbeek-Saint-Jean|brussel|50.855|4.323|1080  Elsene|Ixelles|brussel|50.827|4.372|1050
Sint-Gillis|Saint-Gilles|brussel|50.827|4.345|1060  Vorst|Forest|brussel|50.81|4.318|1190
Etterbeek|Etterbeek|brussel|50.836|4.389|1040  Jette|Jette|brussel|50.878|4.329|1090
Evere|Evere|brussel|50.871|4.402|1140  Ukkel|Uccle|brussel|50.803|4.334|1180
Sint-Joost-ten-Node|Saint-Josse-ten-Noode|brussel|50.853|4.373|1210
Koekelberg|Koekelberg|brussel|50.862|4.326|1081  Oudergem|Auderghem|brussel|50.816|4.426|1160
"""
PLACES = [(nl, fr, region, float(lat), float(lon), int(postcode))
          for nl, fr, region, lat, lon, postcode in (e.split("|") for e in re.split(r"\n| {2,}", _PLACES.strip()))]
ORG_NAMES = {
    "ocmw": ("OCMW {nl}", "CPAS {de_fr}"),
    "gemeente": ("Gemeente {nl}", "Commune {de_fr}"),
    "samenwerkingsverband": ("Samenwerkingsverband regio {nl}", "Partenariat de la région {de_fr}"),
    "vzw": ("Vzw {title} {nl}", "ASBL {title} {fr}"),
    "overheid": ("Provinciale dienst {nl}", "Service provincial {de_fr}"),
}
ORG_WEIGHTS = {"ocmw": 60, "gemeente": 15, "samenwerkingsverband": 10, "vzw": 10, "overheid": 5}


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _de(name: str) -> str:
    return f"d'{name}" if name[0].lower() in "aeiouyhéèêâîô" else f"de {name}"


class Identity:
    """Who and where fiche i is: decided by (seed, i) alone, so other fiches can refer to it."""

    def __init__(self, seed: int, index: int):
        rng = random.Random(f"{seed}:identity:{index}")
        self.index = index
        self.place = rng.choice(PLACES)
        self.org_type = rng.choices(list(ORG_WEIGHTS), weights=list(ORG_WEIGHTS.values()))[0]
        self.modules = rng.choices(range(1, 7), weights=[10, 20, 25, 20, 15, 10])[0]
        first, second = rng.choice(TITLE_FIRST), rng.choice(TITLE_SECOND)
        sep = rng.choice([" ", "", " ", "-"])
        self.title = {"nl": f"{first[0]}{sep}{second[0]}", "fr": f"{first[1]}{sep}{second[1]}"}
        if rng.random() < 0.3:
            suffix = rng.choice(["!", " +", " 2.0", " Plus", f" {rng.randint(2, 9)}"])
            self.title = {lang: t + suffix for lang, t in self.title.items()}
        prefix = {"ocmw": "ocmw", "gemeente": "gemeente", "samenwerkingsverband": "regio", "vzw": "vzw",
                  "overheid": "provincie"}[self.org_type]
        self.id = f"{prefix}-{slug(self.place[0])[:24]}-{slug(self.title['nl'])[:16]}-{index + 1:05d}"
        self.id = re.sub(r"-+", "-", self.id)
        nl_place, fr_place = self.place[0], self.place[1]
        nl_name, fr_name = ORG_NAMES[self.org_type]
        self.organisation = {
            "nl": nl_name.format(nl=nl_place, title=self.title["nl"]),
            "fr": fr_name.format(fr=fr_place, de_fr=_de(fr_place), title=self.title["fr"]),
        }


# --- texts ------------------------------------------------------------------------------------------------

class Writer:
    """Seeded sentences, paragraphs and lists in one language."""

    def __init__(self, rng: random.Random, lang: str, scale: float):
        self.rng = rng
        self.lang = lang
        self.scale = scale
        self.nouns, self.verbs, self.adjectives, self.function = VOCAB[lang]
        self.longer = 1.12 if lang == "fr" else 1.0  # French runs a little longer than Dutch

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.34:
            return self.rng.choice(self.function)
        if r < 0.68:
            return self.rng.choice(self.nouns)
        if r < 0.83:
            return self.rng.choice(self.verbs)
        if r < 0.975:
            return self.rng.choice(self.adjectives)
        return self.rng.choice(GLOSSARY_WORDS[self.lang])

    def words(self, low: int, high: int) -> list[str]:
        count = max(1, round(self.rng.randint(low, high) * self.longer))
        out = [self.word() for _ in range(count)]
        if count > 6 and self.rng.random() < 0.15:  # a figure now and then, never last (no "2019." list start)
            spot = self.rng.randrange(1, count - 1)
            out[spot] = self.rng.choice([str(self.rng.randint(2, 60)), f"{self.rng.randint(2, 95)} %",
                                         str(self.rng.randint(2012, 2024))])
        if count > 4 and self.rng.random() < 0.05:
            spot = self.rng.randrange(1, count - 1)
            out[spot] = f"*{out[spot]}*"
        return out

    def phrase(self, low: int = 2, high: int = 6) -> str:
        """A single-line name or label, no final stop."""
        text = " ".join(self.words(low, high))
        return text[0].upper() + text[1:]

    def item(self, low: int = 3, high: int = 14) -> str:
        """A list item: a short phrase, sometimes a full sentence."""
        return self.sentence(low, high) if self.rng.random() < 0.3 else self.phrase(low, high)

    def sentence(self, low: int = 6, high: int = 20) -> str:
        words = self.words(low, high)
        for i in range(2, len(words) - 2):
            if self.rng.random() < 0.06:
                words[i] += ","
        text = " ".join(words)
        end = self.rng.choices([".", "?", "!"], weights=[92, 5, 3])[0]
        if self.lang == "fr" and end != ".":
            end = " " + end
        return text[0].upper() + text[1:] + end

    def count(self, low: int, high: int) -> int:
        return max(1, round(self.rng.randint(low, high) * self.scale))

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.sentence() for _ in range(self.count(low, high)))

    def bullets(self, low: int = 3, high: int = 6, numbered: bool = False) -> str:
        items = [self.item() for _ in range(self.count(low, high))]
        return "\n".join(f"{i + 1}. {x}" if numbered else f"- {x}" for i, x in enumerate(items))

    def block(self, low: int = 1, high: int = 4, lists: float = 0.25) -> str:
        """Paragraphs of Markdown, sometimes with a list; wrapped like a hand-written fiche."""
        parts = []
        for _ in range(self.count(low, high)):
            parts.append(self.paragraph())
            if self.rng.random() < lists:
                parts.append(self.bullets(numbered=self.rng.random() < 0.3))
        return "\n\n".join(wrap(part) for part in parts)


def wrap(part: str) -> str:
    if part.startswith(("- ", "1. ")):
        return part
    return textwrap.fill(part, width=108, break_long_words=False, break_on_hyphens=False)
