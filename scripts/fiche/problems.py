"""Problem records, printed GCC style so editors can jump to them, in the reader's language.

A problem carries a message code and its parameters (a `Msg`); the wording lives in
MESSAGES, one template per language. English is the default (developers, CI logs);
`validate.py --lang nl|fr` prints the same records for coordinators. `message` always
holds the English text so that tools and tests have one stable string.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

MESSAGE_LANGS = ("en", "nl", "fr")

# One template per language; {name} are parameters, a parameter may itself be a Msg (rendered in the same
# language). French templates are written with ordinary spaces; the no-break space before : ; ? ! is added
# when the catalogue is loaded (French typography, see DEVELOPERS.md).
MESSAGES: dict[str, dict[str, str]] = {
    # -- bytes, encoding, syntax ------------------------------------------------------------------
    "too_big": {"en": "file is {size} bytes; the limit is {limit} bytes",
                "nl": "het bestand is {size} bytes; de grens is {limit} bytes",
                "fr": "le fichier fait {size} octets ; la limite est de {limit} octets"},
    "unreadable": {"en": "cannot read file: {reason}",
                   "nl": "bestand kan niet gelezen worden: {reason}",
                   "fr": "impossible de lire le fichier : {reason}"},
    "bom": {"en": "file starts with a UTF-8 byte order mark (BOM); accepted, but save it as UTF-8 without BOM "
                  "if your editor allows it",
            "nl": "het bestand begint met een UTF-8-bytevolgordemarkering (BOM); aanvaard, maar bewaar het als "
                  "UTF-8 zonder BOM als je editor dat toelaat",
            "fr": "le fichier commence par une marque d'ordre des octets UTF-8 (BOM) ; accepté, mais enregistrez-le "
                  "en UTF-8 sans BOM si votre éditeur le permet"},
    "not_utf8": {"en": "file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8",
                 "nl": "het bestand is geen geldige UTF-8 (byte 0x{byte}); bewaar het als UTF-8",
                 "fr": "le fichier n'est pas en UTF-8 valide (octet 0x{byte}) ; enregistrez-le en UTF-8"},
    "nul": {"en": "file contains NUL characters; is it a text file?",
            "nl": "het bestand bevat NUL-tekens; is het wel een tekstbestand?",
            "fr": "le fichier contient des caractères NUL ; est-ce bien un fichier texte ?"},
    "tab": {"en": "tab used for indentation; YAML needs spaces: write the line as {fixed}",
            "nl": "tab gebruikt om in te springen; YAML vraagt spaties: schrijf de regel als {fixed}",
            "fr": "tabulation utilisée pour l'indentation ; YAML exige des espaces : écrivez la ligne ainsi {fixed}"},
    "empty": {"en": "file is empty; a fiche is a YAML mapping (see new_fiche.py)",
              "nl": "het bestand is leeg; een fiche is een YAML-mapping (zie new_fiche.py)",
              "fr": "le fichier est vide ; une fiche est un mapping YAML (voir new_fiche.py)"},
    "no_document": {"en": "file holds no YAML document",
                    "nl": "het bestand bevat geen YAML-document",
                    "fr": "le fichier ne contient aucun document YAML"},
    # {what}: what is wrong in the coordinator's words (one of the syntax_* messages), never PyYAML's English.
    "syntax": {"en": "YAML syntax: {what}{hint}",
               "nl": "YAML-syntaxis: {what}{hint}",
               "fr": "syntaxe YAML : {what}{hint}"},
    "syntax_quote": {"en": "a quotation mark opens here but is never closed; close it on the same line",
                     "nl": "een aanhalingsteken wordt hier geopend maar niet gesloten; sluit het op dezelfde regel",
                     "fr": "un guillemet est ouvert ici mais jamais fermé ; fermez-le sur la même ligne"},
    "syntax_flow": {"en": "a {{ or [ opens here but is never closed, or a comma is missing between two values",
                    "nl": "een {{ of [ wordt hier geopend maar niet gesloten, of er ontbreekt een komma tussen twee "
                          "waarden",
                    "fr": "une {{ ou un [ est ouvert ici mais jamais fermé, ou une virgule manque entre deux valeurs"},
    "syntax_no_colon": {"en": "this line has no colon: write `field: value`, or indent the rest of a text like the "
                               "line above",
                        "nl": "deze regel heeft geen dubbelpunt: schrijf `veld: waarde`, of laat een tekst die "
                              "doorloopt even ver inspringen als de regel erboven",
                        "fr": "cette ligne n'a pas de deux-points : écrivez `champ: valeur`, ou indentez la suite "
                              "d'un texte comme la ligne du dessus"},
    "syntax_start_char": {"en": "a value cannot start with {char}: put the value in quotes",
                          "nl": "een waarde kan niet beginnen met {char}: zet de waarde tussen aanhalingstekens",
                          "fr": "une valeur ne peut pas commencer par {char} : mettez la valeur entre guillemets"},
    "syntax_colon": {"en": "a colon where no new field can start: put a text containing ': ' in quotes, or check "
                           "that the line is indented like the lines next to it",
                     "nl": "een dubbelpunt waar geen nieuw veld kan beginnen: zet een tekst met ': ' tussen "
                           "aanhalingstekens, of controleer of de regel even ver inspringt als de regels ernaast",
                     "fr": "un deux-points là où aucun champ ne peut commencer : mettez un texte contenant « : » "
                           "entre guillemets, ou vérifiez que la ligne est indentée comme ses voisines"},
    "syntax_indent": {"en": "this line is indented differently from the lines above it",
                      "nl": "deze regel springt anders in dan de regels erboven",
                      "fr": "l'indentation de cette ligne ne correspond pas à celle des lignes du dessus"},
    "syntax_other": {"en": "the file cannot be read here; check indentation, quotes and brackets",
                     "nl": "het bestand kan hier niet gelezen worden; controleer inspringing, aanhalingstekens en "
                           "haakjes",
                     "fr": "le fichier ne peut pas être lu ici ; vérifiez l'indentation, les guillemets et les "
                           "accolades"},
    "indent": {"en": "this line starts in column {found}, the lines around it in column {expected}: write it as "
                     "{fixed}",
               "nl": "deze regel begint in kolom {found}, de regels eromheen in kolom {expected}: schrijf hem als "
                     "{fixed}",
               "fr": "cette ligne commence en colonne {found}, les lignes voisines en colonne {expected} : "
                     "écrivez-la ainsi {fixed}"},
    "syntax_colon_hint": {
        "en": "; a text containing ': ' must be in quotes: {fixed}",
        "nl": "; een tekst met ': ' erin moet tussen aanhalingstekens: {fixed}",
        "fr": "; un texte contenant « : » doit être entre guillemets : {fixed}"},
    "syntax_unchecked": {
        "en": "the lines after this error could not be checked; fix it and validate again",
        "nl": "de regels na deze fout konden niet gecontroleerd worden; verbeter ze en valideer opnieuw",
        "fr": "les lignes après cette erreur n'ont pas pu être contrôlées ; corrigez-la et validez à nouveau"},
    "multi_doc": {"en": "file holds more than one YAML document (---); one fiche per file",
                  "nl": "het bestand bevat meer dan één YAML-document (---); één fiche per bestand",
                  "fr": "le fichier contient plus d'un document YAML (---) ; une fiche par fichier"},
    "control": {"en": "control characters are not allowed in YAML: U+{code}; remove it",
                "nl": "controletekens zijn niet toegelaten in YAML: U+{code}; verwijder het",
                "fr": "les caractères de contrôle ne sont pas admis en YAML : U+{code} ; supprimez-le"},
    "control_escape": {"en": "control character U+{code} (written as an escape in quotes) is not allowed; remove it",
                       "nl": "controleteken U+{code} (als escape tussen aanhalingstekens) is niet toegelaten; "
                             "verwijder het",
                       "fr": "le caractère de contrôle U+{code} (écrit comme échappement entre guillemets) n'est pas "
                             "admis ; supprimez-le"},
    "yaml_error": {"en": "YAML error: {detail}", "nl": "YAML-fout: {detail}", "fr": "erreur YAML : {detail}"},
    "too_deep": {"en": "YAML nesting is too deep", "nl": "YAML is te diep genest",
                 "fr": "l'imbrication YAML est trop profonde"},
    "alias": {"en": "YAML anchors and aliases (&name / *name) are not allowed; write the value out",
              "nl": "YAML-ankers en -aliassen (&naam / *naam) zijn niet toegelaten; schrijf de waarde voluit",
              "fr": "les ancres et alias YAML (&nom / *nom) ne sont pas admis ; écrivez la valeur en entier"},
    "tag": {"en": "YAML tag {tag} is not allowed", "nl": "YAML-tag {tag} is niet toegelaten",
            "fr": "la balise YAML {tag} n'est pas admise"},
    # -- structure ------------------------------------------------------------------------------
    "not_mapping": {"en": "a fiche must be a YAML mapping of fields, got {kind}",
                    "nl": "een fiche moet een YAML-mapping van velden zijn, niet {kind}",
                    "fr": "une fiche doit être un mapping YAML de champs, pas {kind}"},
    "kind_list": {"en": "a list", "nl": "een lijst", "fr": "une liste"},
    "kind_mapping": {"en": "a mapping", "nl": "een mapping", "fr": "un mapping"},
    "kind_scalar": {"en": "a single value", "nl": "één enkele waarde", "fr": "une valeur isolée"},
    "kind_empty": {"en": "nothing (empty value)", "nl": "niets (lege waarde)", "fr": "rien (valeur vide)"},
    "expected": {"en": "expected {wanted}, got {got}", "nl": "verwacht: {wanted}, gekregen: {got}",
                 "fr": "attendu : {wanted}, reçu : {got}"},
    "want_mapping": {"en": "a mapping of fields", "nl": "een mapping van velden", "fr": "un mapping de champs"},
    "want_list": {"en": "a list (lines starting with '- ')", "nl": "een lijst (regels die beginnen met '- ')",
                  "fr": "une liste (lignes commençant par « - »)"},
    "want_text2": {"en": "a text in both languages, e.g. {{nl: ..., fr: ...}}",
                   "nl": "een tekst in beide talen, bv. {{nl: ..., fr: ...}}",
                   "fr": "un texte dans les deux langues, p. ex. {{nl: ..., fr: ...}}"},
    "want_text": {"en": "text", "nl": "tekst", "fr": "du texte"},
    "want_short": {"en": "a short text", "nl": "een korte tekst", "fr": "un texte court"},
    "want_number": {"en": "a number", "nl": "een getal", "fr": "un nombre"},
    "want_one_of": {"en": "one of {values}", "nl": "een van {values}", "fr": "une valeur parmi {values}"},
    "want_date": {"en": "a date (YYYY-MM-DD)", "nl": "een datum (JJJJ-MM-DD)", "fr": "une date (AAAA-MM-JJ)"},
    "want_url": {"en": "a web address", "nl": "een webadres", "fr": "une adresse web"},
    "want_email": {"en": "an e-mail address", "nl": "een e-mailadres", "fr": "une adresse e-mail"},
    "key_not_word": {"en": "keys must be plain words", "nl": "sleutels moeten gewone woorden zijn",
                     "fr": "les clés doivent être des mots simples"},
    "duplicate_key": {"en": "duplicate key (first defined on line {line}); YAML would silently keep only the last one",
                      "nl": "dubbele sleutel (eerst op regel {line}); YAML zou stilzwijgend alleen de laatste houden",
                      "fr": "clé en double (définie d'abord à la ligne {line}) ; YAML ne garderait que la dernière, "
                            "sans rien dire"},
    "unknown_field": {"en": "unknown field{hint}; allowed here: {allowed}",
                      "nl": "onbekend veld{hint}; hier toegelaten: {allowed}",
                      "fr": "champ inconnu{hint} ; admis ici : {allowed}"},
    "did_you_mean": {"en": " (did you mean {name}?)", "nl": " (bedoel je {name}?)",
                     "fr": " (vouliez-vous dire {name} ?)"},
    "required_empty": {"en": "required field is empty", "nl": "verplicht veld is leeg",
                       "fr": "le champ obligatoire est vide"},
    "empty_value": {"en": "empty value; fill it in or remove the field",
                    "nl": "lege waarde; vul ze in of verwijder het veld",
                    "fr": "valeur vide ; complétez-la ou supprimez le champ"},
    "required_missing": {"en": "required field is missing", "nl": "verplicht veld ontbreekt",
                         "fr": "le champ obligatoire manque"},
    "min_fields": {"en": "give at least one of: {names}", "nl": "geef minstens een van: {names}",
                   "fr": "indiquez au moins un des champs : {names}"},
    "needs_source": {"en": "say where this comes from: add {names}{tail}",
                     "nl": "zeg waar dit vandaan komt: voeg {names} toe{tail}",
                     "fr": "indiquez d'où cela vient : ajoutez {names}{tail}"},
    "needs_source_tail": {"en": "; a value the source does not give stays out",
                          "nl": "; een waarde die de bron niet geeft, blijft weg",
                          "fr": " ; une valeur que la source ne donne pas reste absente"},
    "min_items": {"en": "needs at least {count} item(s)", "nl": "heeft minstens {count} element(en) nodig",
                  "fr": "demande au moins {count} élément(s)"},
    "max_items": {"en": "has {count} items; at most {limit} are allowed",
                  "nl": "heeft {count} elementen; hoogstens {limit} zijn toegelaten",
                  "fr": "contient {count} éléments ; {limit} au maximum sont admis"},
    "empty_item": {"en": "empty list item", "nl": "leeg lijstelement", "fr": "élément de liste vide"},
    "listed_twice": {"en": "{value} is listed twice", "nl": "{value} staat er twee keer in",
                     "fr": "{value} figure deux fois"},
    # -- texts ----------------------------------------------------------------------------------
    "unknown_language": {"en": "unknown language{hint}; use {langs}", "nl": "onbekende taal{hint}; gebruik {langs}",
                         "fr": "langue inconnue{hint} ; utilisez {langs}"},
    "comma_trap": {"en": " (a comma inside {{nl: ..., fr: ...}} starts a new key: put the text in quotes)",
                   "nl": " (een komma binnen {{nl: ..., fr: ...}} begint een nieuwe sleutel: zet de tekst tussen "
                         "aanhalingstekens)",
                   "fr": " (une virgule dans {{nl: ..., fr: ...}} commence une nouvelle clé : mettez le texte entre "
                         "guillemets)"},
    "text_missing_both": {"en": "text missing in both languages (even a draft needs one)",
                          "nl": "tekst ontbreekt in beide talen (zelfs een ontwerp heeft er één nodig)",
                          "fr": "texte manquant dans les deux langues (même un brouillon en demande une)"},
    "translation_missing": {"en": "translation missing (allowed in a draft)",
                            "nl": "vertaling ontbreekt (toegelaten in een ontwerp)",
                            "fr": "traduction manquante (admis dans un brouillon)"},
    "text_missing": {"en": "text missing or empty in this language", "nl": "tekst ontbreekt of is leeg in deze taal",
                     "fr": "texte manquant ou vide dans cette langue"},
    "text_not_text": {"en": "expected text, got {value}; put it in quotes",
                      "nl": "tekst verwacht, gekregen: {value}; zet het tussen aanhalingstekens",
                      "fr": "texte attendu, reçu : {value} ; mettez-le entre guillemets"},
    "text_too_long": {"en": "text is {length} characters; the limit is {limit}",
                      "nl": "de tekst telt {length} tekens; de grens is {limit}",
                      "fr": "le texte compte {length} caractères ; la limite est de {limit}"},
    "single_line": {"en": "must be a single line", "nl": "moet op één regel staan", "fr": "doit tenir sur une ligne"},
    "raw_html": {"en": "raw HTML is not allowed in text; use Markdown (see the contributor guide)",
                 "nl": "HTML is niet toegelaten in tekst; gebruik Markdown (zie de gids voor bijdragers)",
                 "fr": "le HTML n'est pas admis dans le texte ; utilisez Markdown (voir le guide des "
                       "contributeurs)"},
    "autolink": {"en": "a link between < > is shown as literal text; write the address without < > or as "
                       "[text]({url})",
                 "nl": "een link tussen < > verschijnt letterlijk; schrijf het adres zonder < > of als [tekst]({url})",
                 "fr": "un lien entre < > s'affiche tel quel ; écrivez l'adresse sans < > ou sous la forme "
                       "[texte]({url})"},
    "bad_scheme": {"en": "'{scheme}:' links are not allowed; use http, https or mailto",
                   "nl": "'{scheme}:'-links zijn niet toegelaten; gebruik http, https of mailto",
                   "fr": "les liens « {scheme}: » ne sont pas admis ; utilisez http, https ou mailto"},
    "link_not_allowed": {"en": "link {target} not allowed; links must start with http://, https:// or mailto:",
                         "nl": "link {target} niet toegelaten; links beginnen met http://, https:// of mailto:",
                         "fr": "lien {target} refusé ; un lien commence par http://, https:// ou mailto:"},
    "invisible": {"en": "invisible character U+{code} ({name}) is not allowed: it can reverse or hide text; remove it",
                  "nl": "onzichtbaar teken U+{code} ({name}) is niet toegelaten: het kan tekst omkeren of verbergen; "
                        "verwijder het",
                  "fr": "le caractère invisible U+{code} ({name}) n'est pas admis : il peut inverser ou masquer du "
                        "texte ; supprimez-le"},
    "long_word": {"en": "word of {length} characters would break the layout: {start}…",
                  "nl": "woord van {length} tekens zou de opmaak breken: {start}…",
                  "fr": "un mot de {length} caractères casserait la mise en page : {start}…"},
    "list_after_text": {
        "en": "a list right after a line of text shows as literal '{marker}' characters; put an empty line before "
              "the list",
        "nl": "een lijst vlak na een tekstregel verschijnt als letterlijke '{marker}'-tekens; zet een lege regel "
              "voor de lijst",
        "fr": "une liste juste après une ligne de texte s'affiche avec des « {marker} » littéraux ; laissez une "
              "ligne vide avant la liste"},
    "list_too_deep": {"en": "a list nested {depth} levels deep cannot be shown; at most {limit} levels",
                      "nl": "een lijst die {depth} niveaus diep genest is, kan niet getoond worden; hoogstens "
                            "{limit} niveaus",
                      "fr": "une liste imbriquée sur {depth} niveaux ne peut pas être affichée ; {limit} niveaux "
                            "au maximum"},
    # -- scalars --------------------------------------------------------------------------------
    "str_too_long": {"en": "is {length} characters; the limit is {limit}",
                     "nl": "telt {length} tekens; de grens is {limit}",
                     "fr": "compte {length} caractères ; la limite est de {limit}"},
    "code_markup": {"en": "a short code takes no markup or line breaks; {char} is not allowed",
                    "nl": "een korte code bevat geen opmaak of regeleinden; {char} is niet toegelaten",
                    "fr": "un code court ne contient ni mise en forme ni saut de ligne ; {char} n'est pas admis"},
    "wrong_form": {"en": "{value} has the wrong form{example}", "nl": "{value} heeft niet de juiste vorm{example}",
                   "fr": "{value} n'a pas la bonne forme{example}"},
    "example": {"en": " (e.g. {example})", "nl": " (bv. {example})", "fr": " (p. ex. {example})"},
    "number_expected": {"en": "expected a number, got {value}{hint}", "nl": "getal verwacht, gekregen: {value}{hint}",
                        "fr": "nombre attendu, reçu : {value}{hint}"},
    "decimal_point": {"en": " (use a decimal point: {fixed})", "nl": " (gebruik een decimaal punt: {fixed})",
                      "fr": " (utilisez un point décimal : {fixed})"},
    "number_word": {"en": " (write {fixed} for '{word}')", "nl": " (schrijf {fixed} voor '{word}')",
                    "fr": " (écrivez {fixed} pour « {word} »)"},
    "thousands_in_string": {"en": " (write numbers without a thousands separator: {fixed})",
                            "nl": " (schrijf getallen zonder scheidingsteken voor duizendtallen: {fixed})",
                            "fr": " (écrivez les nombres sans séparateur de milliers : {fixed})"},
    "thousands_warning": {"en": "{value} is read as {read}; if you meant {meant}, write {meant} (no thousands "
                                "separator)",
                          "nl": "{value} wordt gelezen als {read}; bedoel je {meant}, schrijf dan {meant} (zonder "
                                "punt voor duizendtallen)",
                          "fr": "{value} est lu comme {read} ; si vous vouliez dire {meant}, écrivez {meant} (sans "
                                "séparateur de milliers)"},
    "not_finite": {"en": "expected a finite number, got {value}", "nl": "eindig getal verwacht, gekregen: {value}",
                   "fr": "nombre fini attendu, reçu : {value}"},
    "not_whole": {"en": "expected a whole number, got {value}", "nl": "geheel getal verwacht, gekregen: {value}",
                  "fr": "nombre entier attendu, reçu : {value}"},
    "out_of_range": {"en": "{value} is out of range; must be {op} {bound}",
                     "nl": "{value} valt buiten het bereik; moet {op} {bound} zijn",
                     "fr": "{value} est hors limites ; doit être {op} {bound}"},
    "enum_unknown": {"en": "{value} must be one of {values}{hint}", "nl": "{value} moet een van {values} zijn{hint}",
                     "fr": "{value} doit être une valeur parmi {values}{hint}"},
    "date_form": {"en": "expected a date as {forms}, got {value}",
                  "nl": "datum verwacht als {forms}, gekregen: {value}",
                  "fr": "date attendue sous la forme {forms}, reçu : {value}"},
    "forms_full": {"en": "YYYY-MM-DD", "nl": "JJJJ-MM-DD", "fr": "AAAA-MM-JJ"},
    "forms_partial": {"en": "YYYY, YYYY-MM or YYYY-MM-DD", "nl": "JJJJ, JJJJ-MM of JJJJ-MM-DD",
                      "fr": "AAAA, AAAA-MM ou AAAA-MM-JJ"},
    "not_real_date": {"en": "{value} is not a real date", "nl": "{value} is geen bestaande datum",
                      "fr": "{value} n'est pas une date réelle"},
    "url_scheme": {"en": "{value} is not allowed; a link must start with {schemes}",
                   "nl": "{value} is niet toegelaten; een link begint met {schemes}",
                   "fr": "{value} n'est pas admis ; un lien commence par {schemes}"},
    "personal_email": {"en": "{value} looks like a person's address; the site keeps organisation-level contact only: "
                             "give the service's general address (such as info@ or the service's name)",
                       "nl": "{value} lijkt het adres van een persoon; de site bewaart alleen contact op "
                             "organisatieniveau: geef het algemene adres van de dienst (zoals info@ of de naam van "
                             "de dienst)",
                       "fr": "{value} ressemble à l'adresse d'une personne ; le site ne garde que le contact de "
                             "l'organisation : indiquez l'adresse générale du service (comme info@ ou le nom du "
                             "service)"},
    "thousands_money": {"en": "{value} is read as {read} euro; write {meant} (no thousands separator)",
                        "nl": "{value} wordt gelezen als {read} euro; schrijf {meant} (zonder punt voor duizendtallen)",
                        "fr": "{value} est lu comme {read} euros ; écrivez {meant} (sans séparateur de milliers)"},
    "not_email": {"en": "{value} is not an e-mail address", "nl": "{value} is geen e-mailadres",
                  "fr": "{value} n'est pas une adresse e-mail"},
    "period_order": {"en": "the end ({end}) is before the start ({start})",
                     "nl": "het einde ({end}) ligt voor het begin ({start})",
                     "fr": "la fin ({end}) précède le début ({start})"},
    # -- files and folders ----------------------------------------------------------------------
    "stray": {"en": "not a fiche: fiches are .yml files", "nl": "geen fiche: fiches zijn .yml-bestanden",
              "fr": "pas une fiche : les fiches sont des fichiers .yml"},
    "no_such_path": {"en": "no such file or folder", "nl": "bestand of map bestaat niet",
                     "fr": "fichier ou dossier introuvable"},
    "symlink": {"en": "symbolic link (to {target}) is not read; put the fiche itself here",
                "nl": "symbolische link (naar {target}) wordt niet gelezen; zet de fiche zelf hier",
                "fr": "lien symbolique (vers {target}) non lu ; placez ici la fiche elle-même"},
    "not_a_file": {"en": "{what} named like a fiche is not read; fiches are ordinary .yml files",
                   "nl": "{what} met de naam van een fiche wordt niet gelezen; fiches zijn gewone .yml-bestanden",
                   "fr": "{what} portant un nom de fiche n'est pas lu ; les fiches sont des fichiers .yml ordinaires"},
    "what_folder": {"en": "a folder", "nl": "een map", "fr": "un dossier"},
    "what_special": {"en": "a special file", "nl": "een speciaal bestand", "fr": "un fichier spécial"},
    "yaml_extension": {"en": "fiche files end in .yml (rename the file)",
                       "nl": "fichebestanden eindigen op .yml (hernoem het bestand)",
                       "fr": "les fichiers de fiche se terminent par .yml (renommez le fichier)"},
    "id_filename": {"en": "id {id} must equal the file name {stem} (rename the file or fix the id)",
                    "nl": "id {id} moet gelijk zijn aan de bestandsnaam {stem} (hernoem het bestand of verbeter de id)",
                    "fr": "l'id {id} doit être identique au nom du fichier {stem} (renommez le fichier ou corrigez "
                          "l'id)"},
    "reserved_id": {"en": "id {id} is taken by the site's page {page}; choose another id",
                    "nl": "id {id} is al in gebruik door de pagina {page} van de site; kies een andere id",
                    "fr": "l'id {id} est déjà pris par la page {page} du site ; choisissez un autre id"},
    "module_twice": {"en": "module id {id} is used twice in this fiche",
                     "nl": "module-id {id} komt twee keer voor in deze fiche",
                     "fr": "l'id de module {id} apparaît deux fois dans cette fiche"},
    "id_used": {"en": "id {id} is already used by {other}", "nl": "id {id} is al in gebruik door {other}",
                "fr": "l'id {id} est déjà utilisé par {other}"},
    "related_self": {"en": "a fiche cannot be related to itself", "nl": "een fiche kan niet naar zichzelf verwijzen",
                     "fr": "une fiche ne peut pas être liée à elle-même"},
    "related_unknown": {"en": "no fiche with id {id}{hint}", "nl": "geen fiche met id {id}{hint}",
                        "fr": "aucune fiche avec l'id {id}{hint}"},
    "see_also_missing": {"en": "no page docs/{page} in any language", "nl": "geen pagina docs/{page} in welke taal ook",
                         "fr": "aucune page docs/{page}, dans aucune langue"},
    # -- the thesaurus (docs/_data/thesaurus.yml) -------------------------------------------------
    "thesaurus_list": {"en": "the thesaurus is a list of groups (- id: ..., nl: [...], fr: [...])",
                       "nl": "de thesaurus is een lijst van groepen (- id: ..., nl: [...], fr: [...])",
                       "fr": "le thésaurus est une liste de groupes (- id: ..., nl: [...], fr: [...])"},
    "thesaurus_group": {"en": "a group is a mapping with an id and a list of words per language",
                        "nl": "een groep is een mapping met een id en per taal een lijst van woorden",
                        "fr": "un groupe est un mapping avec un id et une liste de mots par langue"},
    "thesaurus_id": {"en": "expected a lowercase id such as woonzorgcentrum",
                     "nl": "verwacht een id in kleine letters, zoals woonzorgcentrum",
                     "fr": "id attendu en minuscules, par exemple woonzorgcentrum"},
    "thesaurus_id_twice": {"en": "id {id} is used twice", "nl": "id {id} komt twee keer voor",
                           "fr": "l'id {id} apparaît deux fois"},
    "thesaurus_key": {"en": "unknown key {key}; a group has an id, optionally glossary, and a list per language "
                            "({langs})",
                      "nl": "onbekende sleutel {key}; een groep heeft een id, eventueel glossary, en een lijst per "
                            "taal ({langs})",
                      "fr": "clé inconnue {key} ; un groupe a un id, éventuellement glossary, et une liste par "
                            "langue ({langs})"},
    "thesaurus_no_words": {"en": "a group needs words in at least one language ({langs})",
                           "nl": "een groep heeft woorden nodig in minstens één taal ({langs})",
                           "fr": "un groupe doit avoir des mots dans au moins une langue ({langs})"},
    "thesaurus_words": {"en": "expected a list of words: [word, other word]",
                        "nl": "verwacht een lijst van woorden: [woord, ander woord]",
                        "fr": "liste de mots attendue : [mot, autre mot]"},
    "thesaurus_word": {"en": "a word is plain text of at most {max} characters, without markup ({chars})",
                       "nl": "een woord is gewone tekst van hoogstens {max} tekens, zonder opmaak ({chars})",
                       "fr": "un mot est un texte simple d'au plus {max} caractères, sans balisage ({chars})"},
    "thesaurus_word_twice": {"en": "{word} is already in group {other}; a word belongs to one group",
                             "nl": "{word} staat al in groep {other}; een woord hoort bij één groep",
                             "fr": "{word} figure déjà dans le groupe {other} ; un mot appartient à un seul groupe"},
    "thesaurus_glossary": {"en": "no glossary entry with id {id}", "nl": "geen woordenlijstitem met id {id}",
                           "fr": "aucune entrée du glossaire avec l'id {id}"},
    # -- the glossary (docs/_data/glossary.yml) ---------------------------------------------------
    "glossary_not_list": {"en": "the glossary is a list of entries (lines starting with '- ')",
                          "nl": "de woordenlijst is een lijst van items (regels die beginnen met '- ')",
                          "fr": "le glossaire est une liste d'entrées (lignes commençant par « - »)"},
    "glossary_entry": {"en": "an entry is a mapping with id and one block per language",
                       "nl": "een item is een mapping met id en één blok per taal",
                       "fr": "une entrée est un mapping avec id et un bloc par langue"},
    "glossary_id": {"en": "expected a lowercase id such as ocmw or ila",
                    "nl": "verwacht: een id in kleine letters, zoals ocmw of ila",
                    "fr": "attendu : un id en minuscules, comme ocmw ou ila"},
    "glossary_duplicate": {"en": "duplicate id {value}", "nl": "dubbele id {value}", "fr": "id en double {value}"},
    "glossary_duplicate_term": {"en": "duplicate term {value}", "nl": "dubbele term {value}",
                                "fr": "terme en double {value}"},
    "glossary_block": {"en": "missing block ({parts})", "nl": "blok ontbreekt ({parts})",
                       "fr": "bloc manquant ({parts})"},
    "glossary_empty": {"en": "expected a non-empty text", "nl": "verwacht: een niet-lege tekst",
                       "fr": "attendu : un texte non vide"},
    "glossary_term": {
        "en": "a term is words joined by single spaces or & ' . - /, on one line; {char} is not allowed",
        "nl": "een term bestaat uit woorden, verbonden door één spatie of & ' . - /, op één regel; {char} is "
              "niet toegelaten",
        "fr": "un terme est fait de mots reliés par une seule espace ou par & ' . - /, sur une ligne ; {char} "
              "n'est pas admis"},
    "glossary_expansion": {
        "en": "an expansion is one line of plain text (shown as a tooltip); {char} is not allowed",
        "nl": "een voluit geschreven vorm is één regel gewone tekst (getoond als tooltip); {char} is niet "
              "toegelaten",
        "fr": "une forme développée est une ligne de texte simple (affichée en infobulle) ; {char} n'est pas "
              "admis"},
    # -- the summary line of validate.py ----------------------------------------------------------
    "summary_valid": {"en": "{fiches} fiche(s) valid, {warnings} warning(s)",
                      "nl": "{fiches} fiche(s) geldig, {warnings} waarschuwing(en)",
                      "fr": "{fiches} fiche(s) valide(s), {warnings} avertissement(s)"},
    "summary_errors": {"en": "{errors} error(s), {warnings} warning(s)",
                       "nl": "{errors} fout(en), {warnings} waarschuwing(en)",
                       "fr": "{errors} erreur(s), {warnings} avertissement(s)"},
    # -- words for places in a fiche ------------------------------------------------------------
    "and": {"en": " and ", "nl": " en ", "fr": " et "},
    "or": {"en": " or ", "nl": " of ", "fr": " ou "},
}

# Item nouns for the positions of list items ("role 1", "rol 1", "rôle 1"); other lists say "item 1".
ITEM = {"en": "item", "nl": "element", "fr": "élément"}


def _french(template: str) -> str:
    """No-break space before : ; ? ! (French typography), never inside a {parameter}."""
    template = re.sub(r" ([:;?!])(?=\s|$|\))", "\u00a0\\1", template)
    return template.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


for _templates in MESSAGES.values():
    _templates["fr"] = _french(_templates["fr"])


@dataclass(frozen=True)
class Msg:
    """A message code with its parameters; rendered in a language only when printed."""

    code: str
    params: tuple = ()

    def render(self, lang: str = "en") -> str:
        values = {key: _render_value(value, lang) for key, value in self.params}
        return MESSAGES[self.code].get(lang, MESSAGES[self.code]["en"]).format(**values)


def msg(_code: str, **params) -> Msg:
    if _code not in MESSAGES:
        raise KeyError(f"no message {_code!r}")
    return Msg(_code, tuple(params.items()))


def _render_value(value, lang: str) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Joined):
        return value.render(lang)
    return str(value)


@dataclass(frozen=True)
class Joined:
    """Words joined with commas and a final 'and'/'or' in the reader's language."""

    items: tuple
    last: str = "or"

    def render(self, lang: str) -> str:
        words = [_render_value(item, lang) for item in self.items]
        if len(words) < 2:
            return "".join(words)
        return ", ".join(words[:-1]) + MESSAGES[self.last][lang] + words[-1]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str  # the machine path, 0-based (staffing.roles[0].fte): stable for tools
    message: str  # English text
    severity: str = "error"
    text: Msg | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, file: str, line: int, col: int, path: str, text: Msg, severity: str = "error") -> Problem:
        return cls(file, line, col, path, text.render("en"), severity, text)

    @property
    def code(self) -> str:
        return self.text.code if self.text else ""

    def message_in(self, lang: str = "en") -> str:
        return self.text.render(lang) if self.text else self.message

    def where(self, lang: str = "en") -> str:
        return worded_path(self.field, lang)

    def format(self, lang: str = "en") -> str:
        where = f"{self.where(lang)}: " if self.field else ""
        severity = SEVERITY[self.severity][lang]
        return escape_controls(f"{self.file}:{self.line}:{self.col}: {severity}: {where}{self.message_in(lang)}")

    def record(self, lang: str = "en") -> dict:
        return {"file": self.file, "line": self.line, "col": self.col, "field": self.field,
                "message": self.message_in(lang), "severity": self.severity}

    def __str__(self) -> str:
        return self.format("en")


