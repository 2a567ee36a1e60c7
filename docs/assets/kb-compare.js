/* The compare view: ?ids=a,b,c → a table of two fiches or more (at most data-max) built from each fiche's data.json.
   Project names stay in view (sticky heads), modules are lined up by kind with a summary row, rows
   without any value are left out, a toggle keeps only the rows where the projects differ, and an id in
   the address that matches no fiche is named on the page. Every value comes worded from data.json (the fact
   record, scripts/site/catalogue.compare_data): the script lays it out and computes nothing it shows. Data is
   only inserted with textContent. */
(() => {
  "use strict";

  const { el, fill, say: sayOf } = window.kbDom;

  const initCompare = (root) => {
    const labels = JSON.parse(root.dataset.labels);
    const MAX = Number(root.dataset.max);  // written once by the build (render.COMPARE_MAX)
    const say = (key, n, values = {}) => sayOf(labels, key, n, values);
    const dataUrl = (id) => root.dataset.ficheData
      ? fill(root.dataset.ficheData, { id: encodeURIComponent(id) })
      : `${root.dataset.base}${id}/data.json`;
    const pageUrl = (f) => (root.dataset.base && f.url.startsWith("../")
      ? root.dataset.base + f.url.slice(3) : f.url);
    const picker = root.querySelector("[data-kb-picker]");
    const select = picker.elements.add;
    const addButton = picker.querySelector("button[type=submit]");
    const message = root.querySelector("[data-kb-compare-message]");
    const notice = root.querySelector("[data-kb-compare-notice]");
    const holder = root.querySelector("[data-kb-compare-table]");
    const toolbar = root.querySelector("[data-kb-compare-tools]");
    const onlyDiff = toolbar ? toolbar.querySelector("input[name=only_differences]") : null;
    const emptyText = message.textContent;
    const shareButton = root.querySelector("[data-kb-compare-share]");
    const printButton = root.querySelector("[data-kb-compare-print]");
    const shared = root.querySelector("[data-kb-compare-shared]");
    const address = root.querySelector("[data-kb-compare-address]");
    const options = [...select.options].map((option) => ({ value: option.value, text: option.textContent }));
    // the picker lists every fiche there is: an id it does not hold names no fiche, and is never fetched
    const known = new Set(options.map((option) => option.value));
    const requested = (new URLSearchParams(window.location.search).get("ids") || "").split(",")
      .map((id) => id.trim()).filter(Boolean);
    let ids = [...new Set(requested.filter((id) => known.has(id)))].slice(0, MAX);
    let unknown = requested.filter((id) => !known.has(id));
    const cache = {};
    picker.hidden = false;

    /* An item is a text, or a text with the list it holds ({text, items}, catalogue.compare_data's outlines):
       the list stays a list, so its items are not run together into one line. */
    const list = (items) => {
      if (!items || !items.length) return null;
      const ul = el("ul");
      items.forEach((item) => {
        if (typeof item === "string") { ul.append(el("li", item)); return; }
        const li = el("li", item.text || null);
        const inner = list(item.items);
        if (inner) li.append(inner);
        ul.append(li);
      });
      return ul;
    };
    const outline = (f, key) => (f.outlines && f.outlines[key]) || f[key];
    const setUrl = () => {
      const params = new URLSearchParams(window.location.search);
      if (ids.length) params.set("ids", ids.join(","));
      else params.delete("ids");
      const query = params.toString().replaceAll("%2C", ",");
      window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
      showAddress();
    };

    /* The printed comparison says which one it is: its full address, with the selection. */
    const showAddress = () => {
      if (!address) return;
      address.lastElementChild.textContent = window.location.href;
      address.hidden = ids.length < 2;
    };

    /* The picker offers only fiches not yet in the table; it is closed once the maximum is chosen. */
    const refreshPicker = () => {
      select.textContent = "";
      options.filter((option) => !ids.includes(option.value))
        .forEach((option) => select.append(el("option", option.text, { value: option.value })));
      const full = ids.length >= MAX || !select.options.length;
      select.disabled = full;
      addButton.disabled = full;
      picker.classList.toggle("kb-compare__picker--full", full);
    };

    const showNotice = () => {
      notice.textContent = "";
      notice.hidden = !unknown.length;
      if (unknown.length) notice.append(el("p", say("compare_unknown", unknown.length, { ids: unknown.join(", ") })));
    };

    const moduleSummary = (f) => {
      if (!f.module_summary.count_text) return null;
      const box = el("div");
      box.append(el("strong", f.module_summary.count_text), list(f.module_summary.kinds.map((kind) => kind.text)));
      return box;
    };

    const moduleCell = (mods) => {
      if (!mods.length) return null;
      const box = el("div");
      mods.forEach((mod) => {
        const item = el("div", null, { class: "kb-compare__module-item" });
        item.append(el("strong", mod.name));
        const facts = [[labels.frequency, mod.frequency], [labels.weekly_hours, mod.weekly_hours_text],
          [labels.duration, mod.duration], [labels.max_group, mod.max_group_size]]
          .filter(([, value]) => value !== null && value !== undefined && value !== "");
        if (facts.length) {
          const dl = el("dl", null, { class: "kb-compare__module" });
          facts.forEach(([label, value]) => { dl.append(el("dt", label), el("dd", String(value))); });
          item.append(dl);
        }
        box.append(item);
      });
      return box;
    };

    const render = (fiches) => {
      holder.textContent = "";
      if (toolbar) toolbar.hidden = fiches.length < 2;
      if (!fiches.length) { message.textContent = emptyText; return; }
      message.textContent = fiches.length < 2 ? emptyText : "";
      const table = el("table", null, { class: "kb-compare-table" });
      table.style.setProperty("--kb-columns", fiches.length);
      const head = el("thead");
      const headRow = el("tr");
      headRow.append(el("td"));
      fiches.forEach((f) => {
        const th = el("th", null, { scope: "col" });
        th.append(el("a", f.title, { href: pageUrl(f) }), el("div", f.organisation, { class: "kb-muted" }));
        const remove = el("button", labels.remove, { type: "button", class: "kb-compare__remove",
          "aria-label": `${labels.remove} – ${f.title}` });
        remove.addEventListener("click", () => { ids = ids.filter((id) => id !== f.id); update(); });
        th.append(remove);
        headRow.append(th);
      });
      head.append(headRow);
      table.append(head);
      const body = el("tbody");
      let section = false;
      const row = (label, cell, startsSection, key) => {
        section = section || startsSection;
        const cells = fiches.map(cell);
        if (cells.every((content) => !content)) return;  // nothing to compare: leave the row out
        const tr = el("tr", null, key ? { "data-row": key } : {});
        const head = el("th", label, { scope: "row" });
        if (section) tr.className = "kb-compare__section";
        section = false;
        tr.append(head);
        cells.forEach((content, index) => {
          const td = el("td", null, { "data-project": fiches[index].title });  // named above the value on a phone
          td.append(content || el("span", labels.not_given, { class: "kb-muted" }));
          tr.append(td);
        });
        const texts = [...tr.querySelectorAll("td")].map((td) => td.textContent.trim());
        if (fiches.length > 1 && texts.every((text) => text === texts[0])) tr.dataset.same = "";
        else if (fiches.length > 1) {  // marked in words, not only in colour
          tr.dataset.differs = "";
          head.append(" ", el("span", labels.differs, { class: "kb-compare__differs" }));
        }
        body.append(tr);
      };
      const text = (value) => (value === null || value === undefined || value === "" ? null : el("span", value));
      row(labels.municipality, (f) => text(`${f.municipality} (${f.region})`), false, "municipality");
      row(labels.target_group, (f) => list(f.profiles), true, "target_group");
      row(labels.criteria, (f) => list(outline(f, "criteria")), false, "criteria");
      row(labels.staffing, (f) => list(f.roles), true, "staffing");
      // the fact record's wording: qualified ('minstens 21 uur') or contradicted ('2,5–3 (bron tegenstrijdig)')
      row(labels.total_fte, (f) => (f.total_fte === null ? null : el("strong", f.total_fte_text)),
        false, "total_fte");
      // the key facts' line: the project's figures as the source states them (one line), else the source's words
      // about its week and each module's intensity named with its basis (a list): never one module's as the project's
      row(labels.intensity, (f) => (f.hours.text ? text(f.hours.key_text) : list(f.hours.lines)), false, "weekly_hours");
      row(labels.budget, (f) => text(f.budget_amount), true, "budget");
      row(labels.budget_personnel, (f) => text(f.budget_personnel), false, "budget_personnel");
      row(labels.budget_material, (f) => text(f.budget_material), false, "budget_material");
      row(labels.module_summary, moduleSummary, true, "module_summary");
      const kinds = [];
      fiches.forEach((f) => (f.modules || []).forEach((m) => { if (!kinds.includes(m.kind)) kinds.push(m.kind); }));
      kinds.forEach((kind) => {
        row(fill(labels.modules_of_kind || "{kind}", { kind }), (f) => moduleCell((f.modules || []).filter((m) => m.kind === kind)),
          false, "modules");
      });
      row(labels.competences, (f) => {
        const box = el("div");
        const competences = outline(f, "competences") || {};
        Object.keys(competences).forEach((key) => {
          box.append(el("strong", f.competence_labels[key] || key), list(competences[key]) || "");
        });
        return box.childNodes.length ? box : null;
      }, true, "competences");
      row(labels.pros, (f) => list(outline(f, "pros")), true, "pros");
      row(labels.cons, (f) => list(outline(f, "cons")), false, "cons");
      row(labels.future, (f) => list(outline(f, "future")), false, "future");
      row(labels.as_of, (f) => text([f.as_of, f.period].filter(Boolean).join(" · ")), true, "as_of");
      row(labels.conflicts, (f) => list((f.conflicts || []).map((c) => c.summary)), false, "conflicts");
      table.append(body);
      holder.append(table);
      applyFilter();
    };

    const applyFilter = () => {
      const table = holder.querySelector("table");
      if (!table) return;
      table.classList.toggle("kb-compare-table--differences", Boolean(onlyDiff && onlyDiff.checked));
    };

    const fetchFiche = (id) => {
      if (!cache[id]) {
        cache[id] = fetch(dataUrl(id)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      }
      return cache[id];
    };

    const update = () => {
      Promise.all(ids.map(fetchFiche)).then((fiches) => {
        const missing = ids.filter((id, index) => !fiches[index]);
        unknown = [...new Set([...unknown, ...missing])];
        fiches = fiches.filter(Boolean);
        ids = fiches.map((f) => f.id);
        setUrl();
        refreshPicker();
        showNotice();
        render(fiches);
      });
    };

    picker.addEventListener("submit", (event) => {
      event.preventDefault();
      const id = select.value;
      if (!id || ids.includes(id)) return;
      if (ids.length >= MAX) { message.textContent = root.dataset.maxMessage || ""; return; }
      ids.push(id);
      update();
    });
    if (shareButton) {
      shareButton.addEventListener("click", async () => {
        const url = window.location.href;
        shared.textContent = "";
        try {
          if (navigator.share) { await navigator.share({ title: document.title, url }); return; }
          await navigator.clipboard.writeText(url);
          shared.textContent = labels.copied || url;
        } catch {
          shared.textContent = url;  // no share sheet nor clipboard: the address to copy by hand
        }
      });
    }
    if (printButton) printButton.addEventListener("click", () => window.print());
    if (onlyDiff) {
      const params = new URLSearchParams(window.location.search);
      onlyDiff.checked = params.get("diff") === "1";
      onlyDiff.addEventListener("change", () => {
        const next = new URLSearchParams(window.location.search);
        if (onlyDiff.checked) next.set("diff", "1");
        else next.delete("diff");
        const query = next.toString().replaceAll("%2C", ",");
        window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : ""));
        applyFilter();
      });
    }
    refreshPicker();
    update();
  };

  const init = () => document.querySelectorAll("[data-kb-compare-page]").forEach(initCompare);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
