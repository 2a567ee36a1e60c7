/* What the site's scripts share, loaded before them (mkdocs.yml extra_javascript, no bundler): one DOM helper,
   the page language's plural rule and the one way a label's {placeholders} are filled. Figures arrive worded
   by the build (scripts/site/facts.py): no number is formatted here. Text is only ever inserted with
   textContent. */
window.kbDom = (() => {
  "use strict";

  const lang = document.documentElement.lang || "nl";
  const plurals = new Intl.PluralRules(lang);

  /* An element with text (never markup) and attributes. */
  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  };

  /* The _one or _other form of a label, by the language's plural rule (French: 0 and 1 are singular). */
  const pluralForm = (n) => (plurals.select(n) === "one" ? "one" : "other");

  /* A label with its {placeholders} filled, as Python's str.format fills them in ui_text.t; a placeholder
     without a value stays as written. A count is a whole number: written as is, as ui_text.number writes it. */
  const fill = (template, values = {}) => String(template ?? "")
    .replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));

  /* The _one or _other form of labels[key] for the count n, filled ({n} and `values`); labels[key] when the
     label has no plural forms. */
  const say = (labels, key, n, values = {}) =>
    fill(labels[`${key}_${pluralForm(n)}`] ?? labels[key] ?? "", { n, ...values });

  return Object.freeze({ lang, el, pluralForm, fill, say });
})();