# The severity word stays `error`/`warning` in every language: editors and CI parse it (GCC style).
SEVERITY = {"error": dict.fromkeys(MESSAGE_LANGS, "error"), "warning": dict.fromkeys(MESSAGE_LANGS, "warning")}

_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def worded_path(path: str, lang: str = "en") -> str:
    """`staffing.roles[0].fte` → `staffing › role 1 › fte` (1-based, in the reader's words)."""
    from scripts.fiche.schema import ITEM_NOUNS  # the nouns are schema data

    parts: list[str] = []
    for index, key in _PATH_PART.findall(path):
        if key:
            parts.append(key)
        elif parts and parts[-1] in ITEM_NOUNS:
            parts[-1] = f"{ITEM_NOUNS[parts[-1]][lang]} {int(index) + 1}"
        else:
            parts.append(f"{ITEM[lang]} {int(index) + 1}")
    return " › ".join(parts)


def _escape_char(char: str) -> str:
    code = ord(char)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (f"\\x{code:02x}" if code < 0x100 else
                                                               f"\\u{code:04x}")


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                     r"\ufeff\ufff9-\ufffb]")


def escape_controls(text: str) -> str:
    """Control, line-separator and bidi characters as visible escapes: a file name or a value can
    never fake an output line or send terminal escapes."""
    return _UNSAFE.sub(lambda m: _escape_char(m.group(0)), text)


