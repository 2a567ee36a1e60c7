/* Catalogues (fiches and modules): filters, counts, sorting and the state in the URL; the active filters as
   removable chips; on phones the facets fold behind a "Filters (n)" button; a bar that stays in view shows
   how many fiches are chosen to compare. Progressive enhancement: without JavaScript the server-rendered
   list is complete. Text from the page is only ever inserted with textContent. */
(() => {
  "use strict";

  /* Free text matches without regard to case or accents: "liege" finds "Liège". */
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/\s+/g, " ").trim();

  const { lang, el, pluralForm: plural } = window.kbDom;

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
      record.search = fold(card.textContent);
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

    /* ------------------------------------------------------------ state */
    const readState = () => {
      const fteMin = optional("fte_min").value;
      const fteMax = optional("fte_max").value;
      return {
        text: form.elements.q.value.trim(),
        q: fold(form.elements.q.value),
        sort: form.elements.sort.value,
        fteMin: fteMin === "" ? null : parseFloat(fteMin),
        fteMax: fteMax === "" ? null : parseFloat(fteMax),
        facets: Object.fromEntries(facets.map((key) => [key,
          [...form.querySelectorAll(`input[name='${key}']:checked`)].map((box) => box.value)])),
      };
    };

    const matches = (record, state, skip) => {
      if (state.q && !state.q.split(" ").every((word) => record.search.includes(word))) return false;
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
      ["q", "sort", "fte_min", "fte_max", ...facets].forEach((key) => params.delete(key));
      if (state.text) params.set("q", state.text);
      if (state.sort && state.sort !== "title") params.set("sort", state.sort);
      if (state.fteMin !== null) params.set("fte_min", String(state.fteMin));
      if (state.fteMax !== null) params.set("fte_max", String(state.fteMax));
      facets.forEach((key) => { if (state.facets[key].length) params.set(key, state.facets[key].join(",")); });
      const query = params.toString().replaceAll("%2C", ",");
      window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
    };

    const readUrl = () => {
      const params = new URLSearchParams(window.location.search);
      form.elements.q.value = params.get("q") || "";
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
      return `${legend ? legend.textContent.trim() : key}: ${own ? own.textContent.trim() : code}`;
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
      if (state.text) wanted.push([(words.quoted || "{q}").replace("{q}", state.text), () => { form.elements.q.value = ""; }]);
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

    /* ------------------------------------------------------------ nothing found */
    const empty = el("div", null, { class: "kb-empty", hidden: "" });
    list.after(empty);
    let emptyFor = null;
    const drawEmpty = (state, shown) => {
      empty.hidden = shown > 0;
      const signature = shown > 0 ? null : state.text;
      if (signature === emptyFor) return;  // same reason as the chips: keep the button being clicked
      emptyFor = signature;
      empty.textContent = "";
      if (shown > 0) return;
      empty.append(el("p", words.none || ""));
      const actions = el("p", null, { class: "kb-empty__actions" });
      if (state.text && window.kbOpenSiteSearch) {
        const search = el("button", (words.search_all || "").replace("{q}", state.text),
          { type: "button", class: "md-button md-button--primary" });
        search.addEventListener("click", () => window.kbOpenSiteSearch(state.text));
        actions.append(search, " ");
      }
      const clear = el("button", words.clear || "", { type: "button", class: "md-button" });
      clear.addEventListener("click", () => { form.reset(); apply(true); });
      actions.append(clear);
      empty.append(actions);
    };

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
      status.textContent = template.replace("{shown}", visible.length).replace("{total}", total);
      drawChips(state);
      drawEmpty(state, visible.length);
      if (updateUrl) writeUrl(state);
      return visible.length;
    };

    form.hidden = false;
    form.addEventListener("input", () => apply(true));
    form.addEventListener("change", () => apply(true));
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(true); });
    form.addEventListener("reset", () => window.setTimeout(() => apply(true), 0));
    readUrl();
    apply(false);
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
      lab.append(box, ` ${label.replace("{title}", heading ? heading.firstChild.textContent.trim() : "")}`);
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
      count.textContent = template.replace("{n}", chosen.length);
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
