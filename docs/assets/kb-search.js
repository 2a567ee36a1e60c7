/* Search box (Pagefind) in Material's header. A query downloads only the index chunks and result
   fragments it needs, from the index of the page's language. Each result links to the section of the
   page that answers the query, names the fiche, its organisation and that section, and shows an excerpt
   around the query's words; only those words are highlighted. Filters (region, theme, kind of guidance)
   come from the index with their counts. A query that is a term of the other language is bridged to its
   equivalent, and the query can be repeated on the other languages' sites (assets/search/<lang>.json,
   written at build time from the glossary, the thesaurus and the fiches). A word of the thesaurus is searched
   with every word of its group ("woonzorgcentrum" finds "rusthuis"), and the box says which words it added.
   Data from the index is only ever inserted with textContent. Loaded as a module (mkdocs.yml). */

const EXCERPT_WORDS = 30;
const DEBOUNCE_MS = 120;
const PHRASE_BOOST = 2;
const MAX_VARIANTS = 12;  // combinations of thesaurus words searched for one query
const SYNONYM_WEIGHT = 0.5;  // a page found by another word of the thesaurus group than the one typed
const FILTER_KEYS = ["region", "theme", "kind"];
// the page a result leads to marks the query's words (kb-page.js, with Pagefind's own highlighter)
const HIGHLIGHT_PARAM = "pagefind-highlight";
const MAX_HIGHLIGHT = 12;  // distinct words marked on the page a result leads to

const { el, fill: format } = window.kbDom;  // assets/kb-dom.js and kb-words.js, classic scripts run before this module
const { fold, parts, groups: queryGroups, variants } = window.kbWords;

/* The words of a query worth highlighting and matching: no stop words, unless the query has nothing else;
   then the thesaurus words searched with them. */
