"""Interface wording in each language. Language is data: templates look labels up here."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from scripts.languages import LANGS, interface

NUMBER_FORMAT = "0.##"  # no thousands separator, up to two decimals: 0,5 · 1,25 · 12
DATE_FORMATS = {2: "MMMM y", 3: "d MMMM y"}  # month and year; day, month and year

LABELS: dict[str, dict[str, str]] = {
    # fiche sections, after the guide's headings
    "overview": {"nl": "In vogelvlucht", "fr": "En bref"},
    "inspiration": {"nl": "Waarom met dit project aan de slag?", "fr": "Pourquoi s'en inspirer ?"},
    "problem": {"nl": "Gebrek aan zelfredzaamheid en hoog risico op isolement",
                "fr": "Manque d'autonomie et risque élevé d'isolement"},
    "objectives": {"nl": "Sociale activering: doelstellingen", "fr": "Activation sociale : objectifs"},
    "target_group": {"nl": "Doelgroep", "fr": "Public cible"},
    "criteria": {"nl": "Criteria", "fr": "Critères"},
    "referral": {"nl": "Toeleiding en intake", "fr": "Orientation et accueil"},
    "intake_questions": {"nl": "Centrale vragen bij de intake", "fr": "Questions centrales de l'accueil"},
    "staffing": {"nl": "Uitvoering", "fr": "Mise en œuvre"},
    "role": {"nl": "Functie", "fr": "Fonction"},
    "count": {"nl": "Aantal", "fr": "Nombre"},
    "fte_per_person": {"nl": "VTE per persoon", "fr": "ETP par personne"},
    "fte": {"nl": "VTE", "fr": "ETP"},
    "total_fte": {"nl": "Totaal VTE", "fr": "Total ETP"},
    "approach": {"nl": "De aanpak", "fr": "L'approche"},
    "goals": {"nl": "Doel", "fr": "Objectifs"},
    "content": {"nl": "Inhoud", "fr": "Contenu"},
    "setup": {"nl": "Opzet", "fr": "Organisation"},
    "phase_begin": {"nl": "Beginfase", "fr": "Phase de démarrage"},
    "phase_middle": {"nl": "Middenfase", "fr": "Phase intermédiaire"},
    "phase_end": {"nl": "Eindfase", "fr": "Phase finale"},
    "intensity": {"nl": "Intensiteit", "fr": "Intensité"},
    "hours_per_session": {"nl": "uur per sessie", "fr": "heure(s) par séance"},
    "hours_per_week": {"nl": "uur per week", "fr": "heure(s) par semaine"},
    "duration": {"nl": "Duur", "fr": "Durée"},
    "group_size": {"nl": "Groepsgrootte", "fr": "Taille du groupe"},
    "max_short": {"nl": "max.", "fr": "max."},
    "min_short": {"nl": "min.", "fr": "min."},
    "persons": {"nl": "personen", "fr": "personnes"},
    "approximately": {"nl": "ongeveer", "fr": "environ"},
    "competences": {"nl": "Competenties van de projectmedewerkers", "fr": "Compétences de l'équipe"},
    "comp_required": {"nl": "Benodigde competenties", "fr": "Compétences requises"},
    "comp_training": {"nl": "Beroepsopleiding", "fr": "Formation professionnelle"},
    "comp_knowledge": {"nl": "Kennis", "fr": "Connaissances"},
    "comp_traits": {"nl": "Persoonskenmerken", "fr": "Qualités personnelles"},
    "comp_further_training": {"nl": "Nascholing", "fr": "Formation continue"},
    "comp_supervision": {"nl": "Supervisie en intervisie", "fr": "Supervision et intervision"},
    "support": {"nl": "Vertrouwen in het project binnen de organisatie",
                "fr": "Soutien au projet au sein de l'organisation"},
    "sup_organisation": {"nl": "Draagvlak binnen de organisatie", "fr": "Adhésion au sein de l'organisation"},
    "sup_management": {"nl": "Rol van het management", "fr": "Rôle de la direction"},
    "sup_cooperation": {"nl": "Samenwerking met andere organisaties",
                        "fr": "Collaboration avec d'autres organisations"},
    "sup_location": {"nl": "Locatie", "fr": "Lieu"},
    "sup_quality": {"nl": "Kwaliteitsbewaking", "fr": "Suivi de la qualité"},
    "budget": {"nl": "Budget", "fr": "Budget"},
    "budget_personnel": {"nl": "Personeelskost", "fr": "Frais de personnel"},
    "budget_material": {"nl": "Materiaalkost", "fr": "Frais de matériel"},
    "budget_mismatch": {
        "nl": "Let op: de bron vermeldt in de budgetlijn {budget} VTE, terwijl het team hierboven samen {team} "
              "VTE telt. Beide cijfers staan zo in de bron.",
        "fr": "Attention : la ligne budgétaire de la source mentionne {budget} ETP, alors que l'équipe "
              "ci-dessus totalise {team} ETP. La source donne ces deux chiffres.",
    },
    "vision": {"nl": "Visie", "fr": "Vision"},
    "pros_cons": {"nl": "Plus- en minpunten", "fr": "Points forts et points faibles"},
    "pros": {"nl": "Pluspunten", "fr": "Points forts"},
    "cons": {"nl": "Minpunten", "fr": "Points faibles"},
    "future": {"nl": "Toekomst", "fr": "Perspectives"},
    "what_works": {"nl": "Wat werkt er in het project?", "fr": "Qu'est-ce qui fonctionne dans le projet ?"},
    "practical": {"nl": "Praktisch", "fr": "Informations pratiques"},
    "contact": {"nl": "Contact", "fr": "Contact"},
    "sources": {"nl": "Bronnen", "fr": "Sources"},
    "pages_short": {"nl": "p.", "fr": "p."},
    "see_also": {"nl": "Zie ook", "fr": "Voir aussi"},
    "related": {"nl": "Verwante fiches", "fr": "Fiches liées"},
    "last_reviewed": {"nl": "Laatst nagekeken", "fr": "Dernière vérification"},
    # identity
    "organisation": {"nl": "Organisatie", "fr": "Organisation"},
    "municipality": {"nl": "Gemeente", "fr": "Commune"},
    "region": {"nl": "Gewest", "fr": "Région"},
    "period": {"nl": "Looptijd", "fr": "Période"},
    "since": {"nl": "sinds", "fr": "depuis"},
    "lifecycle": {"nl": "Stand van zaken", "fr": "État"},
    "funding": {"nl": "Financiering", "fr": "Financement"},
    "themes": {"nl": "Thema's", "fr": "Thèmes"},
    "modules": {"nl": "Modules", "fr": "Modules"},
    "draft_banner": {"nl": "Ontwerp – vertaling of nazicht nog bezig. Deze fiche verschijnt niet op de publieke site.",
                     "fr": "Brouillon – traduction ou relecture en cours. Cette fiche n'apparaît pas sur le site "
                           "public."},
    # catalogue
    "project": {"nl": "Project", "fr": "Projet"},
    "target_brief": {"nl": "Doelgroep", "fr": "Public"},
    "profiles": {"nl": "Profiel van de deelnemers", "fr": "Profil des participants"},
    "no_fiches": {"nl": "Nog geen fiches.", "fr": "Pas encore de fiches."},
    "fiche_count": {"nl": "{n} fiches", "fr": "{n} fiches"},
    "updated": {"nl": "bijgewerkt op", "fr": "mise à jour le"},
    # catalogue filters and compare
    "module_kinds": {"nl": "Soort begeleiding", "fr": "Type d'accompagnement"},
    "filters": {"nl": "Filters", "fr": "Filtres"},
    "search_text": {"nl": "Zoek in de fiches", "fr": "Rechercher dans les fiches"},
    "fte_range": {"nl": "Team (VTE)", "fr": "Équipe (ETP)"},
    "fte_min": {"nl": "minimum", "fr": "minimum"},
    "fte_max": {"nl": "maximum", "fr": "maximum"},
    "sort": {"nl": "Sorteren op", "fr": "Trier par"},
    "sort_title": {"nl": "naam (A-Z)", "fr": "nom (A-Z)"},
    "sort_fte_desc": {"nl": "team: grootste eerst", "fr": "équipe : la plus grande d'abord"},
    "sort_fte_asc": {"nl": "team: kleinste eerst", "fr": "équipe : la plus petite d'abord"},
    "sort_hours_desc": {"nl": "intensiteit: hoogste eerst", "fr": "intensité : la plus élevée d'abord"},
    "sort_reviewed": {"nl": "laatst nagekeken", "fr": "dernière vérification"},
    "sort_municipality": {"nl": "gemeente (A-Z)", "fr": "commune (A-Z)"},
    "reset": {"nl": "Alle filters wissen", "fr": "Effacer tous les filtres"},
    "shown": {"nl": "{shown} van {total} fiches", "fr": "{shown} fiche(s) sur {total}"},
    "compare": {"nl": "Vergelijken", "fr": "Comparer"},
    "compare_this": {"nl": "Vergelijk deze fiche met andere", "fr": "Comparer cette fiche à d'autres"},
    "compare_selected": {"nl": "Vergelijk de gekozen fiches", "fr": "Comparer les fiches choisies"},
    "compare_pick": {"nl": "Kies 2 tot {max} fiches", "fr": "Choisissez de 2 à {max} fiches"},
    "compare_add": {"nl": "Toevoegen", "fr": "Ajouter"},
    "compare_remove": {"nl": "Verwijderen", "fr": "Retirer"},
    "compare_choose": {"nl": "Fiche om toe te voegen", "fr": "Fiche à ajouter"},
    "compare_nojs": {"nl": "De vergelijking heeft JavaScript nodig. Alle gegevens staan ook in de catalogus en "
                           "in het open-databestand.",
                     "fr": "La comparaison nécessite JavaScript. Toutes les données figurent aussi dans le "
                           "catalogue et dans le fichier de données ouvertes."},
    "compare_empty": {"nl": "Kies hieronder fiches om ze naast elkaar te zien.",
                      "fr": "Choisissez ci-dessous des fiches pour les voir côte à côte."},
    "compare_max": {"nl": "U kunt tot {max} fiches vergelijken.", "fr": "Vous pouvez comparer jusqu'à {max} fiches."},
    "weekly_hours": {"nl": "Uren per week", "fr": "Heures par semaine"},
    "frequency": {"nl": "Frequentie", "fr": "Fréquence"},
    "max_group": {"nl": "Max. groepsgrootte", "fr": "Taille max. du groupe"},
    "not_given": {"nl": "niet vermeld", "fr": "non précisé"},
    "download_csv": {"nl": "Download als CSV (Excel)", "fr": "Télécharger en CSV (Excel)"},
    "download_json": {"nl": "Download als JSON", "fr": "Télécharger en JSON"},
    "themes_all": {"nl": "Alle thema's", "fr": "Tous les thèmes"},
    # figures
    "chart_fte_title": {"nl": "Team per project (totaal VTE)", "fr": "Équipe par projet (total ETP)"},
    "chart_fte_desc": {"nl": "Staafdiagram van het totaal aantal voltijdse equivalenten per project, berekend uit "
                             "het team dat de bron vermeldt. De tabel eronder geeft dezelfde cijfers.",
                       "fr": "Diagramme en barres du total des équivalents temps plein par projet, calculé à "
                             "partir de l'équipe décrite par la source. Le tableau ci-dessous donne les mêmes "
                             "chiffres."},
    "chart_hours_title": {"nl": "Intensiteit: uren per week van de meest intensieve module",
                          "fr": "Intensité : heures par semaine du module le plus intensif"},
    "chart_hours_desc": {"nl": "Staafdiagram van het aantal uren per week van de meest intensieve module van elk "
                               "project, alleen waar de bron dat getal geeft. De tabel eronder geeft dezelfde "
                               "cijfers.",
                         "fr": "Diagramme en barres du nombre d'heures par semaine du module le plus intensif de "
                               "chaque projet, uniquement lorsque la source donne ce chiffre. Le tableau "
                               "ci-dessous donne les mêmes chiffres."},
    "map_title": {"nl": "Kaart van de projecten in België", "fr": "Carte des projets en Belgique"},
    "map_desc": {"nl": "Kaart van België met één punt per project; elk punt leidt naar de fiche. De lijst eronder "
                       "geeft dezelfde projecten.",
                 "fr": "Carte de la Belgique avec un point par projet ; chaque point mène à la fiche. La liste "
                       "ci-dessous reprend les mêmes projets."},
    "hours_unit": {"nl": "u/week", "fr": "h/sem."},
    "data_table": {"nl": "De cijfers in een tabel", "fr": "Les chiffres dans un tableau"},
    "map_source": {"nl": "Kaartgegevens: Natural Earth (publiek domein).",
                   "fr": "Données cartographiques : Natural Earth (domaine public)."},
    # modules, lifecycle, who to call
    "module_page": {"nl": "Aparte pagina van deze module", "fr": "Page propre de ce module"},
    "activity_language": {"nl": "Taal van de activiteit", "fr": "Langue de l'activité"},
    "origin": {"nl": "Herkomst", "fr": "Origine"},
    "part_of": {"nl": "Onderdeel van", "fr": "Fait partie de"},
    "also_done_by": {"nl": "Ook gedaan door", "fr": "Également mis en œuvre par"},
    "also_done_by_note": {"nl": "Gelijkaardige modules in andere projecten: zelfde soort begeleiding en gedeelde "
                                "thema's (automatisch berekend).",
                          "fr": "Modules similaires dans d'autres projets : même type d'accompagnement et thèmes "
                                "communs (calcul automatique)."},
    "no_related": {"nl": "Nog geen gelijkaardige module in andere fiches.",
                   "fr": "Pas encore de module similaire dans d'autres fiches."},
    "module_count": {"nl": "{n} modules", "fr": "{n} modules"},
    "review_due": {"nl": "Deze fiche moest uiterlijk op {date} opnieuw nagekeken worden. Controleer of de informatie "
                         "nog klopt bij de organisatie.",
                   "fr": "Cette fiche devait être revue au plus tard le {date}. Vérifiez auprès de l'organisation "
                         "que les informations sont toujours exactes."},
    "review_by": {"nl": "Na te kijken tegen", "fr": "À revoir pour le"},
    "history": {"nl": "Wijzigingsgeschiedenis", "fr": "Historique des modifications"},
    "peers": {"nl": "Andere organisaties met een gelijkaardige aanpak", "fr": "Autres organisations ayant une "
                                                                              "approche similaire"},
    "contact_page": {"nl": "Contacteer deze organisatie", "fr": "Contacter cette organisation"},
    "conditions": {"nl": "Voorwaarden voor succes en valkuilen", "fr": "Conditions de réussite et écueils"},
    "success_conditions": {"nl": "Voorwaarden voor succes", "fr": "Conditions de réussite"},
    "pitfalls": {"nl": "Valkuilen", "fr": "Écueils"},
    "conditions_note": {"nl": "Samengevat uit de secties over draagvlak, locatie en kwaliteitsbewaking en uit de "
                              "minpunten.",
                        "fr": "Synthèse des sections sur l'adhésion, le lieu et le suivi de la qualité, et des points "
                              "faibles."},
    "add_to_overview": {"nl": "Kies voor het overzicht van competenties en personeel",
                        "fr": "Choisir pour l'aperçu des compétences et du personnel"},
    "overview_title": {"nl": "Competenties en personeel voor de gekozen modules",
                       "fr": "Compétences et personnel pour les modules choisis"},
    "overview_empty": {"nl": "Kies hieronder een of meer modules.", "fr": "Choisissez ci-dessous un ou plusieurs "
                                                                          "modules."},
    "overview_staffing": {"nl": "Personeel van de projecten waaruit de modules komen",
                          "fr": "Personnel des projets dont proviennent les modules"},
    "overview_modules": {"nl": "Gekozen modules", "fr": "Modules choisis"},
    "module_catalogue": {"nl": "Catalogus van de modules", "fr": "Catalogue des modules"},
    # translation status (preview only)
    "translation_status": {"nl": "Vertaalstatus", "fr": "État des traductions"},
    "translation_intro": {"nl": "Wat nog vertaald of nagekeken moet worden (alleen zichtbaar in de preview).",
                          "fr": "Ce qui reste à traduire ou à relire (visible uniquement dans l'aperçu)."},
    "translation_none": {"nl": "Alles is vertaald.", "fr": "Tout est traduit."},
    "file": {"nl": "Bestand", "fr": "Fichier"},
    "line": {"nl": "Regel", "fr": "Ligne"},
    "problem_col": {"nl": "Wat ontbreekt", "fr": "Ce qui manque"},
    # glossary and schema pages
    "term": {"nl": "Term", "fr": "Terme"},
    "other_language": {"nl": "In het Frans", "fr": "En néerlandais"},
    "definition": {"nl": "Uitleg", "fr": "Définition"},
    "field": {"nl": "Veld", "fr": "Champ"},
    "type": {"nl": "Type", "fr": "Type"},
    "required": {"nl": "Verplicht", "fr": "Obligatoire"},
    "yes": {"nl": "ja", "fr": "oui"},
    "no": {"nl": "nee", "fr": "non"},
    "description": {"nl": "Beschrijving", "fr": "Description"},
    "allowed_values": {"nl": "Toegelaten waarden", "fr": "Valeurs admises"},
    "t_text": {"nl": "tekst NL+FR", "fr": "texte NL+FR"},
    "t_inline": {"nl": "korte tekst NL+FR (één regel)", "fr": "texte court NL+FR (une ligne)"},
    "t_str": {"nl": "code", "fr": "code"},
    "t_number": {"nl": "getal", "fr": "nombre"},
    "t_integer": {"nl": "geheel getal", "fr": "nombre entier"},
    "t_enum": {"nl": "keuze", "fr": "choix"},
    "t_date": {"nl": "datum", "fr": "date"},
    "t_url": {"nl": "webadres", "fr": "adresse web"},
    "t_email": {"nl": "e-mailadres", "fr": "adresse e-mail"},
    "t_ficheref": {"nl": "id van een fiche", "fr": "identifiant d'une fiche"},
    "t_list": {"nl": "lijst van", "fr": "liste de"},
    "t_obj": {"nl": "groep velden", "fr": "groupe de champs"},
    # open-data CSV column headers
    "csv_id": {"nl": "ID", "fr": "ID"},
    "csv_title": {"nl": "Project", "fr": "Projet"},
    "csv_organisation": {"nl": "Organisatie", "fr": "Organisation"},
    "csv_organisation_type": {"nl": "Soort organisatie", "fr": "Type d'organisation"},
    "csv_municipality": {"nl": "Gemeente", "fr": "Commune"},
    "csv_region": {"nl": "Gewest", "fr": "Région"},
    "csv_themes": {"nl": "Thema's", "fr": "Thèmes"},
    "csv_profiles": {"nl": "Doelgroep", "fr": "Public cible"},
    "csv_module_kinds": {"nl": "Soorten begeleiding", "fr": "Types d'accompagnement"},
    "csv_modules": {"nl": "Aantal modules", "fr": "Nombre de modules"},
    "csv_max_weekly_hours": {"nl": "Max. uren per week (module)", "fr": "Max. heures par semaine (module)"},
    "csv_total_fte": {"nl": "Totaal VTE", "fr": "Total ETP"},
    "csv_budget_personnel_fte": {"nl": "VTE volgens budgetlijn", "fr": "ETP selon la ligne budgétaire"},
    "csv_funding": {"nl": "Financiering", "fr": "Financement"},
    "csv_lifecycle": {"nl": "Stand van zaken", "fr": "État"},
    "csv_period_start": {"nl": "Begin", "fr": "Début"},
    "csv_period_end": {"nl": "Einde", "fr": "Fin"},
    "csv_last_reviewed": {"nl": "Laatst nagekeken", "fr": "Dernière vérification"},
    "csv_url": {"nl": "Webpagina", "fr": "Page web"},
    # the search box (scripts/build/search_data.py → assets/search/<lang>.json); {…} are filled in the browser.
    # Material's Dutch "1 overeenkomende document" is replaced by the correct "1 overeenkomend document" (an
    # adjective before a het-word in the singular, indefinite, takes no -e).
    "search_none": {"nl": "Geen overeenkomende documenten", "fr": "Aucun document trouvé"},
    "search_one": {"nl": "1 overeenkomend document", "fr": "1 document trouvé"},
    "search_other": {"nl": "# overeenkomende documenten", "fr": "# documents trouvés"},
    "search_error": {"nl": "Zoeken lukt nu niet. Probeer het later opnieuw.",
                     "fr": "La recherche est indisponible pour l'instant. Réessayez plus tard."},
    "search_bridge": {"nl": "„{term}” is {language}. In het Nederlands: {equivalent}",
                      "fr": "«\u00a0{term}\u00a0» est du {language}. En français\u00a0: {equivalent}"},
    "search_bridge_action": {"nl": "zoeken", "fr": "rechercher"},
    "search_other_site": {"nl": "Zoek „{query}” op de site in het {language}",
                          "fr": "Rechercher «\u00a0{query}\u00a0» sur le site en {language}"},
    "search_filter_any": {"nl": "Alle", "fr": "Tous"},
    "search_filter_region": {"nl": "Gewest", "fr": "Région"},
    "search_filter_theme": {"nl": "Thema", "fr": "Thème"},
    "search_filter_kind": {"nl": "Soort begeleiding", "fr": "Type d'accompagnement"},
}



for _lang in LANGS:
    for _key, _text in interface(_lang).get("labels", {}).items():
        LABELS.setdefault(_key, {})[_lang] = _text


def t(key: str, lang: str, **values) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def locale(lang: str) -> str:
    """Belgian conventions for every language of the site (nl_BE, fr_BE, de_BE)."""
    return f"{lang}_BE"


def number(value: float | int | None, lang: str) -> str:
    """A figure as the reader's language writes it (decimal comma in Belgium), at most two decimals."""
    if value is None:
        return ""
    return format_decimal(value, format=NUMBER_FORMAT, locale=locale(lang))


def date(value: str, lang: str) -> str:
    """Human date from YYYY, YYYY-MM or YYYY-MM-DD (a fiche's dates are as precise as its source)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    pattern = DATE_FORMATS[len(parts)]
    return format_date(dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1), pattern, locale=locale(lang))
