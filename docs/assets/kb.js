/* Catalogue filters and the compare view. Progressive enhancement: the server-rendered
   list is complete without JavaScript. Data is only ever inserted with textContent. */
(function () {
  "use strict";

  /* How many fiches fit side by side: written once by the build (render.COMPARE_MAX) as data-max. */
  function maxCompare() {
    var node = document.querySelector("[data-max]");
    return node ? Number(node.getAttribute("data-max")) : 0;
  }

  /* The URL of a fiche's data file, from the pattern the build wrote (scripts/build/urls.py). */
  function ficheDataUrl(node) {
    var pattern = node.getAttribute("data-fiche-data");
    return function (id) { return pattern.replace("{id}", encodeURIComponent(id)); };
  }
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function splitCodes(value) {
    return value ? value.split(" ").filter(Boolean) : [];
  }

  function parseIds(value) {
    return (value || "").split(",").filter(function (id) { return ID.test(id); })
      .filter(function (id, index, all) { return all.indexOf(id) === index; }).slice(0, maxCompare());
  }

  /* ---------------------------------------------------------------- catalogue */
  function initCatalogue(root) {
    var form = root.querySelector("[data-kb-filters]");
    var list = root.querySelector("[data-kb-list]");
    var status = root.querySelector("[data-kb-count]");
    if (!form || !list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".kb-card"));
    var facets = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (el) {
      return el.getAttribute("data-facet");
    });
    var total = cards.length;
    var template = status.getAttribute("data-template") || "";
    var records = cards.map(function (card) {
      // data-f holds every facet code of the card as "key:code" pairs; the text to search is the card's own
      var record = { card: card, codes: {} };
      facets.forEach(function (key) { record.codes[key] = []; });
      splitCodes(card.getAttribute("data-f")).forEach(function (pair) {
        var cut = pair.indexOf(":");
        var key = pair.slice(0, cut);
        if (record.codes[key]) record.codes[key].push(pair.slice(cut + 1));
      });
      record.search = card.textContent.replace(/\s+/g, " ").toLowerCase();
      var heading = card.querySelector("h2, h3");
      record.title = heading ? heading.textContent.trim().toLowerCase() : "";
      record.place = card.getAttribute("data-place") || "";
      record.fte = card.hasAttribute("data-fte") ? parseFloat(card.getAttribute("data-fte")) : null;
      record.hours = card.hasAttribute("data-hours") ? parseFloat(card.getAttribute("data-hours")) : null;
      return record;
    });
    var countNodes = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-count-for]"), function (node) {
      countNodes[node.getAttribute("data-count-for")] = node;
    });

    function readState() {
      var state = { q: form.elements.q.value.trim().toLowerCase(), sort: form.elements.sort.value, facets: {} };
      state.fteMin = form.elements.fte_min.value === "" ? null : parseFloat(form.elements.fte_min.value);
      state.fteMax = form.elements.fte_max.value === "" ? null : parseFloat(form.elements.fte_max.value);
      facets.forEach(function (key) {
        state.facets[key] = Array.prototype.filter.call(form.querySelectorAll("input[name='" + key + "']"),
          function (box) { return box.checked; }).map(function (box) { return box.value; });
      });
      return state;
    }

    function matches(record, state, skip) {
      if (state.q) {
        var words = state.q.split(/\s+/);
        for (var w = 0; w < words.length; w++) if (record.search.indexOf(words[w]) === -1) return false;
      }
      if (state.fteMin !== null && !(record.fte !== null && record.fte >= state.fteMin)) return false;
      if (state.fteMax !== null && !(record.fte !== null && record.fte <= state.fteMax)) return false;
      for (var i = 0; i < facets.length; i++) {
        var key = facets[i];
        var wanted = state.facets[key];
        if (key === skip || !wanted.length) continue;
        var ok = false;
        for (var j = 0; j < wanted.length; j++) if (record.codes[key].indexOf(wanted[j]) !== -1) { ok = true; break; }
        if (!ok) return false;
      }
      return true;
    }

    var comparators = {
      "title": function (a, b) { return a.title.localeCompare(b.title); },
      "municipality": function (a, b) { return a.place.localeCompare(b.place); },
      "reviewed": function (a, b) { return b.card.dataset.reviewed.localeCompare(a.card.dataset.reviewed); },
      "fte-desc": function (a, b) { return (b.fte === null ? -1 : b.fte) - (a.fte === null ? -1 : a.fte); },
      "fte-asc": function (a, b) { return (a.fte === null ? 1e9 : a.fte) - (b.fte === null ? 1e9 : b.fte); },
      "hours-desc": function (a, b) { return (b.hours === null ? -1 : b.hours) - (a.hours === null ? -1 : a.hours); }
    };

    function writeUrl(state) {
      var params = new URLSearchParams(window.location.search);
      ["q", "sort", "fte_min", "fte_max"].concat(facets).forEach(function (key) { params.delete(key); });
      if (state.q) params.set("q", form.elements.q.value.trim());
      if (state.sort && state.sort !== "title") params.set("sort", state.sort);
      if (state.fteMin !== null) params.set("fte_min", String(state.fteMin));
      if (state.fteMax !== null) params.set("fte_max", String(state.fteMax));
      facets.forEach(function (key) { if (state.facets[key].length) params.set(key, state.facets[key].join(",")); });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function apply(updateUrl) {
      var state = readState();
      var shown = 0;
      var visible = [];
      records.forEach(function (record) {
        var ok = matches(record, state, null);
        record.card.hidden = !ok;
        if (ok) { shown++; visible.push(record); }
      });
      facets.forEach(function (key) {
        var counts = {};
        records.forEach(function (record) {
          if (!matches(record, state, key)) return;
          record.codes[key].forEach(function (code) { counts[code] = (counts[code] || 0) + 1; });
        });
        Object.keys(countNodes).forEach(function (id) {
          if (id.indexOf(key + ":") !== 0) return;
          countNodes[id].textContent = "(" + (counts[id.slice(key.length + 1)] || 0) + ")";
        });
      });
      var sorted = records.slice().sort(comparators[state.sort] || comparators.title);
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (record) { fragment.appendChild(record.card); });
      list.appendChild(fragment);
      status.textContent = template.replace("{shown}", shown).replace("{total}", total);
      if (updateUrl) writeUrl(state);
      return shown;
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      form.elements.q.value = params.get("q") || "";
      var sort = params.get("sort");
      if (sort && comparators[sort]) form.elements.sort.value = sort;
      form.elements.fte_min.value = params.get("fte_min") || "";
      form.elements.fte_max.value = params.get("fte_max") || "";
      facets.forEach(function (key) {
        var wanted = (params.get(key) || "").split(",");
        Array.prototype.forEach.call(form.querySelectorAll("input[name='" + key + "']"), function (box) {
          box.checked = wanted.indexOf(box.value) !== -1;
        });
      });
    }

    form.hidden = false;
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    readUrl();
    apply(false);
    initCompareSelection(root);
  }

  function initCompareSelection(root) {
    var bar = root.querySelector("[data-kb-compare-bar]");
    if (!bar) return;
    var label = bar.getAttribute("data-label");
    var boxes = Array.prototype.map.call(root.querySelectorAll(".kb-card"), function (card) {
      var p = document.createElement("p");
      p.className = "kb-card__compare";
      var lab = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = card.getAttribute("data-id");
      box.setAttribute("data-kb-compare", "");
      var heading = card.querySelector("h2");
      lab.appendChild(box);
      lab.appendChild(document.createTextNode(" " + label + ": " + (heading ? heading.firstChild.textContent : "")));
      p.appendChild(lab);
      card.appendChild(p);
      return box;
    });
    if (!boxes.length) return;
    var link = bar.querySelector("[data-kb-compare-link]");
    var count = bar.querySelector("[data-kb-compare-count]");
    function update() {
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      boxes.forEach(function (box) { box.disabled = !box.checked && chosen.length >= maxCompare(); });
      count.textContent = String(chosen.length);
      bar.hidden = chosen.length === 0;
      link.href = bar.getAttribute("data-href") + "?ids=" + chosen.join(",");
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  /* ---------------------------------------------------------------- compare */
  function initCompare(root) {
    var labels = JSON.parse(root.getAttribute("data-labels"));
    var dataUrl = ficheDataUrl(root);
    var picker = root.querySelector("[data-kb-picker]");
    var message = root.querySelector("[data-kb-compare-message]");
    var holder = root.querySelector("[data-kb-compare-table]");
    var emptyText = message.textContent;
    var ids = parseIds(new URLSearchParams(window.location.search).get("ids"));
    var lang = document.documentElement.lang || "nl";
    picker.hidden = false;

    function num(value) {
      return value === null || value === undefined ? labels.not_given : String(value).replace(".", ",");
    }
    function el(tag, text, attrs) {
      var node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = text;
      Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
      return node;
    }
    function list(items) {
      if (!items || !items.length) return el("span", labels.not_given, { "class": "kb-muted" });
      var ul = el("ul");
      items.forEach(function (item) { ul.appendChild(el("li", item)); });
      return ul;
    }
    function setUrl() {
      var url = window.location.pathname + (ids.length ? "?ids=" + ids.join(",") : "");
      window.history.replaceState(null, "", url);
    }

    function render(fiches) {
      holder.textContent = "";
      if (!fiches.length) { message.textContent = emptyText; return; }
      message.textContent = "";
      var table = el("table", null, { "class": "kb-compare-table" });
      var head = el("thead");
      var headRow = el("tr");
      headRow.appendChild(el("td"));
      fiches.forEach(function (f) {
        var th = el("th", null, { scope: "col" });
        var a = el("a", f.title, { href: f.url });
        th.appendChild(a);
        th.appendChild(el("div", f.organisation, { "class": "kb-muted" }));
        var remove = el("button", labels.remove, { type: "button", "class": "kb-compare__remove",
          "aria-label": labels.remove + " – " + f.title });
        remove.addEventListener("click", function () {
          ids = ids.filter(function (id) { return id !== f.id; });
          setUrl(); load();
        });
        th.appendChild(remove);
        headRow.appendChild(th);
      });
      head.appendChild(headRow);
      table.appendChild(head);
      var body = el("tbody");
      function row(label, cell, section) {
        var tr = el("tr", null, section ? { "class": "kb-compare__section" } : {});
        tr.appendChild(el("th", label, { scope: "row" }));
        fiches.forEach(function (f) { var td = el("td"); var content = cell(f); if (content) td.appendChild(content); tr.appendChild(td); });
        body.appendChild(tr);
      }
      row(labels.municipality, function (f) { return el("span", f.municipality + " (" + f.region + ")"); });
      row(labels.target_group, function (f) { return list(f.profiles); }, true);
      row(labels.criteria, function (f) { return list(f.criteria); });
      row(labels.staffing, function (f) {
        return list(f.roles.map(function (r) { return r.count + " × " + r.role + " (" + num(r.fte) + " " + labels.fte + ")"; }));
      }, true);
      row(labels.total_fte, function (f) { return el("strong", num(f.total_fte)); });
      row(labels.budget_personnel, function (f) { return el("span", f.budget_personnel || labels.not_given); }, true);
      row(labels.budget_material, function (f) { return el("span", f.budget_material || labels.not_given); });
      var maxModules = Math.max.apply(null, fiches.map(function (f) { return f.modules.length; }));
      for (var m = 0; m < maxModules; m++) {
        row(labels.modules + " " + (m + 1), function (f) {
          var mod = f.modules[m];
          if (!mod) return null;
          var box = el("div");
          box.appendChild(el("strong", mod.name));
          box.appendChild(el("div", mod.kind, { "class": "kb-muted" }));
          var dl = el("dl", null, { "class": "kb-compare__module" });
          [[labels.frequency, mod.frequency], [labels.weekly_hours, mod.weekly_hours === null ? null : num(mod.weekly_hours)],
           [labels.duration, mod.duration], [labels.max_group, mod.max_group_size]].forEach(function (pair) {
            dl.appendChild(el("dt", pair[0]));
            dl.appendChild(el("dd", pair[1] === null || pair[1] === undefined ? labels.not_given : String(pair[1])));
          });
          box.appendChild(dl);
          return box;
        }, m === 0);
      }
      row(labels.competences, function (f) {
        var box = el("div");
        Object.keys(f.competences).forEach(function (key) {
          box.appendChild(el("strong", f.competence_labels[key] || key));
          box.appendChild(list(f.competences[key]));
        });
        return box.childNodes.length ? box : el("span", labels.not_given, { "class": "kb-muted" });
      }, true);
      row(labels.pros, function (f) { return list(f.pros); }, true);
      row(labels.cons, function (f) { return list(f.cons); });
      row(labels.future, function (f) { return list(f.future); });
      table.appendChild(body);
      holder.appendChild(table);
    }

    function load() {
      Promise.all(ids.map(function (id) {
        return fetch(dataUrl(id)).then(function (r) { return r.ok ? r.json() : null; })
          .catch(function () { return null; });
      })).then(function (fiches) {
        fiches = fiches.filter(Boolean);
        ids = fiches.map(function (f) { return f.id; });
        setUrl();
        render(fiches);
      });
    }

    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = picker.elements.add.value;
      if (ids.indexOf(id) !== -1) return;
      if (ids.length >= maxCompare()) { message.textContent = root.getAttribute("data-max-message") || ""; return; }
      ids.push(id);
      setUrl();
      load();
    });
    document.documentElement.setAttribute("data-kb-lang", lang);
    load();
  }

  /* ---------------------------------------------------------------- review notice */
  function initReview(node) {
    // Decided in the visitor's browser from today's date, so the built page stays reproducible.
    var due = node.getAttribute("data-review-by");
    var today = new Date();
    var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" +
      String(today.getDate()).padStart(2, "0");
    node.hidden = !(due && iso > due);
  }

  /* ---------------------------------------------------------------- competence overview */
  function initOverview(root) {
    var labels = JSON.parse(root.getAttribute("data-labels"));
    var dataUrl = ficheDataUrl(root);
    var picker = root.querySelector("[data-kb-overview-picker]");
    var result = root.querySelector("[data-kb-overview-result]");
    var boxes = Array.prototype.slice.call(picker.querySelectorAll("input[name='module']"));
    var MODULE = /^[a-z0-9-]+--[a-z0-9-]+$/;
    picker.hidden = false;

    function el(tag, text) {
      var node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = text;
      return node;
    }
    function chosen() { return boxes.filter(function (b) { return b.checked; }); }

    function render() {
      var picked = chosen();
      var params = new URLSearchParams(window.location.search);
      if (picked.length) params.set("modules", picked.map(function (b) { return b.value; }).join(","));
      else params.delete("modules");
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      if (!picked.length) { result.textContent = ""; result.appendChild(el("p", labels.empty)); return; }
      var fiches = [];
      picked.forEach(function (b) { var f = b.getAttribute("data-fiche"); if (fiches.indexOf(f) === -1) fiches.push(f); });
      Promise.all(fiches.map(function (id) {
        return fetch(dataUrl(id)).then(function (r) { return r.ok ? r.json() : null; });
      })).then(function (data) {
        data = data.filter(Boolean);
        result.textContent = "";
        result.appendChild(el("h3", labels.modules));
        var ul = el("ul");
        picked.forEach(function (b) { ul.appendChild(el("li", b.parentNode.textContent.trim())); });
        result.appendChild(ul);
        result.appendChild(el("h3", labels.competences));
        var merged = {};
        var order = [];
        data.forEach(function (f) {
          Object.keys(f.competences).forEach(function (key) {
            if (!merged[key]) { merged[key] = []; order.push(key); }
            f.competences[key].forEach(function (item) { if (merged[key].indexOf(item) === -1) merged[key].push(item); });
          });
        });
        var labelsByKey = {};
        data.forEach(function (f) { Object.keys(f.competence_labels).forEach(function (k) { labelsByKey[k] = f.competence_labels[k]; }); });
        order.forEach(function (key) {
          result.appendChild(el("h4", labelsByKey[key] || key));
          var list = el("ul");
          merged[key].forEach(function (item) { list.appendChild(el("li", item)); });
          result.appendChild(list);
        });
        result.appendChild(el("h3", labels.staffing));
        var staff = el("ul");
        data.forEach(function (f) {
          var li = el("li");
          li.appendChild(el("strong", f.title + " – " + f.organisation + ": "));
          li.appendChild(document.createTextNode(f.roles.map(function (r) {
            return r.count + " × " + r.role + " (" + String(r.fte).replace(".", ",") + " " + labels.fte + ")";
          }).join("; ") + (f.total_fte !== null ? " — " + labels.total_fte + " " + String(f.total_fte).replace(".", ",") : "")));
          staff.appendChild(li);
        });
        result.appendChild(staff);
      });
    }
    var wanted = (new URLSearchParams(window.location.search).get("modules") || "").split(",")
      .filter(function (id) { return MODULE.test(id); });
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; b.addEventListener("change", render); });
    render();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-catalogue]"), initCatalogue);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-compare-page]"), initCompare);
    Array.prototype.forEach.call(document.querySelectorAll("[data-review-by]"), initReview);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-overview]"), initOverview);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
