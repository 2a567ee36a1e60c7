/* The review notice and the competence overview (catalogues: kb-catalogue.js; compare: kb-compare.js).
   Data is only ever inserted with textContent. */
(function () {
  "use strict";

  /* The URL of a fiche's data file, from the pattern the build wrote (scripts/build/urls.py). */
  function ficheDataUrl(node) {
    var pattern = node.getAttribute("data-fiche-data");
    return function (id) { return pattern.replace("{id}", encodeURIComponent(id)); };
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
          }).join("; ") + (f.total_fte !== null ? " — " + labels.total_fte + " " + (f.total_fte_text || String(f.total_fte).replace(".", ",")) : "")));
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
    Array.prototype.forEach.call(document.querySelectorAll("[data-review-by]"), initReview);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-overview]"), initOverview);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
