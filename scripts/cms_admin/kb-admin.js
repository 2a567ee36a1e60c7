/* The web editor's glue (copied to site/admin/ by scripts/cms_hook.py).
 * - interface language NL or FR (?lang=fr, else the browser's language);
 * - the validator's wording for an empty required field;
 * - a preview that shows the fiche as the site renders it: the built page, both languages;
 * - the local proxy (scripts/cms_proxy.py) has no editorial workflow: on 127.0.0.1 saves go straight to fiches/.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var params = new URLSearchParams(window.location.search);
  var wanted = params.get("lang") || (navigator.language || "nl").slice(0, 2);
  var lang = wanted === "fr" ? "fr" : "nl";
  document.documentElement.lang = lang;

  // The validator's words for an empty required field (config.yml kb_messages, from scripts/problems.py),
  // in the reader's language, with the English that validate.py prints.
  function useValidatorWords(words) {
    var colon = lang === "fr" ? "\u00a0: " : ": ";
    var phrases = JSON.parse(JSON.stringify(CMS.getLocale(lang) || CMS.getLocale("en")));
    phrases.editor.editorControlPane.widget.required = "%{fieldLabel}" + colon + words[lang] + " (" + words.en + ")";
    CMS.registerLocale(lang, phrases);
  }

  var saves = 0;
  CMS.registerEventListener({ name: "postSave", handler: function () { saves += 1; } });

  var siteRoot = new URL("../", window.location.href);
  var LANGS = [
    { code: "nl", label: "Nederlands", path: "fiches/" },
    { code: "fr", label: "Français", path: "fr/fiches/" }
  ];
  var NOTE = {
    nl: "Zo toont de site deze fiche, in de twee talen (laatst opgeslagen versie; na het opslaan bouwt de site de pagina opnieuw). Een nieuwe fiche verschijnt hier na de eerste keer opslaan.",
    fr: "Voici la fiche telle que le site l'affiche, dans les deux langues (dernière version enregistrée\u00a0; après l'enregistrement, le site reconstruit la page). Une nouvelle fiche apparaît ici après le premier enregistrement."
  };

  function FichePreview(props) {
    var id = props.entry.getIn(["data", "id"]) || "";
    // A fiche not saved yet has no page: no frame (and no request for a page that is not there).
    var valid = !props.entry.get("newRecord") && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
    var children = [h("p", { key: "note", className: "kb-preview-note",
      style: { font: "14px/1.4 sans-serif", margin: "0 56px 8px 0" } }, NOTE[lang])];
    LANGS.forEach(function (l) {
      if (!valid) return;
      var src = new URL(l.path + id + "/?saved=" + saves, siteRoot).href;
      children.push(h("section", { key: l.code, "data-kb-preview": l.code, style: { marginBottom: "12px" } },
        h("h2", { style: { font: "bold 15px sans-serif", margin: "4px 0" } }, l.label),
        h("iframe", { src: src, title: l.label + ": " + id, lang: l.code,
          style: { width: "100%", height: "70vh", border: "1px solid #bbb" } })));
    });
    return h("div", { className: "kb-preview" }, children);
  }
  CMS.registerPreviewTemplate("fiches", FichePreview);

  // config.yml is JSON (which is YAML): read it here, so no server MIME type can get in the way.
  var local = ["127.0.0.1", "localhost", "[::1]"].indexOf(window.location.hostname) >= 0;
  fetch("config.yml", { credentials: "same-origin" }).then(function (response) {
    return response.text();
  }).then(function (text) {
    var config = JSON.parse(text.replace(/^#.*$/gm, ""));
    useValidatorWords(config.kb_messages.required);
    delete config.kb_messages;
    config.load_config_file = false;
    config.locale = lang;
    if (local) config.publish_mode = "simple";
    CMS.init({ config: config });
  });
})();
