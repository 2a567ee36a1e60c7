/* Search box (Pagefind) in Material's header: a query downloads only the index chunks and
   result fragments it needs, from the index of the page's language. Data from the index is only
   ever inserted with textContent. Loaded as a module (mkdocs.yml extra_javascript). */

const root = document.querySelector("[data-kb-search]");

const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
};

function initSearch(box) {
  const input = box.querySelector("[data-kb-search-input]");
  const list = box.querySelector("[data-kb-search-list]");
  const meta = box.querySelector("[data-kb-search-meta]");
  const form = input.form;
  const toggle = document.getElementById("__search");
  const bundle = new URL(box.dataset.bundle, window.location.href);
  const siteRoot = new URL("../", bundle).pathname;
  let engine = null;
  let latest = 0;

  const load = () => {
    engine ??= import(`${bundle.href}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ baseUrl: siteRoot });
      return pagefind;
    });
    return engine;
  };

  const excerpt = (html) => {
    // Pagefind marks hits with <mark>; rebuild it from text so no markup from the index is trusted.
    const p = el("p");
    let inMark = false;
    for (const part of html.split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>" || part === "</mark>") { inMark = part === "<mark>"; continue; }
      const decoded = new DOMParser().parseFromString(`<p>${part}</p>`, "text/html").body.textContent;
      p.append(inMark ? el("mark", decoded) : document.createTextNode(decoded));
    }
    return p;
  };

  const count = (n) => {
    if (n === 0) return box.dataset.none;
    if (n === 1) return box.dataset.one;
    return box.dataset.other.replace("#", n);
  };

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.textContent = "";
      meta.textContent = box.dataset.placeholder;
      return;
    }
    try {
      const pagefind = await load();
      const search = await pagefind.debouncedSearch(query, {}, 150);
      if (!search || ticket !== latest) return;
      const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      if (ticket !== latest) return;
      list.textContent = "";
      meta.textContent = count(search.results.length);
      for (const result of results) {
        const item = el("li", null, "md-search-result__item");
        const link = el("a", null, "md-search-result__link");
        link.href = result.url;
        const article = el("article", null, "md-search-result__article md-typeset");
        article.append(el("h1", result.meta?.title), excerpt(result.excerpt || ""));
        link.append(article);
        item.append(link);
        list.append(item);
      }
    } catch {
      meta.textContent = box.dataset.none;
    }
  }

  input.addEventListener("focus", () => { if (toggle) toggle.checked = true; load(); });
  input.addEventListener("input", run);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle) { toggle.checked = false; input.blur(); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", () => window.setTimeout(run, 0));
  toggle?.addEventListener("change", () => { if (toggle.checked) input.focus(); });
}

if (root) initSearch(root);
