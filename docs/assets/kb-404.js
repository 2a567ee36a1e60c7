/* The 404 page (overrides/404.html): static hosts serve the root 404.html for every missing address, so the page
   holds every language. Keep the one the address names (/fr/…, from the site's language prefixes) and suggest
   the fiche whose id is nearest to a part of the missing address. Text only ever goes in with textContent. */
(function () {
  "use strict";
  const box = document.querySelector("[data-kb-not-found]");
  if (!box) return;
  const data = JSON.parse(box.dataset.kbData);
  const root = box.dataset.root;
  let rest = location.pathname.startsWith(root) ? location.pathname.slice(root.length) : location.pathname;
  let lang = data.default;
  for (const [code, prefix] of Object.entries(data.prefixes)) {
    if (prefix && rest.startsWith(prefix)) { lang = code; rest = rest.slice(prefix.length); }
  }
  const sections = [...box.querySelectorAll("section[data-lang]")];
  const shown = sections.find((s) => s.dataset.lang === lang) || sections[0];
  for (const section of sections) section.hidden = section !== shown;
  document.documentElement.lang = shown.dataset.lang;
  document.title = shown.dataset.title;

  /* Levenshtein distance, one row at a time. */
  function distance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  }
  const parts = decodeURIComponent(rest).toLowerCase().split("/").map((p) => p.replace(/\.html?$/, ""))
    .filter((p) => p.length >= 3);
  let best = null;
  for (const [id, names] of data.fiches) {
    for (const part of parts) {
      const score = distance(part, id) / Math.max(part.length, id.length);
      if (score <= 0.5 && (!best || score < best.score)) best = { score, id, name: names[shown.dataset.lang] };
    }
  }
  if (!best) return;
  const suggest = shown.querySelector("[data-kb-suggest]");
  const link = suggest.querySelector("a");
  link.href = data.fiche_url[shown.dataset.lang].replace("{id}", best.id);
  link.textContent = best.name;
  suggest.hidden = false;
})();