function queryTerms(query, stopwords, extra = []) {
  const all = parts(query.replace(/"/g, " "));
  const kept = all.filter((t) => !stopwords.has(t));
  const added = extra.flatMap(parts).filter((t) => !stopwords.has(t));
  return [...new Set([...(kept.length ? kept : all), ...added])];
}

/* The query's terms as matched in one result: a word matches a term when it is the term or the term with a
   plural ending of the language ("bemiddelaar" → "bemiddelaars", never "repos" → "repose"). The last term
   also matches longer words when the result does not hold it as a word: the reader is still typing it. */
function resultTerms(terms, words) {
  const present = new Set(words.flatMap(parts));
  return terms.map((text, i) => ({ text, prefix: i === terms.length - 1 && text.length >= 2 && !present.has(text) }));
}

/* Index of the term a word matches, or -1. */
function matchTerm(word, terms, endings) {
  for (const piece of parts(word)) {
    const index = terms.findIndex(({ text, prefix }) => piece === text
      || (piece.startsWith(text) && (prefix || endings.includes(piece.slice(text.length)))));
    if (index !== -1) return index;
  }
  return -1;
}

/* Lexicographic a > b for arrays of numbers. */
const greater = (a, b) => {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i !== -1 && a[i] > b[i];
};

/* The window of a section [start, end) that holds the most distinct query terms, then the most hits. */
function bestWindow(words, start, end, terms, endings) {
  const hits = [];
  for (let i = start; i < end; i++) hits.push(matchTerm(words[i], terms, endings));
  const length = Math.min(EXCERPT_WORDS, end - start);
  let best = [-1, -1, -1];
  let ties = [start];
  for (let at = start; at + length <= end; at++) {
    const window = hits.slice(at - start, at - start + length);
    const found = window.filter((h) => h !== -1);
    let phrase = 0;  // consecutive query terms in query order: "maison de repos" beats "maison … repos"
    let previous = -2;
    for (const h of found) {
      if (h === previous + 1) phrase++;
      previous = h;
    }
    const score = [new Set(found).size, phrase, found.length];
    if (greater(score, best)) { best = score; ties = [at]; } else if (!greater(best, score)) ties.push(at);
  }
  const from = ties[Math.floor(ties.length / 2)];  // the middle of equally good windows centres the hits
  return { from, to: Math.min(end, from + length), hits, offset: start };
}

/* Sections of a result: the page itself (before its first sub-heading) and every heading with an id. */
function sections(data) {
  const words = data.content.split(/[\r\n\s]+/g);
  const headings = (data.anchors || [])
    .filter((a) => /^h[2-6]$/i.test(a.element) && a.id && a.text && /\S/.test(a.text))
    .sort((a, b) => a.location - b.location);
  const list = [{ anchor: null, title: null, start: 0 }];
  for (const h of headings) list.push({ anchor: h.id, title: h.text.trim(), start: h.location });
  list.forEach((section, i) => { section.end = i + 1 < list.length ? list[i + 1].start : words.length; });
  return { words, list };
}

/* The section that answers the query. Words that name the page (its title, organisation or place, in either
   language) pick the page; the other words pick the section: "budget AMIE" → AMIE's budget. The section with
   the most distinct such words wins, then the best-weighted hits (a heading outweighs a passing mention). */
function bestSection(data, queryWords, endings) {
  const { words, list } = sections(data);
  const terms = resultTerms(queryWords, words);
  const naming = parts([data.meta?.title, data.meta?.organisation, data.meta?.place, data.meta?.alias]
    .filter(Boolean).join(" "));
  const rest = terms.filter((t) => !naming.some((w) => matchTerm(w, [t], endings) === 0));
  if (!rest.length) return { words, terms, section: list[0] };
  const scored = list.map((section) => {
    const located = (data.weighted_locations || []).filter((l) => l.location >= section.start && l.location < section.end);
    const matched = new Set();
    let weight = 0;
    for (const l of located) {
      const term = matchTerm(words[l.location] || "", rest, endings);
      if (term === -1) continue;
      matched.add(term);
      weight += l.balanced_score;
    }
    return { section, distinct: matched.size, weight };
  });
  scored.sort((a, b) => b.distinct - a.distinct || b.weight - a.weight);
  return { words, terms, section: scored[0].section };
}

/* The words of a result page that answer the query, folded (the highlighter ignores case and accents): the
   same words the excerpt marks — the query's terms and their plurals, never "repose" for "repos" — taken from
   the page itself, so that the page it leads to marks exactly those. */
function pageForms(words, terms, endings) {
  const forms = new Set();
  for (const word of words) {
    for (const piece of parts(word)) {
      if (forms.size < MAX_HIGHLIGHT && matchTerm(piece, terms, endings) !== -1) forms.add(piece);
    }
  }
  return [...forms];
}

function excerptNode(words, section, terms, endings) {
  const { from, to, hits, offset } = bestWindow(words, section.start, section.end, terms, endings);
  const p = el("p", null, { class: "kb-search-result__excerpt" });
  if (from > section.start) p.append("… ");
  for (let i = from; i < to; i++) {
    if (i > from) p.append(" ");
    p.append(hits[i - offset] !== -1 ? el("mark", words[i]) : words[i]);
  }
  if (to < section.end) p.append(" …");
  return p;
}

async function initSearch(box) {
  const input = box.querySelector("[data-kb-search-input]");
  const list = box.querySelector("[data-kb-search-list]");
  const meta = box.querySelector("[data-kb-search-meta]");
  const form = input.form;
  const toggle = document.getElementById("__search");
  const bundle = new URL(box.dataset.bundle, window.location.href);
  const siteRoot = new URL("../", bundle);
  const lang = document.documentElement.lang || "nl";
  const resultsShown = Number(box.dataset.results);  // scripts/site/search_data.RESULTS_SHOWN
  const dataUrl = new URL(box.dataset.searchData || `assets/search/${lang}.json`, siteRoot);

  const extras = el("div", null, { class: "kb-search-extras" });
  const filterBar = el("div", null, { class: "kb-search-filters", hidden: "" });
  const bridge = el("p", null, { class: "kb-search-bridge", hidden: "" });
  const otherSite = el("p", null, { class: "kb-search-other", hidden: "" });
  const addedNote = el("p", null, { class: "kb-search-added", hidden: "" });
  extras.append(filterBar, bridge, addedNote);
  meta.before(extras);
  list.after(otherSite);

  box.dataset.kbDone = "";
  let engine = null;
  let timer = null;
  let latest = 0;
  let data = { labels: {}, stopwords: [], bridge: [], ranking: {} };
  let stopwords = new Set();
  let endings = [];
  const selects = {};

  const label = (key) => data.labels[key] ?? box.dataset[key] ?? "";

  const load = () => {
    engine ??= Promise.all([
      import(`${bundle.href}pagefind.js`),
      fetch(dataUrl).then((r) => (r.ok ? r.json() : null)).catch(() => null),
    ]).then(async ([pagefind, loaded]) => {
      if (loaded) {
        data = loaded;
        stopwords = new Set(data.stopwords);
        endings = data.endings || [];
      }
      await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: EXCERPT_WORDS, ranking: data.ranking });
      await buildFilters(pagefind);
      return pagefind;
    }).catch((error) => {
      engine = null;  // offline for a moment: the next keystroke tries again
      throw error;
    });
    return engine;
  };

  async function buildFilters(pagefind) {
    let available = {};
    try { available = await pagefind.filters(); } catch { available = {}; }
    for (const key of FILTER_KEYS) {
      const values = Object.keys(available[key] || {}).sort((a, b) => a.localeCompare(b, lang));
      if (!values.length) continue;
      const select = el("select", null, { name: `kb-filter-${key}`, "data-kb-filter": key });
      select.append(el("option", label("filter_any"), { value: "" }));
      for (const value of values) {
        const option = el("option", value, { value });
        option.dataset.label = value;
        select.append(option);
      }
      select.addEventListener("change", () => { if (toggle) toggle.checked = true; schedule(0); });
      const wrap = el("label", null, { class: "kb-search-filter" });
      wrap.append(el("span", label(`filter_${key}`)), select);
      filterBar.append(wrap);
      selects[key] = select;
    }
    filterBar.hidden = !Object.keys(selects).length;
  }

  const chosenFilters = () => {
    const filters = {};
    for (const [key, select] of Object.entries(selects)) if (select.value) filters[key] = select.value;
    return filters;
  };

  function showCounts(counts) {
    for (const [key, select] of Object.entries(selects)) {
      for (const option of select.options) {
        if (!option.value) continue;
        const n = counts?.[key]?.[option.value] ?? 0;
        option.textContent = `${option.dataset.label} (${n})`;
        option.disabled = n === 0 && select.value !== option.value;
      }
    }
  }

  /* Counts for each filter's values as facets: a filter's own choice does not narrow its own counts, so a
     reader can switch from one region to another. */
  async function facetCounts(pagefind, query, filters, counts) {
    const result = { ...counts };
    for (const key of Object.keys(filters)) {
      const others = { ...filters };
      delete others[key];
      result[key] = (await pagefind.search(query || null, { filters: others })).filters?.[key] ?? {};
    }
    return result;
  }

  const count = (n) => {
    if (n === 0) return label("none");
    if (n === 1) return label("one");
    return label("other").replace("#", n);
  };

  const others = () => data.others || [];

  function showBridge(query) {
    bridge.textContent = "";
    const key = ` ${parts(query).join(" ")} `;
    const match = (data.bridge || [])
      .filter((b) => b.key.length >= 2 && key.includes(` ${parts(b.key).join(" ")} `))
      .sort((a, b) => b.key.length - a.key.length)[0];
    bridge.hidden = !match;
    if (!match) return;
    const language = others().find((o) => o.lang === match.lang)?.name ?? match.lang;
    bridge.append(format(label("bridge"), { term: match.term, equivalent: match.equivalent, language }), " — ");
    const action = el("button", label("bridge_action"), { type: "button", class: "kb-search-bridge__action" });
    action.addEventListener("click", () => { input.value = match.equivalent; schedule(0); input.focus(); });
    bridge.append(action);
  }

  /* The thesaurus words searched besides the reader's own ("Ook gezocht: rusthuis, WZC"). */
  function showAdded(words) {
    addedNote.hidden = !words.length;
    addedNote.textContent = words.length ? format(label("synonyms"), { words: words.join(", ") }) : "";
  }

  /* The same query on each other language's site (?q= opens its search box with it). */
  function showOtherSite(query) {
    otherSite.textContent = "";
    otherSite.hidden = !query || !others().length;
    if (otherSite.hidden) return;
    others().forEach((other, i) => {
      const target = new URL(other.root, siteRoot);
      target.searchParams.set("q", query);
      if (i) otherSite.append(" · ");
      otherSite.append(el("a", format(label("other_site"), { query, language: other.name }),
        { href: target.href, hreflang: other.lang }));
    });
  }

  function render(results, terms) {
    list.textContent = "";
    for (const result of results) {
      const { words, section, terms: matched } = bestSection(result, terms, endings);
      const item = el("li", null, { class: "md-search-result__item" });
      const url = new URL(result.url, window.location.href);
      url.hash = section.anchor || "";
      for (const form of pageForms(words, matched, endings)) url.searchParams.append(HIGHLIGHT_PARAM, form);
      const link = el("a", null, { class: "md-search-result__link", href: url.href, "data-kb-result": "" });
      const article = el("article", null, { class: "md-search-result__article md-typeset" });
      const title = result.meta?.fiche || result.meta?.title || "";
      article.append(el("h1", title));
      const where = [result.meta?.organisation, section.title].filter(Boolean);
      if (where.length) article.append(el("p", where.join(" · "), { class: "kb-search-result__where" }));
      article.append(excerptNode(words, section, matched, endings));
      link.append(article);
      item.append(link);
      list.append(item);
    }
  }

  /* Pagefind finds pages holding every word of a query, wherever they are. A reader who types several
     words usually means them together: pages that hold the exact phrase get their score multiplied by
     PHRASE_BOOST. A query in quotes finds only the pages holding the phrase (Pagefind's exact search),
     ranked by the same scores, so that weights (fiches before listing pages) still apply. */
  async function searchWithPhrase(pagefind, query, filters, quoted) {
    const bare = query.replace(/"/g, " ").replace(/\s+/g, " ").trim();
    if (bare.split(" ").length < 2) return pagefind.search(bare || null, { filters });
    const [all, phrase] = await Promise.all([
      pagefind.search(bare, { filters }),
      pagefind.search(`"${bare}"`, { filters }),
    ]);
    const together = new Set(phrase.results.map((r) => r.id));
    if (quoted) return { ...phrase, results: all.results.filter((r) => together.has(r.id)) };
    const score = (r) => r.score * (together.has(r.id) ? PHRASE_BOOST : 1);
    return { ...all, results: all.results.map((r) => ({ result: r, score: score(r) })) };
  }

  /* The thesaurus groups, then each term of the other language with its equivalent in this one and the
     equivalent's own group: "vrijwilligerswerk" typed on the French site is searched as "bénévolat" and
     "volontariat" too. */
  let groupsMemo = null;
  const wordGroups = () => {
    const synonyms = data.synonyms || [];
    groupsMemo ??= [...synonyms, ...(data.bridge || []).map((b) => {
      const key = fold(b.equivalent);
      const own = synonyms.find((group) => group.some((w) => w.key === key)) || [{ term: b.equivalent, key }];
      return [{ term: b.term, key: b.key, from: b.lang }, ...own];
    })];
    return groupsMemo;
  };

  /* Pagefind has no synonyms, so the box searches every combination of the thesaurus words of the query
     (at most MAX_VARIANTS) and keeps each page's best score. A page holding every word the reader means (any
     word of each group) ranks above a page holding only some of them; those follow, by how many they hold,
     so that "bénévolat en maison de repos" still shows the pages about one of the two. */
  async function searchExpanded(pagefind, query, filters) {
    const quoted = /^\s*".+"\s*$/.test(query);
    const list = queryGroups(query.replace(/"/g, " "), wordGroups(), stopwords);
    const bare = query.replace(/"/g, " ").trim();
    const chosen = quoted || !list.length ? [{ text: bare, picks: [] }] : variants(list, MAX_VARIANTS);
    // the reader's own word (or, for a term of the other language, its equivalent here) counts in full,
    // another word of its group for SYNONYM_WEIGHT: a page that says "volontariat" answers "bénévolat", but
    // one that says "bénévolat" answers it better
    const exact = (group, pick) => pick === 0 || (pick === 1 && Boolean(group.matched?.from));
    const weight = (v) => v.picks.reduce((w, pick, i) => w * (exact(list[i], pick) ? 1 : SYNONYM_WEIGHT), 1);
    const texts = chosen.map((v) => v.text);
    const best = new Map();
    const keep = (result, score, held) => {
      const seen = best.get(result.id);
      if (!seen || held > seen.held || (held === seen.held && score > seen.score)) best.set(result.id, { result, score, held });
    };
    const found = await Promise.all(texts.map((text) => searchWithPhrase(pagefind, quoted ? `"${text}"` : text, filters, quoted)));
    const words = list.filter((g) => !g.stop);
    found.forEach((search, v) => search.results.forEach((r) => (r.result
      ? keep(r.result, r.score * weight(chosen[v]), words.length) : keep(r, r.score * weight(chosen[v]), words.length))));
    if (!quoted && words.length > 1) {
      const alone = await Promise.all(words.map((g) => Promise.all(g.alternatives.map((alt) => pagefind.search(alt, { filters })))));
      const held = new Map();
      alone.forEach((searches, index) => searches.forEach((search, pick) => search.results.forEach((r) => {
        const entry = held.get(r.id) || { result: r, score: 0, groups: new Set() };
        entry.groups.add(index);
        entry.score = Math.max(entry.score, r.score * (exact(words[index], pick) ? 1 : SYNONYM_WEIGHT));
        held.set(r.id, entry);
      })));
      held.forEach((entry) => keep(entry.result, entry.score, entry.groups.size));
    }
    // Fiches first among pages holding as many of the words: a listing page (a theme's, the glossary) titled
    // with a word of the group must not outrank the fiches it lists (Pagefind's title weight would let it).
    // (the same words again, narrowed to fiche pages: an empty query would fetch every index chunk)
    const searched = [...new Set([...texts, ...(!quoted && words.length > 1 ? words.flatMap((g) => g.alternatives) : [])])];
    const narrowed = await Promise.all(searched.map((text) => pagefind.search(text, { filters: { ...filters, page: "fiche" } })));
    const fiches = new Set(narrowed.flatMap((search) => search.results.map((r) => r.id)));
    const fiche = (e) => (fiches.has(e.result.id) ? 1 : 0);
    const results = [...best.values()].sort((a, b) => b.held - a.held || fiche(b) - fiche(a) || b.score - a.score)
      .map((e) => e.result);
    const added = [...new Set(list.flatMap((g) => g.synonyms))];
    // filter counts of the combination that finds the most pages (Pagefind counts one query at a time)
    const widest = found.reduce((a, b) => ((b.results?.length || 0) > (a.results?.length || 0) ? b : a), found[0]);
    return { results, filters: widest?.filters, added: quoted ? [] : added };
  }

  async function run() {
    const query = input.value.trim();
    const typed = input.value;
    const ticket = ++latest;
    const filters = chosenFilters();
    const done = () => {
      if (ticket !== latest) return;
      box.dataset.kbDone = typed;
      delete box.dataset.kbBusy;
    };
    if (!query && !Object.keys(filters).length) {
      list.textContent = "";
      bridge.hidden = true;
      addedNote.hidden = true;
      otherSite.hidden = true;
      meta.textContent = box.dataset.placeholder;
      if (engine) showCounts(null);
      done();
      return;
    }
    try {
      const pagefind = await load();
      if (ticket !== latest) return;
      const search = await searchExpanded(pagefind, query, filters);
      if (ticket !== latest) return;
      const terms = queryTerms(query, stopwords, search.added);
      const results = await Promise.all(search.results.slice(0, resultsShown).map((r) => r.data()));
      if (ticket !== latest) return;
      meta.textContent = count(search.results.length);
      showCounts(await facetCounts(pagefind, query, filters, search.filters));
      if (ticket !== latest) return;
      showBridge(query);
      showAdded(search.added);
      showOtherSite(query);
      render(results, terms);
    } catch {
      list.textContent = "";
      meta.textContent = label("error") || box.dataset.none;
    }
    done();
  }

  function schedule(delay = DEBOUNCE_MS) {
    window.clearTimeout(timer);
    box.dataset.kbBusy = "";  // scripts/search_quality.py and the tests wait for kbDone = their query, not busy
    timer = window.setTimeout(run, delay);
  }

  input.addEventListener("focus", () => { if (toggle) toggle.checked = true; load(); });
  input.addEventListener("input", () => schedule());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle) { toggle.checked = false; input.blur(); }
    if (event.key === "ArrowDown") {
      const first = list.querySelector("[data-kb-result]");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  // arrow keys move through the results, Escape goes back to the query
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("[data-kb-result]")];
    const at = links.indexOf(document.activeElement);
    if (at === -1) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("[data-kb-result]");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", () => {
    for (const select of Object.values(selects)) select.value = "";
    schedule(0);
  });
  toggle?.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  // Tabbing past the box (to the page or back to the header) closes it: its panel would stay open over the page
  box.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (!toggle?.checked || !next || box.contains(next)) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });

  // ?q=… (the other language's site links here with the same query): open the box with it
  // (a catalogue page reads ?q= itself, as its own text filter's old parameter: see kb-catalogue.js)
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked && !document.querySelector("[data-kb-catalogue]")) {
    input.value = asked;
    if (toggle) toggle.checked = true;
    schedule(0);
  }
}

const root = document.querySelector("[data-kb-search]");
if (root) initSearch(root);
