/* What the site's scripts share, loaded before them (mkdocs.yml extra_javascript, no bundler): one DOM helper
   and the page language's number and plural rules, made once per page. Text is only ever inserted with
   textContent. */
window.kbDom = (() => {
  "use strict";

  const lang = document.documentElement.lang || "nl";
  /* As scripts/ui_text.number writes figures: Belgian conventions of the language, at most two decimals,
     no thousands separator (0,5 · 1,25 · 12). */
  const numbers = new Intl.NumberFormat(`${lang}-BE`, { maximumFractionDigits: 2, useGrouping: false });
  const plurals = new Intl.PluralRules(lang);

  /* An element with text (never markup) and attributes. */
  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  };

  /* A figure as the reader's language writes it; null stays null (nothing to show). */
  const number = (value) => (value === null || value === undefined ? null : numbers.format(value));

  /* The _one or _other form of a label, by the language's plural rule (French: 0 and 1 are singular). */
  const pluralForm = (n) => (plurals.select(n) === "one" ? "one" : "other");

  return Object.freeze({ lang, el, number, pluralForm });
})();
