/* The web editor's glue (copied to site/admin/ by scripts/editor/hook.py). Everything language-specific comes
 * from config.yml (kb_messages, kb_preview: written from the schema and the interface texts at build time).
 * - interface language: ?lang=xx, else the browser's language, else the site's first language;
 * - the validator's wording for an empty required field;
 * - the preview pane, per site language:
 *   on this machine (local mode), the form's unsaved fiche rendered by the site's own templates through the
 *   local proxy (POST /preview, scripts/editor/preview.py), or the validator's messages;
 *   on a hosted editor, the published page (a saved change is a pull/merge request, not yet on the site);
 * - the local proxy has no editorial workflow: on 127.0.0.1 saves go straight to fiches/, so the toolbar says
 *   "save", never "publish" (a draft stays a draft), and a save the validator refuses is not made: its
 *   messages are shown instead (preSave asks the proxy, which also refuses such a file itself);
 * - labels, hints, choices and form messages in the interface language (kb_label, kb_hint, kb_pattern);
 * - numbers (kb-number): 0,5 and 0.5 alike, checked against the validator's range with its own words.
 */
(() => {
  "use strict";
  const CMS = window.CMS;
  const h = window.h;
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(window.location.hostname);
  const siteRoot = new URL("../", window.location.href);
  const WAIT_MS = 400; // typing pause before the live preview asks the proxy again
  const FRAME = { width: "100%", height: "70vh", border: "1px solid #bbb" };

  function pickLanguage(languages) {
    const params = new URLSearchParams(window.location.search);
    const codes = languages.map((l) => l.code);
    const wanted = [params.get("lang"), (navigator.language || "").slice(0, 2)];
    return languages[codes.indexOf(wanted.find((code) => codes.includes(code)))] || languages[0];
  }

  // The validator's words for an empty required field (from scripts/fiche/problems.py), in the reader's language;
  // a pattern's message is the field's own, in that language; on this machine, "save" instead of "publish".
  function useOwnWords(messages, ui) {
    const phrases = JSON.parse(JSON.stringify(CMS.getLocale(ui.code) || CMS.getLocale("en")));
    const widget = phrases.editor.editorControlPane.widget;
    widget.required = `%{fieldLabel}${ui.texts.colon} ${messages.required[ui.code] || messages.required.en}`;
    widget.regexPattern = `%{fieldLabel}${ui.texts.colon} %{pattern}`;
    if (local) {
      const words = messages.toolbar[ui.code];
      const toolbar = phrases.editor.editorToolbar;
      Object.assign(toolbar, { publish: words.save, publishNow: words.save_now, publishing: words.saving,
        published: words.saved });
      phrases.ui.toast.onFailToPersist = "%{details}";
    }
    CMS.registerLocale(ui.code, phrases);
  }

  // Labels, hints, choices and form messages of every field in the interface language.
  function localize(fields, code) {
    (fields || []).forEach((field) => {
      if (field.kb_label) field.label = field.kb_label[code] || field.label;
      if (field.kb_hint) field.hint = field.kb_hint[code] || field.hint;
      if (field.kb_pattern) field.pattern = [field.pattern[0], field.kb_pattern[code] || field.pattern[1]];
      (field.options || []).forEach((option) => {
        if (option.kb_label) option.label = option.kb_label[code] || option.label;
        delete option.kb_label;
      });
      delete field.kb_label;
      delete field.kb_hint;
      delete field.kb_pattern;
      localize(field.fields, code);
      if (field.field) localize([field.field], code);
    });
  }

  // A number as people type it: 0,5 or 0.5 (never 05); the validator's range and words (scripts/fiche/problems.py),
  // and its pattern for an amount written with a thousands separator (forms.thousands, scripts/fiche/check.py).
  const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
  function numberWidget(templates, ui, forms) {
    const THOUSANDS = new RegExp(`^(?:${forms.thousands})$`);
    const thousands = (text) => THOUSANDS.test(text.trim().replace(/^\+/, "")); // as the validator reads it
    const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
    const shown = (value) => (typeof value === "number" ? String(value).replace(".", ui.decimal) : value || "");
    // an amount in euro with a thousands separator (45.000) is kept as typed and refused, as the validator does
    const parse = (text, money) => {
      const trimmed = text.trim();
      if (trimmed === "") return "";
      if (!NUMBER.test(trimmed) || (money && thousands(trimmed))) return trimmed; // refused below
      return Number(trimmed.replace(",", "."));
    };
    const Control = window.createClass({
      getInitialState() { return { text: shown(this.props.value) }; },
      componentDidUpdate(previous) {
        const money = this.props.field.get("money");
        if (previous.value !== this.props.value && parse(this.state.text, money) !== this.props.value) {
          this.setState({ text: shown(this.props.value) }); // a value set from elsewhere (a loaded entry)
        }
      },
      change(event) {
        this.setState({ text: event.target.value });
        this.props.onChange(parse(event.target.value, this.props.field.get("money")));
      },
      isValid() {
        const { field, value } = this.props;
        if (value === "" || value === null || value === undefined) return true;
        const words = templates[ui.code] || templates.en;
        const label = field.get("label", field.get("name"));
        const typed = this.state.text.trim();
        const refuse = (message) => ({ error: { type: "RANGE", message: `${label}${ui.texts.colon} ${message}` } });
        if (typeof value !== "number" && field.get("money") && thousands(typed)) {
          const bare = typed.replace(/^\+/, "");
          return refuse(fill(words.thousands_money, { value: typed, read: bare.split(".")[0],
            meant: bare.replace(/\./g, "") }));
        }
        if (typeof value !== "number") return refuse(fill(words.number_expected, { value: `'${typed}'`, hint: "" }));
        if (field.get("value_type") === "int" && !Number.isInteger(value)) {
          return refuse(fill(words.not_whole, { value: typed }));
        }
        const min = field.get("min");
        const max = field.get("max");
        const exclusive = field.get("exclusive_minimum");
        if (value < min || (exclusive && value <= min)) {
          return refuse(fill(words.out_of_range, { value: typed, op: exclusive ? ">" : "≥", bound: shown(min) }));
        }
        if (value > max) return refuse(fill(words.out_of_range, { value: typed, op: "≤", bound: shown(max) }));
        return true;
      },
      render() {
        return h("input", { type: "text", inputMode: "decimal", id: this.props.forID, value: this.state.text,
          className: this.props.classNameWrapper, onChange: this.change, onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle });
      },
    });
    const Preview = (props) => h("span", null, shown(props.value));
    CMS.registerWidget("kb-number", Control, Preview);
  }

  // On this machine: no save the validator refuses; its messages (the proxy runs it) say why, in the
  // interface language. (Hosted, the pull/merge request's CI runs the validator.)
  function refuseWhatTheValidatorRefuses(settings, ui, messages) {
    CMS.registerEventListener({ name: "preSave", handler: async ({ entry }) => {
      let result = null;
      try {
        const response = await fetch(settings.live_url, { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ path: entry.get("path") || "", data: entry.get("data").toJS() }) });
        result = response.ok ? await response.json() : null;
      } catch (error) {
        result = null; // the proxy refuses an invalid file itself when it is asked to write it
      }
      const problems = result && result.problems && (result.problems[ui.code] || []);
      if (problems && problems.length) {
        const text = [messages.toolbar[ui.code].save_refused, ...problems].join(" ");
        const refusal = new Error(text);
        refusal.toString = () => text;
        throw refusal;
      }
      return undefined;
    } });
  }

  // Stylesheets of the site, so the rendered fiche looks as it does there (read from the home page).
  let stylesheets = null;
  function siteStylesheets() {
    stylesheets = stylesheets || fetch(siteRoot.href, { credentials: "same-origin" })
      .then((response) => response.text())
      .then((text) => [...new DOMParser().parseFromString(text, "text/html")
        .querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL(link.getAttribute("href"), siteRoot).href))
      .catch(() => []);
    return stylesheets;
  }

  // A sandboxed frame (no scripts) holding the fiche's HTML with the site's stylesheets; links resolve
  // against the page's own address on the site.
  function pageDocument(page, lang, sheets) {
    const base = new URL(page.url, siteRoot).href;
    const links = sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join("");
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><base href="${base}">${links}</head>` +
      '<body><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">' +
      `<div class="md-content"><article class="md-content__inner md-typeset">${page.html}</article></div>` +
      "</div></main></div></body></html>";
  }

  function section(language, child) {
    return h("section", { key: language.code, "data-kb-preview": language.code, style: { marginBottom: "12px" } },
      h("h2", { style: { font: "bold 15px sans-serif", margin: "4px 0" } }, language.label), child);
  }

  function note(text) {
    return h("p", { key: "note", className: "kb-preview-note",
      style: { font: "14px/1.4 sans-serif", margin: "0 56px 8px 0" } }, text);
  }

  function makePreview(settings, ui) {
    // Hosted: the published page of a saved fiche (a new fiche has none; no request for a missing page).
    function Published(props) {
      const id = props.entry.getIn(["data", "id"]) || "";
      const shown = !props.entry.get("newRecord") && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
      return h("div", { className: "kb-preview" }, [note(ui.texts.published), ...(shown ? settings.languages.map(
        (l) => section(l, h("iframe", { src: new URL(l.fiche_url.replace("{id}", id), siteRoot).href,
          title: `${l.label}: ${id}`, lang: l.code, style: FRAME }))) : [])]);
    }

    // Local: the form as it is now, rendered by the proxy with the site's templates, after a typing pause.
    const Live = window.createClass({
      getInitialState() { return { result: null, failed: false }; },
      componentDidMount() { this.ask(); },
      componentDidUpdate(previous) { if (previous.entry !== this.props.entry) this.ask(); },
      componentWillUnmount() { clearTimeout(this.timer); this.gone = true; },
      ask() {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          const body = JSON.stringify({ path: this.props.entry.get("path") || "",
            data: this.props.entry.get("data").toJS() });
          const asked = (this.asked || 0) + 1;
          this.asked = asked;
          Promise.all([fetch(settings.live_url, { method: "POST", headers: { "Content-Type": "application/json" },
            body }).then((response) => {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          }), siteStylesheets()]).then(([result, sheets]) => {
            if (!this.gone && asked === this.asked) this.setState({ result, sheets, failed: false });
          }).catch(() => { if (!this.gone) this.setState({ failed: true }); });
        }, WAIT_MS);
      },
      render() {
        const { result, sheets, failed } = this.state;
        const children = [note(failed ? ui.texts.unavailable : ui.texts.live)];
        if (!failed && result && result.problems) {
          children.push(h("div", { key: "problems", role: "alert", "data-kb-preview-problems": "",
            style: { font: "14px/1.4 sans-serif", color: "#8a1c1c" } },
            h("p", { style: { fontWeight: "bold" } }, ui.texts.problems),
            h("ul", null, (result.problems[ui.code] || []).map((text, i) => h("li", { key: i }, text)))));
        } else if (!failed && result && result.pages) {
          settings.languages.forEach((l) => children.push(section(l, h("iframe", {
            srcDoc: pageDocument(result.pages[l.code], l.code, sheets), sandbox: "", lang: l.code,
            title: l.label, style: FRAME }))));
        }
        return h("div", { className: "kb-preview" }, children);
      },
    });
    return local ? Live : Published;
  }

  // config.yml is JSON (which is YAML): read it here, so no server MIME type can get in the way.
  fetch("config.yml", { credentials: "same-origin" })
    .then((response) => response.text())
    .then((text) => {
      const config = JSON.parse(text.replace(/^#.*$/gm, ""));
      const settings = config.kb_preview;
      const ui = pickLanguage(settings.languages);
      document.documentElement.lang = ui.code;
      ui.decimal = (0.5).toLocaleString(`${ui.code}-BE`).charAt(1);
      useOwnWords(config.kb_messages, ui);
      numberWidget(config.kb_messages.number, ui, config.kb_forms);
      if (local) refuseWhatTheValidatorRefuses(settings, ui, config.kb_messages);
      config.collections.forEach((collection) => localize(collection.fields, ui.code));
      CMS.registerPreviewTemplate("fiches", makePreview(settings, ui));
      delete config.kb_messages;
      delete config.kb_preview;
      delete config.kb_forms;
      config.load_config_file = false;
      config.locale = ui.code;
      if (local) config.publish_mode = "simple";
      CMS.init({ config });
    });
})();
