/* Catalogues (fiches and modules): filters, counts, sorting and the state in the URL; the active filters as
   removable chips; on phones the facets fold behind a "Filters (n)" button; a bar that stays in view shows
   how many fiches are chosen to compare. Progressive enhancement: without JavaScript the server-rendered
   list is complete. Text from the page is only ever inserted with textContent.
   The text filter (?text=) reads what each fiche or module says, not only its card: the build ships every
   card's words folded (data-kb-words, scripts/site/catalogue_text.py) and the thesaurus (data-kb-thesaurus,
   the search box's data); a word of the thesaurus finds every word of its group, a term of the other language
   its equivalent, and the reader is told so. ?q=, the old parameter, is read and rewritten to ?text=. */
(() => {
  "use strict";

  const { lang, el, fill, pluralForm: plural } = window.kbDom;
  const { fold, parts, groups: wordGroups } = window.kbWords;  // one folding rule, as the build's
  const TEXT = "text";
  const OLD_TEXT = "q";  // the catalogue's parameter before 2026-12: Material's and the search box's too
  const SUGGESTIONS = 6;
  const SUGGEST_FACETS = ["theme", "profile"];

  /* Whether a card's folded words (" w1 w2 … ") hold one of the alternatives of a word or thesaurus group the
     reader typed: a word starts a word of the card; a phrase of the thesaurus or glossary ("maison de repos")
     is listed whole by the build where the card's texts hold it as written. */
  const holds = (search, alternatives) => alternatives.some((alt) => (alt.includes(" ")
    ? search.includes(` ${alt} `) : search.includes(` ${alt}`)));

  const initCatalogue = (root) => {
    const form = root.querySelector("[data-kb-filters]");
    const list = root.querySelector("[data-kb-list]");
    const status = root.querySelector("[data-kb-count]");
    if (!form || !list) return;
    const words = JSON.parse(root.dataset.kbText || "{}");
    const cards = [...list.querySelectorAll(".kb-card")];
    const facets = [...form.querySelectorAll("[data-facet]")].map((node) => node.dataset.facet);
    const total = cards.length;
    const records = cards.map((card) => {
      const record = { card, codes: Object.fromEntries(facets.map((key) => [key, []])) };
      (card.dataset.f || "").split(" ").filter(Boolean).forEach((pair) => {
        const cut = pair.indexOf(":");
        const key = pair.slice(0, cut);
        if (record.codes[key]) record.codes[key].push(pair.slice(cut + 1));
      });
      record.id = card.dataset.id;
      record.search = ` ${parts(card.textContent).join(" ")} `;  // until the card's full words arrive
      const heading = card.querySelector("h2, h3");
      record.title = heading ? heading.textContent.trim().toLowerCase() : "";
      record.place = card.dataset.place || "";
      record.fte = "fte" in card.dataset ? parseFloat(card.dataset.fte) : null;
      record.hours = "hours" in card.dataset ? parseFloat(card.dataset.hours) : null;
      return record;
    });
    const countNodes = new Map([...form.querySelectorAll("[data-count-for]")].map((n) => [n.dataset.countFor, n]));
    const facetsBox = form.querySelector(".kb-facets");
    const optional = (name) => form.elements[name] || { value: "" };
    const textBox = form.elements[TEXT];

    /* ------------------------------------------------------------ every card's words and the thesaurus */
    let vocabulary = null;  // {groups, stopwords, others}, once loaded
    let loading = null;
    const fetchJson = (url) => (url ? fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null)
      : Promise.resolve(null));
    const loadWords = () => {
      loading ??= Promise.all([fetchJson(root.dataset.kbWords), fetchJson(root.dataset.kbThesaurus)])
        .then(([cardWords, data]) => {
          records.forEach((record) => { if (cardWords && cardWords[record.id]) record.search = cardWords[record.id]; });
          const synonyms = data?.synonyms || [];
          const bridged = (data?.bridge || []).map((b) => {  // a term of the other language → this one's group
            const key = fold(b.equivalent);
            const own = synonyms.find((group) => group.some((w) => w.key === key)) || [{ term: b.equivalent, key }];
            return [{ term: b.term, key: b.key, from: b.lang, equivalent: b.equivalent }, ...own];
          });
          vocabulary = { groups: [...synonyms, ...bridged], stopwords: new Set(data?.stopwords || []),
            others: data?.others || [] };
        });
      return loading;
    };
    const textGroups = (text) => (text ? wordGroups(text, vocabulary?.groups || [], vocabulary?.stopwords) : []);

    /* ------------------------------------------------------------ state */
    const readState = () => {
      const fteMin = optional("fte_min").value;
      const fteMax = optional("fte_max").value;
      return {
        text: textBox.value.trim(),
        words: textGroups(textBox.value),
        sort: form.elements.sort.value,
        fteMin: fteMin === "" ? null : parseFloat(fteMin),
        fteMax: fteMax === "" ? null : parseFloat(fteMax),
        facets: Object.fromEntries(facets.map((key) => [key,
          [...form.querySelectorAll(`input[name='${key}']:checked`)].map((box) => box.value)])),
      };
    };

    const matches = (record, state, skip) => {
      const needed = state.words.filter((g) => !g.stop);
      if ((needed.length ? needed : state.words).some((g) => !holds(record.search, g.alternatives))) return false;
      if (state.fteMin !== null && !(record.fte !== null && record.fte >= state.fteMin)) return false;
      if (state.fteMax !== null && !(record.fte !== null && record.fte <= state.fteMax)) return false;
      return facets.every((key) => key === skip || !state.facets[key].length
        || state.facets[key].some((code) => record.codes[key].includes(code)));
    };

    const nullsLast = (value, fallback) => (value === null ? fallback : value);
    const comparators = {
      "title": (a, b) => a.title.localeCompare(b.title, lang),
      "municipality": (a, b) => a.place.localeCompare(b.place, lang),
      "reviewed": (a, b) => b.card.dataset.reviewed.localeCompare(a.card.dataset.reviewed),
      "fte-desc": (a, b) => nullsLast(b.fte, -1) - nullsLast(a.fte, -1),
      "fte-asc": (a, b) => nullsLast(a.fte, 1e9) - nullsLast(b.fte, 1e9),
      "hours-desc": (a, b) => nullsLast(b.hours, -1) - nullsLast(a.hours, -1),
    };

    const writeUrl = (state) => {
      const params = new URLSearchParams(window.location.search);
      [TEXT, OLD_TEXT, "sort", "fte_min", "fte_max", ...facets].forEach((key) => params.delete(key));
      if (state.text) params.set(TEXT, state.text);
      if (state.sort && state.sort !== "title") params.set("sort", state.sort);
      if (state.fteMin !== null) params.set("fte_min", String(state.fteMin));
      if (state.fteMax !== null) params.set("fte_max", String(state.fteMax));
      facets.forEach((key) => { if (state.facets[key].length) params.set(key, state.facets[key].join(",")); });
      const query = params.toString().replaceAll("%2C", ",");
      window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
    };

    const readUrl = () => {
      const params = new URLSearchParams(window.location.search);
      textBox.value = params.get(TEXT) ?? params.get(OLD_TEXT) ?? "";
      const sort = params.get("sort");
      if (sort && comparators[sort]) form.elements.sort.value = sort;
      if (form.elements.fte_min) form.elements.fte_min.value = params.get("fte_min") || "";
      if (form.elements.fte_max) form.elements.fte_max.value = params.get("fte_max") || "";
      facets.forEach((key) => {
        const wanted = (params.get(key) || "").split(",");
        form.querySelectorAll(`input[name='${key}']`).forEach((box) => { box.checked = wanted.includes(box.value); });
      });
    };

    /* ------------------------------------------------------------ phones: facets behind "Filters (n)" */
    let toggle = null;
    if (facetsBox && words.filters) {
      facetsBox.id = facetsBox.id || `kb-facets-${Math.random().toString(36).slice(2, 8)}`;
      toggle = el("button", null, { type: "button", class: "md-button kb-filters__toggle",
        "aria-expanded": "false", "aria-controls": facetsBox.id });
      facetsBox.before(toggle);
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        form.classList.toggle("kb-filters--open", open);
      });
    }

    /* ------------------------------------------------------------ active filters as chips */
    const chips = el("ul", null, { class: "kb-chips", "aria-label": words.active || "" });
    status.after(chips);
    const labelOf = (key, code) => {
      const box = form.querySelector(`input[name='${key}'][value='${code}']`);
      const legend = box && box.closest("fieldset").querySelector("legend");
      const own = box ? box.nextSibling : null;
      // the wording's own format, typeset per language ('Région\u00a0: Flandre'), never a hard-coded ': '
      return fill(words.chip || "{facet} {value}",
        { facet: legend ? legend.textContent.trim() : key, value: own ? own.textContent.trim() : code });
    };
    const chip = (text, remove) => {
      const li = el("li");
      const button = el("button", null, { type: "button", class: "kb-chip",
        "aria-label": `${words.remove_filter || ""} ${text}`.trim() });
      button.append(el("span", text), el("span", "×", { "aria-hidden": "true", class: "kb-chip__x" }));
      button.addEventListener("click", () => { remove(); apply(true); });
      li.append(button);
      chips.append(li);
    };
    /* Chips are redrawn only when the filters change: a text box losing focus (change event) must not
       replace the chip under the pointer that is being clicked. */
    let drawn = null;
    const drawChips = (state) => {
      const wanted = [];
      if (state.text) wanted.push([fill(words.quoted || "{q}", { q: state.text }), () => { textBox.value = ""; }]);
      if (state.fteMin !== null) {
        wanted.push([`${words.fte_min || ""} ${state.fteMin}`.trim(), () => { form.elements.fte_min.value = ""; }]);
      }
      if (state.fteMax !== null) {
        wanted.push([`${words.fte_max || ""} ${state.fteMax}`.trim(), () => { form.elements.fte_max.value = ""; }]);
      }
      facets.forEach((key) => state.facets[key].forEach((code) => wanted.push([labelOf(key, code), () => {
        const box = form.querySelector(`input[name='${key}'][value='${code}']`);
        if (box) box.checked = false;
      }])));
      const signature = JSON.stringify(wanted.map(([text]) => text));
      if (toggle) toggle.textContent = `${words.filters} (${wanted.length})`;
      if (signature === drawn) return;
      drawn = signature;
      chips.textContent = "";
      wanted.forEach(([text, remove]) => chip(text, remove));
      chips.hidden = !wanted.length;
    };

    /* ------------------------------------------------------------ what the text filter looked for */
    const note = el("p", null, { class: "kb-text-note", hidden: "" });
    chips.after(note);
    const drawNote = (state) => {
      const lines = [];
      state.words.forEach((group) => {
        const from = group.matched?.from;
        if (from) {
          const language = vocabulary.others.find((o) => o.lang === from)?.name ?? from;
          lines.push(fill(words.other_language, { term: group.matched.term, language, equivalent: group.matched.equivalent }));
        }
      });
      const added = [...new Set(state.words.flatMap((g) => (g.matched?.from ? [] : g.synonyms)))];
      if (added.length) lines.push(fill(words.also, { words: added.join(", ") }));
      note.textContent = lines.join(" ");
      note.hidden = !lines.length;
    };

    /* ------------------------------------------------------------ nothing found */
    const empty = el("div", null, { class: "kb-empty", hidden: "" });
    list.after(empty);
    let emptyFor = null;
    const labelText = (key, code) => {
      const box = form.querySelector(`input[name='${key}'][value='${code}']`);
      return box && box.nextSibling ? box.nextSibling.textContent.trim() : code;
    };
    /* The themes and target groups nearest to the words: those of the cards holding some of them (most
       cards first); when no card holds any, every target group and the commonest themes. */
    const suggestions = (state) => {
      const needed = state.words.filter((g) => !g.stop);
      const near = records.filter((r) => needed.some((g) => holds(r.search, g.alternatives)));
      const counts = new Map();
      (near.length ? near : records).forEach((r) => SUGGEST_FACETS.forEach((key) => (r.codes[key] || [])
        .forEach((code) => counts.set(`${key}:${code}`, (counts.get(`${key}:${code}`) || 0) + 1))));
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const chosen = near.length ? ranked.slice(0, SUGGESTIONS)
        : [...ranked.filter(([id]) => id.startsWith("profile:")), ...ranked.filter(([id]) => !id.startsWith("profile:"))]
          .slice(0, SUGGESTIONS * 2);
      return { near: near.length > 0, chosen: chosen.map(([id]) => id.split(":")) };
    };
    const drawEmpty = (state, shown) => {
      empty.hidden = shown > 0;
      const signature = shown > 0 ? null : JSON.stringify([state.text, state.facets, Boolean(vocabulary)]);
      if (signature === emptyFor) return;  // same reason as the chips: keep the button being clicked
      emptyFor = signature;
      empty.textContent = "";
      if (shown > 0) return;
      empty.append(el("p", state.text ? fill(words.none_text, { q: state.text }) : words.none || ""));
      if (state.text) {
        const { near, chosen } = suggestions(state);
        if (chosen.length) {
          empty.append(el("p", near ? words.suggest_near : words.suggest_facets));
          const ul = el("ul", null, { class: "kb-empty__suggestions" });
          chosen.forEach(([key, code]) => {
            if (!form.querySelector(`input[name='${key}'][value='${code}']`)) return;
            const li = el("li");
            const button = el("button", labelOf(key, code), { type: "button", class: "md-button" });
            button.addEventListener("click", () => {
              textBox.value = "";
              form.querySelectorAll(`input[name='${key}']`).forEach((box) => { box.checked = box.value === code; });
              apply(true);
              status.focus();
            });
            li.append(button);
            ul.append(li);
          });
          empty.append(ul);
        }
      }
      const actions = el("p", null, { class: "kb-empty__actions" });
      if (state.text && window.kbOpenSiteSearch) {
        const search = el("button", fill(words.search_all, { q: state.text }),
          { type: "button", class: "md-button md-button--primary" });
        search.addEventListener("click", () => window.kbOpenSiteSearch(state.text));
        actions.append(search, " ");
      }
      const clear = el("button", words.clear || "", { type: "button", class: "md-button" });
      clear.addEventListener("click", () => { form.reset(); apply(true); });
      actions.append(clear);
      empty.append(actions);
    };

    /* ------------------------------------------------------------ phones: the count where the reader is */
    let near = null;
    if (toggle && facetsBox) {
      near = el("p", null, { class: "kb-filters__near" });
      const count = el("span", null, { "aria-hidden": "true" });  // the status above is the live region
      const show = el("button", words.show_results || "", { type: "button", class: "md-button md-button--primary" });
      show.addEventListener("click", () => {
        toggle.setAttribute("aria-expanded", "false");
        form.classList.remove("kb-filters--open");
        status.setAttribute("tabindex", "-1");
        status.focus();
      });
      near.append(count, " ", show);
      facetsBox.append(near);
    }

    /* ------------------------------------------------------------ apply */
    const apply = (updateUrl) => {
      const state = readState();
      const visible = records.filter((record) => {
        const ok = matches(record, state, null);
        record.card.hidden = !ok;
        return ok;
      });
      facets.forEach((key) => {
        const counts = {};
        records.filter((record) => matches(record, state, key))
          .forEach((record) => record.codes[key].forEach((code) => { counts[code] = (counts[code] || 0) + 1; }));
        countNodes.forEach((node, id) => {
          if (id.startsWith(`${key}:`)) node.textContent = `(${counts[id.slice(key.length + 1)] || 0})`;
        });
      });
      const sorted = records.slice().sort(comparators[state.sort] || comparators.title);
      list.append(...sorted.map((record) => record.card));
      const template = status.dataset[`template${plural(visible.length) === "one" ? "One" : "Other"}`]
        || status.dataset.template || "";
      status.textContent = fill(template, { shown: visible.length, total });
      if (near) near.firstChild.textContent = status.textContent;
      drawChips(state);
      drawNote(state);
      drawEmpty(state, visible.length);
      if (updateUrl) writeUrl(state);
      return visible.length;
    };

    form.hidden = false;
    /* The first text typed (or given in the address) fetches the cards' words; the filter runs again then. */
    const withWords = (updateUrl) => {
      apply(updateUrl);
      if (textBox.value.trim() && !vocabulary) {
        loadWords().then(() => {
          apply(false);
          root.dataset.kbVocabulary = "";  // the full words are in: tests and tools wait for this
        });
      }
    };
    form.addEventListener("input", () => withWords(true));
    form.addEventListener("change", () => withWords(true));
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(true); });
    form.addEventListener("reset", () => window.setTimeout(() => apply(true), 0));
    readUrl();
    const old = new URLSearchParams(window.location.search).has(OLD_TEXT);
    withWords(old);  // an old ?q= address is rewritten to ?text=
    root.dataset.kbReady = "";
    initCompareSelection(root);
  };

  /* Choosing fiches to compare: a bar at the bottom of the screen says how many are chosen. */
  const initCompareSelection = (root) => {
    const bar = root.querySelector("[data-kb-compare-bar]");
    if (!bar) return;
    const label = bar.dataset.cardLabel || "{title}";
    const max = Number(bar.dataset.max);  // written once by the build (render.COMPARE_MAX)
    const boxes = [...root.querySelectorAll(".kb-card")].map((card) => {
      const p = el("p", null, { class: "kb-card__compare" });
      const lab = el("label");
      const box = el("input", null, { type: "checkbox", value: card.dataset.id, "data-kb-compare": "" });
      const heading = card.querySelector("h2");
      lab.append(box, ` ${fill(label, { title: heading ? heading.firstChild.textContent.trim() : "" })}`);
      p.append(lab);
      card.append(p);
      return box;
    });
    if (!boxes.length) return;
    const link = bar.querySelector("[data-kb-compare-link]");
    const count = bar.querySelector("[data-kb-compare-count]");
    const update = () => {
      const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
      boxes.forEach((box) => { box.disabled = !box.checked && chosen.length >= max; });
      const template = bar.dataset[`chosen${plural(chosen.length) === "one" ? "One" : "Other"}`] || "{n}";
      count.textContent = fill(template, { n: chosen.length });
      bar.hidden = chosen.length === 0;
      link.href = `${bar.dataset.href}?ids=${chosen.join(",")}`;
    };
    boxes.forEach((box) => box.addEventListener("change", update));
    update();
  };

  const init = () => document.querySelectorAll("[data-kb-catalogue]").forEach(initCatalogue);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
