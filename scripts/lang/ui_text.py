"""Interface wording in each language. Language is data: templates look labels up here."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from scripts.lang import languages, typography

NUMBER_FORMAT = "0.##"  # no thousands separator, up to two decimals: 0,5 · 1,25 · 12
DATE_FORMATS = {2: "MMMM y", 3: "d MMMM y"}  # month and year; day, month and year

LABELS: dict[str, dict[str, str]] = {
    # fiche sections, after the guide's headings
    "overview": {"nl": "In vogelvlucht", "fr": "En bref"},
    # the title of each heading's permalink (¶), Markdown and generated headings alike (build/headings.py)
    "permalink_title": {"nl": "Link naar deze sectie", "fr": "Lien vers cette section"},
    "inspiration": {"nl": "Waarom met dit project aan de slag?", "fr": "Pourquoi s'en inspirer ?"},
    "problem": {"nl": "Gebrek aan zelfredzaamheid en hoog risico op isolement",
                "fr": "Manque d'autonomie et risque élevé d'isolement"},
    "objectives": {"nl": "Sociale activering: doelstellingen", "fr": "Activation sociale : objectifs"},
    "target_group": {"nl": "Doelgroep", "fr": "Public cible"},
    "criteria": {"nl": "Criteria", "fr": "Critères"},
    "referral": {"nl": "Toeleiding en intake", "fr": "Orientation et accueil"},
    "intake_questions": {"nl": "Centrale vragen bij de intake", "fr": "Questions centrales de l'accueil"},
    "staffing": {"nl": "Team", "fr": "Équipe"},
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
    "per_session": {"nl": "per sessie", "fr": "par séance"},
    "per_week": {"nl": "per week", "fr": "par semaine"},
    # units by CLDR plural category (Babel's plural rules pick one/other per language and number)
    "unit_hour_one": {"nl": "uur", "fr": "heure"},
    "unit_hour_other": {"nl": "uur", "fr": "heures"},
    "unit_day_one": {"nl": "dag", "fr": "jour"},
    "unit_day_other": {"nl": "dagen", "fr": "jours"},
    # qualified numbers, as the source gives them
    "q_exact": {"nl": "{n}", "fr": "{n}"},
    "q_min": {"nl": "minstens {n}", "fr": "au moins {n}"},
    "q_max": {"nl": "hoogstens {n}", "fr": "au plus {n}"},
    "q_approximate": {"nl": "ongeveer {n}", "fr": "environ {n}"},
    "q_range": {"nl": "{low} tot {high}", "fr": "de {low} à {high}"},
    "computed": {"nl": "berekend uit frequentie en duur van de sessies",
                 "fr": "valeur calculée à partir de la fréquence et de la durée des séances"},
    "computed_short": {"nl": "berekend", "fr": "valeur calculée"},
    "source_contradicts": {"nl": "bron tegenstrijdig", "fr": "source contradictoire"},
    "conflict_title": {"nl": "De bron spreekt zichzelf tegen", "fr": "La source se contredit"},
    "conflict_fte": {"nl": "De bron geeft voor het team {values} VTE; de site toont beide.",
                     "fr": "La source donne pour l'équipe {values} ETP ; le site montre les deux."},
    # dated statements and inferred values
    "as_of_label": {"nl": "Situatie", "fr": "Situation"},
    "as_of": {"nl": "Situatie volgens de bron van {date}", "fr": "Situation selon la source de {date}"},
    "date_inferred": {"nl": "datum afgeleid door de redactie", "fr": "date déduite par la rédaction"},
    "inferred": {"nl": "afgeleid door de redactie", "fr": "déduit par la rédaction"},
    "end_of": {"nl": "eind {date}", "fr": "fin {date}"},
    "period_planned": {"nl": "{start} – gepland tot {end}", "fr": "{start} – prévu jusqu'à {end}"},
    "state_unknown": {"nl": "huidige stand niet bekend", "fr": "situation actuelle inconnue"},
    "title_translated": {"nl": "titel vertaald door de redactie; het document bestaat in het {languages}",
                         "fr": "titre traduit par la rédaction ; le document existe en {languages}"},
    "approximate_place": {"nl": "ligging bij benadering", "fr": "emplacement approximatif"},
    "location": {"nl": "Ligging op de kaart", "fr": "Emplacement sur la carte"},
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
    # a period whose source gives no end: "sinds" would read as still running today
    "period_open": {"nl": "begin: {start}; einde niet vermeld", "fr": "début\u00a0: {start}\u00a0; fin non précisée"},
    "lifecycle": {"nl": "Stand van zaken", "fr": "État"},
    "funding": {"nl": "Financiering", "fr": "Financement"},
    "themes": {"nl": "Thema's", "fr": "Thèmes"},
    "modules": {"nl": "Modules", "fr": "Modules"},
    "draft_banner": {"nl": "Ontwerp – vertaling of nazicht nog bezig. Deze fiche verschijnt niet op de publieke site.",
                     "fr": "Brouillon – traduction ou relecture en cours. Cette fiche n'apparaît pas sur le site "
                           "public."},
    # catalogue
    "project": {"nl": "Project", "fr": "Projet"},
    "module": {"nl": "Module", "fr": "Module"},
    "target_brief": {"nl": "Doelgroep", "fr": "Public"},
    "profiles": {"nl": "Profiel van de deelnemers", "fr": "Profil des participants"},
    "no_fiches": {"nl": "Nog geen fiches.", "fr": "Pas encore de fiches."},
    "fiche_count_one": {"nl": "{n} fiche", "fr": "{n}\u00a0fiche"},
    "fiche_count_other": {"nl": "{n} fiches", "fr": "{n}\u00a0fiches"},
    "updated": {"nl": "bijgewerkt op", "fr": "mise à jour le"},
    # catalogue filters and compare
    "module_kinds": {"nl": "Soort begeleiding", "fr": "Type d'accompagnement"},
    "filters": {"nl": "Filters", "fr": "Filtres"},
    "search_text": {"nl": "Zoek in de fiches", "fr": "Rechercher dans les fiches"},
    "search_text_modules": {"nl": "Zoek in de modules", "fr": "Rechercher dans les modules"},
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
    "shown": {"nl": "{shown} van {total} fiches", "fr": "{shown} sur {total} fiches"},
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
    "not_given": {"nl": "niet vermeld", "fr": "pas d'indication"},
    # bands of the module catalogue's facets (scripts/site/modules.py)
    "intensity_unknown": {"nl": "aantal uren niet vermeld", "fr": "nombre d'heures non précisé"},
    "intensity_lt2": {"nl": "minder dan 2 uur per week", "fr": "moins de 2 heures par semaine"},
    "intensity_2to5": {"nl": "2 tot 5 uur per week", "fr": "de 2 à 5 heures par semaine"},
    "intensity_5to10": {"nl": "5 tot 10 uur per week", "fr": "de 5 à 10 heures par semaine"},
    "intensity_gt10": {"nl": "meer dan 10 uur per week", "fr": "plus de 10 heures par semaine"},
    "group_upto6": {"nl": "tot 6 personen", "fr": "jusqu'à 6 personnes"},
    "group_7to10": {"nl": "7 tot 10 personen", "fr": "de 7 à 10 personnes"},
    "group_11to15": {"nl": "11 tot 15 personen", "fr": "de 11 à 15 personnes"},
    "group_gt15": {"nl": "meer dan 15 personen", "fr": "plus de 15 personnes"},
    "download_csv": {"nl": "Download als CSV (Excel)", "fr": "Télécharger en CSV (Excel)"},
    "download_json": {"nl": "Download als JSON", "fr": "Télécharger en JSON"},
    "themes_all": {"nl": "Alle thema's", "fr": "Tous les thèmes"},
    # figures
    "chart_fte_title": {"nl": "Team per project (totaal VTE)", "fr": "Équipe par projet (total ETP)"},
    "chart_fte_desc": {"nl": "Staafdiagram van het totaal aantal voltijdse equivalenten per project, berekend uit "
                             "het team dat de bron vermeldt; waar de bron zichzelf tegenspreekt, een lichte balk "
                             "tot de hoogste waarde. De tabel eronder geeft dezelfde cijfers.",
                       "fr": "Diagramme en barres du total des équivalents temps plein par projet, calculé à "
                             "partir de l'équipe décrite par la source ; lorsque la source se contredit, une barre "
                             "claire va jusqu'à la valeur la plus haute. Le tableau ci-dessous donne les mêmes "
                             "chiffres."},
    "chart_hours_title": {"nl": "Intensiteit per module: uren per week volgens de bron",
                          "fr": "Intensité par module : heures par semaine selon la source"},
    "chart_hours_desc": {"nl": "Staafdiagram van het aantal uren per week van elke module waarvoor de bron een "
                               "getal geeft, met project en module bij naam. Een minimum staat er als ≥; een getal "
                               "dat de redactie uit frequentie en duur berekende, draagt “berekend”; waar de bron "
                               "zichzelf tegenspreekt, een lichte balk tot de hoogste waarde. Projecten zonder "
                               "getal staan onder het diagram. De tabel eronder geeft dezelfde cijfers.",
                         "fr": "Diagramme en barres du nombre d'heures par semaine de chaque module pour lequel la "
                               "source donne un chiffre, avec le projet et le module nommés. Un minimum est noté "
                               "≥ ; un chiffre que la rédaction a calculé à partir de la fréquence et de la durée "
                               "porte la mention « valeur calculée » ; lorsque la source se contredit, une barre "
                               "claire va jusqu'à la valeur la plus haute. Les projets sans chiffre figurent sous "
                               "le diagramme. Le tableau ci-dessous donne les mêmes chiffres."},
    "map_title": {"nl": "Kaart van de projecten in België", "fr": "Carte des projets en Belgique"},
    "map_desc": {"nl": "Kaart van België met één punt per project; elk punt leidt naar de fiche. De lijst eronder "
                       "geeft dezelfde projecten.",
                 "fr": "Carte de la Belgique avec un point par projet ; chaque point mène à la fiche. La liste "
                       "ci-dessous reprend les mêmes projets."},
    "chart_missing_one": {"nl": "Niet in deze grafiek, omdat de bron er geen cijfer voor geeft: {names}.",
                          "fr": "Absent de ce graphique, faute de chiffre dans la source\u00a0: {names}."},
    "chart_missing_other": {"nl": "Niet in deze grafiek, omdat de bron er geen cijfer voor geeft ({n} projecten): "
                                  "{names}.",
                            "fr": "Absents de ce graphique, faute de chiffre dans la source ({n}\u00a0projets)\u00a0: "
                                  "{names}."},
    "hours_unit": {"nl": "u/week", "fr": "h/sem."},
    "data_table": {"nl": "De cijfers in een tabel", "fr": "Les chiffres dans un tableau"},
    "map_source": {"nl": "Kaartgegevens: Natural Earth (publiek domein).",
                   "fr": "Données cartographiques : Natural Earth (domaine public)."},
    # modules, lifecycle, who to call
    "module_page": {"nl": "Aparte pagina van deze module", "fr": "Page consacrée à ce module"},
    "activity_language": {"nl": "Taal van de activiteit", "fr": "Langue de l'activité"},
    "origin": {"nl": "Basis van de aanpak", "fr": "Fondement de l'approche"},
    "part_of": {"nl": "Onderdeel van", "fr": "Fait partie de"},
    "also_done_by": {"nl": "Vergelijkbare modules", "fr": "Modules comparables"},
    "also_done_by_note": {"nl": "Modules van dezelfde soort in andere projecten met een gemeenschappelijk thema en "
                                "hetzelfde ritme, dezelfde intensiteit of een gelijkaardig doel: automatisch "
                                "berekend, met telkens wat ze delen.",
                          "fr": "Modules du même type dans d'autres projets qui partagent un thème et le même "
                                "rythme, la même intensité ou un objectif proche : calcul automatique, avec à "
                                "chaque fois ce qu'ils partagent."},
    "no_related": {"nl": "Geen vergelijkbare module in andere fiches.",
                   "fr": "Aucun module comparable dans d'autres fiches."},
    "shared": {"nl": "Gemeen", "fr": "En commun"},
    "shared_kind": {"nl": "zelfde soort", "fr": "même type"},
    "shared_intensity": {"nl": "zelfde intensiteit", "fr": "même intensité"},
    "shared_frequency": {"nl": "zelfde ritme", "fr": "même rythme"},
    "shared_goal": {"nl": "zelfde doel", "fr": "même objectif"},
    "colon": {"nl": ":", "fr": "\u00a0:"},
    "semicolon": {"nl": ";", "fr": "\u00a0;"},
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
    "add_to_overview": {"nl": "Toevoegen aan het overzicht van competenties en personeel",
                        "fr": "Ajouter à l'aperçu des compétences et du personnel"},
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
    # catalogues (kb-catalogue.js); _one/_other are chosen with the language's plural rules
    "shown_one": {"nl": "{shown} van {total} fiches", "fr": "{shown}\u00a0fiche sur {total}"},
    "shown_other": {"nl": "{shown} van {total} fiches", "fr": "{shown}\u00a0fiches sur {total}"},
    "shown_modules_one": {"nl": "{shown} van {total} modules", "fr": "{shown}\u00a0module sur {total}"},
    "shown_modules_other": {"nl": "{shown} van {total} modules", "fr": "{shown}\u00a0modules sur {total}"},
    "chosen_one": {"nl": "{n} fiche gekozen", "fr": "{n}\u00a0fiche sélectionnée"},
    "chosen_other": {"nl": "{n} fiches gekozen", "fr": "{n}\u00a0fiches sélectionnées"},
    "active_filters": {"nl": "Actieve filters", "fr": "Filtres actifs"},
    "remove_filter": {"nl": "Filter wissen:", "fr": "Retirer le filtre\u00a0:"},
    "no_match_fiches": {"nl": "Geen enkele fiche past bij deze filters.",
                        "fr": "Aucune fiche ne correspond à ces filtres."},
    "no_match_modules": {"nl": "Geen enkele module past bij deze filters.",
                         "fr": "Aucun module ne correspond à ces filtres."},
    "search_everywhere": {"nl": "Zoek „{q}” in de hele kennisbank",
                          "fr": "Rechercher «\u00a0{q}\u00a0» dans toute la base de connaissances"},
    "quoted": {"nl": "‘{q}’", "fr": "«\u00a0{q}\u00a0»"},
    # an active filter's chip (kb-catalogue.js): the facet and the chosen value
    "filter_chip": {"nl": "{facet}: {value}", "fr": "{facet}\u00a0: {value}"},
    # the catalogues' text filter (kb-catalogue.js): thesaurus words, a term of the other language, no match
    "text_also": {"nl": "Ook gezocht: {words}", "fr": "Recherche étendue à\u00a0: {words}"},
    "text_other_language": {"nl": "„{term}” is {language}; gezocht op het Nederlandse „{equivalent}”.",
                            "fr": "«\u00a0{term}\u00a0» est du {language}\u00a0; recherche sur le terme "
                                  "français «\u00a0{equivalent}\u00a0»."},
    "no_text_fiches": {"nl": "Geen enkele fiche vermeldt „{q}”.", "fr": "Aucune fiche ne mentionne «\u00a0{q}\u00a0»."},
    "no_text_modules": {"nl": "Geen enkele module vermeldt „{q}”.",
                        "fr": "Aucun module ne mentionne «\u00a0{q}\u00a0»."},
    "suggest_near": {"nl": "Wat een deel van deze woorden vermeldt, gaat over:",
                     "fr": "Ce qui mentionne une partie de ces mots porte sur\u00a0:"},
    "suggest_facets": {"nl": "Kies liever een thema of doelgroep:",
                       "fr": "Choisissez plutôt un thème ou un public\u00a0:"},
    "show_results": {"nl": "Toon de resultaten", "fr": "Voir les résultats"},
    "compare_card": {"nl": "Vergelijken: {title}", "fr": "Comparer\u00a0: {title}"},
    # compare view (kb-compare.js); _one/_other are chosen with the language's plural rules
    "modules_of_kind": {"nl": "Modules: {kind}", "fr": "Modules\u00a0: {kind}"},
    "compare_differs": {"nl": "verschilt", "fr": "diffère"},
    "compare_share": {"nl": "Deel deze vergelijking", "fr": "Partager cette comparaison"},
    "compare_print": {"nl": "Afdrukken", "fr": "Imprimer"},
    "compare_copied": {"nl": "Het adres van deze vergelijking is gekopieerd.",
                       "fr": "L'adresse de cette comparaison a été copiée."},
    "compare_address": {"nl": "Deze vergelijking:", "fr": "Cette comparaison\u00a0:"},
    "compare_module_summary": {"nl": "Modules in het kort", "fr": "Modules en bref"},
    "module_count_one": {"nl": "{n} module", "fr": "{n}\u00a0module"},
    "module_count_other": {"nl": "{n} modules", "fr": "{n}\u00a0modules"},
    "compare_unknown_one": {"nl": "Het adres vraagt een fiche die niet (meer) bestaat en die daarom ontbreekt: {ids}.",
                            "fr": "L'adresse demande une fiche qui n'existe pas (ou plus) et qui manque donc\u00a0: "
                                  "{ids}."},
    "compare_unknown_other": {"nl": "Het adres vraagt {n} fiches die niet (meer) bestaan en die daarom ontbreken: "
                                    "{ids}.",
                              "fr": "L'adresse demande {n}\u00a0fiches qui n'existent pas (ou plus) et qui manquent "
                                    "donc\u00a0: {ids}."},
    "compare_only_differences": {"nl": "Alleen de rijen tonen waarin de projecten verschillen",
                                 "fr": "N'afficher que les lignes où les projets diffèrent"},
    # fiche: key facts, history
    "goal_first": {"nl": "Doel", "fr": "Objectif"},
    "more_goals_one": {"nl": "(+{n} ander doel)", "fr": "(+{n}\u00a0autre objectif)"},
    "more_goals_other": {"nl": "(+{n} andere doelen)", "fr": "(+{n}\u00a0autres objectifs)"},
    "key_facts": {"nl": "In het kort", "fr": "L'essentiel"},
    "persons_one": {"nl": "{n} persoon", "fr": "{n}\u00a0personne"},
    "persons_other": {"nl": "{n} personen", "fr": "{n}\u00a0personnes"},
    "period_source": {"nl": "Looptijd en bron", "fr": "Période et source"},
    "details": {"nl": "uitsplitsing", "fr": "ventilation"},
    "website": {"nl": "website", "fr": "site web"},
    "changes_one": {"nl": "{n} wijziging", "fr": "{n}\u00a0modification"},
    "changes_other": {"nl": "{n} wijzigingen", "fr": "{n}\u00a0modifications"},
    # web editor (/admin/): its preview pane
    "editor_preview_live": {
        "nl": "Zo toont de site deze fiche, in elke taal van de site, met wat nu in het formulier staat (nog niet "
              "opgeslagen).",
        "fr": "Voici la fiche telle que le site l'affichera, dans chaque langue du site, avec le contenu actuel du "
              "formulaire (pas encore enregistré)."},
    "editor_preview_published": {
        "nl": "Zo toont de site deze fiche vandaag (de gepubliceerde versie). Uw wijzigingen verschijnen pas op de "
              "site nadat het voorstel nagekeken en samengevoegd is; een nieuwe fiche heeft tot dan geen pagina.",
        "fr": "Voici la fiche telle que le site l'affiche aujourd'hui (version publiée). Vos modifications "
              "n'apparaîtront sur le site qu'après relecture et fusion de la proposition ; d'ici là, une nouvelle "
              "fiche n'a pas de page."},
    "editor_preview_problems": {"nl": "Zo kan de fiche niet gepubliceerd worden:",
                                "fr": "La fiche ne peut pas être publiée en l'état :"},
    "editor_preview_unavailable": {
        "nl": "Geen voorbeeld: de lokale server van de editor antwoordt niet (start hem met KB_EDITOR=1 bash "
              "scripts/serve.sh).",
        "fr": "Pas d'aperçu : le serveur local de l'éditeur ne répond pas (lancez-le avec KB_EDITOR=1 bash "
              "scripts/serve.sh)."},
    # web editor (/admin/): what a form field says when its value has the wrong form (the validator's own words
    # come on saving, from the proxy); {forms}, {example}, {schemes} are filled in from the schema
    "editor_form_date": {"nl": "schrijf een datum als {forms}", "fr": "écrivez une date sous la forme {forms}"},
    "editor_form_pattern": {"nl": "heeft niet de juiste vorm{example}", "fr": "n'a pas la forme attendue{example}"},
    "editor_form_example": {"nl": " (bv. {example})", "fr": " (p.\u00a0ex. {example})"},
    "editor_form_url": {"nl": "een link begint met {schemes}", "fr": "un lien commence par {schemes}"},
    "editor_form_email": {"nl": "is geen e-mailadres", "fr": "n'est pas une adresse e-mail"},
    # its toolbar: saving writes the file (a draft stays a draft), so it never says "publish"
    "editor_save": {"nl": "Bewaren", "fr": "Enregistrer"},
    "editor_save_now": {"nl": "Nu bewaren", "fr": "Enregistrer maintenant"},
    "editor_saving": {"nl": "Bewaren…", "fr": "Enregistrement…"},
    "editor_saved": {"nl": "Bewaard", "fr": "Enregistré"},
    "editor_save_refused": {"nl": "Niet bewaard: de validator weigert deze fiche.",
                            "fr": "Non enregistré : le validateur refuse cette fiche."},
    # web editor: a save refused, nothing written (cms_yaml.SaveRefused; {detail} is YAML's own words or a field)
    "editor_refused_file_unreadable": {
        "nl": "Niet bewaard: het bestand van deze fiche is geen leesbare YAML ({detail}). De editor overschrijft "
              "het niet met wat het formulier ervan kon tonen; verbeter eerst het bestand (python -m "
              "scripts.validate toont waar).",
        "fr": "Non enregistré\u00a0: le fichier de cette fiche n'est pas du YAML lisible ({detail}). L'éditeur ne "
              "le remplace pas par ce que le formulaire a pu en afficher\u00a0; corrigez d'abord le fichier "
              "(python -m scripts.validate indique où)."},
    "editor_refused_form_unreadable": {
        "nl": "Niet bewaard: wat de editor doorstuurde is geen fiche ({detail}).",
        "fr": "Non enregistré\u00a0: ce que l'éditeur a transmis n'est pas une fiche ({detail})."},
    "editor_refused_alias": {
        "nl": "Niet bewaard: YAML-ankers en -aliassen (&naam / *naam) zijn niet toegelaten; schrijf elke waarde "
              "voluit.",
        "fr": "Non enregistré\u00a0: les ancres et alias YAML (&nom / *nom) ne sont pas admis\u00a0; écrivez "
              "chaque valeur en entier."},
    "editor_refused_too_big": {
        "nl": "Niet bewaard: de fiche is groter dan {detail} bytes.",
        "fr": "Non enregistré\u00a0: la fiche dépasse {detail}\u00a0octets."},
    "editor_refused_round_trip": {
        "nl": "Niet bewaard: het bestand zou bij het teruglezen niet bevatten wat u schreef ({detail}). Er is "
              "niets gewijzigd; meld dit aan de beheerders van de kennisbank.",
        "fr": "Non enregistré\u00a0: à la relecture, le fichier ne contiendrait pas ce que vous avez écrit "
              "({detail}). Rien n'a été modifié\u00a0; signalez-le aux gestionnaires de la base de "
              "connaissances."},
    # page frame: print footer, 404 page
    "printed_on": {"nl": "Afgedrukt op {date}", "fr": "Imprimé le {date}"},
    "not_found_title": {"nl": "Pagina niet gevonden", "fr": "Page introuvable"},
    "not_found_text": {"nl": "Op dit adres staat geen pagina (meer). Misschien is de fiche hernoemd of is het adres "
                             "onvolledig. Zoek met het zoekveld bovenaan, of begin hier:",
                       "fr": "Aucune page ne se trouve (plus) à cette adresse. La fiche a peut-être été renommée ou "
                             "l'adresse est incomplète. Utilisez la recherche en haut de la page ou commencez "
                             "ici\u00a0:"},
    "not_found_catalogue": {"nl": "Catalogus van de fiches", "fr": "Catalogue des fiches"},
    "not_found_suggest": {"nl": "Zocht u misschien deze fiche?", "fr": "Cherchiez-vous cette fiche ?"},
    "not_found_home": {"nl": "Startpagina van de kennisbank", "fr": "Page d'accueil de la base de connaissances"},
    # the whole guide on one page (fiches/gids/)
    "guide_title": {"nl": "De hele gids", "fr": "Le guide complet"},
    "guide_intro_one": {"nl": "De enige gepubliceerde fiche van de kennisbank in één document, om te lezen, af te "
                              "drukken of als PDF te bewaren. Stand van de kennisbank: {date}.",
                        "fr": "L'unique fiche publiée de la base de connaissances en un seul document, à lire, à "
                              "imprimer ou à enregistrer en PDF. État de la base de connaissances\u00a0: {date}."},
    "guide_intro_other": {"nl": "Alle {n} gepubliceerde fiches van de kennisbank in één document, om te lezen, af te "
                                "drukken of als PDF te bewaren. Stand van de kennisbank: {date}.",
                          "fr": "Les {n}\u00a0fiches publiées de la base de connaissances en un seul document, à "
                                "lire, à imprimer ou à enregistrer en PDF. État de la base de connaissances\u00a0: "
                                "{date}."},
    "guide_print": {"nl": "Afdrukken of als PDF bewaren", "fr": "Imprimer ou enregistrer en PDF"},
    "guide_print_hint": {"nl": "Elke fiche begint op een nieuwe bladzijde (A4).",
                         "fr": "Chaque fiche commence sur une nouvelle page (A4)."},
    "guide_contents": {"nl": "Inhoud", "fr": "Sommaire"},
    "guide_back": {"nl": "Terug naar de inhoud", "fr": "Retour au sommaire"},
    "guide_fiche_page": {"nl": "Deze fiche op haar eigen pagina", "fr": "Cette fiche sur sa propre page"},
    "guide_link": {"nl": "De hele gids op één pagina (om af te drukken)",
                   "fr": "Le guide complet sur une page (à imprimer)"},
    "guide_running": {"nl": "Kennisbank sociale activering van nieuwkomers – stand van {date}",
                      "fr": "Base de connaissances activation sociale des primo-arrivants – état au {date}"},
    # Atom feed per language (scripts/site/feed.py)
    "feed_title": {"nl": "Kennisbank sociale activering nieuwkomers: nieuwe en bijgewerkte fiches",
                   "fr": "Base de connaissances activation sociale des primo-arrivants : fiches nouvelles et mises "
                         "à jour"},
    "feed_subtitle": {"nl": "Elke gepubliceerde fiche, met de datum van haar eerste publicatie en van haar laatste "
                            "wijziging.",
                      "fr": "Chaque fiche publiée, avec la date de sa première publication et de sa dernière "
                            "modification."},
    "feed_author": {"nl": "Lerend netwerk sociale activering van nieuwkomers",
                    "fr": "Réseau d'apprentissage sur l'activation sociale des primo-arrivants"},
    "feed_link": {"nl": "Volg nieuwe en bijgewerkte fiches (Atom-feed)",
                  "fr": "Suivre les fiches nouvelles et mises à jour (flux Atom)"},
    # footer (every page): the statements and the colophon
    "footer_about": {"nl": "Over deze site", "fr": "À propos de ce site"},
    "footer_accessibility": {"nl": "Toegankelijkheidsverklaring", "fr": "Déclaration d'accessibilité"},
    "footer_privacy": {"nl": "Privacyverklaring", "fr": "Déclaration de confidentialité"},
    "footer_colophon": {"nl": "Colofon", "fr": "Colophon"},
    # accessibility statement (facts from docs/_data/statements.yml)
    "not_yet_stated": {"nl": "nog niet vermeld", "fr": "pas encore précisé"},
    # while statements.yml names no publisher: the site as it presents itself (home page, colophon), no guess
    "publisher_unstated": {"nl": "Het lerend netwerk rond sociale activering van nieuwkomers van de POD "
                                 "Maatschappelijke Integratie",
                           "fr": "Le réseau d'apprentissage sur l'activation sociale des primo-arrivants du SPP "
                                 "Intégration sociale"},
    "a11y_intro": {"nl": "{publisher} wil deze website toegankelijk maken, overeenkomstig de wet van 19 juli 2018 "
                         "inzake de toegankelijkheid van de websites en mobiele applicaties van overheidsinstanties. "
                         "Deze verklaring geldt voor de hele kennisbank, in het Nederlands en in het Frans.",
                   "fr": "{publisher} s'engage à rendre ce site accessible, conformément à la loi du 19 juillet 2018 "
                         "relative à l'accessibilité des sites internet et des applications mobiles des organismes "
                         "du secteur public. Cette déclaration s'applique à toute la base de connaissances, en "
                         "français et en néerlandais."},
    "a11y_status_title": {"nl": "Nalevingsstatus", "fr": "État de conformité"},
    "a11y_status_full": {"nl": "Deze website is volledig conform met {standard} ({wcag}, niveau {level}).",
                         "fr": "Ce site est entièrement conforme à la norme {standard} ({wcag}, niveau {level})."},
    "a11y_status_partial": {"nl": "Deze website is gedeeltelijk conform met {standard} ({wcag}, niveau {level}), "
                                  "wegens de uitzonderingen hieronder.",
                            "fr": "Ce site est partiellement conforme à la norme {standard} ({wcag}, niveau "
                                  "{level}), en raison des exceptions énumérées ci-dessous."},
    "a11y_status_none": {"nl": "Deze website is niet conform met {standard} ({wcag}, niveau {level}).",
                         "fr": "Ce site n'est pas conforme à la norme {standard} ({wcag}, niveau {level})."},
    "a11y_exceptions_title": {"nl": "Niet-toegankelijke inhoud", "fr": "Contenu non accessible"},
    "a11y_exceptions_intro": {"nl": "De volgende inhoud is niet toegankelijk, of de toegankelijkheid ervan is niet "
                                    "aangetoond:",
                              "fr": "Le contenu suivant n'est pas accessible, ou son accessibilité n'est pas "
                                    "démontrée :"},
    "a11y_method_title": {"nl": "Opstelling van deze verklaring", "fr": "Établissement de cette déclaration"},
    "a11y_dates": {"nl": "Deze verklaring werd opgesteld op {prepared}. De laatste controle gebeurde op {checked}.",
                   "fr": "Cette déclaration a été établie le {prepared}. Le dernier contrôle a eu lieu le {checked}."},
    "a11y_method": {"nl": "Methode: zelfbeoordeling door wie de site bouwt, geen onafhankelijke audit.",
                    "fr": "Méthode : auto-évaluation par l'équipe qui construit le site, pas d'audit indépendant."},
    "a11y_automated": {"nl": "Automatisch nagekeken met axe-core {version} (de regels van WCAG 2.1, niveau A en "
                             "AA), in beide talen, bij elke testrun:",
                       "fr": "Vérifié automatiquement avec axe-core {version} (les règles des WCAG 2.1, niveaux A "
                             "et AA), dans les deux langues, à chaque exécution des tests :"},
    "a11y_automated_result": {"nl": "Resultaat: geen enkele overtreding; elke nieuwe overtreding doet de tests "
                                    "falen.",
                              "fr": "Résultat : aucune violation ; toute nouvelle violation fait échouer les tests."},
    "a11y_manual": {"nl": "Met de hand nagekeken in de browser:", "fr": "Vérifié manuellement dans le navigateur :"},
    "a11y_feedback_title": {"nl": "Feedback en contactgegevens", "fr": "Retour d'information et coordonnées"},
    "a11y_feedback": {"nl": "Ondervindt u een toegankelijkheidsprobleem op deze site, of hebt u inhoud in een andere "
                            "vorm nodig? Laat het weten.",
                      "fr": "Vous rencontrez un problème d'accessibilité sur ce site ou vous avez besoin d'un contenu "
                            "sous une autre forme ? Faites-le savoir."},
    "contact_label": {"nl": "Contact", "fr": "Contact"},
    "email_label": {"nl": "E-mail", "fr": "Courriel"},
    "a11y_complaint_title": {"nl": "Handhavingsprocedure", "fr": "Procédure de recours"},
    "a11y_complaint": {"nl": "Krijgt u geen antwoord, of bent u niet tevreden met het antwoord, dan kunt u een klacht "
                             "indienen.",
                       "fr": "Si vous ne recevez pas de réponse ou si la réponse ne vous satisfait pas, vous pouvez "
                             "introduire une plainte."},
    "competent_body": {"nl": "Bevoegde instantie", "fr": "Instance compétente"},
    # privacy statement
    "privacy_intro": {"nl": "Wat deze site over u bewaart en wie u daarover kunt aanspreken.",
                      "fr": "Ce que ce site conserve à votre sujet et à qui vous adresser."},
    "privacy_browser_title": {"nl": "Wat de site in uw browser bewaart",
                              "fr": "Ce que le site conserve dans votre navigateur"},
    "privacy_browser": {"nl": "Niets. De site plaatst geen cookies en schrijft niets in de opslag van uw browser "
                              "(localStorage, sessionStorage). Zoals bij elke site bewaart uw browser alleen de "
                              "pagina's in zijn cache.",
                        "fr": "Rien. Le site ne dépose aucun cookie et n'écrit rien dans le stockage de votre "
                              "navigateur (localStorage, sessionStorage). Comme pour tout site, votre navigateur "
                              "conserve seulement les pages dans son cache."},
    "privacy_third_title": {"nl": "Geen derden, geen statistieken", "fr": "Pas de tiers, pas de statistiques"},
    "privacy_third": {"nl": "Alles wat een pagina laadt (scripts, stijlbladen, zoekindex, grafieken, kaart) komt van "
                            "deze site zelf, en de site gebruikt de lettertypen van uw toestel: uw browser maakt geen "
                            "verbinding met servers van derden. De site gebruikt "
                            "geen analyse- of statistiekdiensten en geen knoppen van sociale netwerken. Volgt u een "
                            "link naar een andere site, dan gelden daar de regels van die site.",
                      "fr": "Tout ce qu'une page charge (scripts, feuilles de style, index de recherche, graphiques, "
                            "carte) provient de ce site lui-même, et le site utilise les polices de votre appareil : "
                            "votre navigateur ne se connecte à aucun serveur tiers. Le site n'utilise aucun "
                            "service d'analyse ou de statistiques ni de boutons de réseaux sociaux. Si vous suivez "
                            "un lien vers un autre site, ce sont les règles de ce site qui s'appliquent."},
    "privacy_search_title": {"nl": "Zoeken en filteren", "fr": "Recherche et filtres"},
    "privacy_search": {"nl": "De zoekfunctie werkt in uw browser: de woorden die u typt, worden niet verstuurd; uw "
                             "browser haalt alleen delen van de zoekindex van deze site op. De filters van de "
                             "catalogus, de fiches die u kiest om te vergelijken en het zoekveld van de startpagina "
                             "staan wel in het adres van de pagina (na het vraagteken); wie zo'n adres opent, "
                             "stuurt het, zoals elk adres, naar de server.",
                       "fr": "La recherche fonctionne dans votre navigateur : les mots que vous tapez ne sont pas "
                             "envoyés ; votre navigateur télécharge seulement des parties de l'index de recherche de "
                             "ce site. Les filtres du catalogue, les fiches choisies pour la comparaison et le champ "
                             "de recherche de la page d'accueil figurent en revanche dans l'adresse de la page (après "
                             "le point d'interrogation) ; ouvrir une telle adresse l'envoie au serveur, comme toute "
                             "adresse."},
    "privacy_host_title": {"nl": "Wat de server registreert", "fr": "Ce que le serveur enregistre"},
    "privacy_host": {"nl": "De site bestaat uit vaste bestanden. Zoals elke webserver houdt de server die ze "
                           "aanbiedt doorgaans per verzoek een logboek bij: het IP-adres, datum en tijd, het gevraagde "
                           "adres, het type browser en de pagina waar u vandaan kwam. Wat de webhost bewaart en "
                           "hoelang, staat in de privacyverklaring van de webhost.",
                     "fr": "Le site est composé de fichiers statiques. Comme tout serveur web, le serveur qui les "
                           "diffuse tient en général un journal de chaque requête : l'adresse IP, la date et l'heure, "
                           "l'adresse demandée, le type de navigateur et la page d'où vous venez. Ce que l'hébergeur "
                           "conserve, et pendant combien de temps, figure dans sa propre déclaration de "
                           "confidentialité."},
    "privacy_host_label": {"nl": "Webhost", "fr": "Hébergeur"},
    "privacy_host_policy": {"nl": "privacyverklaring van de webhost", "fr": "déclaration de confidentialité de "
                                                                         "l'hébergeur"},
    "privacy_contacts_title": {"nl": "Contactgegevens in de fiches", "fr": "Coordonnées dans les fiches"},
    "privacy_contacts": {"nl": "De fiches vermelden alleen contactgegevens van organisaties (een algemeen adres, "
                               "telefoonnummer, e-mailadres of website), nooit namen van medewerkers.",
                         "fr": "Les fiches ne mentionnent que les coordonnées d'organisations (adresse, téléphone, "
                               "courriel ou site web généraux), jamais de noms de membres du personnel."},
    "privacy_editor_title": {"nl": "De webeditor", "fr": "L'éditeur web"},
    "privacy_editor": {"nl": "De webeditor (/admin/) is alleen bedoeld voor wie fiches schrijft. Hij bewaart uw "
                             "aanmelding en nog niet opgeslagen wijzigingen in de opslag van uw browser. Op een "
                             "gehoste editor meldt u zich aan bij het platform waar de fiches staan (GitHub of "
                             "GitLab); daar gelden de regels van dat platform.",
                       "fr": "L'éditeur web (/admin/) est destiné uniquement aux rédacteurs de fiches. Il conserve "
                             "votre connexion et les modifications non encore enregistrées dans le stockage de votre "
                             "navigateur. Sur un éditeur hébergé, vous vous connectez à la plateforme où se trouvent "
                             "les fiches (GitHub ou GitLab) ; ce sont alors les règles de cette plateforme qui "
                             "s'appliquent."},
    "privacy_questions_title": {"nl": "Vragen en klachten", "fr": "Questions et plaintes"},
    "privacy_questions": {"nl": "Met vragen over deze verklaring of over uw gegevens kunt u terecht bij:",
                          "fr": "Pour toute question sur cette déclaration ou sur vos données, adressez-vous à :"},
    "privacy_complaint": {"nl": "U kunt ook een klacht indienen bij de toezichthouder.",
                          "fr": "Vous pouvez aussi introduire une plainte auprès de l'autorité de contrôle."},
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
    "csv_weekly_hours": {"nl": "Uren per week (getal)", "fr": "Heures par semaine (nombre)"},
    "csv_weekly_hours_qualifier": {"nl": "Uren per week: zoals de bron het zegt",
                                   "fr": "Heures par semaine : ce que dit la source"},
    "csv_module_weekly_hours": {"nl": "Uren per week per module (met basis: zoals de bron het zegt, berekend of "
                                      "tegenstrijdig)",
                                "fr": "Heures par semaine par module (selon la source, valeur calculée ou source "
                                      "contradictoire)"},
    "csv_total_fte": {"nl": "Totaal VTE (team)", "fr": "Total ETP (équipe)"},
    "csv_total_fte_min": {"nl": "Totaal VTE: laagste waarde in de bron",
                          "fr": "Total ETP : valeur la plus basse de la source"},
    "csv_total_fte_max": {"nl": "Totaal VTE: hoogste waarde in de bron",
                          "fr": "Total ETP : valeur la plus haute de la source"},
    "csv_conflicts": {"nl": "Tegenstrijdigheden in de bron", "fr": "Contradictions de la source"},
    "csv_budget_amount_eur": {"nl": "Budget (euro)", "fr": "Budget (euros)"},
    "csv_as_of": {"nl": "Situatie volgens de bron van", "fr": "Situation selon la source de"},
    "csv_period_state": {"nl": "Looptijd (zoals de site ze toont)", "fr": "Période (telle qu'affichée)"},
    "csv_budget_personnel_fte": {"nl": "VTE volgens budgetlijn", "fr": "ETP selon la ligne budgétaire"},
    "csv_funding": {"nl": "Financiering", "fr": "Financement"},
    "csv_lifecycle": {"nl": "Stand van zaken", "fr": "État"},
    "csv_period_start": {"nl": "Begin", "fr": "Début"},
    "csv_period_end": {"nl": "Einde", "fr": "Fin"},
    "csv_last_reviewed": {"nl": "Laatst nagekeken", "fr": "Dernière vérification"},
    "csv_url": {"nl": "Webpagina", "fr": "Page web"},
    # the search box (scripts/site/search_data.py → assets/search/<lang>.json); {…} are filled in the browser.
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
    "search_synonyms": {"nl": "Ook gezocht: {words}", "fr": "Recherche étendue à\u00a0: {words}"},
    # reading aids of issue 27: a module page's strip of its project, words marked after a search, the hint
    # beside a table wider than the screen, the competence overview's count near its checkboxes
    "project_facts": {"nl": "Het project in het kort", "fr": "L'essentiel du projet"},
    "menu": {"nl": "Menu", "fr": "Menu"},
    "overview_chosen_one": {"nl": "{n} module gekozen", "fr": "{n}\u00a0module choisi"},
    "overview_chosen_other": {"nl": "{n} modules gekozen", "fr": "{n}\u00a0modules choisis"},
    "overview_count_one": {"nl": "{n} competentie", "fr": "{n}\u00a0compétence"},
    "overview_count_other": {"nl": "{n} competenties", "fr": "{n}\u00a0compétences"},
    "overview_jump": {"nl": "naar het overzicht", "fr": "voir l'aperçu"},
    "overview_from": {"nl": "volgens {projects}", "fr": "selon {projects}"},
    "table_scroll": {"nl": "Schuif de tabel opzij voor alle kolommen →",
                     "fr": "Faites défiler le tableau pour voir toutes les colonnes →"},
}



# Typographic rules of a language, applied once to its interface strings (French: a no-break space before : ; ? !
# and inside guillemets), so no template or label can forget them.
TYPOGRAPHY = {"fr": typography.fix}


def typeset(text: str, lang: str) -> str:
    fixer = TYPOGRAPHY.get(lang)
    return fixer(text) if fixer and text else text


for _texts in LABELS.values():
    for _lang in list(_texts):
        _texts[_lang] = typeset(_texts[_lang], _lang)


def t(key: str, lang: str, **values) -> str:
    text = LABELS[key].get(lang) if key in LABELS else None
    if text is None:  # a language that brings its wording as data (languages.interface)
        text = data_labels(languages.current(), lang)[key]
    return text.format(**values) if values else text


@functools.lru_cache(maxsize=8)
def data_labels(langs: languages.Languages, lang: str) -> dict[str, str]:
    """The labels a language brings as data, typeset once; read when first asked for, never at import."""
    return {key: typeset(text, lang) for key, text in langs.interface(lang).get("labels", {}).items()}


def locale(lang: str) -> str:
    """Belgian conventions for every language of the site (nl_BE, fr_BE, de_BE)."""
    return f"{lang}_BE"


def plural(key: str, n: float, lang: str, **values) -> str:
    """The _one or _other form of a label, by the language's own plural rule (CLDR via Babel: in French
    0 and 1 are singular, in Dutch only 1)."""
    form = "one" if Locale.parse(locale(lang)).plural_form(n) == "one" else "other"
    return t(f"{key}_{form}", lang, n=number(n, lang), **values)


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