WORD_COMPARED = 60  # characters of a wrong value compared with the allowed ones (difflib is quadratic)


def did_you_mean(word: str, options) -> Msg | str:
    close = difflib.get_close_matches(str(word)[:WORD_COMPARED], list(options), n=1, cutoff=0.6)
    return msg("did_you_mean", name=close[0]) if close else ""


def closest_first(word: str, options, labels: dict | None = None) -> list[str]:
    """The allowed values, the few most like `word` first (closest first), then the others in the schema's order.

    `labels`: a value's names in each language ({"ocmw": {"nl": "OCMW", "fr": "CPAS"}}), so that `cpas` brings
    `ocmw` first."""
    options = list(options)
    names = {option.lower(): option for option in options}
    for option, texts in (labels or {}).items():
        for text in texts.values():
            names.setdefault(str(text).lower(), option)
    close = difflib.get_close_matches(str(word)[:WORD_COMPARED].lower(), list(names), n=8, cutoff=0.5)
    first = list(dict.fromkeys(names[name] for name in close))[:5]
    return first + [option for option in options if option not in first]


def format_problems(problems: list[Problem], as_json: bool = False, lang: str = "en") -> str:
    ordered = sorted(problems)
    if as_json:
        return json.dumps([p.record(lang) for p in ordered], ensure_ascii=False, indent=2)
    return "\n".join(p.format(lang) for p in ordered)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
