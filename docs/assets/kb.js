/* The review notice and the competence overview (catalogues: kb-catalogue.js; compare: kb-compare.js).
   What the overview shows of a project comes worded from its data.json (scripts/site/catalogue.compare_data);
   data is only ever inserted with textContent. */
(() => {
  "use strict";

  const { el, fill, say } = window.kbDom;

  /* The URL of a fiche's data file, from the pattern the build wrote (scripts/site/urls.py). */
  const ficheDataUrl = (node) => {
    const pattern = node.getAttribute("data-fiche-data");
    return (id) => fill(pattern, { id: encodeURIComponent(id) });
  };

  /* ---------------------------------------------------------------- review notice */
  const initReview = (node) => {
    // Decided in the visitor's browser from today's date, so the built page stays reproducible.
    const due = node.getAttribute("data-review-by");
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-` +
      String(today.getDate()).padStart(2, "0");
    node.hidden = !(due && iso > due);
  };

  /* ---------------------------------------------------------------- competence overview */
  const initOverview = (root) => {
    const labels = JSON.parse(root.getAttribute("data-labels"));
    const dataUrl = ficheDataUrl(root);
    const picker = root.querySelector("[data-kb-overview-picker]");
    const result = root.querySelector("[data-kb-overview-result]");
    const boxes = [...picker.querySelectorAll("input[name='module']")];
    picker.hidden = false;

    const chosen = () => boxes.filter((b) => b.checked);

    const status = root.querySelector("[data-kb-overview-status]");
    const count = root.querySelector("[data-kb-overview-count]");
    const plural = (key, n) => say(labels, key, n);

    /* Competences of all chosen fiches, merged per kind in order of first appearance, without repeats; each
       with the projects that name it (competences belong to a project, not to one of its modules). */
    const mergedCompetences = (data) => {
      const merged = new Map();
      const labelsByKey = {};
      data.forEach((f) => {
        Object.keys(f.competences || {}).forEach((key) => {
          if (!merged.has(key)) merged.set(key, new Map());
          const items = merged.get(key);
          f.competences[key].forEach((item) => {
            if (!items.has(item)) items.set(item, []);
            if (!items.get(item).includes(f.title)) items.get(item).push(f.title);
          });
        });
        Object.assign(labelsByKey, f.competence_labels);
      });
      return [...merged].map(([key, items]) => ({ label: labelsByKey[key] || key,
        items: [...items].map(([text, projects]) => ({ text, projects })) }));
    };

    /* Beside the checkboxes: how many modules are chosen and, once their projects are read, how many
       competences they need, with a link down to the overview. */
    const showStatus = (modules, competences) => {
      status.hidden = !modules;
      count.textContent = [plural("chosen", modules), competences === null ? null : plural("count", competences)]
        .filter(Boolean).join(" · ");
    };

    let latest = 0;  // a later choice wins over an earlier one whose data arrives last
    const render = () => {
      const ticket = ++latest;
      const picked = chosen();
      const params = new URLSearchParams(window.location.search);
      if (picked.length) params.set("modules", picked.map((b) => b.value).join(","));
      else params.delete("modules");
      const query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : ""));
      showStatus(picked.length, null);
      if (!picked.length) {
        result.textContent = "";
        result.appendChild(el("p", labels.empty));
        return;
      }
      const fiches = [...new Set(picked.map((b) => b.getAttribute("data-fiche")))];
      Promise.all(fiches.map((id) => fetch(dataUrl(id)).then((r) => (r.ok ? r.json() : null))))
        .then((loaded) => {
          if (ticket !== latest) return;
          const data = loaded.filter(Boolean);
          result.textContent = "";
          result.appendChild(el("h3", labels.modules));
          const ul = el("ul");
          picked.forEach((b) => ul.appendChild(el("li", b.parentNode.textContent.trim())));
          result.appendChild(ul);
          result.appendChild(el("h3", labels.competences));
          const merged = mergedCompetences(data);
          merged.forEach(({ label, items }) => {
            result.appendChild(el("h4", label));
            const list = el("ul");
            items.forEach(({ text, projects }) => {
              const li = el("li", `${text} `);
              li.appendChild(el("span", `(${fill(labels.from, { projects: projects.join(", ") })})`,
                { class: "kb-overview__from" }));
              list.appendChild(li);
            });
            result.appendChild(list);
          });
          showStatus(picked.length, merged.reduce((n, g) => n + g.items.length, 0));
          result.appendChild(el("h3", labels.staffing));
          const staff = el("ul");
          data.forEach((f) => {
            const li = el("li");
            li.appendChild(el("strong", `${f.title} – ${f.organisation}${labels.colon} `));
            li.appendChild(document.createTextNode(f.staffing_text));
            staff.appendChild(li);
          });
          result.appendChild(staff);
        });
    };

    // an id in the address that names no module checks no box: the boxes are the only modules there are
    const wanted = (new URLSearchParams(window.location.search).get("modules") || "").split(",");
    boxes.forEach((b) => {
      b.checked = wanted.includes(b.value);
      b.addEventListener("change", render);
    });
    render();
  };

  const init = () => {
    document.querySelectorAll("[data-review-by]").forEach(initReview);
    document.querySelectorAll("[data-kb-overview]").forEach(initOverview);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
